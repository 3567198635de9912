"""Sentence-level rules of the coder that one-event cases cannot show."""

import datetime as dt

from dyad.model import Document


def code_text(engine, text, published=None):
    """The coded document of a Russian text, published on ``published`` (a date) if given."""
    return engine.code(Document(text=text, lang="ru", published=published))


def coded_events(engine, text):
    coded = code_text(engine, text)
    return [(e.source.code, e.code, e.target.code if e.target else None) for e in coded.events]


def test_coder_circumstance_is_an_event_of_its_own_not_content(engine):
    found = coded_events(engine, "В ходе визита в Китай президент Бразилии договорился с Си Цзиньпином о расширении торговли.")
    assert ("BRAGOV", "042", "CHNGOV") in found
    assert any(code.startswith("03") for _, code, _ in found)


def test_coder_content_of_an_agreement_is_not_an_event_of_its_own(engine):
    found = coded_events(engine, "Президент Бразилии договорился с Си Цзиньпином о визите в Китай.")
    assert [code for _, code, _ in found] == ["036"]


def test_coder_host_takes_its_own_object_only(engine):
    # "приняли обращение к премьеру": an appeal was adopted, nobody was hosted
    found = coded_events(engine, "Депутаты парламента Молдавии приняли обращение к премьеру Румынии.")
    assert all(code != "043" for _, code, _ in found)


def test_coder_the_two_sides_are_the_two_named_just_before(engine):
    text = "Путин провёл переговоры с Эрдоганом.\nПо итогам встречи Лаврова и Кулебы стороны договорились об обмене пленными."
    coded = code_text(engine, text, dt.date(2022, 3, 10))
    second = [e for e in coded.events if e.evidence.text.startswith("По итогам") and e.code == "0353"]
    assert second and {second[0].source.country, second[0].target.country} == {"RUS", "UKR"}


def test_coder_a_noun_in_what_somebody_says_is_not_their_act(engine):
    # Peskov called the deliveries a factor: the deliveries are not his
    found = coded_events(engine, "Песков назвал поставки западного оружия Киеву фактором затягивания конфликта.")
    assert all(code != "072" for _, code, _ in found)


def test_coder_an_agreement_is_with_whom_its_content_names(engine):
    found = coded_events(engine, "Страны — члены альянса договорились начать вывод войск из Ирака.")
    assert ("NATO", "IRQ") in [(s, t) for s, code, t in found if code.startswith("03")]  # the country troops leave


def test_coder_declared_readiness_is_the_speaker_own(engine):
    found = coded_events(engine, "Власти Армении объявили о готовности к переговорам с Азербайджаном.")
    assert ("ARMGOV", "036", "AZEGOV") in found


def test_coder_a_conversation_is_the_occasion_of_a_discussion_not_its_content(engine):
    found = coded_events(engine, "Глава МИД Турции обсудил итоги саммита в телефонном разговоре с Лавровым.")
    assert ("TURGOV", "041", "RUSGOV") in found


def test_coder_the_subject_of_another_clause_is_not_a_fallback_target(engine):
    found = coded_events(engine, "На саммит обещал приехать президент Бразилии, а вот премьер Индии отказался от участия.")
    assert not any({s[:3], (t or "")[:3]} == {"BRA", "IND"} for s, _, t in found)


def test_coder_participants_coordinated_with_a_group_are_not_a_pair(engine):
    # "Обама, а также главы правительств": the heads are nobody in particular, not the last pair
    text = "Израиль и США провели консультации.\nВ саммите в Вашингтоне примут участие Барак Обама, а также главы правительств 50 стран."
    coded = code_text(engine, text)
    later = [e for e in coded.events if e.evidence.text.startswith("В саммите")]
    assert later == []


def test_coder_a_noun_phrase_never_spans_a_verb_or_comma(engine):
    text = "Армия Израиля нанесла удар по объектам инфраструктуры Ливана, сообщило Министерство обороны Израиля."
    coded = code_text(engine, text)
    assert all("," not in m.text for m in coded.mentions)
    assert ("ISRMIL", "190", "LBNGOV") in [(e.source.code, e.code, e.target.code if e.target else None) for e in coded.events]


def test_coder_the_two_sides_acting_on_a_third_party(engine):
    text = "Лавров провёл переговоры с Фиданом.\nЗатем стороны призвали Израиль прекратить огонь."
    coded = code_text(engine, text, dt.date(2025, 6, 1))
    later = [(e.source.country, e.target.country) for e in coded.events if e.evidence.text.startswith("Затем")]
    assert later and later[0][1] == "ISR"


