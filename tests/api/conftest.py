"""A real API server (uvicorn in a thread, on a free localhost port) over a real store that holds the
bundled samples, ingested as ``dyad ingest`` does: one per backend (SQLite, and PostgreSQL when its
server binaries are there), for the whole session."""

from __future__ import annotations

import json
import os
from importlib import resources

import httpx
import pytest

from dyad.model import Document
from dyad.store import IngestCounts, Store


def sample_documents() -> list[Document]:
    out = []
    for lang in ("ru", "en"):
        lines = resources.files("dyad.samples").joinpath(f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        out += [Document.from_json(json.loads(line)) for line in lines if line.strip()]
    return out


def _ingested(url: str, engine) -> Store:
    store = Store(url)
    counts = IngestCounts()
    store.ingest(engine.code_many(store.new_documents(sample_documents(), counts)), counts, batch=5)
    assert counts.documents == len(sample_documents()) and counts.new_events > 50
    return store


class Api:
    """A client of the running server, with the store behind it (to compare the API with)."""

    def __init__(self, base: str, store: Store) -> None:
        self.base, self.store = base, store
        self.client = httpx.Client(base_url=base, timeout=120)

    def get(self, path: str, **params) -> httpx.Response:
        return self.client.get(path, params=params)

    def ok(self, path: str, **params) -> dict:
        response = self.get(path, **params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture(scope="session")
def sqlite_api(engine, tmp_path_factory):
    """The server over an ingested SQLite store (also for what does not depend on the database)."""
    from dyad.api import create_app
    from dyad.api.server import running

    store = _ingested(f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}", engine)
    with running(create_app(store, engine=engine)) as base_url:
        client = Api(base_url, store)
        yield client
        client.client.close()
    store.engine.dispose()


@pytest.fixture(scope="session")
def postgres_api(engine, postgres_url, new_postgres_database):
    """The server over an ingested store on the session's PostgreSQL server."""
    from dyad.api import create_app
    from dyad.api.server import running

    with new_postgres_database(postgres_url, f"api_{os.getpid()}") as url:
        store = _ingested(url, engine)
        with running(create_app(store, engine=engine)) as base_url:
            client = Api(base_url, store)
            yield client
            client.client.close()
        store.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request):
    """The server over an ingested store of each backend."""
    return request.getfixturevalue("sqlite_api" if request.param == "sqlite" else "postgres_api")
