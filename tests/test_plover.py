"""PLOVER mode and contexts from cue lemmas (dyad.events.plover), on lemmas of dyad's parsers."""

from __future__ import annotations

import pytest

from dyad.data import PLOVER_MAP
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.events.plover import CONTEXTS, MODES, PloverCues, plover_cues
from dyad.lang.ru.segment import split_sentences


@pytest.fixture(scope="module")
def lemmas(engine):
    """lemmas(text, lang): the lemmas natasha/pymorphy3 (ru) or spaCy (en) give the text's words."""
    done: dict[tuple[str, str], list[str]] = {}

    def lemmatise(text: str, lang: str) -> list[str]:
        if (text, lang) not in done:
            if lang == "ru":
                sentences = split_sentences(text)
                engine.parser(sentences)
            else:
                sentences = engine.english.segment(text)
                engine.english.parser(sentences)
            done[text, lang] = [token.lemma for s in sentences for token in s.tokens]
        return done[text, lang]

    return lemmatise


@pytest.fixture(scope="module")
def cues() -> PloverCues:
    return plover_cues()


MODE_CASES = [
    # CONSULT
    ("ru", "CONSULT", "Президент России провёл телефонный разговор с канцлером Германии.", "phone"),
    ("ru", "CONSULT", "Министры иностранных дел обсудили ситуацию по видеосвязи.", "phone"),
    ("ru", "CONSULT", "Встреча глав правительств прошла в онлайн-формате.", "phone"),
    ("en", "CONSULT", "The two presidents spoke by phone on Tuesday about the crisis.", "phone"),
    ("en", "CONSULT", "The leaders held a video conference to discuss trade.", "phone"),
    ("ru", "CONSULT", "Главы МИД стран БРИКС встретились на саммите в Казани.", "multilateral"),
    ("ru", "CONSULT", "В ходе визита в Нью-Йорк министр провёл встречи на полях сессии ООН.",
     "multilateral"),
    ("en", "CONSULT", "Leaders of the G7 met at a summit in southern Italy.", "multilateral"),
    ("en", "CONSULT", "The ministers met on the sidelines of the UN General Assembly.", "multilateral"),
    ("ru", "CONSULT", "Переговоры делегаций прошли при посредничестве Катара.", "third-party"),
    ("en", "CONSULT", "The talks between the two sides were mediated by Egypt.", "third-party"),
    ("ru", "CONSULT", "Премьер-министр Индии прибыл с официальным визитом в Москву.", "visit"),
    ("ru", "CONSULT", "Глава МИД Китая посетил Пхеньян.", "visit"),
    ("en", "CONSULT", "The Chinese president arrived in Paris for a state visit.", "visit"),
    ("en", "CONSULT", "The chancellor travelled to Beijing for talks with the premier.", "visit"),
    # AID
    ("ru", "AID", "Власти предоставили политическое убежище журналисту.", "asylum"),
    ("en", "AID", "Germany granted asylum to the dissident writer.", "asylum"),
    ("ru", "AID", "Япония направила в район землетрясения гуманитарную помощь.", "humanitarian"),
    ("en", "AID", "The agency delivered food and medicine to the besieged city.", "humanitarian"),
    ("ru", "AID", "Германия передаст Киеву дополнительные системы ПВО и боеприпасы.", "military"),
    ("en", "AID", "Washington will send more artillery shells to Kyiv.", "military"),
    ("ru", "AID", "МВФ выделил стране кредит на три миллиарда долларов.", "economic"),
    ("en", "AID", "The World Bank approved a $500 million loan to Kenya.", "economic"),
    # RETREAT
    ("ru", "RETREAT", "Премьер-министр страны ушёл в отставку после массовых протестов.", "resign"),
    ("en", "RETREAT", "The defence minister resigned after the scandal.", "resign"),
    ("ru", "RETREAT", "Стороны соблюдали перемирие в течение всей ночи.", "ceasefire"),
    ("en", "RETREAT", "Both armies observed the truce along the front line.", "ceasefire"),
    ("ru", "RETREAT", "Боевики освободили двух заложников.", "release"),
    ("en", "RETREAT", "The rebels released 20 prisoners on Sunday.", "release"),
    ("ru", "RETREAT", "Более сотни боевиков сложили оружие.", "disarm"),
    ("en", "RETREAT", "Hundreds of fighters laid down their weapons and surrendered.", "disarm"),
    ("ru", "RETREAT", "Власти допустили наблюдателей МАГАТЭ на станцию.", "access"),
    ("en", "RETREAT", "The government gave UN inspectors access to the site.", "access"),
    ("ru", "RETREAT", "Армия вывела войска из приграничного района.", "withdraw"),
    ("en", "RETREAT", "The troops pulled out of the town overnight.", "withdraw"),
    ("ru", "RETREAT", "Власти вернули владельцам изъятые земли.", "return"),
    ("en", "RETREAT", "The museum returned the bronzes to Nigeria.", "return"),
    # REQUEST (PLOVER's DEMAND)
    ("ru", "REQUEST", "Генсек ООН призвал стороны немедленно прекратить огонь.", "yield"),
    ("en", "REQUEST", "The EU called on Moscow to release the detained journalists.", "yield"),
    ("ru", "REQUEST", "Президент Франции призвал стороны сесть за стол переговоров.", "meet"),
    ("en", "REQUEST", "The UN urged both sides to return to negotiations.", "meet"),
    ("ru", "REQUEST", "Оппозиция потребовала отставки правительства.", "change"),
    ("en", "REQUEST", "Protest leaders demanded the resignation of the prime minister.", "change"),
    ("ru", "REQUEST", "Киев призвал союзников ускорить поставки оружия.", "assist"),
    ("en", "REQUEST", "Kyiv appealed to its allies for more military aid.", "assist"),
    # REJECT
    ("ru", "REJECT", "Власти отказались освободить задержанных активистов.", "yield"),
    ("en", "REJECT", "The junta refused to release the former president.", "yield"),
    ("ru", "REJECT", "Кремль отверг предложение о встрече двух лидеров.", "meet"),
    ("en", "REJECT", "The rebels rejected the invitation to peace talks.", "meet"),
    ("ru", "REJECT", "Президент отказался уйти в отставку.", "change"),
    ("en", "REJECT", "The president refused to step down.", "change"),
    ("ru", "REJECT", "Правительство отклонило запрос об экстрадиции бизнесмена.", "assist"),
    ("en", "REJECT", "The court refused to extradite the suspect.", "assist"),
    # ACCUSE
    ("ru", "ACCUSE", "Прокуратура начала расследование гибели журналиста.", "investigate"),
    ("en", "ACCUSE", "The UN launched an investigation into the killings.", "investigate"),
    ("ru", "ACCUSE", "Москва обвинила Киев в подготовке провокации.", "allege"),
    ("en", "ACCUSE", "Prosecutors charged the former minister with fraud.", "allege"),
    ("ru", "ACCUSE", "МИД России резко осудил решение властей Латвии.", "disapprove"),
    ("en", "ACCUSE", "The EU condemned the crackdown on the opposition.", "disapprove"),
    # THREATEN
    ("ru", "THREATEN", "Лидер пригрозил аннексией спорного региона.", "territory"),
    ("en", "THREATEN", "The president threatened to invade the island.", "territory"),
    ("ru", "THREATEN", "Власти пригрозили выслать иностранных журналистов.", "expel"),
    ("en", "THREATEN", "The government threatened to expel the UN mission.", "expel"),
    ("ru", "THREATEN", "Полиция пригрозила арестом всем участникам акции.", "arrest"),
    ("en", "THREATEN", "Officials threatened to jail anyone who joins the strike.", "arrest"),
    ("ru", "THREATEN", "Власти пригрозили запретить оппозиционную партию.", "ban"),
    ("en", "THREATEN", "The government threatened to ban the opposition party.", "ban"),
    ("ru", "THREATEN", "Москва пригрозила разрывом дипломатических отношений.", "relations"),
    ("en", "THREATEN", "Beijing threatened to sever ties with Vilnius.", "relations"),
    ("ru", "THREATEN", "Вашингтон пригрозил Тегерану новыми санкциями.", "restrict"),
    ("en", "THREATEN", "The EU threatened new sanctions against Minsk.", "restrict"),
    ("ru", "THREATEN", "Командование пригрозило нанести удар по штабам противника.", "violence"),
    ("en", "THREATEN", "The group threatened to attack government buildings.", "violence"),
    # PROTEST
    ("ru", "PROTEST", "Заключённые объявили голодовку.", "hunger"),
    ("en", "PROTEST", "The activist has been on hunger strike for two weeks.", "hunger"),
    ("ru", "PROTEST", "Профсоюзы объявили всеобщую забастовку.", "general"),
    ("en", "PROTEST", "Unions called a general strike across the country.", "general"),
    ("ru", "PROTEST", "В столице начались массовые беспорядки.", "riot"),
    ("en", "PROTEST", "Rioters set cars on fire and looted shops.", "riot"),
    ("ru", "PROTEST", "Студенты бойкотировали занятия.", "boycott"),
    ("en", "PROTEST", "Opposition parties boycotted the vote.", "boycott"),
    ("ru", "PROTEST", "Протестующие фермеры перекрыли трассу тракторами.", "obstruct"),
    ("en", "PROTEST", "Farmers blocked the main highway with tractors.", "obstruct"),
    ("ru", "PROTEST", "Шахтёры начали забастовку.", "strike"),
    ("en", "PROTEST", "Dock workers went on strike in Rotterdam.", "strike"),
    ("ru", "PROTEST", "Тысячи человек вышли на митинг в центре города.", "demo"),
    ("ru", "PROTEST", "Протестующие собрались у здания парламента.", "demo"),
    ("en", "PROTEST", "Thousands of people rallied outside parliament.", "demo"),
    # SANCTION
    ("ru", "SANCTION", "Суд приговорил компанию к крупному штрафу.", "convict"),
    ("en", "SANCTION", "The court found the company guilty of price fixing.", "convict"),
    ("ru", "SANCTION", "Федерацию исключили из международной ассоциации.", "expel"),
    ("en", "SANCTION", "The council suspended the country's membership.", "expel"),
    ("ru", "SANCTION", "Страна отозвала своего посла.", "withdraw"),
    ("en", "SANCTION", "Washington recalled its ambassador from Caracas.", "withdraw"),
    ("ru", "SANCTION", "Евросоюз ввёл санкции против крупнейших банков.", "discontinue"),
    ("en", "SANCTION", "The EU imposed an embargo on oil imports.", "discontinue"),
    # MOBILIZE
    ("ru", "MOBILIZE", "К зданию суда стянули бойцов ОМОН.", "police"),
    ("en", "MOBILIZE", "Riot police were deployed around the square.", "police"),
    ("ru", "MOBILIZE", "Ополченцы стягивают силы к городу.", "militia"),
    ("en", "MOBILIZE", "The militia mobilised hundreds of fighters.", "militia"),
    ("ru", "MOBILIZE", "Ракетные комплексы переведены в режим боевого дежурства.", "weapons"),
    ("en", "MOBILIZE", "The navy put its nuclear submarines on alert.", "weapons"),
    ("ru", "MOBILIZE", "Армия начала внезапные учения у границы.", "troops"),
    ("en", "MOBILIZE", "The country deployed thousands of troops to the border.", "troops"),
    # COERCE
    ("ru", "COERCE", "В городе ввели комендантский час.", "curfew"),
    ("en", "COERCE", "Authorities imposed a night curfew.", "curfew"),
    ("ru", "COERCE", "Президент ввёл военное положение.", "martial-law"),
    ("en", "COERCE", "The government declared a state of emergency.", "martial-law"),
    ("ru", "COERCE", "Роскомнадзор заблокировал доступ к сайту издания.", "censor"),
    ("en", "COERCE", "The regime tightened censorship of the press.", "censor"),
    ("ru", "COERCE", "Власти депортировали трёх иностранцев.", "deport"),
    ("en", "COERCE", "The country deported 40 migrants.", "deport"),
    ("ru", "COERCE", "Суд конфисковал имущество бывшего губернатора.", "confiscate"),
    ("en", "COERCE", "Police seized the property of the exiled tycoon.", "confiscate"),
    ("ru", "COERCE", "Власти отключили мобильный интернет в регионе.", "withhold"),
    ("en", "COERCE", "Authorities cut off the internet in the province.", "withhold"),
    ("ru", "COERCE", "Полиция задержала десятки активистов.", "arrest"),
    ("en", "COERCE", "Police detained dozens of activists.", "arrest"),
    ("ru", "COERCE", "Суд признал движение экстремистским.", "ban"),
    ("en", "COERCE", "The government outlawed the opposition movement.", "ban"),
    ("ru", "COERCE", "Власти ввели ограничения на въезд в регион.", "restrict"),
    ("en", "COERCE", "The authorities imposed a lockdown on the city.", "restrict"),
    # ASSAULT
    ("ru", "ASSAULT", "Правительственные войска применили химическое оружие.", "unconventional"),
    ("en", "ASSAULT", "The regime used sarin against civilians.", "unconventional"),
    ("ru", "ASSAULT", "Смертник подорвал себя у входа в здание полиции.", "suicide-attack"),
    ("en", "ASSAULT", "A suicide bomber detonated explosives at a checkpoint.", "suicide-attack"),
    ("ru", "ASSAULT", "Боевики устроили резню в деревне.", "massacre"),
    ("en", "ASSAULT", "Soldiers carried out a massacre in the village.", "massacre"),
    ("ru", "ASSAULT", "Ополченцы провели этническую чистку в районе.", "cleansing"),
    ("en", "ASSAULT", "Militias carried out ethnic cleansing in the region.", "cleansing"),
    ("ru", "ASSAULT", "Власти казнили четырёх заключённых.", "execute"),
    ("en", "ASSAULT", "Iran executed two men on Tuesday.", "execute"),
    ("ru", "ASSAULT", "На мэра города было совершено покушение.", "assassinate"),
    ("en", "ASSAULT", "Gunmen assassinated the provincial governor.", "assassinate"),
    ("ru", "ASSAULT", "Неизвестные похитили двух инженеров.", "abduct"),
    ("en", "ASSAULT", "Pirates hijacked a cargo ship off the coast.", "abduct"),
    ("ru", "ASSAULT", "Военные изнасиловали жительниц деревни.", "sexual"),
    ("en", "ASSAULT", "Soldiers raped women in the camp.", "sexual"),
    ("ru", "ASSAULT", "Задержанных пытали в отделе полиции.", "torture"),
    ("en", "ASSAULT", "Guards tortured the prisoners.", "torture"),
    ("ru", "ASSAULT", "Полицейские избили демонстрантов.", "beat"),
    ("en", "ASSAULT", "Police beat protesters with batons.", "beat"),
    ("ru", "ASSAULT", "Армия обстреляла город из артиллерии.", "heavy-weapons"),
    ("ru", "ASSAULT", "Беспилотник атаковал нефтебазу.", "heavy-weapons"),
    ("ru", "ASSAULT", "Над городом сбиты три БПЛА.", "heavy-weapons"),
    ("en", "ASSAULT", "Warplanes carried out airstrikes on the city.", "heavy-weapons"),
    ("en", "ASSAULT", "A drone hit an apartment block.", "heavy-weapons"),
    ("en", "ASSAULT", "Russian forces shelled several villages overnight.", "heavy-weapons"),
    ("ru", "ASSAULT", "В центре города взорвался заминированный автомобиль.", "explosives"),
    ("en", "ASSAULT", "A roadside bomb killed three soldiers.", "explosives"),
    ("ru", "ASSAULT", "Неизвестный открыл стрельбу в торговом центре.", "firearms"),
    ("en", "ASSAULT", "A gunman opened fire at a school.", "firearms"),
    ("ru", "ASSAULT", "Нападавший ранил ножом двух полицейских.", "primitive"),
    ("en", "ASSAULT", "A man stabbed three people with a knife.", "primitive"),
    ("ru", "ASSAULT", "Бульдозеры снесли десятки домов.", "destroy"),
    ("en", "ASSAULT", "Troops demolished dozens of homes.", "destroy"),
]


