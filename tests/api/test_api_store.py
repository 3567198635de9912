"""The API's read routes on a real server, over real stores (SQLite and PostgreSQL) holding the samples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter, defaultdict

import pyarrow.parquet as pq
import pytest

from dyad.store.store import Filters


def every_event(api, **params) -> list[dict]:
    """All matching events through /events, page after page."""
    out, offset = [], 0
    while offset is not None:
        page = api.ok("/events", limit=500, offset=offset, **params)
        out += page["events"]
        offset = page["next_offset"]
    return out


def test_health_gives_the_store_counts_and_its_schema_revision(api):
    body = api.ok("/health")
    assert body == {"status": "ok", "store": api.store.counts(), "revision": api.store.revision()}
    assert body["store"]["events"] > 50 and body["revision"]


def test_filters_select_what_the_store_selects_and_change_the_results(api):
    everything = every_event(api)
    assert len(everything) == api.store.counts()["events"]
    for params, filters in (
        ({"actor": "RUS"}, Filters(actor="RUS")),
        ({"actor": "rus", "target": "USA"}, Filters(actor="RUS", target="USA")),
        ({"root": "04"}, Filters(root="04")),
        ({"code": "11"}, Filters(code="11")),
        ({"modality": "intended"}, Filters(modality="intended")),
        ({"from": "2024-03-01", "to": "2024-03-31"}, Filters(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))),
        ({"text": "Лавров"}, Filters(text="Лавров")),
        ({"context": "military"}, Filters(context="military")),
    ):
        found = every_event(api, **params)
        assert 0 < len(found) < len(everything), params
        assert [e["id"] for e in found] == [e["id"] for e in api.store.query(filters)], params
    assert all(e["source_country"] == "RUS" or e["source"].startswith("RUS") for e in every_event(api, actor="RUS"))
    assert {e["root"] for e in every_event(api, root="04")} == {"04"}
    assert all("2024-03-01" <= e["day"] <= "2024-03-31" for e in every_event(api, **{"from": "2024-03-01", "to": "2024-03-31"}))
    placed = [e for e in everything if e["geo"]]
    assert placed, "the samples have events with a place"
    place = placed[0]["geo"]
    near = every_event(api, near=f"{place['lat']},{place['lon']}", within=5)
    assert placed[0]["id"] in {e["id"] for e in near} and len(near) < len(everything)
    assert {e["geo"]["country"] for e in every_event(api, country_of_action=place["country"])} == {place["country"]}


@pytest.mark.parametrize("sort", ["day", "-day", "id", "-id", "num_mentions", "-num_mentions", "goldstein", "-goldstein"])
def test_pages_do_not_overlap_cover_every_event_and_keep_the_order(api, sort):
    pages, offset = [], 0
    while offset is not None:
        page = api.ok("/events", limit=17, offset=offset, sort=sort)
        assert page["limit"] == 17 and page["offset"] == offset and len(page["events"]) <= 17
        pages.append([e["id"] for e in page["events"]])
        offset = page["next_offset"]
    ids = [i for page in pages for i in page]
    assert len(ids) == len(set(ids)) == api.store.counts()["events"]  # no overlap, nothing missed
    assert all(len(p) == 17 for p in pages[:-1])
    events = {e["id"]: e for e in every_event(api, sort=sort)}
    key = sort.lstrip("-")
    descending = sort.startswith("-")
    ordered = [events[i] for i in ids]
    if key == "id":
        assert ids == sorted(ids, reverse=descending)
        return
    valued = [e for e in ordered if e[key] is not None]
    pairs = [(e[key], e["id"]) for e in valued]
    assert pairs == sorted(pairs, reverse=descending)
    if key == "goldstein":  # events without a value come last, on both databases
        assert all(e[key] is None for e in ordered[len(valued):])


def test_event_detail_has_its_reports_documents_in_full_and_sources(api):
    (top,) = api.ok("/events", sort="-num_mentions", limit=1)["events"]
    assert top["num_mentions"] > 1
    detail = api.ok(f"/events/{top['id']}")
    assert {k: v for k, v in detail.items() if k not in ("mentions", "documents", "sources")} == \
        {k: v for k, v in top.items() if k != "mentions"}  # fmt: skip
    assert len(detail["mentions"]) == top["num_mentions"]
    documents = {d["id"]: d for d in detail["documents"]}
    assert len(documents) == top["num_articles"]
    for mention in detail["mentions"]:
        document = documents[mention["document_id"]]
        start, end = mention["evidence"]["start"], mention["evidence"]["end"]
        assert document["text"][start:end] == mention["evidence"]["text"]
        assert mention["document"] == document["document"] and mention["url"] == document["url"]
        assert mention["evidence"]["trigger"]
        # how the date was found, as the coder said it: the stated words, or the publication day
        assert mention["date_from"] in ("text", "published") and mention["date_why"]
        assert (mention["date_from"] == "published") == ("no date in the" in mention["date_why"]), mention["date_why"]
        assert [line for line in mention["trace"] if line.startswith("date: ")][-1] == f"date: {mention['date_why']}"
    assert detail["sources"] == sorted({m["source"] for m in detail["mentions"]})
    assert len(detail["sources"]) == top["num_sources"]
    for document in detail["documents"]:
        assert set(document) == {"id", "document", "title", "url", "source", "published", "lang", "text"}


def test_an_unknown_event_is_a_404_and_a_bad_id_a_400(api):
    response = api.get("/events/2000000000")
    assert response.status_code == 404 and response.json()["error"] == "no event has id 2000000000"
    for bad in ("0", "abc", "99999999999999999999"):
        response = api.get(f"/events/{bad}")
        assert response.status_code == 400 and response.json()["parameter"] == "id", bad


def _windows(last: dt.date):
    recent = (last - dt.timedelta(days=29), last)
    return recent, (last - dt.timedelta(days=59), last - dt.timedelta(days=30))


def _expected_dyads(events: list[dict], last: dt.date, by: str) -> dict:
    recent, before = _windows(last)
    out: dict = defaultdict(lambda: {"events": 0, "goldstein": 0.0, "last": 0.0, "before": 0.0})
    a, b = ("source", "target") if by == "code" else ("source_country", "target_country")
    for e in events:
        pair = out[(e[a], e[b])]
        pair["events"] += 1
        pair["goldstein"] += e["goldstein"] or 0.0
        day = dt.date.fromisoformat(e["day"]) if e["day"] else None
        if day and recent[0] <= day <= recent[1]:
            pair["last"] += e["goldstein"] or 0.0
        if day and before[0] <= day <= before[1]:
            pair["before"] += e["goldstein"] or 0.0
    return out


@pytest.mark.parametrize("by", ["code", "country"])
@pytest.mark.parametrize("params", [{}, {"to": "2024-04-10"}, {"actor": "RUS", "to": "2025-06-30"}])
def test_dyads_count_sum_goldstein_and_trend_as_defined(api, params, by):
    events = every_event(api, **params)
    body = api.ok("/dyads", top=500, by=by, **params)
    last = dt.date.fromisoformat(params["to"]) if "to" in params else max(dt.date.fromisoformat(e["day"]) for e in events)
    recent, before = _windows(last)
    assert body["trend"] == {"days": 30, "last": [recent[0].isoformat(), recent[1].isoformat()],
                             "before": [before[0].isoformat(), before[1].isoformat()]}  # fmt: skip
    expected = _expected_dyads(events, last, by)
    assert sum(d["events"] for d in body["dyads"]) == len(events)
    assert len(body["dyads"]) == len(expected)
    for dyad in body["dyads"]:
        want = expected[(dyad["source"], dyad["target"])]
        assert dyad["events"] == want["events"]
        assert dyad["goldstein"] == pytest.approx(want["goldstein"], abs=0.01)
        assert (dyad["goldstein_last"], dyad["goldstein_before"]) == (pytest.approx(want["last"], abs=0.01), pytest.approx(want["before"], abs=0.01))
        assert dyad["trend"] == pytest.approx(want["last"] - want["before"], abs=0.02)
    counts = [d["events"] for d in body["dyads"]]
    assert counts == sorted(counts, reverse=True)
    assert api.ok("/dyads", top=3, by=by, **params)["dyads"] == body["dyads"][:3]
    if by == "country":  # fewer pairs than of codes: RUSGOV>USAGOV and RUS>USA are one pair of countries
        assert len(body["dyads"]) < len(api.ok("/dyads", top=500, **params)["dyads"])
    if "to" in params:
        assert any(d["trend"] != 0 for d in body["dyads"]), "a range with events in both windows"


def test_actors_count_each_code_as_source_and_as_target(api):
    events = every_event(api)
    sources = Counter(e["source"] for e in events if e["source"])
    targets = Counter(e["target"] for e in events if e["target"])
    body = api.ok("/actors", top=500)["actors"]
    assert {a["code"]: (a["as_source"], a["as_target"]) for a in body} == {c: (sources[c], targets[c]) for c in sources | targets}
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in body)
    assert [a["events"] for a in body] == sorted((a["events"] for a in body), reverse=True)
    top = api.ok("/actors", top=2, root="04")["actors"]  # counted over the filter's events only
    within = every_event(api, root="04")
    assert len(top) == 2 and top[0]["events"] < {a["code"]: a["events"] for a in body}[top[0]["code"]]
    assert (top[0]["as_source"], top[0]["as_target"]) == (sum(1 for e in within if e["source"] == top[0]["code"]),
                                                          sum(1 for e in within if e["target"] == top[0]["code"]))  # fmt: skip


def test_places_count_the_events_that_happened_at_each_place(api):
    placed = [e for e in every_event(api) if e["geo"] and e["geo"]["lat"] is not None]
    expected = Counter((e["geo"]["name"], e["geo"]["lat"], e["geo"]["lon"]) for e in placed)
    conflict = Counter((e["geo"]["name"], e["geo"]["lat"], e["geo"]["lon"]) for e in placed if (e["quad_class"] or 0) >= 3)
    body = api.ok("/places", top=500)["places"]
    assert {(p["name"], p["lat"], p["lon"]): p["events"] for p in body} == dict(expected)
    assert all(p["conflict"] == conflict[(p["name"], p["lat"], p["lon"])] for p in body)
    assert [p["events"] for p in body] == sorted((p["events"] for p in body), reverse=True)
    ukraine = api.ok("/places", country_of_action="UKR")["places"]  # the filters apply
    assert ukraine and {p["country"] for p in ukraine} == {"UKR"} and len(ukraine) < len(body)


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("params", [{}, {"actor": "RUS"}, {"target": "USA", "from": "2024-01-01"}])
def test_timeline_counts_sum_to_the_events_of_the_filter(api, interval, params):
    events = every_event(api, **params)
    body = api.ok("/timeline", interval=interval, **params)
    assert body["interval"] == interval
    periods = body["periods"]
    assert sum(p["events"] for p in periods) + body["undated"] == len(events) > 0
    assert body["undated"] == sum(1 for e in events if e["day"] is None)
    assert [p["start"] for p in periods] == sorted(p["start"] for p in periods)
    for period in periods:
        start, end = dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])
        inside = [e for e in events if e["day"] and period["start"] <= e["day"] <= period["end"]]
        assert period["events"] == len(inside) == sum(period["roots"].values()) == sum(period["quad_classes"].values())
        assert period["roots"] == dict(sorted(Counter(e["root"] for e in inside).items()))
        assert period["goldstein"] == pytest.approx(sum(e["goldstein"] or 0 for e in inside), abs=0.01)
        if interval == "day":
            assert start == end and period["period"] == period["start"]
        elif interval == "week":
            year, week, weekday = start.isocalendar()
            assert weekday == 1 and end - start == dt.timedelta(days=6) and period["period"] == f"{year}-W{week:02d}"
        else:
            assert start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and period["period"] == period["start"][:7]


@pytest.mark.parametrize("params, parameter, words", [
    ({"from": "2025-02-01", "to": "2025-01-01"}, "from", "is after"),
    ({"from": "2025-13-01"}, "from", "not a day"),
    ({"to": "01/02/2025"}, "to", "not a date"),
    ({"root": "4"}, "root", "not a CAMEO root"),
    ({"root": "21"}, "root", "not a CAMEO root"),
    ({"modality": "maybe"}, "modality", "not a modality"),
    ({"context": "sports"}, "context", "not a PLOVER context"),
    ({"actor": "R"}, "actor", "not an actor code"),
    ({"target": "RUS;DROP TABLE"}, "target", "not an actor code"),
    ({"actor": "ABCDEFGHIJKLM"}, "actor", "not an actor code"),
    ({"actor": "ZZZ"}, "actor", "not an actor code dyad knows"),
    ({"target": "USAGOVX"}, "target", "not an actor code dyad knows"),
    ({"country_of_action": "Poland"}, "country_of_action", "alpha-3"),
    ({"near": "Qwzxv"}, "near", "neither LAT,LON nor a place"),
    ({"near": "95,10"}, "near", "latitude"),
    ({"near": "50,30", "within": "0"}, "within", "at least 0.1"),
    ({"limit": "501"}, "limit", "at most 500"),
    ({"limit": "0"}, "limit", "at least 1"),
    ({"limit": "ten"}, "limit", "whole number"),
    ({"offset": "100001"}, "offset", "at most 100000"),
    ({"sort": "random"}, "sort", "must be one of"),
    ({"actro": "RUS"}, "actro", "unknown parameter"),
])  # fmt: skip
def test_bad_parameters_are_400_json_naming_the_parameter(api, params, parameter, words):
    for route in ("/events", "/dyads", "/timeline", "/export?format=jsonl") if parameter not in ("limit", "offset", "sort") else ("/events",):
        response = api.client.get(route, params=params)
        assert response.status_code == 400, (route, response.text)
        body = response.json()
        assert body["parameter"] == parameter and words in body["error"] and f"'{parameter}'" in body["error"], body
        assert "Traceback" not in response.text and 'File "' not in response.text
    for route, params in (("/dyads", {"top": "501"}), ("/actors", {"top": "0"}), ("/timeline", {"interval": "year"}),
                          ("/export", {}), ("/export", {"format": "xlsx"})):  # fmt: skip
        response = api.client.get(route, params=params)
        assert response.status_code == 400 and response.json()["parameter"] in ("top", "interval", "format"), response.text


def test_exports_are_attachments_with_every_matching_event(api):
    want = [e["id"] for e in api.store.iter_events(Filters(actor="RUS"))]
    assert len(want) > 10
    response = api.get("/export", format="jsonl", actor="RUS")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["content-disposition"] == 'attachment; filename="dyad-events.jsonl"'
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [e["id"] for e in lines] == want and lines[0]["mentions"]
    response = api.get("/export", format="csv", actor="RUS")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert response.headers["content-disposition"].startswith("attachment;") and [int(r["id"]) for r in rows] == want
    response = api.get("/export", format="gdelt-csv", actor="RUS", header="true")
    table = [line.split("\t") for line in response.text.splitlines()]
    assert table[0][:2] == ["GlobalEventID", "Day"] and [int(r[0]) for r in table[1:]] == want and len(table[1]) == 61
    assert len(api.get("/export", format="gdelt-csv", actor="RUS").text.splitlines()) == len(want)  # no header unless asked
    response = api.get("/export", format="parquet", actor="RUS")
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    assert response.headers["content-disposition"] == 'attachment; filename="dyad-events.parquet"'
    table = pq.read_table(io.BytesIO(response.content))
    assert table.column("id").to_pylist() == want
    assert api.get("/export", format="csv", actor="CHE").text.count("\n") == 1  # a real code without events: the header alone


def test_more_events_than_one_export_page_are_all_streamed(api, monkeypatch):
    import dyad.api.app as app_module

    monkeypatch.setattr(app_module, "EXPORT_PAGE", 7)
    lines = api.get("/export", format="jsonl").text.splitlines()
    assert len(lines) == api.store.counts()["events"] and len({json.loads(line)["id"] for line in lines}) == len(lines)
    rows = list(csv.reader(io.StringIO(api.get("/export", format="csv").text)))
    assert rows[0][0] == "id" and sum(1 for r in rows if r[0] == "id") == 1 and len(rows) == len(lines) + 1
