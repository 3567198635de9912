"""What Spark's tasks run, without Spark: a partition's documents coded by the worker's engine,
a failing document kept apart from the others, a report's merge group."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.ingest.files import Problem
from dyad.model import Document
from dyad.spark import worker

TALKS = "Poland and Lithuania held talks in Warsaw on Monday, the two governments said."
PROTEST = "Japan lodged a formal protest with China on Friday, the Japanese government said."


class Breaks:
    """The real engine, failing on one document as a bug in a rule would."""

    def __init__(self, engine, marker: str) -> None:
        self.engine, self.marker = engine, marker

    def code_many(self, documents, batch=16):
        documents = list(documents)
        if any(self.marker in d.text for d in documents):
            raise RuntimeError("a rule failed")
        return self.engine.code_many(documents, batch=batch)

    def code(self, document):
        if self.marker in document.text:
            raise RuntimeError("a rule failed")
        return self.engine.code(document)


@pytest.fixture
def breaking(engine, monkeypatch):
    monkeypatch.setattr(worker, "_ENGINES", {(): Breaks(engine, "BREAK")})


def test_a_failing_document_is_a_failure_and_its_partition_goes_on(breaking):
    day = dt.date(2025, 6, 2)
    items = [
        (0, 0, 1, "a:1", Document(TALKS, id="talks", lang="en", published=day)),
        (0, 0, 2, "a:2", Problem("a:2", "not valid JSON", "not-json")),
        (0, 0, 3, "a:3", Document("BREAK " + PROTEST, id="broken", lang="en", published=day)),
        (0, 0, 4, "a:4", Document(PROTEST, id="protest", lang="en", published=day)),
    ]
    rows = list(worker.code_partition(items))
    failures = [row for kind, row in rows if kind == "failure"]
    assert [(f["where"], f["kind"]) for f in failures] == [("a:2", "not-json"), ("a:3", "coding-error")]
    assert "a rule failed" in failures[1]["message"] and failures[1]["doc_id"] == "broken"
    documents = [row["doc_id"] for kind, row in rows if kind == "document"]
    assert documents == ["talks", "protest"]
    events = [row for kind, row in rows if kind == "event"]
    assert {e["doc_id"] for e in events} == {"talks", "protest"}
    protest = next(e for e in events if e["doc_id"] == "protest")
    assert protest["day"] == dt.date(2025, 5, 30) and protest["month"] == "2025-05"  # "on Friday" before 2 June
    assert worker.group_of(protest) == "JPN>CHN|11|asserted"  # the store's merge group: dyad, root, modality


def test_a_blank_line_is_no_record_and_a_bad_one_is_a_problem():
    assert worker.line_record(0, 0, "file:/x/a.jsonl", 3, b"  \n", None, None) is None
    *place, where, problem = worker.line_record(0, 1, "file:/x/a.jsonl", 4, b"{oops", None, None)
    assert place == [0, 1, 4] and where == "file:/x/a.jsonl:4" and problem.kind == "not-json"


def test_hadoop_names_of_local_files_are_paths():
    assert worker._local_path("file:/data/a b.warc.gz") == "/data/a b.warc.gz"
    assert worker._local_path("file:///data/x%20y.warc") == "/data/x y.warc"
    assert worker._local_path("hdfs://nn/data/a.warc") == "hdfs://nn/data/a.warc"


def test_parquet_rows_become_documents_or_problems():
    where = "t.parquet#1"
    doc = worker.document_of_row({"text": TALKS, "published": dt.datetime(2025, 6, 2, 9), "source": "Wire"}, where, "t-1", "en", None)
    assert doc.id == "t-1" and doc.published == dt.date(2025, 6, 2) and doc.extra == {"source": "Wire"}
    assert worker.document_of_row({"text": "  "}, where, "t-1", None, None).kind == "no-text"
    assert worker.document_of_row({"text": TALKS, "published": "June"}, where, "t-1", None, None).kind == "bad-field"