@pytest.mark.parametrize(("lang", "plover", "text", "mode"), MODE_CASES)
def test_plover_mode(lemmas, cues, lang, plover, text, mode):
    assert cues.mode(plover, lemmas(text, lang), lang) == mode


@pytest.mark.parametrize(
    ("lang", "plover", "text"),
    [
        # "военный ... положение" is no "военное положение" when other words stand between
        ("ru", "COERCE", "Военные заняли выгодное положение на высоте."),
        ("en", "COERCE", "The state said the emergency was over."),
        # a bare "call" is no phone call
        ("en", "CONSULT", "The president called for calm during the meeting."),
        ("ru", "CONSULT", "Лидеры встретились в Женеве."),
        # types without modes
        ("en", "AGREE", "They agreed to hold phone talks at a summit."),
        ("ru", "COOPERATE", "Стороны провели телефонный разговор."),
    ],
)
def test_plover_no_mode(lemmas, cues, lang, plover, text):
    assert cues.mode(plover, lemmas(text, lang), lang) is None


def test_plover_mode_without_type_or_language(cues):
    assert cues.mode(None, ["телефонный", "разговор"], "ru") is None
    assert cues.mode("CONSULT", ["телефонный", "разговор"], "de") is None
    assert cues.mode("CONSULT", [], "ru") is None


