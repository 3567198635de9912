"""dyad's own form of a verb dictionary: three TSV files (verbs, patterns, synsets) that read back
into the same :class:`VerbDictionary` as the PETRARCH text they were converted from.

verbs.tsv: block, code (``---`` none; ``042:043`` paired), verb (words), forms (irregular forms,
space-separated), block_origin, origin. verb_patterns.tsv: block_origin, pattern (PETRARCH
notation: ``* (to border)``, ``&military *``, ``$ * + ``), code, origin, note. synsets.tsv:
synset, members (``|``-separated; nested synsets already expanded).
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


def element_text(element: Element) -> str:
    if element.kind == "source":
        return "$"
    if element.kind == "target":
        return "+"
    if element.kind == "synset":
        return "&" + element.name
    if element.kind == "prep":
        return "(" + " ".join([*element.words, *(element_text(e) for e in element.inner)]) + ")"
    return "_".join(element.words)


def pattern_text(pattern: VerbPattern) -> str:
    return " ".join([*(element_text(e) for e in pattern.before), "*", *(element_text(e) for e in pattern.after)])


def code_text(code: str | None, reverse: str | None) -> str:
    return (code or "---") + (f":{reverse}" if reverse else "")


def load_verbs_tsv(directory: Path, known_code: Callable[[str], bool] | None = None) -> VerbDictionary:
    synsets = {
        row["synset"]: tuple(tuple(m.split()) for m in row["members"].split("|") if m)
        for row in read_table(directory / "synsets.tsv", required=("synset", "members"))
    }
    patterns: dict[str, list[VerbPattern]] = {}
    for row in read_table(directory / "verb_patterns.tsv", required=("block_origin", "pattern", "code", "origin")):
        pattern, problem = _pattern(f"- {row['pattern']} [{row['code']}]", synsets, known_code, row["origin"])
        if problem:
            raise DataFileError(problem, where=row.where)
        patterns.setdefault(row["block_origin"], []).append(VerbPattern(pattern.before, pattern.after, pattern.code, pattern.reverse, row["origin"], row.get("note")))
    blocks: dict[tuple[str, str, str], dict] = {}
    for row in read_table(directory / "verbs.tsv", required=("block", "code", "verb", "block_origin")):
        code, reverse, problem = _event_code(row["code"], known_code)
        if problem:
            raise DataFileError(problem, where=row.where)
        key = (row["block"], row["code"], row["block_origin"])
        block = blocks.setdefault(key, {"code": (code, reverse), "verbs": [], "forms": {}})
        verb = tuple(row["verb"].split())
        block["verbs"].append(verb)
        for form in row.get("forms").split():
            block["forms"][form] = verb
    result = VerbDictionary(synsets=synsets)
    forms_of: dict[str, dict] = {}
    for (_name, _code, origin), block in blocks.items():
        forms_of.setdefault(origin, {}).update(block["forms"])
    for (name, _code, origin), block in blocks.items():
        code, reverse = block["code"]
        result.blocks.append(VerbBlock(name, code, reverse, tuple(block["verbs"]), dict(forms_of[origin]), tuple(patterns.get(origin, ())), origin))
    return result


def add_patterns_tsv(verbs: VerbDictionary, path: Path, known_code: Callable[[str], bool] | None = None) -> VerbDictionary:
    """Patterns of our own joined to the blocks of ``verbs`` (named by one of their verbs)."""
    extra: dict[str, list[VerbPattern]] = {}
    for row in read_table(path, required=("verb", "pattern", "code")):
        found = verbs.lookup(row["verb"])
        if not found:
            raise DataFileError(f"verb '{row['verb']}' is in no block of the verb dictionary", where=row.where)
        pattern, problem = _pattern(f"- {row['pattern']} [{row['code']}]", verbs.synsets, known_code, row.where)
        if problem:
            raise DataFileError(problem, where=row.where)
        for _, block in found:
            extra.setdefault(block.where + block.name + (block.code or ""), []).append(
                VerbPattern(pattern.before, pattern.after, pattern.code, pattern.reverse, row.where, row.get("note"))
            )
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
