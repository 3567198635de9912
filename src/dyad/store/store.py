"""Open a store (creating or migrating its schema), add coded documents, query what it holds.

``Store(url)`` takes a SQLAlchemy URL: ``sqlite:///dyad.db`` (the default, a file in the working
directory), a bare file path, or ``postgresql://user@host:port/db`` (through psycopg 3). Each
``add`` is one transaction: a batch lands whole or not at all, so an interrupted ingest run
again adds what is missing and nothing twice (documents are known by URL and by the hash of
their normalised text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import (
    and_,
    case,
    create_engine,
    func,
    inspect,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from dyad.errors import DyadError
from dyad.model import CodedDocument, Document
from dyad.ontology.cameo import load_cameo
from dyad.store.dedup import (
    WINDOW_DAYS,
    compatible,
    event_day,
    merge_group,
    modalities_of,
    period,
)
from dyad.store.schema import documents, event_codes, event_sources, events, mentions

DEFAULT_URL = "sqlite:///dyad.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SPACES = re.compile(r"\s+")
TREND_DAYS = 30  # the trend of a dyad: its last 30 days beside the 30 before
INTERVALS = ("day", "week", "month")  # of a timeline
PAIRINGS = ("code", "country")  # what a dyad pairs: actor codes (RUSGOV, USAGOV) or their countries
ORDERS = ("day", "-day", "id", "-id", "num_mentions", "-num_mentions", "goldstein", "-goldstein")  # of a query


class StoreError(DyadError):
    """The database cannot be opened, migrated or written."""

    code = "E300"


@dataclass
class IngestCounts:
    """What an ingest did: documents stored and skipped as already stored, events and mentions added."""

    documents: int = 0
    known: int = 0
    new_events: int = 0
    merged: int = 0

    @property
    def mentions(self) -> int:
        return self.new_events + self.merged

    def to_json(self) -> dict:
        return {"documents": self.documents, "already_stored": self.known, "events": self.new_events,
                "mentions": self.mentions, "merged_into_existing": self.merged}  # fmt: skip


def resolve_url(url: str | None) -> str:
    """The SQLAlchemy URL to use: the given one, else ``DYAD_DB``, else the SQLite default."""
    url = url or os.environ.get("DYAD_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"  # a bare path is a SQLite file
    scheme = url.split("://", 1)[0]
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def normalised_hash(text: str) -> str:
    """The text's identity across re-ingests: sha256 of its words, case and spacing ignored."""
    return hashlib.sha256(SPACES.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


def source_of(document: Document) -> str:
    """The outlet: a ``source`` field of the document, else its URL's host, else empty."""
    given = document.extra.get("source")
    if isinstance(given, str) and given.strip():
        return given.strip()[:255]
    if document.url:
        host = urlparse(document.url).hostname or ""
        return host.removeprefix("www.")[:255]
    return ""


class Store:
    """One database of coded documents and their merged events."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self.migrated_from: str | None = None  # the schema revision found, when it had to be upgraded
        try:
            self.engine: Engine = create_engine(self.url, future=True)
            with self.engine.begin() as connection:
                self._migrate(connection)
        except StoreError:
            raise
        except (SQLAlchemyError, OSError, ValueError) as error:
            raise StoreError(f"cannot open the database: {_reason(error)}", where=_safe(self.url)) from None

    # ------------------------------------------------------------------ schema
    def _migrate(self, connection: Connection) -> None:
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        head = ScriptDirectory.from_config(config).get_current_head()
        tables = set(inspect(connection).get_table_names())
        current = MigrationContext.configure(connection).get_current_revision()
        if tables and current is None and tables != {"alembic_version"}:
            raise StoreError("the database has tables but is not a dyad store (no schema version): use another database")
        if current == head:
            return
        known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(f"the database's schema ({current}) is newer than this dyad knows (up to {head}): upgrade dyad")
        command.upgrade(config, "head")
        self.migrated_from = current

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    # ------------------------------------------------------------------ writing
    def new_documents(self, items: Iterable[Document], counts: IngestCounts) -> Iterator[Document]:
        """The documents not stored yet (by URL or normalised text); repeats within the run too."""
        seen_urls: set[str] = set()
        seen_hashes: set[str] = set()
        for document in items:
            digest = normalised_hash(document.text)
            if (document.url and document.url in seen_urls) or digest in seen_hashes:
                counts.known += 1
                continue
            with self.engine.connect() as connection:  # no read transaction left open while batches are written
                stored = self._stored(connection, document.url, digest)
            if stored:
                counts.known += 1
                continue
            if document.url:
                seen_urls.add(document.url)
            seen_hashes.add(digest)
            yield document

    @staticmethod
    def _stored(connection: Connection, url: str | None, digest: str) -> bool:
        condition = documents.c.text_hash == digest
        if url:
            condition = or_(condition, documents.c.url == url)
        return connection.execute(select(documents.c.id).where(condition).limit(1)).first() is not None

    def ingest(self, coded: Iterable[CodedDocument], counts: IngestCounts, batch: int = 200, on_batch=None,
               window: int = WINDOW_DAYS) -> None:
        """Store coded documents (those not skipped) in transactions of ``batch`` documents;
        ``on_batch(counts)`` after each. Give it ``engine.code_many(store.new_documents(...))``.
        Reports of one dyad, root and modality whose days are at most ``window`` apart are merged."""
        pending: list[CodedDocument] = []
        for item in coded:
            if item.skipped:
                continue
            pending.append(item)
            if len(pending) >= batch:
                self.add(pending, counts, window)
                pending = []
                if on_batch:
                    on_batch(counts)
        self.add(pending, counts, window)

    def add(self, batch: list[CodedDocument], counts: IngestCounts, window: int = WINDOW_DAYS) -> None:
        """Store a batch of coded documents and their events in one transaction."""
        if not batch:
            return
        try:
            with self.engine.begin() as connection:
                writer = _BatchWriter(connection, counts, window)
                for coded in batch:
                    writer.add(coded)
                writer.flush()
        except DBAPIError as error:
            raise StoreError(f"the batch was not stored: {_reason(error)}", where=_safe(self.url)) from None

    # ------------------------------------------------------------------ reading
    def query(self, filters: Filters, limit: int | None = None, offset: int = 0, order: str = "day") -> list[dict]:
        """Merged events matching ``filters``, each with its reports: by day (``order``: one of
        ``ORDERS``, "-" first for descending; ties by id), ``limit`` of them after the first ``offset``."""
        query = select(events).where(*filters.conditions()).order_by(*_order(order))
        if limit:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as connection:
            return _with_reports(connection, list(connection.execute(query)))

    def event(self, event_id: int) -> dict | None:
        """One event as ``query`` gives it, each report with the store's id of its document
        (``document_id``), plus those documents in full (``documents``: their text, so the evidence
        can be shown in place by its offsets) and the outlets that reported it (``sources``)."""
        with self.engine.connect() as connection:
            row = connection.execute(select(events).where(events.c.id == event_id)).first()
            if row is None:
                return None
            (found,) = _with_reports(connection, [row], detail=True)
            ids = sorted({m["document_id"] for m in found["mentions"]})
            found["documents"] = [{
                "id": d.id, "document": d.doc_id, "title": d.title, "url": d.url, "source": d.source,
                "published": d.published.isoformat() if d.published else None, "lang": d.lang, "text": d.text,
            } for d in connection.execute(select(documents).where(documents.c.id.in_(ids)).order_by(documents.c.id))] if ids else []  # fmt: skip
            found["sources"] = sorted(connection.execute(
                select(event_sources.c.source).where(event_sources.c.event_id == event_id)).scalars())  # fmt: skip
            return found

    def has_actor_code(self, value: str) -> bool:
        """Whether a stored event has a source or target code beginning with ``value`` (RUS, RUSGOV)."""
        like = _prefix(value)
        found = select(events.c.id).where(or_(events.c.source_code.like(like, escape="\\"),
                                              events.c.target_code.like(like, escape="\\"))).limit(1)  # fmt: skip
        with self.engine.connect() as connection:
            return connection.execute(found).first() is not None

    def iter_events(self, filters: Filters, page: int = 2000) -> Iterator[dict]:
        """All matching events by id, a page at a time (exports of millions stay in bounded memory)."""
        last = 0
        while True:
            query = select(events).where(*filters.conditions(), events.c.id > last).order_by(events.c.id).limit(page)
            with self.engine.connect() as connection:
                found = _with_reports(connection, list(connection.execute(query)))
            if not found:
                return
            yield from found
            last = found[-1]["id"]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return {name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("documents", documents), ("events", events), ("mentions", mentions))}  # fmt: skip

    def stats(self, filters: Filters, top: int = 10) -> dict[str, list]:
        """Events per root, per dyad, per day; top source actors; Goldstein sum per dyad and month."""
        where = filters.conditions()
        month = func.substr(func.cast(events.c.day, events.c.date.type), 1, 7)
        with self.engine.connect() as connection:
            def rows(*columns, group, order, limit=None):
                query = select(*columns, func.count().label("events")).where(*where).group_by(*group).order_by(*order)
                return [list(r) for r in connection.execute(query.limit(limit) if limit else query)]

            count = func.count()
            out = {
                "per_root": rows(events.c.root, group=[events.c.root], order=[events.c.root]),
                "per_dyad": rows(events.c.source_code, events.c.target_code, group=[events.c.source_code, events.c.target_code],
                                 order=[count.desc(), events.c.source_code, events.c.target_code], limit=top),
                "per_day": rows(events.c.day, group=[events.c.day], order=[events.c.day]),
                "per_month": rows(month, group=[month], order=[month]),
                "top_actors": rows(events.c.source_code, group=[events.c.source_code], order=[count.desc(), events.c.source_code], limit=top),
            }  # fmt: skip
            # the Goldstein sum per month of the top dyads: how their relation went
            dyads = [(r[0], r[1]) for r in out["per_dyad"]]
            out["goldstein_per_dyad_month"] = [[*r[:3], round(r[3], 1) if r[3] is not None else None] for r in connection.execute(
                select(events.c.source_code, events.c.target_code, month.label("month"), func.sum(events.c.goldstein))
                .where(*where, or_(*(and_(_same(events.c.source_code, a), _same(events.c.target_code, b)) for a, b in dyads)))
                .group_by(events.c.source_code, events.c.target_code, month)
                .order_by(events.c.source_code, events.c.target_code, month)
            )] if dyads else []  # fmt: skip
            return out


    def dyads(self, filters: Filters, top: int = 20, days: int = TREND_DAYS, by: str = "code") -> dict:
        """The ``top`` pairs (source code, target code; with ``by="country"``, their countries) by
        events, each with its Goldstein sum and its trend: the Goldstein sum of the last ``days`` days
        of the range minus that of the ``days`` before. The range ends on the filter's last day, else
        on the latest day of a matching event (the same for every pair, so that trends compare)."""
        if by not in PAIRINGS:
            raise ValueError(f"by must be one of {', '.join(PAIRINGS)}")
        where = filters.conditions()
        a_side, b_side = (events.c.source_code, events.c.target_code) if by == "code" else (events.c.source_country, events.c.target_country)
        with self.engine.connect() as connection:
            last = filters.end or connection.execute(select(func.max(events.c.day)).where(*where)).scalar_one()
            if last is None:
                return {"dyads": [], "trend": None}
            recent = (last - dt.timedelta(days=days - 1), last)
            before = (last - dt.timedelta(days=2 * days - 1), last - dt.timedelta(days=days))

            def within(span):
                return func.sum(case((events.c.day.between(*span), func.coalesce(events.c.goldstein, 0.0)), else_=0.0))

            count = func.count()
            query = (select(a_side, b_side, count.label("events"), func.sum(events.c.goldstein), within(recent), within(before))
                     .where(*where).group_by(a_side, b_side).order_by(count.desc(), a_side, b_side).limit(top))  # fmt: skip
            pairs = [{"source": a, "target": b, "events": n, "goldstein": _round(total), "goldstein_last": _round(now),
                      "goldstein_before": _round(then), "trend": _round((now or 0.0) - (then or 0.0))}
                     for a, b, n, total, now, then in connection.execute(query)]  # fmt: skip
        return {"dyads": pairs, "trend": {"days": days, "last": [d.isoformat() for d in recent],
                                          "before": [d.isoformat() for d in before]}}  # fmt: skip

    def actors(self, filters: Filters, top: int = 20) -> list[dict]:
        """The ``top`` actor codes by the matching events they take part in, as source and as target."""
        where = filters.conditions()
        one, none = literal_column("1"), literal_column("0")
        sides = union_all(
            select(events.c.source_code.label("code"), one.label("as_source"), none.label("as_target"))
            .where(*where, events.c.source_code.is_not(None)),
            select(events.c.target_code.label("code"), none.label("as_source"), one.label("as_target"))
            .where(*where, events.c.target_code.is_not(None)),
        ).subquery()  # fmt: skip
        total = func.count()
        query = (select(sides.c.code, func.sum(sides.c.as_source), func.sum(sides.c.as_target), total)
                 .group_by(sides.c.code).order_by(total.desc(), sides.c.code).limit(top))  # fmt: skip
        with self.engine.connect() as connection:
            return [{"code": code, "as_source": int(s), "as_target": int(t), "events": int(n)}
                    for code, s, t, n in connection.execute(query)]  # fmt: skip

    def places(self, filters: Filters, top: int = 500) -> list[dict]:
        """The ``top`` places of the matching events by events there: name, country, coordinates,
        the number of events, the Goldstein sum and the events of conflict (quad classes 3 and 4)."""
        count = func.count()
        conflict = func.sum(case((events.c.quad_class >= 3, 1), else_=0))
        key = (events.c.geo_geonameid, events.c.geo_name, events.c.geo_country, events.c.geo_lat, events.c.geo_lon)
        query = (select(*key, count, func.sum(events.c.goldstein), conflict)
                 .where(*filters.conditions(), events.c.geo_lat.is_not(None), events.c.geo_lon.is_not(None))
                 .group_by(*key).order_by(count.desc(), events.c.geo_name).limit(top))  # fmt: skip
        with self.engine.connect() as connection:
            return [{"geonameid": gid, "name": name, "country": country, "lat": lat, "lon": lon, "events": int(n),
                     "goldstein": _round(total), "conflict": int(hostile or 0)}
                    for gid, name, country, lat, lon, n, total, hostile in connection.execute(query)]  # fmt: skip

    def timeline(self, filters: Filters, interval: str = "month") -> dict:
        """Matching events per day, ISO week (Monday to Sunday) or month: their number, the number per
        root and per quad class, and the Goldstein sum. The database counts them per day (one GROUP
        BY, the same SQL on SQLite and PostgreSQL, read from the covering index ``ix_events_timeline``);
        the days are gathered into weeks and months here, which is faster than grouping on a computed
        period in SQL. Periods without events are left out; events without a day are ``undated``."""
        if interval not in INTERVALS:
            raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
        count = func.count()
        query = (select(events.c.day, events.c.root, events.c.quad_class, count, func.sum(events.c.goldstein))
                 .where(*filters.conditions()).group_by(events.c.day, events.c.root, events.c.quad_class))  # fmt: skip
        periods: dict[dt.date, dict] = {}
        period_of: dict[dt.date, tuple] = {}  # a day's period, worked out once per day
        undated = 0
        with self.engine.connect() as connection:
            for day, root, quad, n, goldstein in connection.execute(query):
                if day is None:
                    undated += n
                    continue
                found = period_of.get(day)
                if found is None:
                    found = period_of[day] = _period_of(day, interval)
                start, end, label = found
                period = periods.get(start)
                if period is None:
                    period = periods[start] = {"period": label, "start": start.isoformat(), "end": end.isoformat(),
                                               "events": 0, "roots": {}, "quad_classes": {}, "goldstein": 0.0}  # fmt: skip
                period["events"] += n
                period["roots"][root] = period["roots"].get(root, 0) + n
                quad_key = str(quad) if quad is not None else "none"
                period["quad_classes"][quad_key] = period["quad_classes"].get(quad_key, 0) + n
                period["goldstein"] += goldstein or 0.0
        out = []
        for start in sorted(periods):
            period = periods[start]
            period["roots"] = dict(sorted(period["roots"].items()))
            period["quad_classes"] = dict(sorted(period["quad_classes"].items()))
            period["goldstein"] = round(period["goldstein"], 2)
            out.append(period)
        return {"interval": interval, "periods": out, "undated": undated}


def _order(order: str) -> list:
    """ORDER BY of an ``ORDERS`` value; ties broken by id in the same direction, so pages never overlap.
    Events without a Goldstein value come last either way; events without a day sort where the
    database puts NULLs (first on SQLite, last on PostgreSQL, ascending), as its index on the day
    holds them, so that ordering by day stays an index scan."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    descending = order.startswith("-")
    column = events.c[order.lstrip("-")]
    if column is events.c.id:
        return [column.desc() if descending else column]
    first = column.desc() if descending else column
    if column is events.c.goldstein:  # no index to keep: events without a value last, on both databases
        first = first.nulls_last()
    return [first, events.c.id.desc() if descending else events.c.id]


def _period_start(dialect: str, interval: str):
    """The SQL of the first day of an event's period: the day itself, the Monday of its ISO week, the
    first of its month (SQLite's date modifiers; PostgreSQL's date_trunc, whose weeks are ISO weeks)."""
    if interval == "day":
        return events.c.day
    if dialect == "sqlite":
        # 'weekday 1' moves forward to a Monday, so go back six days first: the Monday on or before
        return func.date(events.c.day, "-6 days", "weekday 1") if interval == "week" else func.date(events.c.day, "start of month")
    return func.date_trunc(interval, events.c.day)


def _period_of(day: dt.date, interval: str) -> tuple[dt.date, dt.date, str]:
    """The period a day falls in: first day, last day and label (2024-03-12; 2024-W11, an ISO week
    from Monday; 2024-03)."""
    if interval == "day":
        return day, day, day.isoformat()
    if interval == "week":
        year, week, weekday = day.isocalendar()
        start = day - dt.timedelta(days=weekday - 1)
        return start, start + dt.timedelta(days=6), f"{year}-W{week:02d}"
    start = day.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return start, following - dt.timedelta(days=1), start.strftime("%Y-%m")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


class _BatchWriter:
    """Writes one batch: documents at once, events as they are found, and what merging changes in
    stored events (counts, code tallies, sources, dates) gathered and written once per event at the
    end, so a report costs the same however many reports its event already has."""

    def __init__(self, connection: Connection, counts: IngestCounts, window: int = WINDOW_DAYS) -> None:
        self.connection = connection
        self.counts = counts
        self.window = window
        self.candidates: dict[tuple, list[dict]] = {}  # (pair key, root, modality class) -> events loaded or added
        self.loaded: set[tuple] = set()  # (pair key, root, modality class, span) already read from the database
        self.touched: dict[int, dict] = {}  # event id -> its row as it will be written
        self.codes: dict[tuple[int, str], int] = {}  # (event, code) -> reports added in this batch
        self.sources: set[tuple[int, str]] = set()  # (event, source) pairs of this batch's reports
        self.new_events: set[int] = set()
        self.rows: list[dict] = []  # mentions to insert

    def add(self, coded: CodedDocument) -> None:
        document = coded.document
        source = source_of(document)
        document_id = self.connection.execute(documents.insert().values(
            doc_id=document.id or "", url=document.url or None, text_hash=normalised_hash(document.text),
            title=document.title, published=document.published, lang=document.lang, source=source,
            text=document.text, n_events=len(coded.events), ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )).inserted_primary_key[0]  # fmt: skip
        self.counts.documents += 1
        reported: set[int] = set()  # events this document already reported
        for event in coded.events:
            src = event.source.code if event.source else None
            tgt = event.target.code if event.target else None
            group = merge_group(event)
            key = group[0]
            span = period(event.date, document.published)
            found = self._same_event(group, span)
            day = event_day(event.date, document.published)
            if found is None:
                row = {
                    "day": day, "date": event.date, "date_from": event.date_from, "source_code": src,
                    "source_country": event.source.country if event.source else None, "target_code": tgt,
                    "target_country": event.target.country if event.target else None, "code": event.code,
                    "root": event.root, "quad_class": event.quad_class, "goldstein": event.goldstein, "plover": event.plover,
                    "modality": event.modality, "pair_key": key, "num_mentions": 1, "num_articles": 1, "num_sources": 1,
                    "first_reported": document.published, "first_document": document_id,
                    **geo_columns(event), "mode": event.mode, "contexts": _contexts(event.contexts),
                }  # fmt: skip
                row["id"] = self.connection.execute(events.insert().values(**row)).inserted_primary_key[0]
                self.candidates[group].append(row)
                self.touched[row["id"]] = row
                self.new_events.add(row["id"])
                self.counts.new_events += 1
            else:
                row = found
                self._merge(row, document_id, reported, document.published, event, day)
                self.counts.merged += 1
            reported.add(row["id"])
            self.codes[(row["id"], event.code)] = self.codes.get((row["id"], event.code), 0) + 1
            self.sources.add((row["id"], source))
            self.rows.append({
                "event_id": row["id"], "document_id": document_id, "source": source, "code": event.code, "date": event.date,
                "date_from": event.date_from, "modality": event.modality, "evidence_start": event.evidence.start,
                "evidence_end": event.evidence.end, "evidence_text": event.evidence.text, "trigger": event.evidence.trigger,
                "attribution": event.attribution.text if event.attribution else None,
                # with the coder's reasons, for the event page ("date: 2025-02-12 ('12 февраля' ...)")
                "record": json.dumps(event.to_json(with_trace=True), ensure_ascii=False),
            })  # fmt: skip

    def _same_event(self, group: tuple, span) -> dict | None:
        """The event this report is of: same dyad, root and modality, a compatible time (the nearest)."""
        key, root, modality = group
        if (*group, span) not in self.loaded:
            self.loaded.add((*group, span))
            query = select(events).where(events.c.pair_key == key, events.c.root == root, events.c.modality.in_(modalities_of(root, modality)))
            if span is None:
                query = query.where(events.c.day.is_(None))
            else:  # events filed from a year before (a year's or month's first day) to the window after
                query = query.where(events.c.day.between(span[0] - dt.timedelta(days=366), span[1] + dt.timedelta(days=self.window)))
            known = self.candidates.setdefault(group, [])
            ids = {r["id"] for r in known}
            known.extend(dict(r._mapping) for r in self.connection.execute(query) if r.id not in ids)
        rows = [r for r in self.candidates.get(group, []) if compatible(span, period(r["date"], r["day"]), self.window)]
        if not rows:
            self.candidates.setdefault(group, [])
            return None
        best = min(rows, key=lambda r: (abs((r["day"] - span[0]).days) if span and r["day"] else 0, r["id"]))
        return self.touched.setdefault(best["id"], best)

    def _merge(self, row: dict, document_id: int, reported: set[int], published, event, day) -> None:
        date, date_from = event.date, event.date_from
        row["num_mentions"] += 1
        if row["id"] not in reported:
            row["num_articles"] += 1  # documents are new to the store: its first report of this event is a new article
        if published is not None and (row["first_reported"] is None or published < row["first_reported"]):
            row["first_reported"], row["first_document"] = published, document_id
        stated, was_stated = date_from == "text", row["date_from"] == "text"
        if date and ((stated and not was_stated) or (stated == was_stated and len(date) > len(row["date"] or ""))):
            # a report whose text gives the date outranks one dated by its publication; a day outranks a month
            row.update(date=date, date_from=date_from, day=day)
        if event.geo is not None and (row["geo_from"] is None or (row["geo_from"] != "text" and event.geo_from == "text")):
            row.update(geo_columns(event))  # a place the text names outranks a dateline's
        row["mode"] = row["mode"] or event.mode
        if event.contexts:
            row["contexts"] = _contexts([*(row["contexts"] or "").strip(",").split(","), *event.contexts])

    def flush(self) -> None:
        connection = self.connection
        if self.rows:
            connection.execute(mentions.insert(), self.rows)
        touched = list(self.touched)
        tallies: dict[int, dict[str, int]] = {}
        for start in range(0, len(touched), 500):
            chunk = set(touched[start : start + 500])
            for event_id, code, reports in connection.execute(select(event_codes).where(event_codes.c.event_id.in_(chunk))):
                tallies.setdefault(event_id, {})[code] = reports
            known = {(e, src) for e, src in connection.execute(
                select(event_sources.c.event_id, event_sources.c.source).where(event_sources.c.event_id.in_(chunk)))}  # fmt: skip
            fresh = sorted({(e, src) for e, src in self.sources if e in chunk} - known)
            if fresh:
                connection.execute(event_sources.insert(), [{"event_id": e, "source": src} for e, src in fresh])
            added = Counter(e for e, _ in fresh)
            for event_id, number in added.items():  # a new event's row already counts its first source
                self.touched[event_id]["num_sources"] += number - (event_id in self.new_events)
        for (event_id, code), added in self.codes.items():
            tally = tallies.setdefault(event_id, {})
            if code in tally:
                connection.execute(event_codes.update().where(event_codes.c.event_id == event_id, event_codes.c.code == code)
                                   .values(reports=tally[code] + added))  # fmt: skip
            else:
                connection.execute(event_codes.insert().values(event_id=event_id, code=code, reports=added))
            tally[code] = tally.get(code, 0) + added
        cameo = load_cameo()
        for event_id, row in self.touched.items():
            tally = tallies.get(event_id, {})
            best = max(tally, key=lambda c: (tally[c], len(c), not c.endswith("0"), c)) if tally else row["code"]
            if best != row["code"] and best in cameo:  # the code its reports give most often, among equals the most specific
                entry = cameo[best]
                row.update(code=best, quad_class=entry.quad_class, goldstein=entry.goldstein, plover=entry.plover)
            elif best != row["code"]:
                row["code"] = best
            if event_id in self.new_events and row["num_mentions"] == 1 and best == row["code"] and tally.get(best) == 1:
                continue  # written as it is
            values = {k: v for k, v in row.items() if k != "id"}
            connection.execute(events.update().where(events.c.id == event_id).values(**values))


@dataclass
class Filters:
    """What ``dyad query`` and ``dyad stats`` select: dates of the event, actors, codes, modality, words."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    target: str | None = None
    root: str | None = None
    code: str | None = None
    modality: str | None = None
    text: str | None = None
    country_of_action: str | None = None  # ISO alpha-3 of where it happened
    near: tuple[float, float, float] | None = None  # (lat, lon, km): happened within km of the point
    context: str | None = None  # a PLOVER context

    def conditions(self) -> list:
        out = []
        if self.country_of_action:
            out.append(events.c.geo_country == self.country_of_action.upper())
        if self.near:
            out.append(_within(*self.near))
        if self.context:
            out.append(events.c.contexts.like(f"%,{_escape(self.context)},%", escape="\\"))
        if self.start:
            out.append(events.c.day >= self.start)
        if self.end:
            out.append(events.c.day <= self.end)
        if self.actor:
            out.append(_side(events.c.source_code, events.c.source_country, self.actor))
        if self.target:
            out.append(_side(events.c.target_code, events.c.target_country, self.target))
        if self.root:
            out.append(events.c.root == self.root)
        if self.code:
            out.append(events.c.code.like(_prefix(self.code), escape="\\"))
        if self.modality:
            out.append(events.c.modality == self.modality)
        if self.text:
            words = select(mentions.c.id).where(and_(mentions.c.event_id == events.c.id,
                                                     mentions.c.evidence_text.ilike(f"%{_escape(self.text)}%", escape="\\")))  # fmt: skip
            out.append(words.exists())
        return out


def geo_columns(event) -> dict:
    """The place columns of an event record's place (all empty when it has none)."""
    place = event.geo
    if place is None:
        return dict.fromkeys(("geo_name", "geo_country", "geo_adm1", "geo_lat", "geo_lon", "geo_geonameid", "geo_feature", "geo_from"))
    return {"geo_name": place.name, "geo_country": place.country, "geo_adm1": place.adm1, "geo_lat": place.lat,
            "geo_lon": place.lon, "geo_geonameid": place.geonameid, "geo_feature": place.feature, "geo_from": event.geo_from}  # fmt: skip


def _contexts(contexts) -> str | None:
    """Contexts as stored: ",economic,military," (sorted, each between commas, for a LIKE per context)."""
    found = sorted({c for c in contexts if c})
    return f",{','.join(found)}," if found else None


def _within(lat: float, lon: float, km: float):
    """Places within ``km`` of a point, by the equirectangular distance (plain arithmetic, the same
    on SQLite and PostgreSQL; within a fraction of a per cent of the great-circle one at the
    distances of a region), on the indexed coordinate columns after a bounding box."""
    degrees = km / 111.195
    scale = max(math.cos(math.radians(lat)), 1e-6)
    dy, dx = events.c.geo_lat - lat, (events.c.geo_lon - lon) * scale
    return and_(events.c.geo_lat.between(lat - degrees, lat + degrees),
                events.c.geo_lon.between(lon - degrees / scale, lon + degrees / scale),
                dy * dy + dx * dx <= degrees * degrees)  # fmt: skip


def _side(code, country, value: str):
    """An actor filter: a country's three letters match every actor of it (by the indexed country
    column) and organisations whose code begins so; a longer code matches codes beginning with it."""
    value = value.upper()
    if len(value) == 3 and value.isalpha():
        return or_(country == value, and_(country.is_(None), code.like(_prefix(value), escape="\\")))
    return code.like(_prefix(value), escape="\\")


def _same(column, value):
    return column.is_(None) if value is None else column == value


def _prefix(value: str) -> str:
    return _escape(value.upper()) + "%"  # "RUS" is RUS, RUSGOV, RUSMIL ...


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _with_reports(connection: Connection, rows: list, detail: bool = False) -> list[dict]:
    """Event rows as records, each with its reports (document, source, evidence, the actors as coded;
    with ``detail``, also the store's id of the document, where the date came from and the coder's
    reasons: ``date_from``, ``date_why`` and ``trace``)."""
    reports: dict[int, list[dict]] = {r.id: [] for r in rows}
    ids = list(reports)
    for start in range(0, len(ids), 500):
        listing = (
            select(mentions, documents.c.doc_id, documents.c.url, documents.c.title, documents.c.published, documents.c.ingested_at)
            .join(documents, documents.c.id == mentions.c.document_id)
            .where(mentions.c.event_id.in_(ids[start : start + 500]))
            .order_by(mentions.c.id)
        )
        for m in connection.execute(listing):
            record = json.loads(m.record)
            reports[m.event_id].append({
                "document": m.doc_id, "url": m.url, "title": m.title, "source": m.source,
                "published": m.published.isoformat() if m.published else None,
                "ingested_at": m.ingested_at.isoformat(timespec="seconds"), "code": m.code, "date": m.date,
                "modality": m.modality, "attribution": m.attribution,
                "actors": {"source": record.get("source"), "target": record.get("target")},
                "evidence": {"start": m.evidence_start, "end": m.evidence_end, "text": m.evidence_text, "trigger": m.trigger},
            })  # fmt: skip
            if detail:
                trace = record.get("trace") or []  # reports stored before the trace was kept have none
                # the last word on the date: a later stage may date the event again (a narrative's day)
                why = next((line.removeprefix("date: ") for line in reversed(trace) if line.startswith("date: ")), None)
                reports[m.event_id][-1].update(document_id=m.document_id, date_from=m.date_from, date_why=why, trace=trace)
    return [_event_json(r, reports[r.id]) for r in rows]


def _event_json(row, reports: list[dict]) -> dict:
    return {
        "id": row.id,
        "day": row.day.isoformat() if row.day else None,
        "date": row.date,
        "source": row.source_code,
        "source_country": row.source_country,
        "target": row.target_code,
        "target_country": row.target_country,
        "code": row.code,
        "root": row.root,
        "quad_class": row.quad_class,
        "goldstein": row.goldstein,
        "plover": row.plover,
        "modality": row.modality,
        "num_mentions": row.num_mentions,
        "num_articles": row.num_articles,
        "num_sources": row.num_sources,
        "first_reported": row.first_reported.isoformat() if row.first_reported else None,
        "geo": {"name": row.geo_name, "country": row.geo_country, "adm1": row.geo_adm1, "lat": row.geo_lat,
                "lon": row.geo_lon, "geonameid": row.geo_geonameid, "feature": row.geo_feature} if row.geo_feature else None,
        "geo_from": row.geo_from,
        "mode": row.mode,
        "contexts": (row.contexts or "").strip(",").split(",") if row.contexts else [],
        "mentions": reports,
    }


def _reason(error: Exception) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
