"""Line breaks: a headline's ends its sentence, a hard-wrapped line's does not, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.lang.paragraphs import joined, paragraphs
from dyad.lang.ru.segment import split_sentences
from dyad.model import Document

PUBLISHED = dt.date(2025, 3, 5)

# written for these tests: each paragraph once as one line, once wrapped at about 70 characters
RU_LINES = """Лавров и Фидан обсудили ситуацию на Ближнем Востоке

Министр иностранных дел России Сергей Лавров в понедельник провел телефонный разговор с министром иностранных дел Турции Хаканом Фиданом. Кроме того, Лавров раскритиковал решение Евросоюза ввести новые санкции против Москвы, назвав его незаконным.
"""
RU_WRAPPED = """Лавров и Фидан обсудили ситуацию на Ближнем Востоке

Министр иностранных дел России Сергей Лавров в понедельник провел
телефонный разговор с министром иностранных дел Турции Хаканом Фиданом.
Кроме того, Лавров раскритиковал решение Евросоюза ввести новые
санкции против Москвы, назвав его незаконным.
"""
EN_LINES = """Poland and Lithuania agree on border patrols

Poland's foreign minister held talks with his Lithuanian counterpart in Vilnius on Monday, the ministry said. Lithuania also accused Russia of jamming navigation signals over the Baltic Sea.
"""
EN_WRAPPED = """Poland and Lithuania agree on border patrols

Poland's foreign minister held talks with his Lithuanian counterpart in
Vilnius on Monday, the ministry said. Lithuania also accused Russia of
jamming navigation signals over the Baltic Sea.
"""


def _lines(text: str) -> list[str]:
    return [joined(text, s, e) for s, e in paragraphs(text)]


@pytest.mark.parametrize("text, expected", [
    ("Headline without a stop\nThe body begins here.", ["Headline without a stop", "The body begins here."]),
    ("The ministers held\ntalks on Monday.", ["The ministers held talks on Monday."]),
    ("Стороны обсудили Сирию,\nИран и Ливан.", ["Стороны обсудили Сирию, Иран и Ливан."]),
    ("A caption (Reuters\nphoto)", ["A caption (Reuters photo)"]),
    ("One paragraph ends here.\n\nthe next one is apart", ["One paragraph ends here.", "the next one is apart"]),
    ("Windows line ends\r\ngo on in lower case", ["Windows line ends  go on in lower case"]),
    ("", []),
    ("\n \n", []),
])  # fmt: skip
def test_a_line_break_ends_a_sentence_unless_it_only_wraps_a_line(text, expected):
    assert _lines(text) == expected


def test_hard_wrapped_text_joins_full_lines_and_keeps_a_short_headline_apart():
    spans = paragraphs(RU_WRAPPED)
    assert [RU_WRAPPED[s:e].count("\n") for s, e in spans] == [0, 3]
    assert joined(RU_WRAPPED, *spans[1]) == RU_LINES.splitlines()[2]  # the same words, the same length


def test_text_of_long_lines_is_not_taken_for_wrapped_text():
    text = "\n".join(["Short headline", "A line of ordinary length that ends with a stop." * 3, "Another Line Here"])
    assert len(paragraphs(text)) == 3


def test_a_list_of_headlines_of_one_width_is_not_taken_for_wrapped_text():
    headlines = ["Talks in Geneva end without a deal for the second time this week",
                 "Ministers from both sides accuse each other of stalling progress",
                 "Border crossings reopen after a month of closures and protests"]  # fmt: skip
    assert len(paragraphs("\n".join(headlines))) == 3


def test_russian_sentences_of_wrapped_text_keep_the_documents_offsets():
    sentences = split_sentences(RU_WRAPPED)
    assert len(sentences) == 3 and "\n" in sentences[1].text
    for sentence in sentences:
        assert RU_WRAPPED[sentence.start : sentence.end] == sentence.text
        assert all(RU_WRAPPED[t.start : t.end] == t.text for t in sentence.tokens)


@pytest.mark.parametrize("lines, wrapped, lang", [(RU_LINES, RU_WRAPPED, "ru"), (EN_LINES, EN_WRAPPED, "en")])
def test_wrapped_text_is_coded_as_the_same_text_in_lines(engine, lines, wrapped, lang):
    def coded(text):
        record = engine.code(Document(text=text, id="d", lang=lang, published=PUBLISHED))
        for event in record.events:
            assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        return sorted((e.source.code, e.code, e.target.code if e.target else None, e.date, e.modality) for e in record.events)

    expected = coded(lines)
    assert any(date == "2025-03-03" for *_rest, date, _m in expected)  # "on Monday" read in the body
    assert coded(wrapped) == expected
