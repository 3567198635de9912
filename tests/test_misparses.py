"""Rules that must hold on hand-built parses where the parser errs (its mistakes made on purpose)."""

from dyad.model import Sentence, Token


def build(words):
    """words: (text, lemma, pos, case, head, rel); offsets follow the text."""
    tokens, text, offset = [], "", 0
    for i, (word, lemma, pos, case, head, rel) in enumerate(words):
        if text and word not in ",.":
            text += " "
            offset += 1
        tokens.append(Token(i, word, offset, offset + len(word), lemma, pos, {"Case": case} if case else {}, head, rel))
        text += word
        offset += len(word)
    return Sentence(0, 0, len(text), text, tokens, parsed=True)


def code_sentence(engine, sentence, day):
    """The events the coder finds in a hand-built sentence, its mentions resolved on ``day``."""
    from dyad.events.code import SentenceContext

    finder = engine.finder
    mentions = [finder.resolve(sentence, g, day) for g in finder.groups(sentence, finder.hits(sentence))]
    return engine.coder.code(SentenceContext(sentence, mentions, [], day), [])


def test_groups_never_span_a_comma_and_a_verb(engine):
    # the parser hung "Украины" on "Министерство" across ", сообщило"
    sentence = build([
        ("удар", "удар", "NOUN", "Acc", 4, "obj"),
        ("по", "по", "ADP", "", 2, "case"),
        ("объектам", "объект", "NOUN", "Dat", 0, "nmod"),
        ("Украины", "украина", "PROPN", "Gen", 6, "nmod"),
        (",", ",", "PUNCT", "", 5, "punct"),
        ("сообщило", "сообщить", "VERB", "", -1, "root"),
        ("Министерство", "министерство", "NOUN", "Nom", 5, "nsubj"),
        ("обороны", "оборона", "NOUN", "Gen", 6, "nmod"),
    ])  # fmt: skip
    finder = engine.finder
    groups = finder.groups(sentence, finder.hits(sentence))
    spans = [sorted(g.tokens) for g in groups]
    assert [3] in spans  # "Украины" stands alone
    assert all(not (3 in s and 6 in s) for s in spans)


def test_statement_whose_verb_the_parse_left_alone_still_judges(engine):
    # "после визита Медведева премьер Японии заявил, что визит вызывает сожаление": the parser hung
    # the что-clause on another root and left "заявил" with no dependents at all
    sentence = build([
        ("после", "после", "ADP", "", 1, "case"),
        ("визита", "визит", "NOUN", "Gen", 9, "obl"),
        ("Медведева", "медведев", "PROPN", "Gen", 1, "nmod"),
        ("премьер", "премьер", "NOUN", "Nom", 9, "nsubj"),
        ("Японии", "япония", "PROPN", "Gen", 3, "nmod"),
        ("заявил", "заявить", "VERB", "", -1, "root"),
        (",", ",", "PUNCT", "", 9, "punct"),
        ("что", "что", "SCONJ", "", 9, "mark"),
        ("визит", "визит", "NOUN", "Nom", 9, "nsubj"),
        ("вызывает", "вызывать", "VERB", "", -1, "root"),
        ("сожаление", "сожаление", "NOUN", "Acc", 9, "obj"),
    ])  # fmt: skip
    sentence.tokens[3].feats.update({"Number": "Sing"})
    sentence.tokens[5].feats.update({"Number": "Sing", "VerbForm": "Fin"})
    events = code_sentence(engine, sentence, __import__("datetime").date(2010, 11, 5))
    assert [(e.source.country, e.code, e.target.country) for e in events if e.code == "111"] == [("JPN", "111", "RUS")]


def test_a_parse_that_loops_on_a_name_still_ends(engine):
    # "Германия осудила Францию, заявило агентство Франс Пресс": the parser made "Пресс" the head
    # of "Франс" and "Франс" the head of "Пресс", a cycle the coder must not follow for ever
    sentence = build([
        ("Германия", "германия", "PROPN", "Nom", 1, "nsubj"),
        ("выразила", "выразить", "VERB", "", -1, "root"),
        ("протест", "протест", "NOUN", "Acc", 1, "obj"),
        (",", ",", "PUNCT", "", 4, "punct"),
        ("заявило", "заявить", "VERB", "", 1, "parataxis"),
        ("агентство", "агентство", "NOUN", "Nom", 4, "nsubj"),
        ("Франции", "франция", "PROPN", "Gen", 7, "flat"),
        ("Пресс", "пресс", "PROPN", "Gen", 6, "flat"),
    ])  # fmt: skip
    events = code_sentence(engine, sentence, __import__("datetime").date(2020, 1, 1))
    assert all(e.source.country == "DEU" for e in events)


def test_x_and_y_stay_joined_when_the_parser_hangs_y_elsewhere(engine):
    # "Посол ЕС и представители ПАСЕ призывают руководство Грузии ...": the parser made "представители"
    # a conjunct of a word later in the sentence; the words still say "X и Y", both in the nominative
    sentence = build([
        ("Посол", "посол", "NOUN", "Nom", 5, "nsubj"),
        ("ЕС", "ес", "PROPN", "Gen", 0, "nmod"),
        ("и", "и", "CCONJ", "", 3, "cc"),
        ("представители", "представитель", "NOUN", "Nom", 8, "conj"),
        ("ПАСЕ", "пасе", "PROPN", "Gen", 3, "nmod"),
        ("призывают", "призывать", "VERB", "", -1, "root"),
        ("руководство", "руководство", "NOUN", "Acc", 5, "obj"),
        ("Грузии", "грузия", "PROPN", "Gen", 6, "nmod"),
        ("уйти", "уйти", "VERB", "", 5, "xcomp"),
    ])  # fmt: skip
    sentence.tokens[3].feats.update({"Number": "Plur"})
    events = code_sentence(engine, sentence, __import__("datetime").date(2020, 1, 1))
    assert {(e.source.code, e.target.code) for e in events if e.root == "02"} == {("IGOEU", "GEOGOV"), ("IGOCOE", "GEOGOV")}



def test_a_passive_whose_subject_the_parser_hung_elsewhere_is_still_passive(engine):
    # "в Таиланде будет введён комендантский час": the parser made "введён" a root with its
    # passive auxiliary but hung "час" on another word
    sentence = build([
        ("в", "в", "ADP", "", 1, "case"),
        ("Таиланде", "таиланд", "PROPN", "Loc", 3, "obl"),
        ("будет", "быть", "AUX", "", 3, "aux:pass"),
        ("введён", "ввести", "ADJ", "Nom", -1, "root"),
        ("комендантский", "комендантский", "ADJ", "Nom", 5, "amod"),
        ("час", "час", "NOUN", "Nom", 1, "obj"),
    ])  # fmt: skip
    events = code_sentence(engine, sentence, __import__("datetime").date(2010, 5, 16))
    assert [(e.source.code, e.code, e.target.code) for e in events] == [("THAGOV", "1723", "THA")]
