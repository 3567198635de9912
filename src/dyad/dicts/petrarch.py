"""Readers for PETRARCH's text dictionaries (verbs, agents, actors), as users curate them.

A malformed line is reported as a :class:`Problem` (``file:line: problem``) and skipped; the
rest of the file loads. A missing file raises :class:`DataFileError`; a file that is not UTF-8
gives one Problem and loads nothing; a file without any entry gives the Problem "no entries".

Comments (all three formats): ``#`` to the end of the line (its text is a pattern's note) and
``<!-- ... -->``, also over several lines. Words are lower-cased; ``_`` between words is a space;
hyphens, dots and apostrophes stay.

Verbs (CAMEO.2.0.txt and PETRARCH user files):

- ``&NAME`` opens a synset (a final ``_``, PETRARCH's "no plurals" mark, is dropped), ``+MEMBER``
  lines follow; ``+&OTHER`` includes another synset. Synsets may be defined after their use.
- ``--- NAME [CODE] ---`` opens a verb block (the closing ``---`` may be missing); no code or
  ``[---]`` is the null code (the verb alone is no event), ``[042:043]`` a paired code (the
  second is what the target does back), ``[:043]`` only the reply.
- Verb lines: ``WORD {FORMS} [CODE]``: the lemma as written, its irregular forms in ``{...}``
  and an optional code of its own (such a verb gets a :class:`VerbBlock` of its own, with the
  same name, origin and patterns). Phrasal verbs: ``+CALL_ON {+CALLED_ON ...}``, ``+`` marking
  the verb word; words written before it (``RE_+ARREST``) are dropped: the verb is ``arrest``.
  A ``;`` after the verb starts a TABARI-style comment.
- Pattern lines ``- WORDS * WORDS [CODE] # note``: ``*`` the verb, ``$`` the source, ``+`` the
  target, ``(PREP ...)`` a prepositional phrase (first word the preposition, ``(TO)`` with no
  object allowed), ``{A B}`` and ``A_B`` a phrase of consecutive words (``{&MILITARY OPERATION}``
  holding a synset becomes the elements in a row), ``&NAME`` any member of a synset,
  ``A/B`` alternatives (the pattern is read once per alternative, all with the same origin).
- Kept out, as dyad cannot use them: ``^`` (PETRARCH's "skip a noun phrase": dyad allows gaps
  anyway) and ``%`` (a compound-actor mark) are dropped from the pattern; ``~`` lines
  (PETRARCH's verb transformations, e.g. ``~ a (a b ATTACK) SAY = a b 015``) are skipped;
  regular inflections and synset plurals are not generated (dyad matches lemmas).

Agents: ``!MACRO! = A, B, C`` substitutions, used as ``CONGRESS!PERSON!`` (one agent per
alternative); ``WORDS {PLURAL} [~CODE]`` (``{}`` empty: no further form; the plural is one
more phrase). ``[CODE~]`` (PETRARCH: code put before the actor's) is read as the same code.

Actors: ``NAME [CODE]`` in column 0, ``+SYNONYM`` lines, indented ``[CODE]``, ``[CODE >D]``,
``[CODE <D]``, ``[CODE D-D]`` lines (D = YYMMDD, 00-30 -> 20xx, else 19xx, or YYYYMMDD); codes
are upper-cased; ``A/B/C`` makes one name stand for several actors. The rules are those of
scripts/convert_phoenix.py: a name line without code after an entry still without code joins
it as a synonym; the null code ``[---]`` gives no code (an entry with no other code is left
out); a bad name line (control characters, ``[]``, lower case) skips its block; text after the
codes of a name line is dropped (reported); ``+A_+B`` is split into two synonyms (reported).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import DataFileError

CODE = re.compile(r"\[([^\[\]]*)\]")
EVENT_CODE = re.compile(r"^[0-9A-Z]{2,4}$")
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3,})(?:/[A-Z0-9]{3,})*$|^---$")  # "FRO/BIL/SAM": one name, several actors
AGENT_CODE = re.compile(r"^[A-Z0-9]{2,}$")
PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
DATE = re.compile(r"^(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))$")
HEADER = re.compile(r"^---\s*([^\[\]]*?)[\s-]*((?:\[[^\[\]]*\][\s-]*)*)$")  # the closing --- may be missing
MACRO = re.compile(r"!([^!\s=]+)!")
MACRO_LINE = re.compile(r"^!([^!\s=]+)!\s*=\s*(.*)$")
BAD_NAME = re.compile(r"[\[\]\ufffd\x00-\x08\x0b-\x1f\x7f]")
MAX_ALTERNATIVES = 64  # patterns one line with A/B alternatives may stand for


@dataclass(frozen=True)
class Problem:
    where: str  # "path:line"
    message: str
    kept: bool = False  # the line was loaded all the same (a code of the user's own, a repaired line)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Element:
    kind: str  # "word" | "phrase" | "synset" | "prep" | "source" | "target"
    words: tuple[str, ...] = ()  # word: (w,); phrase: its words; prep: the preposition word(s)
    members: tuple[tuple[str, ...], ...] = ()  # synset: its member phrases
    inner: tuple[Element, ...] = ()  # prep: the elements of its object
    name: str = ""  # synset: its name, lower case, without '&'


@dataclass(frozen=True)
class VerbPattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str | None  # None: the null code [---]
    reverse: str | None  # the second code of a paired code [042:043]
    where: str
    note: str


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: str | None
    reverse: str | None
    verbs: tuple[tuple[str, ...], ...]
    forms: dict[str, tuple[str, ...]]  # irregular form -> the verb it belongs to
    patterns: tuple[VerbPattern, ...]
    where: str

    def __hash__(self) -> int:
        return hash((self.name, self.code, self.where, self.verbs))


@dataclass
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    _index: dict[str, list[tuple[tuple[str, ...], VerbBlock]]] | None = field(default=None, repr=False, compare=False)

    def lookup(self, word: str) -> list[tuple[tuple[str, ...], VerbBlock]]:
        """(verb words, block) entries whose first verb word is ``word`` or that have it as an irregular form."""
        if self._index is None:
            index: dict[str, list[tuple[tuple[str, ...], VerbBlock]]] = {}
            for block in self.blocks:
                for verb in block.verbs:
                    index.setdefault(verb[0], []).append((verb, block))
                for form, verb in block.forms.items():
                    if form != verb[0] and verb in block.verbs and (verb, block) not in index.get(form, []):
                        index.setdefault(form, []).append((verb, block))
            self._index = index
        return self._index.get(word, [])

    def merge(self, other: VerbDictionary) -> VerbDictionary:
        """``other`` (a user's dictionary) on top: its blocks replace ours for the verbs they list."""
        theirs = {verb for block in other.blocks for verb in block.verbs}
        kept = []
        for block in self.blocks:
            verbs = tuple(v for v in block.verbs if v not in theirs)
            if verbs == block.verbs:
                kept.append(block)
            elif verbs:
                forms = {f: v for f, v in block.forms.items() if v in verbs}
                kept.append(VerbBlock(block.name, block.code, block.reverse, verbs, forms, block.patterns, block.where))
        return VerbDictionary(kept + list(other.blocks), {**self.synsets, **other.synsets})


@dataclass(frozen=True)
class AgentEntry:
    phrase: tuple[str, ...]
    code: str  # without '~'
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
    codes: tuple[DatedCode, ...]  # at least one; an undated one is the default
    where: str


# ------------------------------------------------------------------ common
@dataclass(frozen=True)
class _Line:
    number: int
    text: str  # without comments, right-stripped; may start with blanks
    note: str  # the text after '#', whitespace collapsed


def _read_lines(path: Path) -> tuple[list[_Line], list[Problem]]:
    """The non-blank lines of a dictionary file without comments; a Problem if it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError("no such dictionary file", where=str(path)) from None
    except IsADirectoryError:
        raise DataFileError("a directory, not a dictionary file", where=str(path)) from None
    except OSError as error:
        raise DataFileError(f"cannot read the file ({error.strerror})", where=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [], [Problem(f"{path}:{line}", f"not UTF-8 text (byte {error.start}: {error.reason}); nothing loaded")]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return [], [Problem(f"{path}:{line}", "binary data, not a dictionary; nothing loaded")]
    out: list[_Line] = []
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        kept, rest = "", line
        while rest:
            if in_comment:
                end = rest.find("-->")
                in_comment, rest = (True, "") if end < 0 else (False, rest[end + 3 :])
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept, rest = kept + rest, ""
                else:
                    kept, rest, in_comment = kept + rest[:start], rest[start + 4 :], True
        body, hash_, note = kept.partition("#")
        if body.strip():
            out.append(_Line(number, body.rstrip(), " ".join(note.split()) if hash_ else ""))
    return out, []


def _words(text: str) -> tuple[str, ...]:
    """``MINISTER_OF_DEFENSE`` -> ("minister", "of", "defense")."""
    return tuple(text.lower().replace("_", " ").split())


def _unbalanced(text: str, opening: str = "({[") -> str | None:
    """What is wrong with the brackets, braces and parentheses (those of ``opening``) of a line, or None."""
    pairs = {")": "(", "}": "{", "]": "["}
    pairs = {k: v for k, v in pairs.items() if v in opening}
    stack: list[str] = []
    for char in text:
        if char in opening:
            stack.append(char)
        elif char in pairs:
            if not stack or stack[-1] != pairs[char]:
                return f"unbalanced '{char}'"
            stack.pop()
    return f"unclosed '{stack[-1]}'" if stack else None


# ------------------------------------------------------------------ verbs
def _event_code(text: str, known: Callable[[str], bool] | None) -> tuple[str | None, str | None, str | None]:
    """(code, reverse, problem) of the text of a code bracket: "042", "042:043", ":043", "---"."""
    text = text.strip()
    if not text:
        return None, None, "empty code []"
    if text == "---":
        return None, None, None
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


@dataclass
class _RawBlock:
    name: str
    code: str | None
    reverse: str | None
    where: str
    verbs: list[tuple[tuple[str, ...], tuple[str | None, str | None]]] = field(default_factory=list)
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: list[_Line] = field(default_factory=list)
    skipped: bool = False  # under an unreadable header: its lines are passed over


def read_verbs(
    path: Path | str, known_code: Callable[[str], bool] | None = None, *, cite: str | None = None
) -> tuple[VerbDictionary, list[Problem]]:
    """Read a PETRARCH verb dictionary. ``known_code`` (if given) rejects event codes it does not know;
    ``cite`` names the file in ``where`` fields (default: the path as given)."""
    path = Path(path)
    lines, problems = _read_lines(path)
    name = cite if cite is not None else str(path)
    raw_synsets: dict[str, list[tuple[str, ...]]] = {}
    synset: str | None = None  # the synset whose '+' lines are being read
    blocks: list[_RawBlock] = []
    block: _RawBlock | None = None
    for line in lines:
        where = f"{name}:{line.number}"
        text = line.text.strip()
        wrong = _unbalanced(text)
        if wrong and not text.startswith("~"):
            hint = " ('#' starts a comment)" if line.note and wrong.startswith("unclosed") else ""
            problems.append(Problem(where, f"{wrong}{hint}: line skipped"))
            continue
        if text.startswith("+") and synset is not None:
            member = text[1:].strip()
            if member.startswith("&"):
                raw_synsets[synset].append(("&" + member[1:].strip("_ ").lower(),))
            elif _words(member):
                raw_synsets[synset].append(_words(member))
            continue
        synset = None
        if text.startswith("&"):
            label = text[1:].split()[0].strip("_").lower() if text[1:].split() else ""
            if not label:
                problems.append(Problem(where, "a synset without a name"))
                continue
            synset = label
            raw_synsets.setdefault(synset, [])
            continue
        if text.startswith("~"):
            continue  # a verb transformation: not used by dyad (see the module docstring)
        if text.startswith("---"):
            block = _header(text, where, known_code, problems)
            blocks.append(block)
            continue
        if text.startswith("-"):
            if block is None:
                problems.append(Problem(where, "a pattern before any verb block header (--- NAME [CODE] ---)"))
            elif not block.skipped:
                block.patterns.append(line)
            continue
        if block is None:
            problems.append(Problem(where, "a verb line inside no verb block (no '--- NAME [CODE] ---' before it)"))
            continue
        if not block.skipped:
            _verb_line(text, where, block, known_code, problems)
    synsets = _expand_synsets(raw_synsets)
    result = VerbDictionary(synsets=synsets)
    for raw in blocks:
        if raw.skipped:
            continue
        patterns: list[VerbPattern] = []
        for line in raw.patterns:
            where = f"{name}:{line.number}"
            found, problem = _pattern(line.text.strip(), synsets, known_code, where, line.note)
            if problem:
                problems.append(Problem(where, problem))
            else:
                patterns.extend(found)
        if not raw.verbs:
            problems.append(Problem(raw.where, f"verb block '{raw.name}' lists no verb: its patterns are unused"))
            continue
        by_code: dict[tuple[str | None, str | None], list[tuple[str, ...]]] = {}
        for verb, code in raw.verbs:
            if verb not in by_code.setdefault(code, []):
                by_code[code].append(verb)
        for (code, reverse), verbs in by_code.items():
            forms = {f: v for f, v in raw.forms.items() if v in verbs}
            result.blocks.append(VerbBlock(raw.name, code, reverse, tuple(verbs), forms, tuple(patterns), raw.where))
    if not result.blocks and not problems:
        problems.append(Problem(f"{name}:1", "no entries"))
    return result, problems


def _header(text: str, where: str, known_code, problems: list[Problem]) -> _RawBlock:
    match = HEADER.match(text)
    title = _words(match.group(1)) if match else ()
    if not match or not title:
        problems.append(Problem(where, "a block header must read '--- NAME [CODE] ---': the block is skipped up to the next header"))
        return _RawBlock("", None, None, where, skipped=True)
    codes = CODE.findall(match.group(2))
    if len(codes) > 1:
        problems.append(Problem(where, f"a block header with {len(codes)} codes: the first, [{codes[0]}], is used", kept=True))
    code, reverse, problem = _event_code(codes[0], known_code) if codes else (None, None, None)
    if problem:
        problems.append(Problem(where, f"{problem}: the block is skipped up to the next header"))
        return _RawBlock(" ".join(title), None, None, where, skipped=True)
    return _RawBlock(" ".join(title), code, reverse, where)


def _verb_line(text: str, where: str, block: _RawBlock, known_code, problems: list[Problem]) -> None:
    """One verb of a block: ``WORD {FORMS} [CODE]``, ``+GIVE_UP {+GAVE_UP ...}``."""
    text = text.split(";", 1)[0]  # TABARI's comments: "SCRAP {...};shan 8/30/93"
    codes = CODE.findall(text)
    code = (block.code, block.reverse)
    if len(codes) > 1:
        problems.append(Problem(where, "a verb line with more than one code: line skipped"))
        return
    if codes:
        own, reverse, problem = _event_code(codes[0], known_code)
        if problem:
            problems.append(Problem(where, f"{problem}: verb skipped"))
            return
        code = (own, reverse)
        text = CODE.sub(" ", text)
    head, brace, rest = text.partition("{")
    forms_text = rest.partition("}")[0] if brace else ""
    if brace and rest.partition("}")[2].strip():
        problems.append(Problem(where, f"text after the forms of a verb: {rest.partition('}')[2].strip()!r}: line skipped"))
        return
    verb = _verb_words("_".join(head.split()))  # "LASH OUT" is read as LASH_OUT
    if not verb:
        problems.append(Problem(where, "a verb line without a verb"))
        return
    if any(v == verb for v, _ in block.verbs):
        problems.append(Problem(where, f"verb '{' '.join(verb)}' listed twice in its block", kept=True))
    block.verbs.append((verb, code))
    for form in forms_text.split():
        words = _verb_words(form)
        if words and words[0] != verb[0]:
            block.forms[words[0]] = verb


def _verb_words(text: str) -> tuple[str, ...]:
    """Verb words of "HURRY", "+ASK_FOR", "RE_+ARREST": the '+' word and the words after it."""
    words = [w for w in text.split("_") if w]
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), None)
    if marked is not None:
        words = words[marked:]
    return tuple(w.lstrip("+").lower() for w in words if w.lstrip("+"))


def _expand_synsets(raw: dict[str, list[tuple[str, ...]]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Synset members with included synsets (``+&OTHER``) replaced by their members."""
    done: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        if name in done:
            return done[name]
        members: list[tuple[str, ...]] = []
        for member in raw.get(name, []):
            inner = [m for m in expand(member[0][1:], seen | {name})] if member[0].startswith("&") and member[0][1:] not in seen else []
            for item in inner if member[0].startswith("&") else [member]:
                if item not in members:
                    members.append(item)
        done[name] = tuple(members)
        return done[name]

    for name in raw:
        expand(name, frozenset())
    return done


class _PatternError(ValueError):
    pass


def _pattern(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], known_code, where: str, note: str = ""
) -> tuple[list[VerbPattern], str | None]:
    """The patterns of a pattern line ``- words * words [CODE]`` (more than one with ``A/B``), or a problem."""
    codes = list(CODE.finditer(text))
    if not codes:
        return [], "a pattern without a code [CODE]"
    last = codes[-1]
    if text[last.end() :].strip():
        return [], f"text after the pattern's code: {text[last.end():].strip()!r}"
    code, reverse, problem = _event_code(last.group(1), known_code)
    if problem:
        return [], problem
    body = text[: last.start()].strip()
    if len(codes) > 1:
        return [], "a pattern with more than one code"
    body = body[1:]  # the leading '-'
    tokens = [t.strip("_") for t in PATTERN_TOKEN.findall(body.replace("*", " * "))]
    tokens = [t for t in tokens if t and t.strip("^%")]  # ^ and % are dropped (module docstring)
    stars = tokens.count("*")
    if stars != 1:
        return [], "a pattern without the verb mark '*'" if not stars else "a pattern with more than one verb mark '*'"
    choices = [t.split("/") if "/" in t and t not in ("/",) else [t] for t in tokens]
    if any(not c for choice in choices for c in choice):
        return [], "an empty alternative in A/B"
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > MAX_ALTERNATIVES:
        return [], f"{count} combinations of A/B alternatives (at most {MAX_ALTERNATIVES})"
    out: list[VerbPattern] = []
    try:
        for combination in itertools.product(*choices):
            star = combination.index("*")
            before = _elements(list(combination[:star]), synsets)
            after = _elements(list(combination[star + 1 :]), synsets)
            pattern = VerbPattern(before, after, code, reverse, where, note)
            if pattern not in out:
                out.append(pattern)
    except _PatternError as error:
        return [], str(error)
    return out, None


