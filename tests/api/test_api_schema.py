"""The OpenAPI schema is complete and accurate: every route it lists is called, with real values and
with values schemathesis generates from the schema, and every response (status, content type,
body) must conform to it; no request may get a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]  # fmt: skip


def _schema_of_the_app() -> dict:
    """The app's schema, made at collection time (the server's own is compared with it below)."""
    import tempfile
    from pathlib import Path

    from dyad.api import create_app
    from dyad.store import Store

    with tempfile.TemporaryDirectory(prefix="dyad-schema-") as folder:
        store = Store(f"sqlite:///{Path(folder) / 'empty.db'}")
        raw = create_app(store).openapi()
        store.engine.dispose()
    return raw


RAW = _schema_of_the_app()
schema = schemathesis.openapi.from_dict(RAW)


@pytest.fixture(scope="session")
def api_schema(sqlite_api):
    served = sqlite_api.ok("/openapi.json")
    assert served == RAW  # the schema tested is the one the server gives
    return schema


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_answers_the_schema_describes(case, sqlite_api):
    response = case.call_and_validate(base_url=sqlite_api.base, checks=CHECKS, timeout=60)
    assert response.status_code < 500
    assert b"Traceback" not in response.content


def test_every_route_of_the_schema_answers_real_requests_as_it_says(sqlite_api, api_schema):
    (first,) = sqlite_api.ok("/events", limit=1, sort="-num_mentions")["events"]
    real = {  # (path, method) -> the requests to make: (path parameters, query, body)
        ("/health", "GET"): [({}, {}, None)],
        ("/events", "GET"): [({}, {"limit": 5}, None), ({}, {"actor": "RUS", "sort": "-goldstein"}, None),
                             ({}, {"near": "Kharkiv", "within": 100}, None), ({}, {"offset": 100_000}, None)],
        ("/events/{id}", "GET"): [({"id": first["id"]}, {}, None), ({"id": 2_000_000_000}, {}, None)],
        ("/dyads", "GET"): [({}, {"top": 5}, None), ({}, {"actor": "CHE"}, None), ({}, {"actor": "ZZZ"}, None)],
        ("/actors", "GET"): [({}, {"top": 5, "root": "04"}, None)],
        ("/places", "GET"): [({}, {"top": 5, "country_of_action": "UKR"}, None)],
        ("/cameo", "GET"): [({}, {}, None)],
        ("/timeline", "GET"): [({}, {"interval": "week", "actor": "RUS"}, None), ({}, {"interval": "day"}, None)],
        ("/code", "POST"): [({}, {}, {"text": "Poland and Lithuania held talks in Warsaw on Monday.", "published": "2024-05-07"}),
                            ({}, {}, {"text": "Guten Tag."}), ({}, {}, {"lang": "en"})],
        ("/export", "GET"): [({}, {"format": f}, None) for f in ("csv", "jsonl", "gdelt-csv", "parquet")],
    }  # fmt: skip
    listed = {(path, method.upper()) for path, operations in api_schema.raw_schema["paths"].items() for method in operations}
    assert listed == set(real)
    statuses = set()
    for (path, method), requests in real.items():
        operation = api_schema[path][method]
        for path_parameters, query, body in requests:
            case = operation.Case(path_parameters=path_parameters or None, query=query or None,
                                  **({"body": body, "media_type": "application/json"} if body is not None else {}))  # fmt: skip
            response = case.call_and_validate(base_url=sqlite_api.base, checks=CHECKS, timeout=60)
            statuses.add((path, response.status_code))
    assert {("/events/{id}", 200), ("/events/{id}", 404), ("/code", 200), ("/code", 400), ("/export", 200)} <= statuses