def test_plover_mode_ignores_case_and_yo(cues):
    assert cues.mode("CONSULT", ["Телефонный", "РАЗГОВОР"], "ru") == "phone"
    assert cues.mode("ASSAULT", ["миномёт"], "ru") == "heavy-weapons"
    assert cues.mode("ASSAULT", ["Drone"], "en") == "heavy-weapons"


CONTEXT_CASES = [
    ("ru", "Минобороны сообщило о переброске войск к границе.", "military"),
    ("en", "The army moved two brigades closer to the frontier.", "military"),
    ("ru", "ФСБ задержала предполагаемого шпиона.", "intelligence"),
    ("en", "The spy passed secrets to a foreign intelligence service.", "intelligence"),
    ("ru", "Миротворцы ООН покинули зону конфликта.", "peacekeeping"),
    ("en", "UN peacekeepers patrolled the buffer zone.", "peacekeeping"),
    ("ru", "Стороны обсудили рост товарооборота и инвестиций.", "economic"),
    ("en", "The ministers discussed trade and investment.", "economic"),
    ("ru", "Посла вызвали в МИД.", "diplomatic"),
    ("en", "The ambassador was summoned to the foreign ministry.", "diplomatic"),
    ("ru", "Страны договорились о поставках газа и нефти.", "resource"),
    ("en", "The two countries signed an oil and gas deal.", "resource"),
    ("ru", "Власти ввели карантин из-за эпидемии холеры.", "disease"),
    ("en", "The pandemic forced the leaders to meet online.", "disease"),
    ("ru", "Наводнение затопило десятки деревень.", "enviro_disaster"),
    ("en", "The earthquake destroyed hundreds of homes.", "enviro_disaster"),
    ("ru", "Тысячи беженцев пересекли границу.", "migration"),
    ("en", "Thousands of migrants crossed into the country.", "migration"),
    ("ru", "Красный Крест доставил в город гуманитарную помощь.", "humanitarian"),
    ("en", "Aid agencies warned of famine in the region.", "humanitarian"),
    ("ru", "Журналист попросил убежища во Франции.", "asylum"),
    ("en", "The former officer sought asylum in Britain.", "asylum"),
    ("ru", "Суд рассмотрит иск компании.", "legal"),
    ("en", "The court ruled that the decree was illegal.", "legal"),
    ("ru", "Правозащитники сообщили о нарушениях прав человека.", "human_rights"),
    ("en", "Human rights groups condemned the executions.", "human_rights"),
    ("ru", "Новый закон ограничивает свободу собраний.", "rights_freedoms"),
    ("en", "Critics say the law curbs press freedom.", "rights_freedoms"),
    ("ru", "Активистки выступили в защиту прав женщин.", "gender"),
    ("en", "The campaign promotes gender equality.", "gender"),
    ("ru", "Суд запретил ЛГБТ-движение.", "lgbt"),
    ("en", "Parliament voted against same-sex marriage.", "lgbt"),
    ("ru", "Боевики ИГИЛ совершили теракт в столице.", "terrorism"),
    ("en", "The terrorist attack killed twelve people.", "terrorism"),
    ("ru", "Жители остались без электроснабжения и отопления.", "human_security"),
    ("en", "The blockade caused severe food shortages.", "human_security"),
    ("ru", "Неизвестные подожгли православную церковь.", "religion_ethnicity"),
    ("en", "The bombing targeted a Shiite mosque.", "religion_ethnicity"),
    ("ru", "Президент подписал указ о перестановках в кабмине.", "executive"),
    ("en", "The prime minister announced a cabinet reshuffle.", "executive"),
    ("ru", "Избиратели пришли на выборы президента.", "election"),
    ("en", "Voters went to the polls in the presidential election.", "election"),
    ("ru", "Госдума приняла законопроект в первом чтении.", "legislative"),
    ("en", "Lawmakers approved the bill in parliament.", "legislative"),
    ("ru", "МАГАТЭ выразило обеспокоенность ядерной программой Ирана.", "cbrn"),
    ("en", "Inspectors found traces of enriched uranium.", "cbrn"),
    ("ru", "Хакеры провели кибератаку на серверы министерства.", "cyber"),
    ("en", "A ransomware attack crippled the hospital network.", "cyber"),
    ("ru", "Военные совершили государственный переворот.", "political_institutions"),
    ("en", "The army staged a coup and suspended the constitution.", "political_institutions"),
    ("ru", "Чиновника задержали по подозрению во взятке.", "corruption"),
    ("en", "The mayor was charged with bribery.", "corruption"),
    ("ru", "Банда грабителей совершила серию краж.", "crime"),
    ("en", "Police arrested members of a criminal gang.", "crime"),
    ("ru", "Полиция изъяла крупную партию кокаина.", "illegal_drugs"),
    ("en", "The drug cartel smuggled cocaine through the port.", "illegal_drugs"),
]


