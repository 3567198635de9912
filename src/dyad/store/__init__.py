"""The event store: documents, merged events and mentions in SQLite (default) or PostgreSQL."""

from dyad.store.store import DEFAULT_URL, IngestCounts, Store, StoreError

__all__ = ["DEFAULT_URL", "IngestCounts", "Store", "StoreError"]
