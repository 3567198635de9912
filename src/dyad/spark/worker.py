"""What Spark's executors run: plain Python over plain rows, with no Spark import, so the work
of a partition is the engine's and the store's own code (and can be tested without Spark).

Every document carries its place in the input, ``(input, file, record)``: the ``n``-th path
given, the ``n``-th file under it (sorted by name, as the local reader walks a directory), the
``n``-th line or archive record of that file. Sorting by it gives the order ``dyad code`` and
``dyad ingest`` read the same inputs in, which is the order reports are merged in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from dyad.ingest.files import Problem, document_of_line
from dyad.model import CodedDocument, Document, Event
from dyad.store.dedup import event_day, merge_group

CODE_BATCH = 16  # documents coded together (the engine parses their sentences in one batch)
_ENGINES: dict = {}  # one engine per Python worker process and set of dictionaries, kept from task to task

# A user's dictionaries travel with the job as their bytes, {"actors": [(file name, bytes), ...], ...}
# (the kinds of dyad.config.Config's user_* fields), so that executors need no shared file system.
Dictionaries = dict[str, list[tuple[str, bytes]]]
KINDS = ("actors", "agents", "verbs", "gazetteers")


def engine(dictionaries: Dictionaries | None = None):
    """The worker's engine: models, dictionaries and gazetteer loaded once per process (Spark
    reuses its Python workers from task to task), never per document or per row."""
    key = tuple((kind, tuple(dictionaries.get(kind, ()))) for kind in KINDS) if dictionaries else ()
    if key not in _ENGINES:
        from dyad.config import Config
        from dyad.pipeline import Engine

        paths: dict[str, tuple[str, ...]] = {kind: () for kind in KINDS}
        if dictionaries:
            folder = tempfile.mkdtemp(prefix="dyad-dictionaries-")
            for kind in KINDS:
                written = []
                for number, (name, data) in enumerate(dictionaries.get(kind, ())):
                    path = os.path.join(folder, f"{kind}-{number}-{PurePosixPath(name).name}")
                    with open(path, "wb") as handle:
                        handle.write(data)
                    written.append(path)
                paths[kind] = tuple(written)
        _ENGINES[key] = Engine(Config(user_actors=paths["actors"], user_agents=paths["agents"], user_verbs=paths["verbs"],
                                      user_gazetteers=paths["gazetteers"]))  # fmt: skip
    return _ENGINES[key]


# ---------------------------------------------------------------- reading
def document_of_row(row: dict[str, Any], where: str, default_id: str, lang: str | None, published: dt.date | None
                    ) -> Document | Problem:  # fmt: skip
    """A row of a Parquet input (a ``text`` column; ``id``, ``lang``, ``published``, ``title``, ``url``,
    ``source`` when it has them) as a document."""
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(where, "row has no text", "no-text")
    day = row.get("published")
    if isinstance(day, dt.datetime):
        day = day.date()
    elif isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return Problem(where, f"published is not a date: {day[:40]!r}", "bad-field")
    elif not isinstance(day, dt.date):
        day = None
    extra = {"source": row["source"]} if isinstance(row.get("source"), str) else {}
    return Document(text=text, id=str(row.get("id") or default_id), lang=row.get("lang") or lang,
                    published=day or published, title=row.get("title"), url=row.get("url"), extra=extra)  # fmt: skip


def warc_records(input_no: int, file_no: int, path: str, data: bytes | None, lang: str | None,
                 published: dt.date | None) -> Iterator[tuple]:  # fmt: skip
    """The articles of one WARC archive as ``(input, file, record, where, document or problem)``;
    ``data`` is the archive's bytes, or None to stream it from a local ``path``."""
    import io

    from dyad.ingest.web import WebProblem, warc_documents

    local = _local_path(path)
    try:
        stream = io.BytesIO(data) if data is not None else open(local, "rb")  # noqa: SIM115
    except OSError as exc:
        yield input_no, file_no, 0, path, Problem(path, f"cannot read: {exc.strerror or exc}")
        return
    number = 0
    try:
        with stream:
            for item in warc_documents(stream, path, lang, published):
                number += 1
                where = item.where if isinstance(item, Problem) else f"{path}: {item.url or number}"
                yield input_no, file_no, number, where, item
    except WebProblem as problem:  # a damaged or cut archive (warc_documents says which): what came before is kept
        yield input_no, file_no, number + 1, path, Problem(path, str(problem), "unreadable-archive")


