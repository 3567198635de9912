"""The output of ``dyad spark run`` read back as coded documents, for ``dyad ingest --events``:
its documents/ and events/ Parquet (read with pyarrow, no Spark needed), in the order of the
input, each document with its events rebuilt from their records. The store then takes them
as it takes documents it codes itself, so loading a run equals ingesting its input.

The place columns of both tables and the events' records are held in memory (Arrow's
compact form); the documents' texts are read a slice at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dyad.errors import InputError
from dyad.model import CodedDocument, Document, Event

PLACE = ["input_no", "file_no", "record_no"]
SLICE = 2000  # documents turned into Python objects at a time


def _table(folder: Path, columns: list[str] | None = None):
    import pyarrow.dataset as ds

    try:
        return ds.dataset(str(folder), format="parquet", partitioning="hive").to_table(columns=columns)
    except (OSError, ValueError) as exc:  # pyarrow's errors are subclasses of these
        raise InputError(f"{folder}: not readable Parquet ({str(exc).splitlines()[0][:200]})") from None


def run_documents(output: str | Path) -> Iterator[CodedDocument]:
    """The coded documents of a ``dyad spark run`` output folder, in input order."""
    import pyarrow.compute as pc

    root = Path(output)
    if not (root / "documents").is_dir() or not (root / "events").is_dir():
        raise InputError(f"{root}: not the output of dyad spark run (it needs documents/ and events/ folders)")
    documents = _table(root / "documents")
    missing = {"doc_id", "text", *PLACE} - set(documents.column_names)
    if missing:
        raise InputError(f"{root / 'documents'}: no {', '.join(sorted(missing))} column; not written by dyad spark run")
    events = _table(root / "events", [*PLACE, "event_no", "record", "trace"])
    documents = documents.take(pc.sort_indices(documents, [(c, "ascending") for c in PLACE]))
    events = events.take(pc.sort_indices(events, [(c, "ascending") for c in [*PLACE, "event_no"]]))
    places = list(zip(*(events.column(c).to_pylist() for c in PLACE), strict=True))
    at = 0  # the next event, in the same order as the documents
    for start in range(0, documents.num_rows, SLICE):
        for row in documents.slice(start, SLICE).to_pylist():
            place = tuple(row[c] for c in PLACE)
            while at < len(places) and places[at] < place:
                at += 1  # events of a document the documents table does not have: left out
            first = at
            while at < len(places) and places[at] == place:
                at += 1
            coded = []
            for record, trace in zip(events.column("record").slice(first, at - first).to_pylist(),
                                     events.column("trace").slice(first, at - first).to_pylist(), strict=True):  # fmt: skip
                obj = json.loads(record)
                obj["trace"] = trace or []
                coded.append(Event.from_json(obj))
            extra = {"source": row["outlet"]} if row.get("outlet") else {}
            document = Document(text=row["text"], id=row["doc_id"], lang=row.get("lang"), published=row.get("published"),
                                title=row.get("title"), url=row.get("url"), extra=extra)  # fmt: skip
            yield CodedDocument(document, coded)
