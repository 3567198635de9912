"""The dyad command, end to end on real files (one engine per session through monkeypatching)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad import cli

ARTICLE = (
    "Москва, 3 марта. Министр иностранных дел России Сергей Лавров в понедельник провел "
    "телефонный разговор с госсекретарем США Марко Рубио. Стороны договорились продолжить контакты."
)


@pytest.fixture
def run(engine, monkeypatch):
    real = cli.load_engine
    # the session's engine, unless a test loads users' dictionaries (a fresh engine then)
    monkeypatch.setattr(cli, "load_engine", lambda *dicts: real(*dicts) if any(dicts) else engine)
    runner = CliRunner()

    def invoke(*args, stdin=None):
        return runner.invoke(cli.cli, list(args), input=stdin)

    return invoke


def test_cli_code_jsonl_record_follows_the_spec(run, tmp_path):
    path = tmp_path / "call.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("code", "--published", "2025-03-05", str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "call" and record["lang"] == "ru" and record["published"] == "2025-03-05"
    call = next(e for e in record["events"] if e["code"] == "041")
    assert call["source"]["code"] == "RUSGOV" and call["source"]["name"] == "Sergey Lavrov"
    assert call["target"]["code"] == "USAGOV" and call["target"]["role"] == "secretary of state"
    assert call["date"] == "2025-03-03" and call["date_from"] == "text"
    assert (call["root"], call["quad_class"], call["plover"], call["goldstein"]) == ("04", 1, "CONSULT", 1.0)
    start, end = call["evidence"]["start"], call["evidence"]["end"]
    assert ARTICLE[start:end] == call["evidence"]["text"]
    assert set(call) == {"source", "target", "code", "root", "quad_class", "goldstein", "plover", "date",
                         "date_from", "modality", "attribution", "evidence", "confidence", "geo", "geo_from", "mode",
                         "contexts"}  # fmt: skip


def test_cli_code_table_from_stdin(run):
    result = run("code", "--format", "table", "--published", "2025-03-05", "-", stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "041 Discuss by telephone" in result.stdout and "Sergey Lavrov" in result.stdout


def test_cli_bad_inputs_are_reported_and_the_rest_is_coded(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary" * 10)
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "x", "text": "Президент Франции посетил Берлин."}\nnot json\n', encoding="utf-8")
    result = run("code", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"), str(docs), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert f"dyad: error: {tmp_path / 'empty.txt'}: empty file" in result.stderr
    assert "binary file" in result.stderr
    assert f"{docs}:2: not valid JSON" in result.stderr
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["good", "x"]


def test_cli_unsupported_language_is_skipped_not_coded(run, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Der Außenminister traf gestern seinen französischen Amtskollegen in Berlin.", encoding="utf-8")
    result = run("code", str(path))
    record = json.loads(result.stdout)
    assert record["events"] == [] and record["skipped"].startswith("unsupported language 'de'")
    assert "skipped: unsupported language" in result.stderr


def test_cli_document_without_text(run, tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "blank", "text": "   "}\n', encoding="utf-8")
    result = run("code", str(docs))
    assert result.exit_code == 1 and "blank: skipped: document has no text" in result.stderr


def test_cli_bad_published_option(run, tmp_path):
    result = run("code", "--published", "yesterday", str(tmp_path))
    assert result.exit_code == 2 and "is not a date" in result.output


def test_cli_explain_shows_rules_and_dropped(run, tmp_path):
    path = tmp_path / "call.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("explain", "--published", "2025-03-05", str(path))
    assert result.exit_code == 0
    assert "EVENT RUSGOV 041 USAGOV" in result.stdout
    assert "PLOVER: CONSULT mode phone" in result.stdout and "- place: " in result.stdout
    assert "trigger: 'провел телефонный разговор'" in result.stdout or "trigger: 'телефонный разговор'" in result.stdout
    assert "triggers.tsv:" in result.stdout and "office_holders.tsv:" in result.stdout


def test_cli_eval_scores_own_gold(run, fixtures):
    result = run("eval", str(fixtures / "ru_gold.jsonl"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 8 and report["missing_outputs"] == 0
    assert report["primary"]["tp"] > 0 and 0.0 < report["primary"]["f1"] <= 1.0


def test_cli_user_dictionaries_report_bad_lines_and_code_with_the_rest(run, tmp_path, fixtures):
    article = tmp_path / "en.txt"
    article.write_text("Zembla greeted the accord with Borduria.", encoding="utf-8")
    here = fixtures / "petrarch"
    result = run("code", "--lang", "en", "--published", "1994-05-02", "--actors", str(here / "actors.txt"),
                 "--verbs", str(here / "broken_verbs.txt"), "--verbs", str(here / "verbs.txt"), str(article))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"dyad: note: dictionary line skipped: {here / 'broken_verbs.txt'}:6: unknown synset &NOSUCHSET" in result.stderr
    assert f"dyad: note: dictionary line skipped: {here / 'actors.txt'}:10:" in result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["source"]["code"], e["code"], e["target"]["code"]) for e in record["events"]] == [("ZEM", "057", "BOR")]


def test_cli_missing_user_dictionary_is_a_usage_error(run, tmp_path):
    article = tmp_path / "en.txt"
    article.write_text("Turkey will send aid to Syria.", encoding="utf-8")
    result = run("code", "--verbs", str(tmp_path / "nope.txt"), str(article))
    assert result.exit_code == 2 and "nope.txt" in result.output + result.stderr
