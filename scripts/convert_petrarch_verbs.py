"""Convert PETRARCH2's CAMEO verb dictionary and Phoenix agents into dyad's TSV data files.

Usage: ``python scripts/convert_petrarch_verbs.py SHARED_ONTOLOGY_DIR OUT_DIR``

Reads ``CAMEO.2.0.txt`` and ``Phoenix.agents.txt`` of SHARED_ONTOLOGY_DIR (the ``petrarch2`` directory) with
dyad's own PETRARCH reader (src/dyad/dicts/petrarch.py; codes checked against dyad's CAMEO table)
and writes ``verbs.tsv``, ``verb_patterns.tsv``, ``synsets.tsv`` and ``agents.tsv`` (formats in
src/dyad/dicts/verbs_tsv.py). Lines the reader cannot use go to stderr as ``file:line: problem``;
counts go to stderr at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from dyad.dicts.petrarch import VerbDictionary, read_agents, read_verbs  # noqa: E402
from dyad.dicts.verbs_tsv import (  # noqa: E402
    PATTERN_COLUMNS,
    SYNSET_COLUMNS,
    VERB_COLUMNS,
    code_text,
    pattern_text,
)
from dyad.ontology.cameo import load_cameo  # noqa: E402

COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
VERBS = "CAMEO.2.0.txt"
AGENTS = "Phoenix.agents.txt"


def header(title: str, source: str, columns: str, names: tuple[str, ...]) -> list[str]:
    return [
        f"# {title}",
        f"# source: github.com/openeventdata/petrarch2 @ {COMMIT}, petrarch2/data/dictionaries/{source}",
        "# licence: MIT, (c) 2014 Open Event Data Alliance (notice in data/common/LICENSE.phoenix)",
        "# converted-by: scripts/convert_petrarch_verbs.py",
        f"# columns: {columns}",
        "\t".join(names),
    ]


def field(text: str) -> str:
    """A value safe for one TSV field."""
    return " ".join(text.split())


def verb_rows(verbs: VerbDictionary) -> tuple[list[str], list[str], list[str]]:
    """The lines of verbs.tsv, verb_patterns.tsv and synsets.tsv."""
    rows = header(
        "verbs.tsv — English verbs of the CAMEO verb dictionary, by verb block", VERBS,
        "verb (words), forms (irregular forms, space-separated), block (name), code (the verb's code:"
        " --- none, A:B paired, ---:B only the reply), origin (file:line of the block header)", VERB_COLUMNS,
    )  # fmt: skip
    patterns = header(
        "verb_patterns.tsv — the patterns of each verb block (dyad's normalised PETRARCH notation)", VERBS,
        "block (name), block_origin (file:line of its block), pattern (* the verb, $ source, + target,"
        " word, two_words consecutive, &synset, (prep ...) a prepositional phrase), code, origin (file:line),"
        " note (the comment of the line)", PATTERN_COLUMNS,
    )  # fmt: skip
    done: set[str] = set()
    for block in verbs.blocks:
        for verb in block.verbs:
            forms = " ".join(f for f, v in block.forms.items() if v == verb)
            rows.append("\t".join((" ".join(verb), forms, block.name, code_text(block.code, block.reverse), block.where)))
        if block.where in done:
            continue  # the sub-blocks of verbs with codes of their own share the patterns
        done.add(block.where)
        for p in block.patterns:
            patterns.append("\t".join((block.name, block.where, pattern_text(p), code_text(p.code, p.reverse), p.where, field(p.note))))
    synsets = header("synsets.tsv — word sets the verb patterns name with &", VERBS,
                     "synset (name), members (|-separated phrases; included synsets expanded)", SYNSET_COLUMNS)  # fmt: skip
    for name, members in verbs.synsets.items():
        synsets.append(f"{name}\t{'|'.join(' '.join(m) for m in members)}")
    return rows, patterns, synsets


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    shared, out = Path(argv[1]), Path(argv[2])
    if not (shared / VERBS).exists() and (shared / "petrarch2" / VERBS).exists():
        shared = shared / "petrarch2"  # the ontology directory above it
    cameo = load_cameo()
    verbs, problems = read_verbs(shared / VERBS, known_code=lambda c: c in cameo, cite=VERBS)
    agents, agent_problems = read_agents(shared / AGENTS, cite=AGENTS)
    for problem in problems + agent_problems:
        print(problem, file=sys.stderr)
    rows, patterns, synsets = verb_rows(verbs)
    agent_rows = header("agents.tsv — English agent nouns (the sector a word names: minister -> GOV)", AGENTS,
                        "phrase (lower-case words, substitutions expanded), code (appended to the country's code),"
                        " origin (file:line)", ("phrase", "code", "origin"))  # fmt: skip
    seen: set[tuple[tuple[str, ...], str]] = set()
    for agent in agents:
        if (agent.phrase, agent.code) not in seen:
            seen.add((agent.phrase, agent.code))
            agent_rows.append(f"{' '.join(agent.phrase)}\t{agent.code}\t{agent.where}")
    out.mkdir(parents=True, exist_ok=True)
    files = {"verbs.tsv": rows, "verb_patterns.tsv": patterns, "synsets.tsv": synsets, "agents.tsv": agent_rows}
    for name, lines in files.items():
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    headers = 6
    print(
        f"{VERBS}: {len({b.where for b in verbs.blocks})} verb blocks ({len(verbs.blocks)} with the verbs' own codes),"
        f" {len(rows) - headers} verbs, {len(patterns) - headers} patterns, {len(verbs.synsets)} synsets;"
        f" {AGENTS}: {len(agent_rows) - headers} agents ({len(agents)} before removing repeats);"
        f" problems: {len(problems)} + {len(agent_problems)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
