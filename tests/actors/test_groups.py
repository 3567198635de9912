"""Noun-phrase grouping of actor words, on hand-built parses (the parser's mistakes made on purpose)."""

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