@pytest.mark.parametrize(("lang", "text", "context"), CONTEXT_CASES)
def test_plover_context_of_sentence(lemmas, cues, lang, text, context):
    assert context in cues.contexts(lemmas(text, lang), lang)


def test_plover_contexts_in_file_order_without_repeats(lemmas, cues):
    text = "Депутаты парламента обсудили торговлю, санкции и экспорт газа, а также выборы."
    found = cues.contexts(lemmas(text, "ru"), "ru")
    assert found == ["economic", "resource", "election", "legislative"]
    assert found == sorted(found, key=CONTEXTS.index)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Стороны подписали соглашение."),
        # "human ... right" is no "human rights" when the words are apart
        ("en", "The human chain stretched to the right side of the square."),
        ("en", "They signed the agreement on Friday."),
    ],
)
def test_plover_no_context(lemmas, cues, lang, text):
    assert cues.contexts(lemmas(text, lang), lang) == []


def test_plover_context_from_the_document_needs_two_cues(lemmas, cues):
    sentence = lemmas("Стороны подписали соглашение.", "ru")
    once = lemmas("Речь шла о торговле.", "ru")
    same_twice = lemmas("Речь шла о торговле. Торговля выросла вдвое.", "ru")
    two_cues = lemmas("Речь шла об экспорте. Инвестиции выросли вдвое.", "ru")
    assert cues.contexts(sentence, "ru", once) == []
    assert cues.contexts(sentence, "ru", same_twice) == ["economic"]
    assert cues.contexts(sentence, "ru", two_cues) == ["economic"]
    # the whole document, the sentence included, gives the same answer as the rest of it
    assert cues.contexts(sentence, "ru", sentence + once) == []
    assert cues.document_contexts(same_twice, "ru") == ["economic"]