def test_coder_a_gerund_is_an_act_of_its_own(engine):
    found = coded_events(engine, "Сторонники оппозиции перекрыли главную улицу Белграда, требуя отставки правительства Сербии.")
    assert ("SRBOPP", "SRBGOV") in [(s, t) for s, code, t in found if code.startswith("10")]


def test_coder_two_speakers_are_not_speaking_to_each_other(engine):
    found = coded_events(engine, "Израиль и США отвергают этот план, заявляя, что мир возможен только путём переговоров.")
    assert ("ISRGOV", "010", "USAGOV") not in found


def test_coder_an_accusation_of_strikes_is_one_event(engine):
    found = coded_events(engine, "Президент Франции обвинил Израиль в намеренных ударах по Ливану.")
    assert found == [("FRAGOV", "112", "ISRGOV")]


def test_coder_the_meeting_discussed_is_content_even_when_the_discussion_has_no_target(engine):
    # "обсудил итоги встречи" names no partner; the call is the event, the meeting only its subject
    found = coded_events(engine, "Глава МИД Франции обсудил итоги берлинской встречи в телефонном разговоре с Ван И.")
    assert [(s, c, t) for s, c, t in found if c.startswith("04")] == [("FRAGOV", "041", "CHNGOV")]


def test_coder_one_event_for_each_target_named(engine):
    found = coded_events(engine, "Министр иностранных дел Японии осудил Северную Корею и Иран за испытания ракет.")
    assert [(s, c[:2], t) for s, c, t in found] == [("JPNGOV", "11", "PRKGOV"), ("JPNGOV", "11", "IRNGOV")]


def test_coder_one_meeting_with_each_partner_named(engine):
    found = coded_events(engine, "Президент Бразилии провёл переговоры с лидерами Аргентины и Чили.")
    assert [(s, c[:2], t) for s, c, t in found] == [("BRAGOV", "04", "ARGGOV"), ("BRAGOV", "04", "CHLGOV")]


def test_coder_both_sides_in_the_subject_keep_the_topic_out(engine):
    found = coded_events(engine, "Министры иностранных дел Турции и Египта обсудили Сирию.")
    assert [(s, c[:2], t) for s, c, t in found] == [("TURGOV", "04", "EGYGOV")]


def test_coder_deputy_of_an_office_is_not_its_holder(engine):
    coded = code_text(engine, "Заместитель главы МИД Японии раскритиковал Китай.", dt.date(2025, 6, 1))
    assert [(e.source.code, e.code, e.target.code) for e in coded.events] == [("JPNGOV", "111", "CHNGOV")]
    assert coded.events[0].source.name is None and coded.events[0].source.role != "foreign minister"


def test_coder_countries_coordinated_inside_an_agent_phrase_share_its_sector(engine):
    found = coded_events(engine, "Интерпол провёл совместную операцию с полицией Италии, Испании и Греции.")
    assert [t for _, _, t in found] == ["ITACOP", "ESPCOP", "GRCCOP"]


def test_coder_the_two_sides_are_the_pair_the_text_is_about(engine):
    text = (
        "Делегации России и Украины провели в Стамбуле переговоры.\n"
        "После этого главы делегаций России и Украины провели вторую встречу.\n"
        "Вечером президент Турции Эрдоган встретился с главой российской делегации.\n"
        "Стороны договорились об обмене пленными."
    )
    coded = code_text(engine, text, dt.date(2025, 6, 1))
    last = [e for e in coded.events if e.evidence.text.startswith("Стороны")]
    assert last and {last[0].source.country, last[0].target.country} == {"RUS", "UKR"}


def test_coder_an_appeal_takes_the_code_of_what_it_asks_for(engine):
    cases = {
        "Совет Европы призвал власти Азербайджана отменить чрезвычайное положение.": "0251",
        "Генсек ООН призвал Израиль и ХАМАС договориться о прекращении огня.": "0256",
        "США призвали Сербию и Косово провести переговоры.": "026",
        "Китай призвал Японию выделить помощь пострадавшим районам.": "023",
    }
    for sentence, code in cases.items():
        assert {c for _, c, _ in coded_events(engine, sentence)} == {code}, sentence


def test_coder_the_genitive_of_a_noun_done_to_somebody_is_not_its_doer(engine):
    # "разгон манифестантов": the demonstrators are dispersed, they do not disperse
    found = coded_events(engine, "Полиция Грузии применила силу для разгона манифестантов.")
    assert [(s, c, t) for s, c, t in found if c.startswith("17")] == [("GEOCOP", "175", "GEOOPP")]


