"""The trigger lexicon: lemma phrases -> CAMEO codes, with the argument slot of the target."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.ontology.cameo import Cameo
from dyad.phrases import PhraseIndex

FLAGS = frozenset({"sym", "noun", "passive_ok", "intent", "speech", "weak", "direct", "place", "obliges"})
CASES = frozenset({"nom", "gen", "dat", "acc", "ins", "loc"})
UD_CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "ins": "Ins", "loc": "Loc"}
SLOT = re.compile(r"^(?:(?P<prep>[а-яё][а-яё ]*?)\+)?(?P<case>[a-z]+)$")


@dataclass(frozen=True)
class Slot:
    """Where the target is: a bare case ("acc") or a preposition with a case ("с+ins")."""

    preposition: tuple[str, ...]  # lemmas of the (multi-word) preposition; () for a bare case
    case: str  # UD case name: Acc, Dat, ...

    def __str__(self) -> str:
        prep = " ".join(self.preposition)
        return f"{prep}+{self.case.lower()}" if prep else self.case.lower()


@dataclass(frozen=True)
class Trigger:
    pattern: tuple[str, ...]
    code: str
    slots: tuple[Slot, ...]
    flags: frozenset[str]
    gloss: str
    where: str

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    def __str__(self) -> str:
        return f"{self.where}  {' '.join(self.pattern)}  {self.code}  ({self.gloss})"


def parse_slots(text: str, where: str) -> tuple[Slot, ...]:
    if text in ("", "-"):
        return ()
    slots = []
    for part in text.split("|"):
        match = SLOT.match(part.strip())
        if not match or match.group("case") not in CASES:
            raise DataFileError(
                f"target slot '{part}' is not CASE or PREPOSITION+CASE (cases: {', '.join(sorted(CASES))})",
                where=where,
            )
        prep = tuple(match.group("prep").replace("ё", "е").split()) if match.group("prep") else ()
        slots.append(Slot(prep, UD_CASES[match.group("case")]))
    return tuple(slots)


def load_triggers(path: Path, cameo: Cameo, lemmatize: Callable[[str], str]) -> PhraseIndex[Trigger]:
    """Read a trigger file; every code, slot and flag is checked, errors cite file:line."""
    index: PhraseIndex[Trigger] = PhraseIndex()
    for row in read_table(path, required=("pattern", "code", "target", "flags")):
        cameo.check(row["code"], row.where)
        flags = frozenset(f.strip() for f in row.get("flags").split(",") if f.strip())
        unknown = flags - FLAGS
        if unknown:
            raise DataFileError(
                f"unknown flag(s) {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(FLAGS))})",
                where=row.where,
            )
        pattern = tuple(w.replace("ё", "е").lower() for w in row["pattern"].split())
        trigger = Trigger(pattern, row["code"], parse_slots(row.get("target"), row.where), flags, row.get("gloss"), row.where)
        index.add(pattern, trigger)
    return index


def load_evaluations(path: Path, cameo: Cameo) -> dict[str, tuple[str, str]]:
    """Evaluative words: lemma -> (CAMEO code a statement judging somebody this way takes, file:line)."""
    found: dict[str, tuple[str, str]] = {}
    for row in read_table(path, required=("lemma", "code")):
        cameo.check(row["code"], row.where)
        found[row["lemma"].replace("ё", "е").lower()] = (row["code"], row.where)
    return found