def test_plover_document_context_from_two_different_cues(lemmas, cues):
    sentence = lemmas("Стороны подписали соглашение.", "ru")
    one = lemmas("Страна не откажется от ядерного оружия.", "ru")
    two = lemmas("Страна не откажется от ядерного оружия. Ядерный арсенал растёт.", "ru")
    assert cues.contexts(sentence, "ru", one) == []
    assert cues.contexts(sentence, "ru", two) == ["cbrn"]


def test_plover_context_sentence_and_document_together(lemmas, cues):
    sentence = lemmas("The ministers met in Geneva to discuss oil supplies.", "en")
    rest = lemmas("Voters will elect a new parliament. The election is due in May.", "en")
    assert cues.contexts(sentence, "en", rest) == ["resource", "election"]


def test_plover_every_mode_and_context_has_cues_in_both_languages(cues):
    for lang in ("ru", "en"):
        for plover, names in MODES.items():
            cued = set()
            for entries in cues._modes.get((lang, plover), {}).values():
                cued |= {cues._mode_names[plover][rank] for _, rank in entries}
            assert cued == set(names) - {"sideAB"}, (lang, plover)
        ranks = {rank for entries in cues._contexts[lang].values() for _, rank in entries}
        assert {cues._context_names[rank] for rank in ranks} == set(CONTEXTS), lang