def _elements(tokens: list[str], synsets) -> tuple[Element, ...]:
    elements, _ = _sequence(tokens, 0, None, synsets)
    return tuple(elements)


def _sequence(tokens: list[str], i: int, closer: str | None, synsets) -> tuple[list[Element], int]:
    """Elements from tokens[i] up to ``closer``; returns them and the index after the closer."""
    out: list[Element] = []
    while i < len(tokens):
        token = tokens[i]
        if token == closer:
            return out, i + 1
        if token in (")", "}"):
            raise _PatternError(f"unbalanced '{token}'")
        if token == "(":
            if i + 1 >= len(tokens) or not _plain(tokens[i + 1]):
                raise _PatternError("a prepositional phrase must start with its preposition: (TO BORDER)")
            preposition = _words(tokens[i + 1])
            inner, i = _sequence(tokens, i + 2, ")", synsets)
            out.append(Element("prep", preposition, inner=tuple(inner)))
            continue
        if token == "{":
            inner, i = _sequence(tokens, i + 1, "}", synsets)
            if not inner:
                raise _PatternError("an empty phrase {}")
            if all(e.kind in ("word", "phrase") for e in inner):
                out.append(_phrase([w for e in inner for w in e.words]))
            else:
                out.extend(inner)  # {&MILITARY OPERATION}: the elements in a row
            continue
        out.extend(_word_elements(token, synsets))
        i += 1
    if closer is not None:
        raise _PatternError(f"unclosed '{'(' if closer == ')' else '{'}'")
    return out, i