def line_record(input_no: int, file_no: int, path: str, number: int, raw: bytes, lang: str | None,
                published: dt.date | None) -> tuple | None:  # fmt: skip
    """One JSONL line (numbered from 1) as ``(input, file, record, where, document or problem)``."""
    found = document_of_line(raw, f"{path}:{number}", f"{PurePosixPath(path).stem}-{number}", lang, published)
    return None if found is None else (input_no, file_no, number, f"{path}:{number}", found)


def _local_path(path: str) -> str:
    """A local file's path from Hadoop's name for it (``file:/a/b`` or ``file:///a/b``)."""
    from urllib.parse import unquote

    if path.startswith("file:"):
        path = path.removeprefix("file:")
        path = "/" + path.lstrip("/") if path.startswith("//") else path
        return unquote(path) if "%" in path else path
    return path


# ---------------------------------------------------------------- coding
def code_partition(items: Iterable[tuple], dictionaries: Dictionaries | None = None) -> Iterator[tuple[str, dict]]:
    """Code a partition's documents with the worker's engine. Yields ``("document", row)`` for a
    coded document, ``("event", row)`` per event, ``("failure", row)`` for what could not be read
    or coded; a document that makes the engine fail is a failure, and the partition goes on."""
    batch: list[tuple] = []
    for item in items:
        *place, where, found = item
        if isinstance(found, Problem):
            yield "failure", failure_row(where, found.kind, found.message, "")
            continue
        batch.append((tuple(place), where, found))
        if len(batch) >= CODE_BATCH:
            yield from _code_batch(batch, dictionaries)
            batch = []
    if batch:
        yield from _code_batch(batch, dictionaries)


def _code_batch(batch: list[tuple], dictionaries: Dictionaries | None) -> Iterator[tuple[str, dict]]:
    coder = engine(dictionaries)
    try:
        coded = list(coder.code_many([document for _, _, document in batch], batch=CODE_BATCH))
    except Exception:  # noqa: BLE001 - find the document that fails, code the others
        coded = []
        for _, _, document in batch:
            try:
                coded.append(coder.code(document))
            except Exception as exc:  # noqa: BLE001
                coded.append(CodedDocument(document, [], skipped=f"!coding failed: {type(exc).__name__}: {exc}"[:500]))
    for (place, where, _), result in zip(batch, coded, strict=True):
        yield from coded_rows(place, where, result)