def test_plover_types_are_those_of_the_cameo_crosswalk():
    types = {row.get("plover") for row in read_table(PLOVER_MAP)} - {""}
    assert types == set(MODES)


# --------------------------------------------------------------------- bad data files
HEADER = "# test cues\n# source: test\n# licence: CC0\n"
MODES_HEAD = HEADER + "plover\tmode\tlang\tcue\tnote\n"
CONTEXTS_HEAD = HEADER + "context\tlang\tcue\tnote\n"
GOOD_MODE = "CONSULT\tphone\ten\tphone\t\n"
GOOD_CONTEXT = "military\ten\tarmy\t\n"


def load(tmp_path, modes: str = GOOD_MODE, contexts: str = GOOD_CONTEXT) -> PloverCues:
    (tmp_path / "modes.tsv").write_text(MODES_HEAD + modes, encoding="utf-8")
    (tmp_path / "contexts.tsv").write_text(CONTEXTS_HEAD + contexts, encoding="utf-8")
    return PloverCues(tmp_path / "modes.tsv", tmp_path / "contexts.tsv")


def test_plover_overlapping_cues_are_one_mention(tmp_path):
    cues = load(tmp_path, contexts="cbrn\ten\tnuclear\t\ncbrn\ten\tnuclear weapon\t\n")
    once = ["they", "have", "nuclear", "weapon", "."]
    assert cues.contexts(["talk"], "en", once) == []
    assert cues.contexts(["talk"], "en", once + ["a", "nuclear", "test"]) == ["cbrn"]


