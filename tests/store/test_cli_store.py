"""``dyad ingest``, ``query`` and ``stats`` end to end on files and a SQLite store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dyad import cli

CALL = "Japan lodged a formal protest with China on Friday, the Japanese government said."
TALKS = "Poland and Lithuania held talks in Warsaw on Monday."


@pytest.fixture
def run(engine, monkeypatch):
    monkeypatch.setattr(cli, "load_engine", lambda *dicts: engine)
    runner = CliRunner()
    return lambda *args: runner.invoke(cli.cli, list(args))


def test_ingest_reports_bad_input_keeps_the_rest_and_query_reads_it_back(run, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "call.txt").write_text(CALL, encoding="utf-8")
    (corpus / "sub" / "image.bin").write_bytes(bytes(range(256)) * 8)
    lines = [json.dumps({"id": "talks", "lang": "en", "published": "2024-05-06", "text": TALKS}), "{broken", ""]
    (corpus / "docs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = run("ingest", "--db", db, "--published", "2025-10-17", "--json", str(corpus))
    assert result.exit_code == 1  # something was skipped
    assert "image.bin" in result.stderr and "docs.jsonl:2" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"] == 2 and summary["skipped"] == 2 and summary["store"]["documents"] == 2
    again = json.loads(run("ingest", "--db", db, "--json", str(corpus / "call.txt")).stdout)
    assert again["documents"] == 0 and again["already_stored"] == 1
    rows = list(csv.DictReader(io.StringIO(run("query", "--db", db, "--actor", "JPN", "--format", "csv").stdout)))
    assert [(r["source"], r["root"], r["target"], r["day"]) for r in rows] == [("JPN", "11", "CHN", "2025-10-17")]
    assert rows[0]["evidence"].startswith("Japan lodged")
    table = run("query", "--db", db, "--from", "2024-05-01", "--to", "2024-05-31").stdout
    assert "POL" in table and "JPN" not in table
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["store"]["events"] == 2 and sorted(r[0] for r in stats["per_root"]) == ["04", "11"]


def test_bad_query_parameters_are_clear_errors(run, tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = run("query", "--db", db, "--from", "2025-02-01", "--to", "2025-01-01")
    assert result.exit_code == 2 and "is after" in result.output
    result = run("query", "--db", db, "--root", "4")
    assert result.exit_code == 2 and "not a CAMEO root" in result.output
    result = run("query", "--db", db, "--modality", "maybe")
    assert result.exit_code == 2 and "not a modality" in result.output


def test_a_database_that_does_not_connect_is_one_line_and_exit_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "dyad.cli", "query", "--db", "postgresql://u:pw@127.0.0.1:1/none"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("dyad: error: ") and "cannot open the database" in done.stderr
    assert "Traceback" not in done.stderr and "pw@" not in done.stderr
