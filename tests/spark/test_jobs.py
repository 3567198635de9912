"""dyad spark run / dedup / export and dyad ingest --events on a real local Spark: the same
events as dyad code, the same merged events as dyad ingest, bad input counted, not fatal."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dyad import cli
from dyad.spark.jobs import SparkError
from dyad.store.export import GDELT_COLUMNS

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>The statement was published on the ministry's website on Tuesday.</p></article></body></html>"""

PAGES = [
    ("https://wire.example/1", "Hungary and Slovakia sign a gas deal",
     "Hungary and Slovakia signed an agreement on gas supplies in Budapest on 4 March 2025, the two governments said."),
    ("https://wire.example/2", "Chile protests to Argentina",
     "Chile lodged a formal protest with Argentina over the border incident, the foreign ministry in Santiago said."),
]
TABLE = [
    {"id": "t-1", "lang": "en", "published": "2025-05-20", "url": "https://daily.example/t-1",
     "text": "Egypt and Jordan held talks in Cairo on Monday about the situation in Gaza."},
    {"id": "t-2", "lang": "en", "published": "2025-05-21", "url": "https://daily.example/t-2",
     "text": "Kenya accused Somalia of violating its airspace, a government spokesman said on Wednesday."},
]
GERMAN = "Die Regierung in Berlin hat am Montag neue Gespräche mit den Nachbarländern angekündigt, hieß es."