def _plain(token: str) -> bool:
    """A token of words only (no bracket, synset, source or target)."""
    parts = [p for p in token.split("_") if p]
    return bool(parts) and all(p not in ("$", "+", "*") and p[0] not in "&(){}" for p in parts)


def _word_elements(token: str, synsets) -> list[Element]:
    """``ARMS_SHIPMENT`` -> a phrase; ``&FOOD`` -> a synset; ``$``/``+`` -> source/target."""
    out: list[Element] = []
    words: list[str] = []
    for part in (p for p in token.split("_") if p):
        if part.startswith("&") or part in ("$", "+"):
            if words:
                out.append(_phrase(words))
                words = []
            if part == "$":
                out.append(Element("source"))
            elif part == "+":
                out.append(Element("target"))
            else:
                name = part[1:].lower()
                if name not in synsets:
                    raise _PatternError(f"unknown synset &{name.upper()} (never defined in the file)")
                out.append(Element("synset", members=synsets[name], name=name))
        else:
            words.append(part.lower())
    if words:
        out.append(_phrase(words))
    return out


def _phrase(words: list[str]) -> Element:
    return Element("word" if len(words) == 1 else "phrase", tuple(words))


# ------------------------------------------------------------------ agents
def read_agents(path: Path | str, *, cite: str | None = None) -> tuple[list[AgentEntry], list[Problem]]:
    """Read a PETRARCH agent dictionary: one entry per phrase (macros expanded, the {plural} included)."""
    path = Path(path)
    lines, problems = _read_lines(path)
    name = cite if cite is not None else str(path)
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in lines:
        where = f"{name}:{line.number}"
        text = line.text.strip()
        macro = MACRO_LINE.match(text)
        if macro:
            alternatives = [a.strip() for a in macro.group(2).split(",") if a.strip()]
            if not alternatives:
                problems.append(Problem(where, f"substitution !{macro.group(1)}! without alternatives"))
            else:
                macros[macro.group(1).upper()] = alternatives
            continue
        wrong = _unbalanced(text)
        if wrong:
            problems.append(Problem(where, f"{wrong}: line skipped"))
            continue
        codes = list(CODE.finditer(text))
        if not codes:
            problems.append(Problem(where, "an agent line without a code [~CODE]: line skipped"))
            continue
        if len(codes) > 1 or text[codes[0].end() :].strip():
            problems.append(Problem(where, "an agent line must end with its one code [~CODE]: line skipped"))
            continue
        inside = codes[0].group(1).strip()
        value = inside.strip("~").strip().upper()
        if "~" not in inside or "~" in value or not AGENT_CODE.match(value):
            problems.append(Problem(where, f"'[{inside}]' is not an agent code (expected [~CODE] or [CODE~]): line skipped"))
            continue
        phrase, brace, rest = text[: codes[0].start()].partition("{")
        plural = rest.partition("}")[0] if brace else ""
        if brace and rest.partition("}")[2].strip():
            problems.append(Problem(where, "text between the plural {...} and the code: line skipped"))
            continue
        names = [p for p in (phrase.strip(), plural.strip()) if p]
        if not names:
            problems.append(Problem(where, "an agent line without words"))
            continue
        try:
            variants = [v for n in names for v in _expand_macros(n, macros)]
        except KeyError as error:
            problems.append(Problem(where, f"unknown substitution !{error.args[0]}! (define it first: !{error.args[0]}! = A, B): line skipped"))
            continue
        for variant in variants:
            words = _words(variant)
            if words:
                entries.append(AgentEntry(words, value, where))
    if not entries and not problems:
        problems.append(Problem(f"{name}:1", "no entries"))
    return entries, problems


