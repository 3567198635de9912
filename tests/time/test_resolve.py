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
