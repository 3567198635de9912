"""The event store's tables (SQLAlchemy Core): documents, merged events, and their mentions.

One merged event is one real event; each report of it in a document is a mention, with the
evidence sentence and the full record as the engine emitted it (spec §2). The same schema
serves SQLite and PostgreSQL; migrations (``store/migrations``) create and upgrade it.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(512), nullable=False, default=""),  # the document's own id (file name, JSONL id)
    Column("url", String(2048), unique=True),
    Column("text_hash", String(64), nullable=False, unique=True),  # sha256 of the normalised text
    Column("title", Text),
    Column("published", Date),
    Column("lang", String(8)),
    Column("source", String(255), nullable=False, default=""),  # the outlet: given, or the URL's host
    Column("text", Text, nullable=False),
    Column("n_events", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", Date),  # the event's day when the text gives one, else the first report's publication day
    Column("date", String(10)),  # the record's date as coded: YYYY-MM-DD, YYYY-MM, YYYY or null
    Column("date_from", String(16)),  # where that date came from: text, published, ... (spec §2)
    Column("source_code", String(32)),
    Column("source_country", String(8)),
    Column("target_code", String(32)),
    Column("target_country", String(8)),
    Column("code", String(8), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("plover", String(32)),
    Column("modality", String(16), nullable=False),
    Column("pair_key", String(80), nullable=False),  # the dyad as dedup compares it: countries, unordered for symmetric roots
    Column("num_mentions", Integer, nullable=False, default=1),
    Column("num_articles", Integer, nullable=False, default=1),
    Column("num_sources", Integer, nullable=False, default=1),
    Column("first_reported", Date),
    Column("first_document", Integer, ForeignKey("documents.id")),
    # where it happened (GDELT's ActionGeo): the place of its first report that names one, a place the
    # text names before a dateline's; and PLOVER's mode and contexts (",economic,military,": one LIKE a context)
    Column("geo_name", String(200)),
    Column("geo_country", String(8)),
    Column("geo_adm1", String(16)),
    Column("geo_lat", Float),
    Column("geo_lon", Float),
    Column("geo_geonameid", Integer),
    Column("geo_feature", String(8)),
    Column("geo_from", String(16)),
    Column("mode", String(32)),
    Column("contexts", String(255)),
    Index("ix_events_dyad_day", "source_country", "target_country", "day"),
    Index("ix_events_day", "day"),
    Index("ix_events_dedup", "pair_key", "root", "modality", "day"),
    Index("ix_events_code", "code"),
    Index("ix_events_geo_country", "geo_country", "day"),
    Index("ix_events_geo_point", "geo_lat", "geo_lon"),
    Index("ix_events_timeline", "day", "root", "quad_class", "goldstein"),  # covering: the timeline (0004)
    Index("ix_events_country_pairs", "source_country", "target_country", "day", "goldstein"),  # covering: /dyads?by=country
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("source", String(255), nullable=False, default=""),
    Column("code", String(8), nullable=False),
    Column("date", String(10)),
    Column("date_from", String(16)),
    Column("modality", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("trigger", Text),
    Column("attribution", Text),
    Column("record", Text, nullable=False),  # the event record as the engine emitted it (JSON, spec §2)
    Index("ix_mentions_event_document", "event_id", "document_id"),
    Index("ix_mentions_event_source", "event_id", "source"),
)

event_codes = Table(  # how many reports of an event gave each code (the event takes the most given)
    "event_codes",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("code", String(8), primary_key=True),
    Column("reports", Integer, nullable=False),
)

event_sources = Table(  # the outlets that reported an event (NumSources counts them)
    "event_sources",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("source", String(255), primary_key=True),
)