def test_coder_nouns_in_other_cases_are_not_coordinated_targets(engine):
    # the Canadian is the subject of the next clause, not a second one seized
    text = (
        "ЦРУ захватило в Македонии гражданина Германии и переправило его в Афганистан, "
        "а также канадец сирийского происхождения был переправлен в Сирию."
    )
    found = coded_events(engine, text)
    seized = [(s, t) for s, c, t in found if c[:2] == "18"]
    assert seized == [("USASPY", "DEUCVL")]


def test_coder_a_promise_to_harm_on_a_condition_is_a_threat_made_that_day(engine):
    text = "Накануне президент США пообещал с 1 июля ввести новые санкции, если Иран продолжит обогащение урана."
    coded = code_text(engine, text, dt.date(2025, 6, 10))
    found = [(e.source.code, e.code, e.target.code, e.modality, e.date) for e in coded.events]
    assert found == [("USAGOV", "1312", "IRNGOV", "asserted", "2025-06-09")]


def test_coder_a_promise_to_help_on_a_condition_stays_a_promise(engine):
    found = coded_events(engine, "Президент Франции пообещал выделить помощь Ливану, если правительство Ливана проведёт реформы.")
    assert [c for _, c, _ in found] == ["033"]  # an intent to give aid, no threat


def test_coder_an_agreement_to_cooperate_of_no_stated_kind_stays_general(engine):
    # plain "сотрудничество" says nothing of its kind: 030, not 032 (diplomatic cooperation)
    found = coded_events(engine, "Президент Кении договорился с премьером Индии о новом этапе сотрудничества.")
    assert ("KENGOV", "030", "INDGOV") in found
    found = coded_events(engine, "Президент Кении договорился с премьером Индии об экономическом сотрудничестве.")
    assert ("KENGOV", "0311", "INDGOV") in found


def test_coder_a_people_in_diplomacy_is_its_state_in_protest_its_civilians(engine):
    found = coded_events(engine, "Израильтяне отказываются от возобновления переговоров с Сирией.")
    assert ("ISRGOV", "125", "SYRGOV") in found or ("ISRGOV", "120", "SYRGOV") in found
    found = coded_events(engine, "Тысячи израильтян вышли на акцию протеста против правительства Израиля.")
    assert all(source != "ISRGOV" for source, _, _ in found)


def test_coder_a_country_goods_come_from_is_the_country_itself(engine):
    found = coded_events(engine, "Власти Китая запретили ввоз свинины из Испании.")
    assert ("CHNGOV", "163", "ESP") in found


def test_coder_the_day_of_a_summit_is_its_occasion_not_what_an_agreement_is_about(engine):
    found = coded_events(engine, "Во второй день саммита в Вильнюсе члены альянса договорились вывести войска из Ирака.")
    assert ("NATO", "0356", "IRQ") in found


def test_coder_a_promise_to_cut_supplies_on_a_condition_is_a_threat_of_an_embargo(engine):
    found = coded_events(engine, "Глава «Газпрома» пообещал сократить поставки газа в Молдавию, если Кишинёв не погасит долг.")
    assert ("RUSBUS", "1312", "MDAGOV") in found


def test_coder_a_pronoun_the_tagger_leaves_without_gender_still_agrees_with_its_antecedent(engine):
    # natasha reads "неё" as an adverb without gender; the pronoun is feminine: Россия, not Миллер
    text = "Алексей Миллер прибыл в Минск.\nПремьер Белоруссии заявил, что если Россия не уступит, в отношении неё будут введены санкции."
    coded = code_text(engine, text)
    assert [(e.source.code, e.target.code) for e in coded.events if e.evidence.text.startswith("Премьер")] == [("BLRGOV", "RUSGOV")]


def test_coder_sanctions_to_be_imposed_on_a_condition_are_the_speaker_s_threat(engine):
    found = coded_events(engine, "Премьер Белоруссии заявил, что если Россия не уступит, в отношении неё будут введены санкции.")
    assert ("BLRGOV", "1312", "RUSGOV") in found


def test_coder_a_judgement_of_election_standards_praises_and_negated_criticises(engine):
    found = coded_events(engine, "Наблюдатели ОБСЕ заявили, что выборы в Армении соответствовали международным стандартам.")
    assert ("IGOOSCE", "051", "ARMGOV") in found
    found = coded_events(engine, "Наблюдатели ОБСЕ заявили, что выборы в Армении не соответствовали международным стандартам.")
    assert ("IGOOSCE", "111", "ARMGOV") in found