def coded_rows(place: tuple[int, int, int], where: str, coded: CodedDocument) -> Iterator[tuple[str, dict]]:
    """The rows of one coded document: the document, its events in order, or its failure."""
    from dyad.store.store import normalised_hash, source_of

    document = coded.document
    if coded.skipped:
        kind = ("coding-error" if coded.skipped.startswith("!") else
                "unsupported-language" if coded.skipped.startswith("unsupported language") else "not-coded")  # fmt: skip
        yield "failure", failure_row(where, kind, coded.skipped.removeprefix("!"), document.id)
        return
    input_no, file_no, record_no = place
    outlet = source_of(document)
    yield "document", {
        "doc_id": document.id, "input_no": input_no, "file_no": file_no, "record_no": record_no, "where": where,
        "lang": document.lang, "published": document.published, "title": document.title, "url": document.url,
        "outlet": outlet, "text_hash": normalised_hash(document.text), "text": document.text, "n_events": len(coded.events),
    }  # fmt: skip
    for number, event in enumerate(coded.events):
        day = event_day(event.date, document.published)
        record = event.to_json()
        yield "event", {
            "doc_id": document.id, "input_no": input_no, "file_no": file_no, "record_no": record_no, "event_no": number,
            "published": document.published, "url": document.url, "title": document.title, "lang": document.lang,
            "outlet": outlet, "month": day.strftime("%Y-%m") if day else "undated", "day": day,
            "date": event.date, "date_from": event.date_from,
            "source_code": event.source.code if event.source else None,
            "source_country": event.source.country if event.source else None,
            "target_code": event.target.code if event.target else None,
            "target_country": event.target.country if event.target else None,
            "code": event.code, "root": event.root, "quad_class": event.quad_class, "goldstein": event.goldstein,
            "plover": event.plover, "modality": event.modality, "confidence": record["confidence"],
            "evidence_text": event.evidence.text, "trigger": event.evidence.trigger,
            "record": json.dumps(record, ensure_ascii=False), "trace": list(event.trace),
        }  # fmt: skip


def failure_row(where: str, kind: str, message: str, doc_id: str) -> dict:
    return {"where": where, "kind": kind, "message": message, "doc_id": doc_id or None}


# ---------------------------------------------------------------- merging
def group_of(row: dict) -> str:
    """The merge group of a stored event row (see ``dyad.store.dedup.merge_group``), as one string."""
    return "|".join(merge_group(event_of(row)))


def event_of(row: dict) -> Event:
    record = json.loads(row["record"])
    record["trace"] = row.get("trace") or []
    return Event.from_json(record)


def merge_partition(rows: Iterable[dict], window: int) -> Iterator[tuple[tuple, str]]:
    """Merge a partition's reports with the store's own code: the reports, in input order, are
    ingested into a scratch SQLite store, and its merged events come out as ``(key, record)``,
    ``key`` being the input place of the report that made the event (the global order of ids).
    Every report of a merge group is in the same partition, and groups never merge with each
    other, so the events are those one store would hold after ingesting every report."""
    from sqlalchemy import func, select

    from dyad.store.schema import mentions
    from dyad.store.store import Filters, IngestCounts, Store

    order = sorted(rows, key=lambda r: (r["input_no"], r["file_no"], r["record_no"], r["event_no"]))
    if not order:
        return
    places: list[tuple] = []  # the input place of each report, in the order they are stored
    coded: list[CodedDocument] = []
    for row in order:
        place = (row["input_no"], row["file_no"], row["record_no"])
        if not coded or coded[-1].document.extra["_place"] != place:
            extra = {"_place": place, **({"source": row["outlet"]} if row.get("outlet") else {})}
            # the text is not needed to merge; the scratch store wants each document's to differ
            document = Document(text=repr(place), id=row["doc_id"], lang=row.get("lang"), published=row.get("published"),
                                title=row.get("title"), url=row.get("url"), extra=extra)  # fmt: skip
            coded.append(CodedDocument(document, []))
        coded[-1].events.append(event_of(row))
        places.append((*place, row["event_no"]))
    with tempfile.TemporaryDirectory(prefix="dyad-merge-") as scratch:
        store = Store(f"sqlite:///{os.path.join(scratch, 'merge.db')}")
        try:
            store.ingest(coded, IngestCounts(), batch=500, window=window)
            with store.engine.connect() as connection:
                first = dict(connection.execute(select(mentions.c.event_id, func.min(mentions.c.id)).group_by(mentions.c.event_id)).all())
            for event in store.iter_events(Filters()):
                key = places[first[event["id"]] - 1]
                for mention in event["mentions"]:
                    mention.pop("document_id", None)  # the scratch store's; the place says which document
                yield key, json.dumps(event, ensure_ascii=False, default=str)
        finally:
            store.engine.dispose()
