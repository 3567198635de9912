"""PLOVER mode and contexts of an event, from cue lemmas (data/common/plover_modes.tsv and
plover_contexts.tsv).

Mode and context names are those of the PLOVER manual, DRAFT Version 0.8 (openeventdata/PLOVER,
PLOVER_MANUAL.tex). The AID modes come from its DRAFT Version 0.7b1 (0.8 gives AID none), and
dyad's REQUEST (PLOVER's DEMAND) takes the DEMAND modes. The special contexts (historical, future,
hypothetical, negation) are not cued here: dyad's modality covers them.

A cue is one lemma, or a run of lemmas that must stand next to each other in that order. Cues are
indexed by their first lemma, so a sentence is checked in one pass over its lemmas. Lemmas match
whatever their case, and ё as е.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from dyad.data import COMMON
from dyad.dicts.tsv import Row, read_table
from dyad.errors import DataFileError

MODES_PATH = COMMON / "plover_modes.tsv"
CONTEXTS_PATH = COMMON / "plover_contexts.tsv"
LANGS = ("ru", "en")

# PLOVER event type (as in plover.tsv) -> its mode names; "sideAB" is a name no word can cue
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
               "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "cleansing", "massacre", "unconventional", "sideAB"),
}  # fmt: skip

CONTEXTS = (
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
    "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights",
    "rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity",
    "executive", "election", "legislative", "cbrn", "cyber", "political_institutions", "corruption",
    "crime", "illegal_drugs",
)  # fmt: skip

# first lemma -> [(the lemmas that must follow it, rank of what the cue cues)], longest first
Index = dict[str, list[tuple[tuple[str, ...], int]]]


def normal(lemma: str) -> str:
    """One spelling for matching: lower case, ё read as е."""
    return lemma.lower().replace("ё", "е")


class PloverCues:
    """Loaded once (from the two data files, or given paths)."""

    def __init__(
        self, modes_path: Path | str | None = None, contexts_path: Path | str | None = None
    ) -> None:
        self._modes: dict[tuple[str, str], Index] = {}  # (lang, event type) -> index
        self._mode_names: dict[str, list[str]] = {}  # event type -> its modes in file order
        self._contexts: dict[str, Index] = {}  # lang -> index
        self._context_names: list[str] = []  # in file order
        seen: dict[tuple[str, ...], str] = {}
        for row, lang, cue in _rows(modes_path or MODES_PATH, ("plover", "mode", "lang", "cue")):
            plover, mode = row["plover"], row["mode"]
            if plover not in MODES:
                raise DataFileError(f"unknown PLOVER event type '{plover}'", row.where)
            if mode not in MODES[plover]:
                known = ", ".join(MODES[plover]) or "none"
                message = f"'{mode}' is not a mode of {plover} (its modes: {known})"
                raise DataFileError(message, row.where)
            _unique(seen, (plover, lang, *cue), plover, row)
            names = self._mode_names.setdefault(plover, [])
            if mode not in names:
                names.append(mode)
            _add(self._modes.setdefault((lang, plover), {}), cue, names.index(mode))
        seen = {}
        for row, lang, cue in _rows(contexts_path or CONTEXTS_PATH, ("context", "lang", "cue")):
            context = row["context"]
            if context not in CONTEXTS:
                raise DataFileError(f"unknown PLOVER context '{context}'", row.where)
            _unique(seen, (context, lang, *cue), context, row)
            if context not in self._context_names:
                self._context_names.append(context)
            _add(self._contexts.setdefault(lang, {}), cue, self._context_names.index(context))

    def mode(self, plover: str | None, lemmas: Sequence[str], lang: str) -> str | None:
        """The event's PLOVER mode: the first mode (in file order) of this event type whose cue
        occurs in the lemmas of the evidence sentence; None when none does."""
        index = self._modes.get((lang, plover)) if plover else None
        if not index:
            return None
        best = None
        for rank, _, _ in _hits(index, lemmas):
            if best is None or rank < best:
                best = rank
                if rank == 0:
                    break
        return None if best is None else self._mode_names[plover][best]

    def contexts(
        self, lemmas: Sequence[str], lang: str, document_lemmas: Sequence[str] = ()
    ) -> list[str]:
        """Contexts cued in the sentence; plus contexts cued at least twice (two different cue
        entries, or one cue twice) in the rest of the document. Sorted in the file's order, no
        repeats.

        ``document_lemmas`` may as well be the whole document, the sentence included: a context the
        sentence cues is in the answer anyway, so counting the sentence again changes nothing.
        """
        index = self._contexts.get(lang)
        if not index:
            return []
        found = {rank for rank, _, _ in _hits(index, lemmas)}
        if document_lemmas:
            found |= _cued_twice(index, document_lemmas)
        return [self._context_names[rank] for rank in sorted(found)]

    def document_contexts(self, document_lemmas: Sequence[str], lang: str) -> list[str]:
        """The contexts cued at least twice in a document, in file order: what ``contexts`` adds
        from the document, to work out once per document rather than once per event."""
        index = self._contexts.get(lang)
        found = _cued_twice(index, document_lemmas) if index else set()
        return [self._context_names[rank] for rank in sorted(found)]


    def annotate(self, coded) -> None:
        """Set ``mode`` and ``contexts`` of the events of a coded document: the mode from the
        evidence sentence, the contexts from it and those the document cues at least twice."""
        if not coded.events:
            return
        lang = coded.document.lang or "ru"
        document: list[str] = []
        for sentence in coded.sentences:
            if sentence.parsed:  # sentences not worth parsing have no lemmas
                document += [t.lemma or t.text.lower() for t in sentence.tokens]
                document.append("\n")  # no cue runs across sentences
        around = self.document_contexts(document, lang)
        for event in coded.events:
            sentence = coded.sentence_of(event)
            lemmas = [t.lemma or t.text.lower() for t in sentence.tokens] if sentence is not None else []
            event.mode = self.mode(event.plover, lemmas, lang)
            found = set(self.contexts(lemmas, lang)) | set(around)
            event.contexts = [c for c in self._context_names if c in found]


@cache
def plover_cues() -> PloverCues:
    """The cues of the shipped data files, loaded once per process."""
    return PloverCues()


def _rows(path: Path | str, columns: tuple[str, ...]) -> Iterator[tuple[Row, str, tuple[str, ...]]]:
    """Each row of a cue file with its language and cue lemmas; DataFileError (file:line) if bad."""
    table = read_table(path, required=columns)
    for row in table:
        empty = [column for column in columns if not row.get(column)]
        if empty:
            raise DataFileError(
                f"empty {', '.join(empty)} (a row has {len(table.columns)} tab-separated fields: "
                f"{', '.join(table.columns)})",
                row.where,
            )
        lang = row["lang"]
        if lang not in LANGS:
            message = f"unknown language '{lang}' (expected {' or '.join(LANGS)})"
            raise DataFileError(message, row.where)
        yield row, lang, tuple(normal(lemma) for lemma in row["cue"].split())


def _unique(seen: dict[tuple[str, ...], str], key: tuple[str, ...], name: str, row: Row) -> None:
    """A cue listed twice for one event type (or context) is a slip: the second could never win."""
    if key in seen:
        cue = " ".join(key[2:])
        message = f"cue '{cue}' ({key[1]}) is already listed for {name} at {seen[key]}"
        raise DataFileError(message, row.where)
    seen[key] = row.where


def _add(index: Index, cue: tuple[str, ...], rank: int) -> None:
    entries = index.setdefault(cue[0], [])
    entries.append((cue[1:], rank))
    entries.sort(key=lambda entry: -len(entry[0]))


def _hits(index: Index, lemmas: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """(rank, start, end) of every cue of the index found in the lemmas. A Russian compound the
    tagger leaves whole ("лгбт-движение", "онлайн-формат") is also read by its first part."""
    words = [normal(lemma) for lemma in lemmas]
    for start, word in enumerate(words):
        entries = index.get(word)
        if entries is None:
            if "-" not in word[1:-1]:
                continue
            entries = index.get(word.split("-", 1)[0])
            if entries is None:
                continue
        for rest, rank in entries:
            end = start + 1 + len(rest)
            if not rest or tuple(words[start + 1 : end]) == rest:
                yield rank, start, end


def _cued_twice(index: Index, lemmas: Sequence[str]) -> set[int]:
    """Ranks cued at least twice; overlapping cues of one context count once
    ("ядерное оружие" is one mention, though "ядерный" and "ядерный оружие" are both cues)."""
    counts: dict[int, int] = {}
    covered: dict[int, int] = {}  # rank -> end of its last counted cue
    for rank, start, end in _hits(index, lemmas):
        if start < covered.get(rank, 0):
            continue
        covered[rank] = end
        counts[rank] = counts.get(rank, 0) + 1
    return {rank for rank, count in counts.items() if count >= 2}
