"""dyad's own form of a verb dictionary: TSV files that read back into the same
:class:`~dyad.dicts.petrarch.VerbDictionary` as the PETRARCH text they were converted from
(scripts/convert_petrarch_verbs.py writes them).

- ``verbs.tsv``: verb (its words, space-separated), forms (its irregular forms, space-separated),
  block (the block's name), code (the verb's code: ``---`` none, ``042:043`` paired, ``:043``
  written ``---:043``), origin (file:line of the block header).
- ``verb_patterns.tsv``: block, block_origin (file:line of its block), pattern, code, origin
  (file:line of the pattern), note. The pattern notation: elements separated by blanks, ``*`` the
  verb, ``$`` source, ``+`` target, ``word``, ``two_words`` (consecutive words), ``&synset``,
  ``(prep element ...)``, ``(two_words element ...)`` for a preposition of two words.
- ``synsets.tsv``: synset, members (``|``-separated, words space-separated; included synsets
  already expanded).

A block whose verbs have codes of their own is several :class:`VerbBlock` objects (one per code)
with the same origin; the rows of one code and origin make one block, in the order of the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dyad.dicts.petrarch import (
    Element,
    VerbBlock,
    VerbDictionary,
    VerbPattern,
    _event_code,
    _pattern,
)
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError

VERB_COLUMNS = ("verb", "forms", "block", "code", "origin")
PATTERN_COLUMNS = ("block", "block_origin", "pattern", "code", "origin", "note")
SYNSET_COLUMNS = ("synset", "members")


def element_text(element: Element) -> str:
    """An element in the notation of verb_patterns.tsv."""
    if element.kind == "source":
        return "$"
    if element.kind == "target":
        return "+"
    if element.kind == "synset":
        return "&" + element.name
    if element.kind == "prep":
        return "(" + " ".join(["_".join(element.words), *(element_text(e) for e in element.inner)]) + ")"
    return "_".join(element.words)


def pattern_text(pattern: VerbPattern) -> str:
    """``* (to border)``, ``&military *``, ``$ * +``."""
    return " ".join([*(element_text(e) for e in pattern.before), "*", *(element_text(e) for e in pattern.after)])


def code_text(code: str | None, reverse: str | None) -> str:
    """(None, None) -> ``---``; ("042", "043") -> ``042:043``; (None, "043") -> ``---:043``."""
    return (code or "---") + (f":{reverse}" if reverse else "")


def load_verbs_tsv(directory: Path, known_code: Callable[[str], bool] | None = None) -> VerbDictionary:
    """Read verbs.tsv, verb_patterns.tsv and synsets.tsv of ``directory``; DataFileError (file:line) on a bad row."""
    directory = Path(directory)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
    for row in read_table(directory / "synsets.tsv", required=SYNSET_COLUMNS):
        if not row["synset"] or row["synset"] in synsets:
            raise DataFileError(f"synset {row['synset']!r} is empty or given twice", where=row.where)
        synsets[row["synset"]] = tuple(tuple(m.split()) for m in row["members"].split("|") if m.strip())
    blocks: dict[tuple[str, str], dict] = {}  # (origin, code text) -> the block's parts, in file order
    names: dict[str, str] = {}  # origin -> block name
    for row in read_table(directory / "verbs.tsv", required=VERB_COLUMNS):
        code, reverse, problem = _event_code(row["code"], known_code)
        if problem:
            raise DataFileError(problem, where=row.where)
        verb = tuple(row["verb"].split())
        if not verb or not row["origin"] or names.setdefault(row["origin"], row["block"]) != row["block"]:
            raise DataFileError("a verb row needs a verb, and one block name per origin", where=row.where)
        block = blocks.setdefault((row["origin"], row["code"]), {"code": (code, reverse), "verbs": [], "forms": {}})
        block["verbs"].append(verb)
        for form in row.get("forms").split():
            block["forms"][form] = verb
    patterns: dict[str, list[VerbPattern]] = {}
    for row in read_table(directory / "verb_patterns.tsv", required=PATTERN_COLUMNS):
        if row["block_origin"] not in names:
            raise DataFileError(f"no verb of verbs.tsv is in the block of {row['block_origin']}", where=row.where)
        found, problem = _pattern(f"- {row['pattern']} [{row['code']}]", synsets, known_code, row["origin"], row["note"])
        if problem or len(found) != 1:
            raise DataFileError(problem or "a pattern with A/B alternatives (write one row each)", where=row.where)
        patterns.setdefault(row["block_origin"], []).extend(found)
    result = VerbDictionary(synsets=synsets)
    for (origin, _), block in blocks.items():
        code, reverse = block["code"]
        result.blocks.append(VerbBlock(names[origin], code, reverse, tuple(block["verbs"]), block["forms"], tuple(patterns.get(origin, ())), origin))
    return result


def add_patterns_tsv(verbs: VerbDictionary, path: Path, known_code: Callable[[str], bool] | None = None) -> VerbDictionary:
    """Patterns of our own joined to the blocks of ``verbs`` (named by one of their verbs)."""
    extra: dict[str, list[VerbPattern]] = {}
    for row in read_table(path, required=("verb", "pattern", "code")):
        found = verbs.lookup(row["verb"])
        if not found:
            raise DataFileError(f"verb '{row['verb']}' is in no block of the verb dictionary", where=row.where)
        patterns, problem = _pattern(f"- {row['pattern']} [{row['code']}]", verbs.synsets, known_code, row.where, row.get("note"))
        if problem:
            raise DataFileError(problem, where=row.where)
        for _, block in found:
            extra.setdefault(block.where + block.name + (block.code or ""), []).extend(patterns)
    blocks = [
        VerbBlock(b.name, b.code, b.reverse, b.verbs, b.forms, b.patterns + tuple(extra.get(b.where + b.name + (b.code or ""), ())), b.where)
        for b in verbs.blocks
    ]
    return VerbDictionary(blocks, verbs.synsets)


def add_verbs_tsv(verbs: VerbDictionary, path: Path, known_code: Callable[[str], bool] | None = None) -> VerbDictionary:
    """Verbs of our own, each joining the patterns of the block of a verb the dictionary has."""
    blocks = list(verbs.blocks)
    for row in read_table(path, required=("verb", "joins", "code")):
        found = verbs.lookup(row["joins"])
        if not found:
            raise DataFileError(f"verb '{row['joins']}' is in no block of the verb dictionary", where=row.where)
        code, reverse, problem = _event_code(row["code"], known_code) if row["code"] not in ("", "-") else (None, None, None)
        if problem:
            raise DataFileError(problem, where=row.where)
        block = found[0][1]
        verb = tuple(row["verb"].split())
        forms = {form: verb for form in row.get("forms").split()}
        blocks.append(VerbBlock(block.name, code if row["code"] not in ("", "-") else block.code,
                                reverse if row["code"] not in ("", "-") else block.reverse,
                                (verb,), forms, block.patterns, row.where))  # fmt: skip
    return VerbDictionary(blocks, verbs.synsets)