def _expand_macros(text: str, macros: dict[str, list[str]]) -> list[str]:
    match = MACRO.search(text)
    if not match:
        return [text]
    key = match.group(1).upper()
    if key not in macros:
        raise KeyError(match.group(1))
    out: list[str] = []
    for alternative in macros[key]:
        out.extend(_expand_macros(text[: match.start()] + alternative + text[match.end() :], macros))
    return out


# ------------------------------------------------------------------ actors
def actor_date(text: str) -> dt.date:
    """YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD -> date; ValueError if impossible."""
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def dated_code(inside: str) -> DatedCode:
    """``RUSGOV >20040309`` -> DatedCode("RUSGOV", 2004-03-09, None); ValueError if unreadable."""
    parts = inside.strip().split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0].upper()
    if not ACTOR_CODE.match(code):
        raise ValueError(f"'{parts[0]}' is not an actor code")
    if len(parts) == 1:
        return DatedCode(code, None, None)
    match = DATE.match(parts[1].strip())
    if not match:
        raise ValueError(f"'{parts[1]}' is not a date restriction (>YYMMDD, <YYMMDD or YYMMDD-YYMMDD)")
    sign, single, first, last = match.groups()
    try:
        dates = [actor_date(d) for d in ((single,) if sign else (first, last))]
    except ValueError:
        raise ValueError(f"'{parts[1]}' holds an impossible date") from None
    if sign:
        return DatedCode(code, dates[0], None) if sign == ">" else DatedCode(code, None, dates[0])
    if dates[1] < dates[0]:
        raise ValueError(f"'{parts[1]}' ends before it starts")
    return DatedCode(code, dates[0], dates[1])


