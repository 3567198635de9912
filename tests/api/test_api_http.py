"""POST /code, headers and errors of the API on a real server: what does not depend on the database."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import httpx
import pytest

from dyad.model import Document

TALKS = "Poland and Lithuania held talks in Warsaw on Monday."
RU = "Министр иностранных дел России Сергей Лавров в понедельник провел телефонный разговор с госсекретарем США Марко Рубио."
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def test_code_returns_the_record_dyad_code_prints_and_stores_nothing(sqlite_api, engine):
    before = sqlite_api.store.counts()
    for body in ({"text": TALKS, "published": "2024-05-07", "id": "talks", "title": "Talks", "lang": "en"},
                 {"text": RU, "published": "2025-03-05"}):  # fmt: skip
        response = sqlite_api.client.post("/code", json=body)
        assert response.status_code == 200, response.text
        published = dt.date.fromisoformat(body["published"])
        expected = engine.code(Document(text=body["text"], id=body.get("id", ""), lang=body.get("lang"), published=published,
                                        title=body.get("title"))).to_json()  # fmt: skip
        assert response.json() == expected and expected["events"]
    record = sqlite_api.client.post("/code", json={"text": RU, "published": "2025-03-05"}).json()
    assert record["lang"] == "ru" and record["events"][0]["source"]["code"] == "RUSGOV" and "title" not in record
    event = record["events"][0]
    assert RU[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert sqlite_api.store.counts() == before


def test_code_skips_a_language_dyad_does_not_code(sqlite_api):
    response = sqlite_api.client.post("/code", json={"text": "Der Bundeskanzler traf heute den französischen Präsidenten in Berlin."})
    assert response.status_code == 200 and response.json()["events"] == [] and "language" in response.json()["skipped"]


@pytest.mark.parametrize("content, words", [
    (b"\xff\xfe{}", "not UTF-8"),
    (b"{broken", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (json.dumps({"title": "no text"}).encode(), "'text'"),
    (json.dumps({"text": "   "}).encode(), "'text'"),
    (json.dumps({"text": TALKS, "lang": "de"}).encode(), "'lang'"),
    (json.dumps({"text": TALKS, "published": "yesterday"}).encode(), "'published'"),
    (json.dumps({"text": TALKS, "published": "2024-02-30"}).encode(), "'published'"),
    (json.dumps({"text": TALKS, "id": 5}).encode(), "'id'"),
])  # fmt: skip
def test_bad_bodies_are_400_json(sqlite_api, content, words):
    response = sqlite_api.client.post("/code", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 400 and words in response.json()["error"], response.text
    assert "Traceback" not in response.text


def test_an_oversized_body_is_413_by_its_length_and_when_sent_without_one(sqlite_api):
    big = json.dumps({"text": "a" * 200_001}).encode()
    response = sqlite_api.client.post("/code", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "200,000" in response.json()["error"]

    def chunks():  # chunked: no Content-Length, the limit holds as the body is read
        for _ in range(30):
            yield b"a" * 10_000

    response = sqlite_api.client.post("/code", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and "larger than" in response.json()["error"]
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    fits = json.dumps({"text": TALKS + " " * (199_000 - len(TALKS))}).encode()
    assert sqlite_api.client.post("/code", content=fits, headers={"content-type": "application/json"}).status_code == 200


def test_the_engine_is_loaded_once_on_first_use_and_shared(engine, tmp_path):
    from dyad.api import create_app
    from dyad.api.server import running

    loaded = []

    def factory():
        loaded.append(1)
        return engine

    with running(create_app(f"sqlite:///{tmp_path / 'empty.db'}", engine_factory=factory)) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            assert client.get("/health").status_code == 200 and loaded == []
            for _ in range(3):
                assert client.post("/code", json={"text": TALKS}).status_code == 200
    assert loaded == [1]


def test_every_response_carries_the_security_headers(sqlite_api):
    client = sqlite_api.client
    responses = [client.get("/health"), client.get("/events", params={"limit": 1}), client.get("/events", params={"root": "x"}),
                 client.get("/events/2000000000"), client.get("/no/such/route"), client.delete("/events"),
                 client.get("/export", params={"format": "csv"}), client.get("/export", params={"format": "parquet"}),
                 client.get("/openapi.json"), client.post("/code", content=b"{")]  # fmt: skip
    for response in responses:
        assert response.headers["content-security-policy"].startswith(CSP), response.request.url
        assert response.headers["x-content-type-options"] == "nosniff"


def test_unknown_routes_and_methods_are_json_errors(sqlite_api):
    response = sqlite_api.client.get("/nothing")
    assert response.status_code == 404 and response.json() == {"error": "no such route", "parameter": None}
    response = sqlite_api.client.put("/events")
    assert response.status_code == 405 and response.json()["error"] and response.headers["allow"] == "GET"
    response = sqlite_api.client.get("/health", params={"verbose": "1"})
    assert response.status_code == 400 and response.json()["parameter"] == "verbose"


def test_an_unexpected_error_is_a_500_without_details_and_a_database_error_a_503(tmp_path):
    from dyad.api import create_app
    from dyad.api.server import running
    from dyad.store import Store

    store = Store(f"sqlite:///{tmp_path / 's.db'}")

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret detail /etc/passwd")

    with running(create_app(store)) as base, httpx.Client(base_url=base) as client:
        store.counts = broken
        response = client.get("/health")
        assert response.status_code == 500 and response.json() == {"error": "internal error", "parameter": None}
        assert "secret" not in response.text and "Traceback" not in response.text
        assert response.headers["content-security-policy"].startswith(CSP)
        store.engine.dispose()
        (tmp_path / "s.db").unlink()
        (tmp_path / "s.db").mkdir()  # the file is gone and cannot be made again: the database cannot be read
        response = client.get("/events")
        assert response.status_code == 503 and response.json()["error"] == "the database cannot be read now"
        assert "s.db" not in response.text


def test_the_schema_lists_the_routes_with_400_not_422(sqlite_api):
    schema = sqlite_api.ok("/openapi.json")
    assert set(schema["paths"]) == {"/health", "/events", "/events/{id}", "/dyads", "/actors", "/places", "/timeline", "/cameo", "/code", "/export"}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert "422" not in operation["responses"] and "400" in operation["responses"], path
            assert operation.get("summary")
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
    names = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert names == {"from", "to", "actor", "target", "root", "code", "modality", "text", "country_of_action", "near", "within",
                     "context", "limit", "offset", "sort"}  # fmt: skip
    assert schema["paths"]["/code"]["post"]["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text"]


def test_cameo_lists_the_ontology_the_coder_uses(sqlite_api):
    codes = {c["code"]: c for c in sqlite_api.ok("/cameo")["codes"]}
    assert len(codes) > 200 and {f"{r:02d}" for r in range(1, 21)} <= set(codes)
    assert codes["041"]["root"] == "04" and codes["041"]["quad_class"] == 1 and "telephone" in codes["041"]["name"].lower()
    assert codes["190"]["quad_class"] == 4 and codes["190"]["goldstein"] < 0


def test_the_dashboard_and_its_vendored_scripts_are_served_by_the_app_with_the_csp(sqlite_api):
    page = sqlite_api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources  # nothing from elsewhere
    for source in sources:
        assert sqlite_api.get("/" + source).status_code == 200, source
    assert sqlite_api.get("/static/vendor/countries-110m.json").json()["type"] == "Topology"
    assert sqlite_api.get("/static/nothing-here.js").status_code == 404


def test_the_vendored_files_are_the_versions_the_lock_file_pins():
    root = pathlib.Path(__file__).parents[2]
    lock = json.loads((root / "dashboard" / "package-lock.json").read_text())["packages"]
    shipped = json.loads((root / "src" / "dyad" / "api" / "static" / "vendor" / "versions.json").read_text())
    assert shipped == {name: lock[f"node_modules/{name}"]["version"] for name in ("echarts", "topojson-client", "world-atlas")}
    echarts = (root / "src" / "dyad" / "api" / "static" / "vendor" / "echarts.min.js").read_text()
    assert f'version="{shipped["echarts"]}"' in echarts  # the minified file's own version string


@pytest.mark.parametrize("query, parameter, words", [
    ("text=%FF%FEtalks", "text", "not UTF-8: the value of 'text' has the byte 0xFF"),
    ("near=%C0%AF", "near", "not UTF-8"),
    ("%E9t%E9=1", None, "not UTF-8: a parameter's name"),
    ("text=talks%00", "text", "control character (U+0000)"),
    ("actor=RU%07S", "actor", "control character (U+0007)"),
])  # fmt: skip
def test_a_query_string_not_in_utf8_or_with_control_characters_is_a_400(sqlite_api, query, parameter, words):
    for route in ("/events", "/timeline", "/export"):
        response = sqlite_api.client.get(f"{route}?{query}")
        assert response.status_code == 400, (route, response.text)
        assert response.json()["parameter"] == parameter and words in response.json()["error"], response.text
    assert sqlite_api.client.get("/events?text=%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B").status_code == 200  # "переговоры"