def test_plover_own_files_load(tmp_path):
    cues = load(tmp_path, GOOD_MODE + "CONSULT\tvisit\ten\tstate visit\t\n")
    assert cues.mode("CONSULT", ["a", "state", "visit"], "en") == "visit"
    assert cues.mode("CONSULT", ["a", "phone", "call"], "en") == "phone"
    assert cues.contexts(["the", "Army"], "en") == ["military"]


@pytest.mark.parametrize(
    ("modes", "contexts", "where", "message"),
    [
        ("CONSULT\tphone\ten\tphone\tnote\textra\n", GOOD_CONTEXT, "modes.tsv:5", "expected 5"),
        ("CONSULT\tphone\ten\n", GOOD_CONTEXT, "modes.tsv:5", "empty cue"),
        ("CONSULT\tphone\ten\t \t\n", GOOD_CONTEXT, "modes.tsv:5", "empty cue"),
        ("DEMAND\tmeet\ten\ttalk\t\n", GOOD_CONTEXT, "modes.tsv:5", "unknown PLOVER event type"),
        ("ASSAULT\taerial\ten\tbomb\t\n", GOOD_CONTEXT, "modes.tsv:5", "'aerial' is not a mode of"),
        ("AGREE\tphone\ten\tphone\t\n", GOOD_CONTEXT, "modes.tsv:5", "not a mode of AGREE"),
        ("CONSULT\tphone\tde\tTelefon\t\n", GOOD_CONTEXT, "modes.tsv:5", "unknown language 'de'"),
        (GOOD_MODE + "CONSULT\tvisit\ten\tPhone\t\n", GOOD_CONTEXT, "modes.tsv:6", "already"),
        (GOOD_MODE, "health\ten\tvirus\t\n", "contexts.tsv:5", "unknown PLOVER context 'health'"),
        (GOOD_MODE, "military\ten\t\t\n", "contexts.tsv:5", "empty cue"),
        (GOOD_MODE, "military\t\tarmy\t\n", "contexts.tsv:5", "empty lang"),
        (GOOD_MODE, "military\tru\tармия\tx\ty\n", "contexts.tsv:5", "expected 4"),
    ],
)
def test_plover_bad_line_names_file_and_line(tmp_path, modes, contexts, where, message):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, modes, contexts)
    assert caught.value.where == where
    assert message in str(caught.value)


def test_plover_file_without_needed_column(tmp_path):
    text = HEADER + "plover\tlang\tcue\nCONSULT\ten\tphone\n"
    (tmp_path / "modes.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="lacks mode"):
        PloverCues(tmp_path / "modes.tsv")


def test_plover_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="file not found"):
        PloverCues(tmp_path / "nowhere.tsv")
