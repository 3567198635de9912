"""Readers for PETRARCH's text dictionaries (verbs, agents, actors), as users curate them.

A malformed line is reported as a :class:`Problem` (``file:line: problem``) and skipped; the
rest of the file loads. A missing file raises :class:`DataFileError`; a file that is not
UTF-8 or has no entries gives one Problem and nothing else.

Verbs (CAMEO.2.0.txt and PETRARCH user files):
- ``&NAME`` opens a synset, ``+MEMBER`` lines (``_`` joins words; ``+&OTHER`` nests) follow.
- ``--- NAME [CODE] ---`` opens a verb block; ``[---]`` is the null code, ``[042:043]`` a paired
  code (the target's reply second).
- Verb lines: ``WORD {FORMS}`` (irregular forms), ``+GIVE_UP {+GAVE_UP ...}`` (phrasal verbs:
  ``+`` marks the verb word, the words after it follow it), optionally with a code of their own.
- Pattern lines: ``- words * words [CODE] # note``; ``*`` is the verb; ``$`` the source, ``+``
  the target; ``(PREP ...)`` a prepositional phrase; ``{A B}`` and ``A_B`` consecutive words;
  ``&NAME`` any member of a synset.
  Kept out: ``^`` (PETRARCH's skip-a-phrase mark: any words may stand there anyway), ``%``
  (compound-actor mark), words written before ``+`` in a phrasal verb (``KLM_NOP_+RST``: only
  RST and what follows are the verb).
An actor code ``A/B/C`` makes one name stand for several actors at once (all three act).
Agents: ``!MACRO! = A, B`` substitutions; ``WORDS [~CODE]`` (``{...}`` plural lists are read
as further phrases). Actors: ``NAME [CODE]``, ``+SYNONYM`` lines, indented dated codes
``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]``.
Comments: ``#`` to the end of a line, and ``<!-- ... -->``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import DataFileError

CODE = re.compile(r"\[([^\[\]]*)\]")
EVENT_CODE = re.compile(r"^[0-9A-Z]{2,4}$")
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3,})(?:/[A-Z0-9]{3,})*$|^---$")  # "FRO/BIL/SAM": one name, several actors
PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
DATE = re.compile(r"^(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))$")
SKIPPED: dict = {"skipped": True}  # the block under an unreadable header
HEADER = re.compile(r"^---\s+(.*?)\s*(\[[^\]]*\])?\s*---\s*$")


@dataclass(frozen=True)
class Problem:
    where: str  # "path:line"
    message: str
    kept: bool = False  # the line was loaded all the same (e.g. a code of the user's own)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Element:
    kind: str  # "word" | "phrase" | "synset" | "prep" | "source" | "target"
    words: tuple[str, ...] = ()
    members: tuple[tuple[str, ...], ...] = ()
    inner: tuple[Element, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class VerbPattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str | None
    reverse: str | None
    where: str
    note: str


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: str | None
    reverse: str | None
    verbs: tuple[tuple[str, ...], ...]
    forms: dict[str, tuple[str, ...]]
    patterns: tuple[VerbPattern, ...]
    where: str

    def __hash__(self) -> int:
        return hash((self.name, self.where))


@dataclass
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    _index: dict[str, list[tuple[tuple[str, ...], VerbBlock]]] | None = field(default=None, repr=False, compare=False)

    def lookup(self, word: str) -> list[tuple[tuple[str, ...], VerbBlock]]:
        """(verb words, block) entries whose verb is ``word`` (a lemma) or has it as an irregular form."""
        if self._index is None:
            self._index = {}
            for block in self.blocks:
                for verb in block.verbs:
                    self._index.setdefault(verb[0], []).append((verb, block))
                for form, verb in block.forms.items():
                    if form != verb[0] and verb in block.verbs:
                        self._index.setdefault(form, []).append((verb, block))
        return self._index.get(word, [])

    def merge(self, other: VerbDictionary) -> VerbDictionary:
        """``other`` on top: its blocks replace ours for the verbs they list."""
        theirs = {verb for block in other.blocks for verb in block.verbs}
        kept = []
        for block in self.blocks:
            verbs = tuple(v for v in block.verbs if v not in theirs)
            if verbs:
                kept.append(block if verbs == block.verbs else VerbBlock(
                    block.name, block.code, block.reverse, verbs, block.forms, block.patterns, block.where))  # fmt: skip
        return VerbDictionary(kept + list(other.blocks), {**self.synsets, **other.synsets})


@dataclass(frozen=True)
class AgentEntry:
    phrase: tuple[str, ...]
    code: str
    where: str


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class ActorEntry:
    name: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...]
    codes: tuple[DatedCode, ...]
    where: str


# ------------------------------------------------------------------ common
def _lines(path: Path) -> tuple[list[tuple[int, str]], list[Problem]]:
    """(line number, text without comments) of a dictionary file."""
    if not path.is_file():
        raise DataFileError("no such dictionary file", where=str(path))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Problem(f"{path}:1", f"not UTF-8 text (byte {error.start}); nothing loaded")]
    if "\x00" in text:
        return [], [Problem(f"{path}:1", "binary data, not a dictionary; nothing loaded")]
    out = []
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        cleaned = ""
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    in_comment, rest = False, rest[end + 3 :]
            else:
                start = rest.find("<!--")
                if start < 0:
                    cleaned, rest = cleaned + rest, ""
                else:
                    cleaned, rest, in_comment = cleaned + rest[:start], rest[start + 4 :], True
        cleaned = cleaned.split("#", 1)[0].rstrip()
        if cleaned.strip():
            out.append((number, cleaned))
    return out, []


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in text.lower().replace("_", " ").split() if w)


def _where(path: Path, number: int) -> str:
    return f"{path}:{number}"


def _balanced(text: str) -> bool:
    depth = {"(": 0, "{": 0, "[": 0}
    closing = {")": "(", "}": "{", "]": "["}
    for ch in text:
        if ch in depth:
            depth[ch] += 1
        elif ch in closing:
            depth[closing[ch]] -= 1
            if depth[closing[ch]] < 0:
                return False
    return not any(depth.values())


# ------------------------------------------------------------------ verbs
def _event_code(text: str, known: Callable[[str], bool] | None) -> tuple[str | None, str | None, str | None]:
    """(code, reverse, problem) of a bracket's text: "042", "042:043", "---"."""
    text = text.strip()
    if text in ("---", ""):
        return None, None, None if text else "empty code []"
    parts = [p.strip() for p in text.split(":")]
    if len(parts) == 2 and parts[0] == "":
        parts[0] = "---"  # "[:0874]": only the target acts (back on the source)
    if len(parts) > 2 or not all(EVENT_CODE.match(p) or p == "---" for p in parts):
        return None, None, f"'[{text}]' is not an event code (expected [CODE], [CODE:CODE] or [---])"
    for part in parts:
        if part != "---" and known is not None and not known(part):
            return None, None, f"code {part} is not a CAMEO event code"
    code = None if parts[0] == "---" else parts[0]
    reverse = parts[1] if len(parts) == 2 and parts[1] != "---" else None
    return code, reverse, None