def _warc(path: Path, pages) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, title, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            html = PAGE.format(title=title, body=body).encode("utf-8")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The bundled samples, a web archive, a Parquet table, and broken input of every kind."""
    root = tmp_path_factory.mktemp("corpus")
    news = root / "news"
    news.mkdir()
    samples = resources.files("dyad.samples")
    (news / "ru.jsonl").write_text(samples.joinpath("ru.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    english = samples.joinpath("en.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(english[0])
    extra = ["{broken", json.dumps({"id": "de-1", "text": GERMAN}),
             json.dumps({**first, "id": "en-repeat", "url": None})]  # the same text again: one document to the store
    (news / "en.jsonl").write_text("\n".join([*english, *extra]) + "\n", encoding="utf-8")
    web = root / "web"
    web.mkdir()
    _warc(web / "a.warc.gz", PAGES)
    _warc(root / "whole.warc.gz", [(url + "?again", title, body) for url, title, body in PAGES[::-1]])
    data = (root / "whole.warc.gz").read_bytes()
    (web / "b-cut.warc.gz").write_bytes(data[: len(data) - 200])  # the second record cut short
    tables = root / "tables"
    tables.mkdir()
    pq.write_table(pa.Table.from_pylist(TABLE), tables / "docs.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "m-1", "body": "no text column here"}]), tables / "meta.parquet")
    (root / "notes.txt").write_text("not a format dyad spark run reads", encoding="utf-8")
    # the same documents for the local commands (which read no Parquet)
    local = root / "local-tables.jsonl"
    local.write_text("".join(json.dumps(row) + "\n" for row in TABLE), encoding="utf-8")
    # Parquet first: the inputs after it are read in the same run
    spark_inputs = [str(tables), str(news), str(web), str(root / "notes.txt"), str(root / "missing")]
    local_inputs = [str(local), str(news), str(web)]
    return root, spark_inputs, local_inputs


@pytest.fixture(scope="module")
def invoke(spark, engine):
    real = cli.load_engine
    cli.load_engine = lambda *dicts: real(*dicts) if any(dicts) else engine
    runner = CliRunner()
    yield lambda *args: runner.invoke(cli.cli, [str(a) for a in args])
    cli.load_engine = real


@pytest.fixture(scope="module")
def coded(invoke, corpus):
    root, spark_inputs, _ = corpus
    result = invoke("spark", "run", *spark_inputs, root / "out", "--master", "local[2]", "--json")
    return root / "out", result


def _events_by_document(folder: Path) -> dict[str, list[dict]]:
    table = ds.dataset(str(folder / "events"), format="parquet", partitioning="hive").to_table().to_pylist()
    found: dict[str, list[dict]] = {}
    for row in sorted(table, key=lambda r: (r["input_no"], r["file_no"], r["record_no"], r["event_no"])):
        found.setdefault(row["doc_id"], []).append(json.loads(row["record"]))
    return found


def test_spark_run_codes_every_document_as_dyad_code_does(invoke, corpus, coded):
    out, result = coded
    _, _, local_inputs = corpus
    local = invoke("code", *local_inputs)
    expected = {}
    for line in local.stdout.splitlines():
        document = json.loads(line)
        if document["events"]:
            expected[document["id"]] = document["events"]
    found = _events_by_document(out)
    assert len(expected) >= 20
    assert found == expected
    months = {p.name for p in (out / "events").iterdir() if p.is_dir()}
    assert "month=2025-03" in months and all(m.startswith("month=") for m in months)


def test_spark_run_counts_bad_input_and_goes_on(coded):
    out, result = coded
    assert result.exit_code == 1  # documents failed: they are in failures/
    summary = json.loads(result.stdout)
    assert summary["failures"] == {"missing-input": 1, "no-text-column": 1, "not-json": 1, "unreadable-archive": 1,
                                   "unsupported-format": 1, "unsupported-language": 1}  # fmt: skip
    assert summary["coded"] == 12 + 9 + 3 + 2  # samples and their repeat, 2 + 1 pages, 2 rows
    assert summary == json.loads((out / "summary.json" / "part-00000").read_text())
    failures = pq.read_table(out / "failures").to_pylist()
    german = next(f for f in failures if f["kind"] == "unsupported-language")
    assert german["doc_id"] == "de-1"
    assert any("meta.parquet" in f["where"] and "'text' column" in f["message"] for f in failures)


def test_spark_run_refuses_to_overwrite_an_output(invoke, corpus, coded):
    out, _ = coded
    result = invoke("spark", "run", corpus[1][0], out)
    assert isinstance(result.exception, SparkError) and "exists" in str(result.exception)


def _store_events(invoke, db: str) -> list[dict]:
    result = invoke("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [_without_ingest_time(json.loads(line)) for line in result.stdout.splitlines()]


def _without_ingest_time(event: dict) -> dict:
    for mention in event["mentions"]:
        mention.pop("ingested_at")
    return event


@pytest.fixture(scope="module")
def stored(invoke, corpus):
    root, _, local_inputs = corpus
    db = f"sqlite:///{root / 'local.db'}"
    assert invoke("ingest", "--db", db, *local_inputs).exit_code == 1  # the broken line, the cut archive
    return db


def test_spark_dedup_merges_as_the_store_does(invoke, corpus, coded, stored):
    root = corpus[0]
    out, _ = coded
    result = invoke("spark", "dedup", out, root / "merged", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents_repeated"] == 2  # the repeated sample, the page in both archives
    assert invoke("spark", "export", "--format", "jsonl", root / "merged", root / "jsonl").exit_code == 0
    lines = "".join(p.read_text(encoding="utf-8") for p in sorted((root / "jsonl").glob("part-*")))
    merged = [_without_ingest_time(json.loads(line)) for line in lines.splitlines()]
    expected = _store_events(invoke, stored)
    assert summary["events"] == len(expected) > 20
    assert any(e["num_articles"] > 1 for e in expected)
    assert merged == expected


def test_spark_export_gdelt_is_dyad_exports(invoke, corpus, coded, stored):
    root = corpus[0]
    merged = root / "merged"
    if not merged.exists():
        assert invoke("spark", "dedup", coded[0], merged).exit_code == 0
    assert invoke("spark", "export", "--format", "gdelt-csv", merged, root / "gdelt").exit_code == 0
    added = GDELT_COLUMNS.index("DATEADDED")

    def rows(text: str) -> list[list[str]]:
        return [[c for i, c in enumerate(line.split("\t")) if i != added] for line in text.splitlines()]

    spark_rows = rows("".join(p.read_text(encoding="utf-8") for p in sorted((root / "gdelt").glob("part-*"))))
    local = invoke("export", "--db", stored, "--format", "gdelt-csv")
    assert len(spark_rows) > 20 and spark_rows == rows(local.stdout)


def test_ingest_events_stores_a_run_as_ingest_would(invoke, corpus, coded, stored):
    root = corpus[0]
    db = f"sqlite:///{root / 'from-run.db'}"
    result = invoke("ingest", "--events", "--db", db, "--json", coded[0])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["already_stored"] == 2  # the repeated texts
    assert _store_events(invoke, db) == _store_events(invoke, stored)
    again = json.loads(invoke("ingest", "--events", "--db", db, "--json", coded[0]).stdout)
    assert again["documents"] == 0 and again["events"] == 0


def test_ingest_events_refuses_a_folder_that_is_no_run(invoke, tmp_path):
    result = invoke("ingest", "--events", "--db", f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
    assert result.exit_code != 0 and "not the output of dyad spark run" in str(result.exception)