@dataclass
class _RawActor:
    name: tuple[str, ...]
    where: str
    synonyms: list[tuple[str, ...]] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    has_code: bool = False  # any code line seen, even the null code or an unreadable one


def read_actors(path: Path | str, *, cite: str | None = None) -> tuple[list[ActorEntry], list[Problem]]:
    """Read a PETRARCH actor dictionary (the rules of scripts/convert_phoenix.py, module docstring)."""
    path = Path(path)
    lines, problems = _read_lines(path)
    name = cite if cite is not None else str(path)
    raw: list[_RawActor] = []
    current: _RawActor | None = None
    skipping = False  # inside the block of a bad name line

    def add_codes(entry: _RawActor, text: str, where: str) -> None:
        entry.has_code = True
        try:
            parsed = [dated_code(inside) for inside in CODE.findall(text)]
        except ValueError as error:
            problems.append(Problem(where, f"{error}: line skipped"))
            return
        for item in parsed:
            if item.code != "---" and item not in entry.codes:
                entry.codes.append(item)

    for line in lines:
        where = f"{name}:{line.number}"
        text = line.text
        if skipping and text[0] in " \t+":
            continue
        wrong = _unbalanced(text, "[")  # parentheses are part of names: "(ACTING"
        if wrong and text[0] in " \t+":
            problems.append(Problem(where, f"{wrong}: line skipped"))
            continue
        if text[0] in " \t":  # an indented code line
            stripped = text.strip()
            if current is None:
                problems.append(Problem(where, "a code line before any actor"))
            elif not stripped.startswith("[") or CODE.sub("", stripped).strip():
                problems.append(Problem(where, f"an indented line that is not a code line: {stripped[:60]!r}"))
            else:
                add_codes(current, stripped, where)
            continue
        if text[0] == "+":
            parts = [p.strip() for p in text[1:].split("+") if p.strip(" _")]
            if len(parts) > 1:
                problems.append(Problem(where, f"'+' inside a synonym: read as {len(parts)} synonyms", kept=True))
            for part in parts:
                if current is None:
                    problems.append(Problem(where, "a synonym before any actor"))
                elif BAD_NAME.search(part):
                    problems.append(Problem(where, f"a bad character in synonym {part!r}"))
                elif _words(part) not in current.synonyms and _words(part) != current.name:
                    current.synonyms.append(_words(part))
            continue
        head, bracket, rest = text.partition("[")
        skipping = bool(wrong or BAD_NAME.search(head)) or head != head.upper() or not head.strip(" _")
        if wrong:
            problems.append(Problem(where, f"{wrong}: block skipped"))
            current = None
            continue
        if skipping:
            problems.append(Problem(where, f"not an actor name (a bad character, lower case or no name): {head.strip()[:60]!r}, block skipped"))
            current = None
            continue
        codes, close, tail = (bracket + rest).rpartition("]")
        if tail.strip():
            problems.append(Problem(where, f"text after the codes dropped: {tail.strip()[:40]!r}", kept=True))
        words = _words(head)
        if current is not None and not current.has_code:
            if words != current.name and words not in current.synonyms:
                current.synonyms.append(words)  # joins the entry still without code
        else:
            current = _RawActor(words, where)
            raw.append(current)
        if bracket:
            add_codes(current, codes + close, where)
    entries = [ActorEntry(a.name, tuple(a.synonyms), tuple(a.codes), a.where) for a in raw if a.codes]
    if not entries and not problems:
        problems.append(Problem(f"{name}:1", "no entries"))
    return entries, problems