def test_coder_an_attributive_participle_judges_nothing(engine):
    found = coded_events(engine, "Япония заявила, что мясо из Бразилии пройдёт соответствующую проверку.")
    assert not any(code in ("051", "111") for _, code, _ in found)


def test_coder_the_opposition_judging_with_nobody_named_judges_its_government(engine):
    text = "Власти Грузии объявили итоги выборов.\nЛидер оппозиции Леван Гачечиладзе назвал итоги выборов подтасованными."
    coded = code_text(engine, text)
    assert [(e.source.code, e.code, e.target.code) for e in coded.events] == [("GEOOPP", "112", "GEOGOV")]


def test_coder_a_quotation_before_its_verb_is_what_an_office_after_the_name_says(engine):
    # the office after the name and a comma places the speaker; the quotation before the verb is
    # what was said; the police who dispersed are judged, not the channels closed; an outlet that
    # reports it lends no country to the police
    text = "«Разгон митинга полицией и закрытие телеканалов в Армении недопустимы», — заявил Джон Смит, докладчик ПАСЕ, сообщает BBC."
    found = coded_events(engine, text)
    assert [(s, code, t) for s, code, t in found if code == "111"] in ([("IGOCOE", "111", "ARMCOP")], [("IGOCOE", "111", "ARMGOV")])


def test_coder_a_decision_whose_maker_goes_unnamed_is_that_of_the_state_the_text_is_about(engine):
    text = "Президент Молдавии распустил парламент.\nВласти Молдавии назначили досрочные выборы.\nВ Брюсселе власти ЕС выразили одобрение решению о проведении выборов."
    coded = code_text(engine, text)
    assert ("IGOEU", "051", "MDAGOV") in [(e.source.code, e.code, e.target.code) for e in coded.events]


def test_coder_a_state_act_announced_by_its_own_official_is_the_official_s_body(engine):
    found = coded_events(engine, "Представитель армии Таиланда заявил, что в Бангкоке будет введён комендантский час.")
    assert ("THAMIL", "1723", "THA") in found
    # an official of another state announces nothing of the expelling state's
    found = coded_events(engine, "МИД России заявил, что российский дипломат был выслан из Эстонии.")
    assert ("ESTGOV", "174", "RUSGOV") in found


def test_coder_signed_after_talks_by_those_who_met_on_the_date_stated_before(engine):
    text = (
        "Прошлая встреча министров Индии и Японии состоялась в марте в Токио.\n"
        "По итогам переговоров Джайшанкара и японского министра тогда был подписан план сотрудничества."
    )
    coded = code_text(engine, text, dt.date(2024, 6, 10))
    signed = [(e.source.country, e.target.country, e.date) for e in coded.events if e.code == "057"]
    assert signed and set(signed[0][:2]) == {"IND", "JPN"} and signed[0][2] == "2024-03"


def test_coder_a_denial_of_these_accusations_answers_the_accuser(engine):
    found = coded_events(engine, "Премьер Армении обвинил Азербайджан в обстреле сёл.\nВласти Азербайджана эти обвинения отвергли.")
    assert ("AZEGOV", "120", "ARMGOV") in found
    # denying a deed is not answering anybody
    found = coded_events(engine, "Премьер Армении обвинил Азербайджан в обстреле сёл.\nВласти Азербайджана отрицают применение артиллерии.")
    assert not any(source == "AZEGOV" and target == "ARMGOV" for source, code, target in found if code.startswith("01"))


def test_coder_a_until_clause_is_a_condition_on_its_subject(engine):
    found = coded_events(engine, "Глава «Газпрома» пообещал сократить поставки газа, пока Кишинёв не погасит долг.")
    assert ("RUSBUS", "1312", "MDAGOV") in found


def test_coder_what_talks_are_about_is_their_topic_not_an_event(engine):
    found = coded_events(engine, "Президенты Франции и Египта обменялись мнениями о перспективах урегулирования и угрозах экстремистов в Ливии.")
    assert [code[:2] for _, code, _ in found] == ["04"]
    # the two sides of "лидеры" meet each other, not the actor their topic names
    text = "Президент Франции прибыл в Каир.\nЛидеры намерены обменяться мнениями о действиях НАТО в Ливии."
    coded = code_text(engine, text)
    second = [(e.source.country, e.target.country) for e in coded.events if e.evidence.text.startswith("Лидеры")]
    assert second and set(second[0]) == {"FRA", "EGY"}


