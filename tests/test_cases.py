"""One-sentence cases (tests/fixtures/ru_cases.txt): SENTENCE ⇒ SOURCE CODE TARGET [MODALITY].

A case passes when the sentence gives an event with the expected actor countries (as an
unordered pair for symmetric roots), the expected root and modality — the spec's primary
match — and, for ∅ lines, no event at all. Known gaps are listed in ru_cases.known-gaps.txt
with the reason; they run as strict xfail, so a fixed gap must be moved out of that list.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.evaluate import actor_country
from dyad.model import Document
from tests.conftest import FIXTURES

PUBLISHED = dt.date(2025, 6, 1)
SYMMETRIC = {"03", "04", "05", "06"}


def known_gaps() -> dict[str, str]:
    gaps = {}
    path = FIXTURES / "ru_cases.known-gaps.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                sentence, _, reason = line.partition(" ⇐ ")
                gaps[sentence.strip()] = reason.strip()
    return gaps


def cases():
    gaps = known_gaps()
    out = []
    for number, line in enumerate((FIXTURES / "ru_cases.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, _, expected = (part.strip() for part in line.partition("⇒"))
        marks = [pytest.mark.xfail(strict=True, reason=gaps[sentence])] if sentence in gaps else []
        out.append(pytest.param(sentence, expected, id=f"line{number}", marks=marks))
    return out


@pytest.mark.parametrize("sentence, expected", cases())
def test_case_sentence(engine, sentence, expected):
    coded = engine.code(Document(text=sentence, lang="ru", published=PUBLISHED))
    got = [
        (e.source.code if e.source else None, e.code, e.target.code if e.target else None, e.modality)
        for e in coded.events
    ]
    if expected == "∅":
        assert got == []
        return
    source, code, target, *modality = expected.split()
    modality = modality[0] if modality else "asserted"
    target = None if target == "-" else target
    wanted = {actor_country(source), actor_country(target)}
    matches = [
        g for g in got
        if {actor_country(g[0]), actor_country(g[2])} == wanted and g[1][:2] == code[:2]
        and (code[:2] in SYMMETRIC or actor_country(g[0]) == actor_country(source))
    ]  # fmt: skip
    assert matches, f"expected {expected}, got {got}"
    assert any(m[3] == modality for m in matches), f"expected modality {modality}, got {got}"