def read_verbs(path: Path | str, known_code: Callable[[str], bool] | None = None) -> tuple[VerbDictionary, list[Problem]]:
    path = Path(path)
    lines, problems = _lines(path)
    synsets_raw: dict[str, list[tuple[str, ...]]] = {}
    synset: str | None = None
    blocks: list[dict] = []
    block: dict | None = None
    pending_patterns: list[tuple[int, str]] = []
    for number, line in lines:
        where = _where(path, number)
        stripped = line.strip()
        if not _balanced(stripped):
            problems.append(Problem(where, "unbalanced brackets, braces or parentheses"))
            continue
        if stripped.startswith("---"):
            match = HEADER.match(stripped)
            code, reverse, problem = _event_code((match.group(2) or "[---]")[1:-1], known_code) if match else (None, None, None)
            if not match or problem:
                problem = problem or "a block header must read '--- NAME [CODE] ---'"
                problems.append(Problem(where, f"{problem}; the block is skipped up to the next header"))
                block = SKIPPED
                synset = None
                continue
            block = {"name": " ".join(_words(match.group(1))), "code": code, "reverse": reverse, "verbs": [], "forms": {}, "patterns": [], "where": where}
            blocks.append(block)
            synset = None
            continue
        if stripped.startswith("&"):
            synset = stripped[1:].split()[0].strip("_").lower()
            synsets_raw.setdefault(synset, [])
            continue
        if block is SKIPPED and not (stripped.startswith("&") or (stripped.startswith("+") and synset is not None)):
            continue
        if stripped.startswith("-"):
            synset = None
            if block is None:
                problems.append(Problem(where, "a pattern before any verb block header"))
                continue
            pending_patterns.append((number, stripped))
            block["patterns"].append((number, stripped))
            continue
        if stripped.startswith("+") and synset is not None:
            synsets_raw[synset].append(_words(stripped[1:]))
            continue
        # a verb line
        if block is None or block is SKIPPED:
            problems.append(Problem(where, "a verb line outside any verb block"))
            continue
        own = CODE.search(stripped)
        own_code = (block["code"], block["reverse"])
        if own:
            code, reverse, problem = _event_code(own.group(1), known_code)
            if problem:
                problems.append(Problem(where, problem))
                continue
            own_code = (code, reverse)
            stripped = stripped[: own.start()] + stripped[own.end() :]
        forms_text = ""
        if "{" in stripped:
            stripped, _, forms_text = stripped.partition("{")
            forms_text = forms_text.split("}")[0]
        verb = _phrasal(stripped.strip())
        if not verb:
            problems.append(Problem(where, "a verb line without a verb"))
            continue
        block["verbs"].append((verb, own_code, where))
        for form in forms_text.split():
            form_words = _phrasal(form)
            if form_words:
                block["forms"][form_words[0]] = verb
    synsets = _expand_synsets(synsets_raw)
    result = VerbDictionary(synsets=synsets)
    for raw in blocks:
        patterns = []
        for number, text in raw["patterns"]:
            pattern, problem = _pattern(text, synsets, known_code, _where(path, number))
            if problem:
                problems.append(Problem(_where(path, number), problem))
            elif pattern is not None:
                patterns.append(pattern)
        by_code: dict[tuple, list[tuple[str, ...]]] = {}
        for verb, code, _where_verb in raw["verbs"]:
            by_code.setdefault(code, []).append(verb)
        for (code, reverse), verbs in by_code.items():
            result.blocks.append(VerbBlock(raw["name"], code, reverse, tuple(verbs), dict(raw["forms"]), tuple(patterns), raw["where"]))
    if not result.blocks and not problems:
        problems.append(Problem(_where(path, 1), "no verb blocks in the file"))
    return result, problems


