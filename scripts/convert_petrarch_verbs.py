"""Convert PETRARCH2's CAMEO verb dictionary and Phoenix agents into dyad's TSV data files.

Usage: ``python scripts/convert_petrarch_verbs.py SHARED_ONTOLOGY_DIR OUT_DIR``

Reads ``petrarch2/CAMEO.2.0.txt`` and ``petrarch2/Phoenix.agents.txt`` with dyad's own PETRARCH
reader (src/dyad/dicts/petrarch.py) and writes ``verbs.tsv``, ``verb_patterns.tsv``,
``synsets.tsv`` and ``agents.tsv``; lines the reader cannot use go to stderr as file:line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from dyad.dicts.petrarch import read_agents, read_verbs  # noqa: E402
from dyad.dicts.verbs_tsv import code_text, pattern_text  # noqa: E402
from dyad.ontology.cameo import load_cameo  # noqa: E402

COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"


def header(what: str, source: str, columns: str) -> list[str]:
    return [
        f"# {what}",
        f"# source: github.com/openeventdata/petrarch2 @ {COMMIT}, petrarch2/data/dictionaries/{source}",
        "# licence: MIT, (c) 2014 Open Event Data Alliance (notice in data/common/LICENSE.phoenix)",
        "# converted-by: scripts/convert_petrarch_verbs.py",
        f"# columns: {columns}",
    ]


def clean(text: str) -> str:
    return text.replace("\t", " ").strip()


def main(shared: Path, out: Path) -> int:
    cameo = load_cameo()
    verbs, problems = read_verbs(shared / "petrarch2" / "CAMEO.2.0.txt", known_code=lambda c: c in cameo)
    agents, agent_problems = read_agents(shared / "petrarch2" / "Phoenix.agents.txt")
    for problem in problems + agent_problems:
        print(problem, file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)

    def origin(where: str) -> str:
        path, _, line = where.rpartition(":")
        return f"{Path(path).name}:{line}"

    rows = header("verbs.tsv — English verbs of the CAMEO verb dictionary, by block", "CAMEO.2.0.txt",
                  "block (name), code (the verbs' code: --- none, A:B paired), verb (words), forms (irregular forms), block_origin (file:line of the block), origin")  # fmt: skip
    rows.append("block\tcode\tverb\tforms\tblock_origin\torigin")
    pattern_rows = header("verb_patterns.tsv — the patterns of each verb block (PETRARCH notation)", "CAMEO.2.0.txt",
                          "block_origin (file:line of its block), pattern (* the verb, $ source, + target, (prep ...), &synset, a_b consecutive words), code, origin, note")  # fmt: skip
    pattern_rows.append("block_origin\tpattern\tcode\torigin\tnote")
    seen_blocks: set[str] = set()
    for block in verbs.blocks:
        where = origin(block.where)
        for verb in block.verbs:
            forms = " ".join(sorted(f for f, v in block.forms.items() if v == verb))
            rows.append("\t".join((block.name, code_text(block.code, block.reverse), " ".join(verb), forms, where, where)))
        if where in seen_blocks:
            continue
        seen_blocks.add(where)
        for pattern in block.patterns:
            pattern_rows.append("\t".join((where, pattern_text(pattern), code_text(pattern.code, pattern.reverse), origin(pattern.where), clean(pattern.note))))
    synset_rows = header("synsets.tsv — word sets the verb patterns name with &", "CAMEO.2.0.txt", "synset, members (|-separated)")
    synset_rows.append("synset\tmembers")
    for name, members in sorted(verbs.synsets.items()):
        synset_rows.append(f"{name}\t{'|'.join(' '.join(m) for m in members)}")
    agent_rows = header("agents.tsv — English agent nouns (the sector a word names: minister -> GOV)", "Phoenix.agents.txt",
                        "phrase (lower-case words, substitutions expanded), code (appended to the country's code), origin")  # fmt: skip
    agent_rows.append("phrase\tcode\torigin")
    seen = set()
    for agent in agents:
        key = (agent.phrase, agent.code)
        if key not in seen:
            seen.add(key)
            agent_rows.append(f"{' '.join(agent.phrase)}\t{agent.code}\t{origin(agent.where)}")
    for name, lines in (("verbs.tsv", rows), ("verb_patterns.tsv", pattern_rows), ("synsets.tsv", synset_rows), ("agents.tsv", agent_rows)):
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(verbs.blocks)} blocks, {len(rows) - 6} verbs, {len(pattern_rows) - 6} patterns, {len(verbs.synsets)} synsets, "
          f"{len(agent_rows) - 6} agents; {len(problems) + len(agent_problems)} problems", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