def test_coder_signing_with_nobody_named_is_with_the_other_side_the_text_is_about(engine):
    text = "Президент Китая прибыл с визитом в Сербию.\nСи Цзиньпин также подпишет крупные договоры о строительстве дорог."
    coded = code_text(engine, text, dt.date(2024, 5, 7))
    signed = [(e.source.country, e.target.country) for e in coded.events if e.code == "057"]
    assert signed == [("CHN", "SRB")]


def test_coder_a_prepositional_slot_the_parser_hung_on_another_verb_is_still_the_trigger_s(engine):
    # natasha hangs "на американцев" on "вышли", the verb of the когда-clause
    text = (
        "Глава NASA провёл переговоры с главой Роскосмоса.\nВ июне 2007 года, когда вышли из строя три управляющих "
        "компьютера на российском сегменте МКС, они попытались свалить вину за это на американцев."
    )
    found = coded_events(engine, text)
    assert ("RUSGOV", "112", "USAGOV") in found


def test_coder_what_the_text_calls_a_person_beats_an_undated_office(engine):
    # no date: the dictionary's latest office (acting president) would stand; the text says opposition
    found = coded_events(engine, "Лидер оппозиции Нино Бурджанадзе раскритиковала правительство Грузии.")
    assert ("GEOOPP", "111", "GEOGOV") in found


def test_coder_condemning_a_sentence_or_an_arrest_is_aimed_at_the_state(engine):
    text = "В Минске осуждён оппозиционер Андрей Ковальчук.\nЕвросоюз осудил приговор, вынесенный Андрею Ковальчуку."
    found = coded_events(engine, text)
    assert ("IGOEU", "111", "BLRGOV") in found


def test_coder_a_statement_announced_with_a_noun_has_its_speaker_for_the_quotation_that_follows(engine):
    text = (
        "В Минске суд приговорил оппозиционера Андрея Ковальчука к пяти годам.\n"
        "Джон Смит, официальный представитель Госдепартамента США, выступил сегодня со специальным заявлением: "
        "«Соединенные Штаты осуждают приговор, вынесенный Андрею Ковальчуку. "
        "Беларусь должна незамедлительно освободить всех политических заключенных»."
    )
    found = coded_events(engine, text)
    assert ("USAGOV", "1053", "BLRGOV") in found


def test_coder_leaders_of_many_countries_are_not_the_two_sides(engine):
    text = "Президент России встретился с премьером Индии.\nЛидеры 20 стран обсудили климат.\nРяд мусульманских государств осудил Израиль."
    coded = code_text(engine, text, dt.date(2024, 5, 7))
    later = [(e.source.code, e.target.code if e.target else None) for e in coded.events if not e.evidence.text.startswith("Президент")]
    assert later == []


def test_coder_an_aim_is_not_what_happened(engine):
    text = (
        "Кения и Танзания создали совместную комиссию.\nПрезидент Кении провёл переговоры с президентом Танзании.\n"
        "Проще говоря, страны делают серьёзные шаги для укрепления межгосударственного диалога."
    )
    coded = code_text(engine, text, dt.date(2024, 5, 7))
    assert [e.code for e in coded.events if e.evidence.text.startswith("Проще")] == []
    found = coded_events(engine, "Бизнесмену из Сербии вменяется сговор с целью поставок оружия повстанцам в Ливии.")
    assert not any(code.startswith("07") for _, code, _ in found)


def test_coder_what_will_be_discussed_with_nobody_named_is_between_the_two_sides(engine):
    text = (
        "Президент Китая прибыл с визитом в Сербию.\nСи Цзиньпин провёл переговоры с президентом Сербии.\n"
        "В Белграде также будут обсуждаться строительство железной дороги и поставки газа."
    )
    coded = code_text(engine, text, dt.date(2024, 5, 7))
    later = [(e.source.country, e.code, e.target.country) for e in coded.events if e.evidence.text.startswith("В Белграде")]
    assert later and later[0][1] == "040" and {later[0][0], later[0][2]} == {"CHN", "SRB"}


def test_coder_a_plan_is_dated_ahead_and_what_happened_behind(engine):
    published = dt.date(2025, 10, 20)  # a Monday
    plans = {
        "Президенты России и Китая встретятся в мае.": "2026-05",
        "Москва пообещала ввести санкции против Киева в январе.": "2026-01",
        "Лавров и Фидан проведут переговоры в пятницу.": "2025-10-24",
        "Лавров и Фидан провели переговоры в пятницу.": "2025-10-17",
        "Президенты России и Китая встретились в мае.": "2025-05",
    }
    for text, date in plans.items():
        found = code_text(engine, text, published).events
        assert found and {e.date for e in found} == {date}, (text, [(e.code, e.date) for e in found])
