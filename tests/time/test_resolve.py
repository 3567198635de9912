import datetime as dt

import pytest

from dyad.time.resolve import find_dates
from tests.conftest import FIXTURES


def cases():
    for line in (FIXTURES / "dates.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, text, expected = (part.strip() for part in line.split("⇒"))
            yield pytest.param(published, text, expected, id=text[:40])


@pytest.mark.parametrize("published, text, expected", list(cases()))
def test_resolve_date_expression(published, text, expected):
    day = None if published == "-" else dt.date.fromisoformat(published)
    values = [d.value for d in find_dates(text, day) if d.value]
    assert (values[0] if values else "∅") == expected


def test_resolve_offsets_point_into_the_text():
    text = "Министры встретились 12 февраля в Женеве."
    found = find_dates(text, dt.date(2025, 2, 16), offset=100)
    assert [(d.start - 100, d.end - 100) for d in found] == [(21, 31)]
    assert text[found[0].start - 100 : found[0].end - 100] == "12 февраля"


def test_resolve_year_from_a_date_stated_earlier_when_nothing_is_published():
    anchor = dt.date(2019, 11, 3)
    assert [d.value for d in find_dates("Ещё 14 октября стороны договорились.", None, anchor=anchor)] == ["2019-10-14"]
    assert [d.value for d in find_dates("Встреча прошла в мае.", None, anchor=anchor)] == ["2019-05"]
    # relative words still need a publication date: an event date is not a day of writing
    assert [d.value for d in find_dates("Накануне министры встретились.", None, anchor=anchor)] == [None]
    # a publication date wins over the anchor
    assert [d.value for d in find_dates("Ещё 14 октября стороны договорились.", dt.date(2021, 1, 5), anchor=anchor)] == ["2020-10-14"]


def english_cases():
    for line in (FIXTURES / "dates_en.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, text, expected = (part.strip() for part in line.split("⇒"))
            yield pytest.param(published, text, expected, id=text[:40])


@pytest.mark.parametrize("published, text, expected", list(english_cases()))
def test_resolve_english_date_expression(published, text, expected):
    day = None if published == "-" else dt.date.fromisoformat(published)
    values = [d.value for d in find_dates(text, day, lang="en") if d.value]
    assert (values[0] if values else "∅") == expected


def test_english_rules_do_not_fire_on_russian_text_and_back():
    assert find_dates("Министры встретились 12 февраля.", dt.date(2025, 2, 16), lang="en") == []
    assert find_dates("The ministers met on February 12.", dt.date(2025, 2, 16)) == []


@pytest.mark.parametrize("text, lang, value, ahead", [
    ("Путин посетит Китай в мае.", "ru", "2025-05", "2026-05"),
    ("переговоры пройдут 12 февраля", "ru", "2025-02-12", "2026-02-12"),
    ("встреча состоится в пятницу", "ru", "2025-10-17", "2025-10-24"),
    ("в прошлую пятницу", "ru", "2025-10-17", None),  # the text says which: no other reading
    ("в октябре", "ru", "2025-10", None),  # the same either way
    ("The leaders will meet on Tuesday.", "en", "2025-10-14", "2025-10-21"),
    ("They met last Tuesday.", "en", "2025-10-14", None),
    ("The summit is set for May 2026.", "en", "2026-05", None),  # a year given: no other reading
    ("Talks resume on March 3.", "en", "2025-03-03", "2026-03-03"),
])  # fmt: skip
def test_a_date_without_its_year_or_week_keeps_the_reading_ahead_of_publication(text, lang, value, ahead):
    (found,) = find_dates(text, dt.date(2025, 10, 20), lang=lang)  # a Monday
    assert (found.value, found.ahead) == (value, ahead)
