"""PETRARCH-format dictionaries: every notation read, every malformed line reported (file:line), the rest kept."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from dyad.dicts.petrarch import Element, read_actors, read_agents, read_verbs
from dyad.dicts.verbs_tsv import load_verbs_tsv, pattern_text
from dyad.errors import DataFileError
from dyad.ontology.cameo import load_cameo
from tests.conftest import FIXTURES

HERE = FIXTURES / "petrarch"
ROOT = Path(__file__).resolve().parents[2]
PETRARCH2 = ROOT.parent / "shared" / "data" / "ontology" / "petrarch2"
VALIDATION = ROOT.parent / "shared" / "data" / "petrarch2-validation" / "dictionaries"
needs_shared = pytest.mark.skipif(not (PETRARCH2 / "CAMEO.2.0.txt").exists(), reason="needs /work/shared")


def known(code: str) -> bool:
    return code in load_cameo()


def write(tmp_path: Path, text: str, name: str = "dict.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(problems) -> dict[int, str]:
    return {int(p.where.rsplit(":", 1)[1]): p.message for p in problems}


def script(name: str):
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(f"scripts_{name}", module)  # dataclasses look their module up
    module.__name__ = f"scripts_{name}"
    spec.loader.exec_module(module)
    return sys.modules[f"scripts_{name}"]


# ------------------------------------------------------------------ verbs
def test_verb_blocks_patterns_synsets_and_paired_codes():
    verbs, problems = read_verbs(HERE / "verbs.txt", known_code=known)
    assert problems == []
    ((greet_verb, greet),) = verbs.lookup("greet")
    assert greet_verb == ("greet",) and greet.code == "051" and greet.verbs == (("greet",), ("salute",))
    assert greet.where == f"{HERE / 'verbs.txt'}:9"
    assert [v for v, _ in verbs.lookup("greeted")] == [("greet",)]  # an irregular form finds its verb
    assert [[e.kind for e in p.after] for p in greet.patterns] == [["prep"], ["synset"], ["word"]]
    prep = greet.patterns[0].after[0]
    assert prep.words == ("with",) and prep.inner == (Element("word", ("praise",)),)
    assert greet.patterns[0].note == "greet with praise"
    assert greet.patterns[1].after[0].members == (("treaty",), ("accord",), ("trade", "deal"))
    assert greet.patterns[2].code is None  # [---]: no event
    ((phrasal, call),) = verbs.lookup("call")
    assert phrasal == ("call", "upon") and call.code is None and call.forms["called"] == ("call", "upon")
    assert [e.kind for e in call.patterns[0].after] == ["target", "prep"]
    ((_, journey),) = verbs.lookup("journey")
    assert (journey.code, journey.reverse) == ("042", "043")
    assert verbs.synsets == {"pact": (("treaty",), ("accord",), ("trade", "deal"))}


def test_every_pattern_notation():
    verbs, problems = read_verbs(HERE / "notations.txt", known_code=known)
    assert problems == []
    assert verbs.synsets["crop"] == (("barley",), ("rye", "grass"), ("pear",), ("quince",))  # '_' label, +&FRUIT included
    barter, trade_in, haggle = verbs.blocks
    assert (barter.name, barter.code, barter.verbs) == ("barter", "061", (("barter",), ("swap",)))  # ';' comment dropped
    assert (trade_in.code, trade_in.verbs, trade_in.where) == ("062", (("trade", "in"),), barter.where)  # own code: own block
    assert trade_in.patterns == barter.patterns and trade_in.forms == {}
    assert barter.forms == {"barters": ("barter",), "bartered": ("barter",), "bartering": ("barter",)}
    texts = [(pattern_text(p), p.code, p.reverse) for p in barter.patterns]
    assert texts == [
        ("* seed_stock", "061", None),  # {SEED STOCK}
        ("* seed_stock (for &crop)", "062", None),
        ("$ * + (to)", "063", "064"),  # source, target, a preposition without object, a paired code
        ("* &fruit", None, None),  # ^ and % dropped, the null code
        ("* (in cash)", None, "064"), ("* (in kind)", None, "064"),  # A/B: one pattern each, [:064] only the reply
        ("* &crop harvest", "061", None),  # {&CROP HARVEST}: the elements in a row
        ("* (on_behalf of +)", "061", None),
        ("&ore *", "063", None),  # a synset defined after its use
    ]  # fmt: skip
    assert barter.patterns[0].after == (Element("phrase", ("seed", "stock")),)
    assert barter.patterns[1].after[1].inner[0].name == "crop"
    assert barter.patterns[4].where == barter.patterns[5].where == f"{HERE / 'notations.txt'}:20"
    assert haggle.code is None  # a header without code and without its closing ---
    assert haggle.verbs == (("haggle", "over"), ("assess",), ("mutter", "about"))  # RE_+ASSESS: the verb is ASSESS
    assert [v for v, _ in verbs.lookup("haggled")] == [("haggle", "over")]
    assert verbs.lookup("say") == []  # the ~ transformation is no verb


def test_malformed_verb_lines_are_reported_and_the_rest_is_loaded():
    verbs, problems = read_verbs(HERE / "broken_verbs.txt", known_code=known)
    assert all(p.where.startswith(f"{HERE / 'broken_verbs.txt'}:") for p in problems)
    by_line = lines_of(problems)
    assert "unclosed '('" in by_line[5]
    assert "unknown synset &NOSUCHSET" in by_line[6]
    assert "is not an event code" in by_line[7]
    assert "without the verb mark" in by_line[8]
    assert "code 958 is not a CAMEO event code" in by_line[9]
    assert "skipped up to the next header" in by_line[10]
    assert set(by_line) == {5, 6, 7, 8, 9, 10}  # the skipped block's own lines are not reported again
    assert verbs.lookup("glare") == []
    ((_, scold),) = verbs.lookup("scold")
    assert [p.code for p in scold.patterns] == ["112"]
    ((_, greet),) = verbs.lookup("greet")
    assert greet.patterns == ()


def test_each_kind_of_verb_line_problem(tmp_path):
    path = write(tmp_path, "\n".join([
        "- * EARLY [010]",                 # 1 a pattern before any block
        "WANDER",                          # 2 a verb inside no block
        "--- ROAM [010] ---",              # 3
        "ROAM",                            # 4
        "- * FAR []",                      # 5 empty code
        "- * (TO &NOWHERE)  [010]",        # 6 unknown synset
        "- FAR AWAY [010]",                # 7 no *
        "- * {FAR AWAY [010]",             # 8 unbalanced
        "- * FAR * AWAY [010]",            # 9 two *
        "- * WIDE [900]",                  # 10 unknown code
        "- * WIDE",                        # 11 no code
        "ROVE [901]",                      # 12 a verb with an unknown code
        "- * ABOUT [010]  # fine",         # 13
        "--- [010] ---",                   # 14 a header without a name
        "DRIFT",                           # 15 (skipped with its block)
        "--- STRAY [010] ---",             # 16 a block without verbs
        "- * OFF [010]",                   # 17
    ]))  # fmt: skip
    verbs, problems = read_verbs(path, known_code=known)
    by_line = lines_of(problems)
    assert "before any verb block header" in by_line[1]
    assert "inside no verb block" in by_line[2]
    assert "empty code" in by_line[5]
    assert "unknown synset &NOWHERE" in by_line[6]
    assert "without the verb mark" in by_line[7]
    assert "unclosed '{'" in by_line[8]
    assert "more than one verb mark" in by_line[9]
    assert by_line[10] == "code 900 is not a CAMEO event code"
    assert "without a code" in by_line[11]
    assert "901 is not a CAMEO event code" in by_line[12]
    assert "block header must read" in by_line[14]
    assert "lists no verb" in by_line[16]
    assert set(by_line) == {1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16}
    assert all(p.where.startswith(f"{path}:") and str(p) == f"{p.where}: {p.message}" for p in problems)
    ((verb, roam),) = verbs.lookup("roam")
    assert [(pattern_text(p), p.note, p.where) for p in roam.patterns] == [("* about", "fine", f"{path}:13")]
    assert verbs.lookup("rove") == [] and verbs.lookup("drift") == []


def test_without_known_code_every_well_formed_code_is_kept(tmp_path):
    path = write(tmp_path, "--- TEST [900] ---\nPROBE [174K]\n- * HARD [911:912]\n")
    verbs, problems = read_verbs(path)
    assert problems == []
    ((_, probe),) = verbs.lookup("probe")
    assert probe.code == "174K" and (probe.patterns[0].code, probe.patterns[0].reverse) == ("911", "912")
    _, problems = read_verbs(path, known_code=known)
    assert [p.message for p in problems] == ["code 900 is not a CAMEO event code: the block is skipped up to the next header"]


def test_a_users_dictionary_takes_precedence_for_its_verbs(tmp_path):
    default, _ = read_verbs(HERE / "verbs.txt")
    user, _ = read_verbs(write(tmp_path, "&PACT\n+COVENANT\n--- HAIL [050] ---\nSALUTE\n- * &PACT [057]\n"))
    merged = default.merge(user)
    ((_, salute),) = merged.lookup("salute")
    assert salute.name == "hail" and salute.patterns[0].after[0].members == (("covenant",),)
    ((_, greet),) = merged.lookup("greet")
    assert greet.verbs == (("greet",),) and merged.lookup("greeted")  # the rest of the default block stays
    assert merged.synsets["pact"] == (("covenant",),)
    assert [v for v, _ in default.lookup("salute")] == [("salute",)]  # merge makes a new dictionary


# ------------------------------------------------------------------ the TSV form
def round_trip(path: Path, out: Path, check=None):
    original, _ = read_verbs(path, known_code=check, cite=path.name)
    rows, patterns, synsets = script("convert_petrarch_verbs").verb_rows(original)
    out.mkdir(exist_ok=True)
    for name, lines in (("verbs.tsv", rows), ("verb_patterns.tsv", patterns), ("synsets.tsv", synsets)):
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return original, load_verbs_tsv(out, known_code=check)


@pytest.mark.parametrize("name", ["verbs.txt", "notations.txt", "broken_verbs.txt"])
def test_the_tsv_form_reads_back_as_the_same_dictionary(tmp_path, name):
    original, converted = round_trip(HERE / name, tmp_path / "tsv", known)
    assert original.blocks and converted == original


def test_a_bad_tsv_row_is_a_data_file_error_with_its_line(tmp_path):
    _, _ = round_trip(HERE / "verbs.txt", tmp_path)
    path = tmp_path / "verb_patterns.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace("[", "").replace("(to", "&nosuch (to")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"verb_patterns.tsv:{len(lines)}: unknown synset &NOSUCH"):
        load_verbs_tsv(tmp_path)


@needs_shared
def test_the_converted_cameo_dictionary_reads_back_as_the_petrarch_original(tmp_path):
    original, converted = round_trip(PETRARCH2 / "CAMEO.2.0.txt", tmp_path, known)
    assert len({b.where for b in original.blocks}) == 397 and converted == original
    assert load_verbs_tsv(ROOT / "src" / "dyad" / "data" / "en", known_code=known) == original  # the shipped files


# ------------------------------------------------------------------ agents
def test_agents_with_substitutions_plurals_and_bad_lines():
    agents, problems = read_agents(HERE / "agents.txt")
    phrases = {(" ".join(a.phrase), a.code) for a in agents}
    assert {("harbour sailor", "MIL"), ("harbour seamen", "MIL"), ("tax collector", "GOV"),
            ("orchard keeper", "AGR"), ("orchard keepers", "AGR")} <= phrases  # fmt: skip
    assert sorted(lines_of(problems)) == [6, 7]
    assert "without a code" in lines_of(problems)[6] and "unbalanced" in lines_of(problems)[7]


def test_agent_notations_and_problems(tmp_path):
    path = write(tmp_path, "\n".join([
        "!GUARD! = WARDEN, WARDENS",          # 1
        "PRISON_!GUARD! {} [~JUD]",            # 2 a macro with an empty plural
        "FERRY_OPERATOR {} [~BUS]",            # 3 no plural
        "AID_WORKER [NGO~]",                   # 4 code before the actor's
        "!NOSUCH!_CLERK [~GOV]",               # 5 unknown macro
        "BOATSWAIN [~]",                       # 6 no code inside
        "MATE [~MIL] [~GOV]",                  # 7 two codes
        "<!-- a comment -->",
        "DECKHAND {DECKHANDS} [~MIL] # crew",  # 9
    ]))  # fmt: skip
    agents, problems = read_agents(path)
    assert [(" ".join(a.phrase), a.code, a.where.rsplit(":", 1)[1]) for a in agents] == [
        ("prison warden", "JUD", "2"), ("prison wardens", "JUD", "2"), ("ferry operator", "BUS", "3"),
        ("aid worker", "NGO", "4"), ("deckhand", "MIL", "9"), ("deckhands", "MIL", "9")]  # fmt: skip
    by_line = lines_of(problems)
    assert set(by_line) == {5, 6, 7} and "unknown substitution !NOSUCH!" in by_line[5]
    assert "not an agent code" in by_line[6] and "one code" in by_line[7]


# ------------------------------------------------------------------ actors
def test_actors_with_synonyms_and_dated_codes():
    actors, problems = read_actors(HERE / "actors.txt")
    by_name = {" ".join(a.name): a for a in actors}
    assert by_name["zembla"].synonyms == (("zemblan",), ("nova", "zembla"))
    xavier = by_name["king charles xavier"]
    assert [(c.code, c.start, c.end) for c in xavier.codes] == [
        ("ZEMGOV", dt.date(1990, 1, 1), dt.date(1995, 12, 31)), ("ZEMELI", dt.date(1996, 1, 1), None)]  # fmt: skip
    assert xavier.where == f"{HERE / 'actors.txt'}:5"
    assert "borduria" in by_name and "syldavia" not in by_name and "ottokar" not in by_name
    messages = lines_of(problems)
    assert "not an actor code" in messages[10] and "date restriction" in messages[11]


def test_actor_dates_codes_and_problems(tmp_path):
    path = write(tmp_path, "\n".join([
        "<!-- invented people",
        "     over two lines -->",
        "ARDA [pse]",                        # 3 a lower-case code
        "QUEEN_MERIS",                       # 4 no code yet ...
        "MERIS_OF_ARDA",                     # 5 ... joins it as a synonym
        "+THE_QUEEN+HER_MAJESTY",            # 6 split in two
        "\t[ARDGOV >20010101]",              # 7
        "\t[ARDELI < 19991231]",             # 8
        "\t[ARDREB 850101 - 870630]",        # 9 YYMMDD: 19xx
        "\t[ARDMED 150101-200101]",          # 10 00-30: 20xx
        "\t[ARDGOV 010230-010301]",          # 11 no 30 February
        "\t[ARDGOV 020101-010101]",          # 12 ends before it starts
        "\t[ARDGOV ~020101]",                # 13 unreadable restriction
        "\t[ARDGOV >020101",                 # 14 unbalanced
        "\tARDGOV",                          # 15 not a code line
        "NULLAND [---]",                     # 16 only the null code: no entry
        "lower case note",                   # 17 not a name: its block is skipped
        "+NOT_KEPT",                         # 18
        "OMAR [OMR] extra words",            # 19 text after the code dropped
    ]))  # fmt: skip
    actors, problems = read_actors(path)
    arda, meris, omar = actors
    assert arda.codes == (type(arda.codes[0])("PSE", None, None),)
    assert meris.name == ("queen", "meris") and meris.synonyms == (("meris", "of", "arda"), ("the", "queen"), ("her", "majesty"))
    assert [(c.code, c.start, c.end) for c in meris.codes] == [
        ("ARDGOV", dt.date(2001, 1, 1), None), ("ARDELI", None, dt.date(1999, 12, 31)),
        ("ARDREB", dt.date(1985, 1, 1), dt.date(1987, 6, 30)), ("ARDMED", dt.date(2015, 1, 1), dt.date(2020, 1, 1))]  # fmt: skip
    assert omar.codes[0].code == "OMR" and omar.synonyms == ()
    by_line = lines_of(problems)
    assert "impossible date" in by_line[11] and "ends before it starts" in by_line[12]
    assert "not a date restriction" in by_line[13] and "unclosed '['" in by_line[14]
    assert "not a code line" in by_line[15] and "block skipped" in by_line[17]
    assert set(lines_of(p for p in problems if p.kept)) == {6, 19}  # repaired, kept
    assert set(by_line) == {6, 11, 12, 13, 14, 15, 17, 19}


@needs_shared
def test_read_actors_agrees_with_the_phoenix_converter():
    from collections import Counter

    convert = script("convert_phoenix")
    for source in convert.SOURCES:
        path = PETRARCH2 / f"Phoenix.{source}.actors.txt"
        entries = [e for e in convert.parse_file(path, source, Counter()) if e.codes]
        actors, _ = read_actors(path)
        assert len(actors) == len(entries)
        for actor, entry in zip(actors, entries, strict=True):
            assert actor.where.endswith(f":{entry.line}") and " ".join(actor.name) == entry.name.lower()
            assert [(c.code, c.start.isoformat() if c.start else "", c.end.isoformat() if c.end else "") for c in actor.codes] == entry.codes


# ------------------------------------------------------------------ files
@pytest.mark.parametrize("reader", [read_verbs, read_agents, read_actors])
def test_unreadable_and_empty_files_give_one_problem(reader, tmp_path):
    _, problems = reader(HERE / "latin1.txt")
    assert len(problems) == 1 and "not UTF-8" in problems[0].message and problems[0].where.endswith("latin1.txt:1")
    late = tmp_path / "late.txt"
    late.write_bytes(b"# fine\n# fine\nBAD \xff [051]\n")
    loaded, problems = reader(late)
    assert [p.where for p in problems] == [f"{late}:3"] and not (loaded.blocks if hasattr(loaded, "blocks") else loaded)
    for text in ("", "# only a comment\n<!-- and\n another -->\n"):
        _, problems = reader(write(tmp_path, text))
        assert [p.message for p in problems] == ["no entries"]
    with pytest.raises(DataFileError, match="missing.txt"):
        reader(HERE / "missing.txt")
    with pytest.raises(DataFileError):
        reader(tmp_path)  # a directory


@needs_shared
def test_the_real_dictionaries_load_with_their_known_defects_only():
    verbs, problems = read_verbs(PETRARCH2 / "CAMEO.2.0.txt", known_code=known)
    assert len(verbs.synsets) == 40 and sum(len(b.verbs) for b in verbs.blocks) > 1800
    assert {int(p.where.rsplit(":", 1)[1]) for p in problems if not p.kept} == {
        2059, 2060, 2061, 2062, 2063, 2374, 5787, 7606, 8443, 8444, 8661}  # fmt: skip
    _, problems = read_verbs(VALIDATION / "PETR.Validate.verbs.txt")
    assert {int(p.where.rsplit(":", 1)[1]) for p in problems if not p.kept} == {155, 156, 233, 671, 975, 989, 992, 993, 1051, 1241}
    agents, problems = read_agents(PETRARCH2 / "Phoenix.agents.txt")
    assert len(agents) > 3000 and sorted(lines_of(problems)) == [544, 1927]
    actors, problems = read_actors(VALIDATION / "PETR.Validate.actors.txt")
    assert len(actors) > 100 and sorted(lines_of(problems)) == [112]
    assert next(a for a in actors if a.name == ("palestinian",)).codes[0].code == "PSE"