def _phrasal(text: str) -> tuple[str, ...]:
    """Verb words of "HURRY", "+ASK_FOR", "KLM_NOP_+RST": the verb word and the words after it."""
    words = text.replace(" ", "_").split("_")
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), None)
    if marked is not None:
        words = words[marked:]
    return tuple(w.lstrip("+").lower() for w in words if w.lstrip("+"))


def _expand_synsets(raw: dict[str, list[tuple[str, ...]]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    done: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, seen: frozenset) -> tuple[tuple[str, ...], ...]:
        if name in done:
            return done[name]
        members: list[tuple[str, ...]] = []
        for member in raw.get(name, []):
            if len(member) == 1 and member[0].startswith("&"):
                inner = member[0][1:].strip("_")
                if inner not in seen:
                    members.extend(expand(inner, seen | {inner}))
            else:
                members.append(member)
        done[name] = tuple(members)
        return done[name]

    for name in raw:
        expand(name, frozenset({name}))
    return done


def _pattern(text: str, synsets, known_code, where: str) -> tuple[VerbPattern | None, str | None]:
    codes = CODE.findall(text)
    if not codes:
        return None, "a pattern without a code [CODE]"
    code, reverse, problem = _event_code(codes[-1], known_code)
    if problem:
        return None, problem
    body = CODE.sub(" ", text).strip()[1:]  # drop the leading '-'
    # "*SCEPTICAL", "SPY_*_DEAL": the verb mark written against its words
    tokens = [t.strip("_") for t in PATTERN_TOKEN.findall(body.replace("*", " * "))]
    tokens = [t for t in tokens if t]
    if "*" not in tokens:
        return None, "a pattern without the verb mark '*'"
    star = tokens.index("*")
    try:
        before = _elements(tokens[:star], synsets)
        after = _elements(tokens[star + 1 :], synsets)
    except ValueError as error:
        return None, str(error)
    return VerbPattern(tuple(before), tuple(after), code, reverse, where, ""), None


def _elements(tokens: list[str], synsets) -> list[Element]:
    out: list[Element] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "(":
            depth, j = 1, i + 1
            while j < len(tokens) and depth:
                depth += {"(": 1, ")": -1}.get(tokens[j], 0)
                j += 1
            inner = tokens[i + 1 : j - 1]
            if not inner:
                raise ValueError("an empty prepositional phrase ()")
            head = _words(inner[0])
            out.append(Element("prep", head[:1], inner=tuple(_elements([*head[1:], *inner[1:]] if len(head) > 1 else inner[1:], synsets))))
            i = j
            continue
        if token in ("{", "}", "^", "%", "*"):
            i += 1
            continue
        if token == "$":
            out.append(Element("source"))
        elif token == "+":
            out.append(Element("target"))
        else:
            out.extend(_word_elements(token, synsets))
        i += 1
    return out


def _word_elements(token: str, synsets) -> list[Element]:
    out: list[Element] = []
    words: list[str] = []
    for part in token.split("_"):
        if not part:
            continue
        if part.startswith("&"):
            if words:
                out.append(_phrase(words))
                words = []
            name = part[1:].lower()
            if name not in synsets:
                raise ValueError(f"unknown synset &{name.upper()}")
            out.append(Element("synset", members=synsets[name], name=name))
        elif part in ("$", "+"):
            if words:
                out.append(_phrase(words))
                words = []
            out.append(Element("source" if part == "$" else "target"))
        else:
            words.append(part.lower())
    if words:
        out.append(_phrase(words))
    return out


def _phrase(words: list[str]) -> Element:
    return Element("word" if len(words) == 1 else "phrase", tuple(words))


# ------------------------------------------------------------------ agents
MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def read_agents(path: Path | str) -> tuple[list[AgentEntry], list[Problem]]:
    path = Path(path)
    lines, problems = _lines(path)
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in lines:
        where = _where(path, number)
        stripped = line.strip()
        macro = MACRO.match(stripped)
        if macro:
            macros[macro.group(1).upper()] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        if not _balanced(stripped):
            problems.append(Problem(where, "unbalanced brackets or braces"))
            continue
        code = CODE.search(stripped)
        if code is None:
            problems.append(Problem(where, "an agent line without a code [~CODE]"))
            continue
        value = code.group(1).strip().replace("~", "")
        if not re.fullmatch(r"[A-Z0-9]{3,}", value.upper()):
            problems.append(Problem(where, f"'[{code.group(1)}]' is not an agent code"))
            continue
        text = stripped[: code.start()]
        plurals = ""
        if "{" in text:
            text, _, plurals = text.partition("{")
            plurals = plurals.split("}")[0]
        names = [text.strip(), *plurals.split()]
        for name in names:
            if not name:
                continue
            try:
                expanded = _expand_macros(name, macros)
            except KeyError as error:
                problems.append(Problem(where, f"unknown substitution !{error.args[0]}!"))
                break
            for variant in expanded:
                phrase = _words(variant)
                if phrase:
                    entries.append(AgentEntry(phrase, value.upper(), where))
    if not entries and not problems:
        problems.append(Problem(_where(path, 1), "no agents in the file"))
    return entries, problems


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", name)
    if not match:
        return [name]
    key = match.group(1).upper()
    if key not in macros:
        raise KeyError(key)
    out = []
    for alternative in macros[key]:
        out.extend(_expand_macros(name[: match.start()] + alternative + name[match.end() :], macros))
    return out


# ------------------------------------------------------------------ actors
def _actor_date(text: str) -> dt.date:
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _dated(inside: str) -> DatedCode:
    parts = inside.strip().split(None, 1)
    code = parts[0].upper()
    if not ACTOR_CODE.match(code):
        raise ValueError(f"'{parts[0]}' is not an actor code")
    if len(parts) == 1:
        return DatedCode(code, None, None)
    match = DATE.match(parts[1].strip())
    if not match:
        raise ValueError(f"'{parts[1]}' is not a date restriction (>YYMMDD, <YYMMDD or YYMMDD-YYMMDD)")
    try:
        if match.group(1) == ">":
            return DatedCode(code, _actor_date(match.group(2)), None)
        if match.group(1) == "<":
            return DatedCode(code, None, _actor_date(match.group(2)))
        start, end = _actor_date(match.group(3)), _actor_date(match.group(4))
    except ValueError:
        raise ValueError(f"'{parts[1]}' holds an impossible date") from None
    if end < start:
        raise ValueError(f"'{parts[1]}' ends before it starts")
    return DatedCode(code, start, end)


def read_actors(path: Path | str) -> tuple[list[ActorEntry], list[Problem]]:
    path = Path(path)
    lines, problems = _lines(path)
    entries: list[ActorEntry] = []
    current: dict | None = None

    def close() -> None:
        if current is not None and current["codes"] and not all(c.code == "---" for c in current["codes"]):
            codes = tuple(c for c in current["codes"] if c.code != "---")
            entries.append(ActorEntry(current["name"], tuple(current["synonyms"]), codes, current["where"]))

    for number, line in lines:
        where = _where(path, number)
        stripped = line.strip()
        if not _balanced(stripped):
            problems.append(Problem(where, "unbalanced brackets"))
            continue
        try:
            if line[:1].isspace() and stripped.startswith("["):
                if current is None:
                    problems.append(Problem(where, "a dated code before any actor"))
                    continue
                current["codes"].extend(_dated(c) for c in CODE.findall(stripped))
                continue
            if stripped.startswith("+"):
                if current is None:
                    problems.append(Problem(where, "a synonym before any actor"))
                    continue
                name = _words(CODE.sub(" ", stripped[1:]))
                if name:
                    current["synonyms"].append(name)
                continue
            codes = [_dated(c) for c in CODE.findall(stripped)]
        except ValueError as error:
            problems.append(Problem(where, str(error)))
            continue
        name = _words(CODE.sub(" ", stripped))
        if not name:
            problems.append(Problem(where, "an actor line without a name"))
            continue
        if not codes and current is not None and not current["codes"]:
            current["synonyms"].append(name)  # a name line without a code joins the entry still without one
            continue
        close()
        current = {"name": name, "synonyms": [], "codes": codes, "where": where}
    close()
    if not entries and not problems:
        problems.append(Problem(_where(path, 1), "no actors in the file"))
    return entries, problems
