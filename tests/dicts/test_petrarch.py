"""PETRARCH-format dictionaries: every notation read, every malformed line reported (file:line), the rest kept."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from dyad.dicts.petrarch import read_actors, read_agents, read_verbs
from dyad.dicts.verbs_tsv import load_verbs_tsv
from dyad.errors import DataFileError
from dyad.ontology.cameo import load_cameo
from tests.conftest import FIXTURES

HERE = FIXTURES / "petrarch"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ontology"


def test_verb_blocks_patterns_synsets_and_paired_codes():
    verbs, problems = read_verbs(HERE / "verbs.txt", known_code=lambda c: c in load_cameo())
    assert problems == []
    (greet_verb, greet), = [e for e in verbs.lookup("greet")]
    assert greet_verb == ("greet",) and greet.code == "051" and greet.verbs == (("greet",), ("salute",))
    assert [v for v, _ in verbs.lookup("greeted")] == [("greet",)]  # an irregular form finds its verb
    kinds = [[e.kind for e in p.after] for p in greet.patterns]
    assert kinds == [["prep"], ["synset"], ["word"]]
    prep = greet.patterns[0].after[0]
    assert prep.words == ("with",) and prep.inner[0].words == ("praise",)
    assert greet.patterns[1].after[0].members == (("treaty",), ("accord",), ("trade", "deal"))
    assert greet.patterns[2].code is None  # [---]: no event
    (phrasal, call), = verbs.lookup("call")
    assert phrasal == ("call", "upon") and call.code is None
    assert [e.kind for e in call.patterns[0].after] == ["target", "prep"]
    (_, journey), = verbs.lookup("journey")
    assert (journey.code, journey.reverse) == ("042", "043")


def test_malformed_verb_lines_are_reported_and_the_rest_is_loaded():
    verbs, problems = read_verbs(HERE / "broken_verbs.txt", known_code=lambda c: c in load_cameo())
    by_line = {p.where.rsplit(":", 1)[1]: p.message for p in problems}
    assert all(p.where.startswith(str(HERE / "broken_verbs.txt") + ":") for p in problems)
    assert "unbalanced" in by_line["5"]
    assert "unknown synset &NOSUCHSET" in by_line["6"]
    assert "is not an event code" in by_line["7"]
    assert "without the verb mark" in by_line["8"]
    assert "958 is not a CAMEO event code" in by_line["9"]
    assert "skipped up to the next header" in by_line["10"]
    assert set(by_line) == {"5", "6", "7", "8", "9", "10"}  # the skipped block's own lines are not reported again
    assert verbs.lookup("glare") == []
    (_, scold), = verbs.lookup("scold")
    assert [p.code for p in scold.patterns] == ["112"]
    (_, greet), = verbs.lookup("greet")
    assert greet.patterns == ()


def test_agents_with_substitutions_plurals_and_bad_lines():
    agents, problems = read_agents(HERE / "agents.txt")
    phrases = {(" ".join(a.phrase), a.code) for a in agents}
    assert {("harbour sailor", "MIL"), ("harbour seamen", "MIL"), ("tax collector", "GOV"),
            ("orchard keeper", "AGR"), ("orchard keepers", "AGR")} <= phrases  # fmt: skip
    assert [(p.where.rsplit(":", 1)[1], "code" in p.message or "unbalanced" in p.message) for p in problems] == [("6", True), ("7", True)]


def test_actors_with_synonyms_and_dated_codes():
    actors, problems = read_actors(HERE / "actors.txt")
    by_name = {" ".join(a.name): a for a in actors}
    assert by_name["zembla"].synonyms == (("zemblan",), ("nova", "zembla"))
    xavier = by_name["king charles xavier"]
    assert [(c.code, c.start, c.end) for c in xavier.codes] == [
        ("ZEMGOV", dt.date(1990, 1, 1), dt.date(1995, 12, 31)), ("ZEMELI", dt.date(1996, 1, 1), None)]  # fmt: skip
    assert "borduria" in by_name and "syldavia" not in by_name and "ottokar" not in by_name
    messages = {p.where.rsplit(":", 1)[1]: p.message for p in problems}
    assert "not an actor code" in messages["10"] and "date restriction" in messages["11"]


@pytest.mark.parametrize("reader", [read_verbs, read_agents, read_actors])
def test_unreadable_and_empty_files_give_one_problem(reader):
    _, problems = reader(HERE / "latin1.txt")
    assert len(problems) == 1 and "not UTF-8" in problems[0].message
    _, problems = reader(HERE / "empty.txt")
    assert len(problems) == 1 and problems[0].message.startswith("no ")
    with pytest.raises(DataFileError):
        reader(HERE / "missing.txt")


def _converter():
    spec = importlib.util.spec_from_file_location("convert", Path(__file__).resolve().parents[2] / "scripts" / "convert_petrarch_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "petrarch2" / "CAMEO.2.0.txt").exists(), reason="needs ../shared")
def test_the_shipped_tsv_reads_back_as_the_petrarch_original(tmp_path):
    cameo = load_cameo()
    original, _ = read_verbs(SHARED / "petrarch2" / "CAMEO.2.0.txt", known_code=lambda c: c in cameo)
    _converter().main(SHARED, tmp_path)
    converted = load_verbs_tsv(tmp_path, known_code=lambda c: c in cameo)
    for directory in (tmp_path, Path(__file__).resolve().parents[2] / "src" / "dyad" / "data" / "en"):
        converted = load_verbs_tsv(directory, known_code=lambda c: c in cameo)
        assert len(converted.blocks) == len(original.blocks)
        for one, other in zip(original.blocks, converted.blocks, strict=True):
            assert (one.name, one.code, one.reverse, one.verbs) == (other.name, other.code, other.reverse, other.verbs)
            assert [(p.before, p.after, p.code, p.reverse) for p in one.patterns] == [(p.before, p.after, p.code, p.reverse) for p in other.patterns]
