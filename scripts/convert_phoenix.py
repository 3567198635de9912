"""Convert the PETRARCH2/Phoenix actor dictionaries into dyad's ``phoenix_actors.tsv``.

Usage: ``python scripts/convert_phoenix.py SHARED_ONTOLOGY_DIR OUT_DIR``

Reads ``Phoenix.{Countries,International,MilNonState}.actors.txt`` (TABARI/PETRARCH format:
``#`` comments; entry lines ``NAME_  [CODE]`` in column 0, ``_``/blanks between words;
``+SYNONYM_`` lines; indented ``[CODE >D|<D|A-B]`` lines, D = YYMMDD (00-30 -> 20xx, else
19xx) or YYYYMMDD, no dates = default code) and writes ``OUT_DIR/phoenix_actors.tsv`` and
``OUT_DIR/LICENSE.phoenix`` (the source's MIT notice, verbatim). As in PETRARCH2's reader,
an entry line without code after an entry still without code joins it as a synonym; the
null code ``[---]`` yields no row.

Malformed lines go to stderr (``file:line: problem``) and are skipped: names with ``[]``,
control or U+FFFD characters, lower-case entry lines (stray notes), indented non-code lines,
unreadable codes or dates, impossible dates, ranges ending before they start (a bad entry
line skips its block). Repaired and reported: text after the codes of an entry line is
dropped; a ``+`` line with an embedded ``+`` is split.

Kind (per entry): ``country`` = Countries entry with a bare 3-letter code (``[AFG]``); else
``person`` = no organisation/place word (ORG_WORDS) and a dated code or 2+ words starting
(after titles) with a given name learnt from dated entries; else ``group`` (MilNonState,
codes xxxREB/INS/SEP/UAF, IMG...) or ``organisation``. Limits: firms named after people
(Morgan Stanley) become persons; people with a rare given name, no dates, organisations.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SOURCES = ("Countries", "International", "MilNonState")  # Phoenix.<source>.actors.txt
HEADER = (
    "# phoenix_actors.tsv — actors with dated codes, converted from the PETRARCH2/Phoenix dictionaries",
    "# source: github.com/openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
    "petrarch2/data/dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt",
    "# licence: MIT, (c) 2014 Open Event Data Alliance (notice in data/common/LICENSE.phoenix)",
    "# converted-by: scripts/convert_phoenix.py",
    "# columns: name, variants (|-separated synonyms), code (CAMEO), start/end (ISO dates, empty ="
    " open; both empty = default code), kind (person/country/organisation/group), origin (file:line)",
    "\t".join(("name", "variants", "code", "start", "end", "kind", "origin")),
)
CODE_RE = re.compile(r"^(?:[A-Z0-9]{3,}|---)$")
BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")
RESTRICTION_RE = re.compile(r"^(?:([<>])\s*(\d{8}|\d{6})|(\d{8}|\d{6})\s*-\s*(\d{8}|\d{6}))$")
BAD_NAME_CHARS = re.compile(r"[\[\]\ufffd\x00-\x08\x0b-\x1f\x7f]")
WORD_START = re.compile(r"(?:^|(?<=[^\w'\u0300-\u036f])|(?<=\b\w'))\w")  # Ki-Moon, O'Neill
ARMED_GROUP_CODE = re.compile(r"^(?:IMG|[A-Z]{3}(?:REB|INS|SEP|UAF))")
TITLES = {"SHEIKH", "SHAIKH", "DR", "DR.", "GENERAL", "GEN.", "PRINCE", "KING", "EMIR", "SIR"}
ORG_WORDS = set(  # words that make a name an organisation or a place, not a person
    """REPUBLIC KINGDOM EMIRATE EMIRATES STATE STATES UNION FEDERATION CONFEDERATION ISLANDS ISLAND
    COAST OCEAN SEA GULF RIVER MOUNTAINS PROVINCE REGION DISTRICT GOVERNORATE CITY VALLEY STRIP
    BANK PARTY ARMY FRONT MOVEMENT MINISTRY COUNCIL COMMITTEE ORGANIZATION ORGANISATION AGENCY
    ASSOCIATION FOUNDATION INSTITUTE INSTITUTION FUND COMMISSION GOVERNMENT ADMINISTRATION
    ASSEMBLY PARLIAMENT CONGRESS SENATE COURT TRIBUNAL POLICE FORCE FORCES BRIGADE BRIGADES
    BATTALION BATTALIONS GROUP GROUPS LEAGUE ALLIANCE COALITION CORPORATION CORP CORP. INC INC.
    CO. COMPANY LTD LTD. LLC PLC HOLDINGS INTERNATIONAL UNIVERSITY CHURCH CENTER CENTRE NETWORK
    SOCIETY PROGRAM PROGRAMME PROJECT OFFICE DEPARTMENT SERVICE SERVICES AUTHORITY BUREAU CABINET
    POLITBURO REGIME MILITIA MILITIAS REBELS FACTION CELL CELLS COMMAND ORDER TRUST WATCH ACTION
    RELIEF MISSION NATIONS TEAM BOARD PEOPLE'S PEOPLES WORKERS ISLAMIC DEMOCRATIC REVOLUTIONARY
    LIBERATION NATIONAL UNITED SOCIALIST COMMUNIST BRANCH UNIT DIVISION COMMANDO SOLIDARITY
    WORLDWIDE SONS FINANCIAL BANCORP BANCSHARES ENERGY SYSTEMS TECHNOLOGY TECHNOLOGIES
    INDUSTRIES ENTERPRISES PARTNERS MATERIALS PHARMACEUTICALS COMMUNICATIONS SOLUTIONS""".split()
)


@dataclass
class Entry:
    """One dictionary entry: its name, synonyms and (code, start, end) triples."""

    source: str
    line: int
    name: str
    variants: dict[str, None] = field(default_factory=dict)  # an ordered set
    codes: list[tuple[str, str, str]] = field(default_factory=list)
    has_code: bool = False  # any code seen, including the null code [---]


def report(where: str, problem: str, counts: Counter[str], key: str = "malformed") -> None:
    """Print a problem to stderr and count it (``malformed`` = skipped, ``repaired`` = kept)."""
    counts[key] += 1
    print(f"{where}: {problem}{'' if key == 'malformed' else ' (repaired)'}", file=sys.stderr)


def readable(phrase: str) -> str:
    """``SERGEY_LAVROV_`` -> ``Sergey Lavrov``; dots, hyphens and apostrophes are kept."""
    return " ".join(
        w if w[0] + w[-1] == "()" else WORD_START.sub(lambda m: m[0].upper(), w.lower())
        for w in phrase.replace("_", " ").split()  # acronyms in parentheses stay as written
    )


def parse_date(text: str) -> dt.date:
    """YYMMDD (00-30 -> 20xx, else 19xx) or YYYYMMDD -> date; ValueError if impossible."""
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(inside: str) -> tuple[str, str, str]:
    """``RUSGOV >20040309`` -> ``("RUSGOV", "2004-03-09", "")``; ValueError if unreadable."""
    code, rest = (inside.split(None, 1) + ["", ""])[:2]
    if not CODE_RE.match(code):
        raise ValueError(f"bad code {code!r}")
    if not rest.strip():
        return code, "", ""
    match = RESTRICTION_RE.match(rest.strip())
    if not match:
        raise ValueError(f"unreadable date restriction {rest!r}")
    sign, single, first, last = match.groups()
    try:
        dates = [parse_date(d).isoformat() for d in ((single,) if sign else (first, last))]
    except ValueError as exc:
        raise ValueError(f"impossible date in {rest!r} ({exc})") from None
    if sign:
        return (code, dates[0], "") if sign == ">" else (code, "", dates[0])
    if dates[1] < dates[0]:
        raise ValueError(f"range {rest!r} ends before it starts")
    return code, dates[0], dates[1]


def add_codes(entry: Entry, text: str, where: str, counts: Counter[str]) -> None:
    """Parse every ``[...]`` of a code text into entry.codes; a bad one skips the line."""
    entry.has_code = True  # even a malformed code line closes a group of code-less entries
    try:
        parsed = [parse_code(inside) for inside in BRACKET_RE.findall(text)]
    except ValueError as exc:
        return report(where, str(exc), counts)
    for item in parsed:
        if item[0] != "---" and item not in entry.codes:
            entry.codes.append(item)


def parse_file(path: Path, source: str, counts: Counter[str]) -> list[Entry]:
    """Read one actor file into entries, reporting malformed lines."""
    entries: list[Entry] = []
    current: Entry | None = None
    skipping = False  # inside the block of a malformed entry line
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where, text = f"{path.name}:{number}", raw.split("#", 1)[0].rstrip()
        if not text.strip() or (skipping and text[0] in " \t+"):
            continue
        if text[0] in " \t":  # indented: a code line
            if current is None or text.strip()[0] != "[" or BRACKET_RE.sub("", text).strip():
                report(where, f"indented line is not a code line: {text.strip()[:60]!r}", counts)
            else:
                add_codes(current, text, where, counts)
        elif text[0] == "+":  # synonym line(s): "+A_+B_" is split
            parts = [p.strip() for p in text[1:].split("+") if p.strip(" _")]
            if len(parts) > 1:
                report(where, f"embedded '+': split into {len(parts)} synonyms", counts, "repaired")
            for part in parts:
                if current is None or BAD_NAME_CHARS.search(part):
                    report(where, f"bad character or no entry for synonym {part!r}", counts)
                else:
                    current.variants[readable(part)] = None
        else:  # an entry line
            name, bracket, rest = text.partition("[")
            skipping = bool(BAD_NAME_CHARS.search(name)) or name != name.upper()
            if skipping or not name.strip(" _"):
                report(where, f"bad character/lower case: {name.strip()!r}, block skipped", counts)
                current, skipping = None, True
                continue
            head, close, tail = (bracket + rest).rpartition("]")
            if tail.strip():
                report(where, f"trailing text dropped: {tail.strip()[:40]!r}", counts, "repaired")
            if current is not None and not current.has_code:
                current.variants[readable(name)] = None  # joins the code-less group
            else:
                current = Entry(source, number, readable(name))
                entries.append(current)
            if bracket:
                add_codes(current, head + close, where, counts)
    return entries


def learn_given_names(entries: list[Entry]) -> set[str]:
    """Given names: words that start >= 2 dated person-like entries, twice as often as
    they start organisation-like ones, and are neither initials nor particles (AL, U)."""
    as_person, as_org = Counter[str](), Counter[str]()
    for entry in entries:
        words = entry.name.upper().split()
        if ORG_WORDS.intersection(words):
            as_org[words[0]] += 1
        elif len(words) >= 2 and is_dated(entry):
            as_person[words[0]] += 1
    common = {w for w, n in as_person.items() if n >= max(2, 2 * as_org[w])}
    return {w for w in common if len(w) >= 3 and w[-1].isalpha()}


def is_dated(entry: Entry) -> bool:
    """True if the entry has a dated code other than a bare 3-letter country code."""
    return any((start or end) and len(code) > 3 for code, start, end in entry.codes)


def classify(entry: Entry, given_names: set[str]) -> str:
    """person / country / organisation / group, following the module docstring."""
    words = entry.name.upper().split()
    codes = [code for code, _, _ in entry.codes]
    first = next((w for w in words if w not in TITLES), "")
    if entry.source == "Countries" and any(len(c) == 3 for c in codes):
        return "country"
    looks_named = len(words) >= 2 and first in given_names
    if not ORG_WORDS.intersection(words) and (is_dated(entry) or looks_named):
        return "person"
    if entry.source == "MilNonState" or any(ARMED_GROUP_CODE.match(c) for c in codes):
        return "group"
    return "organisation"


def write_tsv(entries: list[Entry], given_names: set[str], path: Path) -> Counter[str]:
    """Write the TSV (one row per entry and code) and return row counts per kind."""
    per_kind: Counter[str] = Counter()
    lines = list(HEADER)
    for entry in entries:
        kind, origin = classify(entry, given_names), f"{entry.source}:{entry.line}"
        variants = "|".join(v for v in entry.variants if v != entry.name)
        for code, start, end in entry.codes:
            lines.append("\t".join((entry.name, variants, code, start, end, kind, origin)))
            per_kind[kind] += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return per_kind


def main(argv: list[str]) -> int:
    """Command-line entry point; returns the exit status."""
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])  # the usage line, exit status 1
    src, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    entries = [e for s in SOURCES for e in parse_file(src / f"Phoenix.{s}.actors.txt", s, counts)]
    per_kind = write_tsv(entries, learn_given_names(entries), out / "phoenix_actors.tsv")
    shutil.copyfile(src / "LICENSE", out / "LICENSE.phoenix")
    without = sum(1 for e in entries if not e.codes)  # e.g. only the null code [---]
    sys.stderr.write(f"entries: {len(entries)} ({without} without a usable code: no row)\n")
    sys.stderr.write(f"rows: {per_kind.total()} {dict(sorted(per_kind.items()))}\n")
    sys.stderr.write(
        f"lines: {counts['malformed']} malformed (skipped), {counts['repaired']} repaired\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
