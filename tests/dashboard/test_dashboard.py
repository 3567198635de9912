"""The dashboard in chromium: what it draws is what the store holds, a click leads to the evidence,
the filters narrow the table, and nothing an article says ever runs as script."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlparse

from dyad.store.store import Filters

BARS = """id => echarts.getInstanceByDom(document.getElementById(id)).getOption().series
            .filter(s => s.type === 'bar').map(s => s.data)"""


def _bar_totals(page) -> list[int]:
    bars = page.evaluate(BARS, "timeline")
    return [sum(column) for column in zip(*bars, strict=True)] if bars else []


def _table(page, selector: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"{selector} tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def test_the_timeline_draws_the_stores_counts_per_month_and_per_quad_class(dashboard, site):
    _base, store = site
    dashboard.open("/")
    expected = store.timeline(Filters(), "month")
    periods = expected["periods"]
    assert len(periods) > 5
    rows = _table(dashboard.page, "#timeline-table")
    assert [r[0] for r in rows] == [p["period"] for p in periods]
    assert [int(r[1]) for r in rows] == [p["events"] for p in periods]
    assert [[int(x) for x in r[2:6]] for r in rows] == [[p["quad_classes"].get(str(q), 0) for q in (1, 2, 3, 4)] for p in periods]
    # the chart itself: one stacked bar a period, as high as the period's events
    assert _bar_totals(dashboard.page) == [p["events"] for p in periods]
    labels = dashboard.page.evaluate("echarts.getInstanceByDom(document.getElementById('timeline')).getOption().xAxis[0].data")
    assert labels == [p["period"] for p in periods]
    total = sum(p["events"] for p in periods)
    assert dashboard.page.text_content("#timeline-summary").startswith(f"{total} events in {len(periods)} periods")
    assert dashboard.page.text_content("#store-counts").startswith(f"{store.counts()['events']} events")
    dashboard.shot("overview")
    assert dashboard.errors == [] and dashboard.dialogs == []


def test_choosing_a_pair_draws_its_timeline_per_week(dashboard, site):
    _base, store = site
    dashboard.open("/")
    pairs = store.dyads(Filters(), 30, by="country")["dyads"]
    top = next(d for d in pairs if d["source"] and d["target"])
    before = dashboard.stamp()
    dashboard.page.select_option("#pair", f"{top['source']}>{top['target']}")
    dashboard.drawn(before)
    before = dashboard.stamp()
    dashboard.page.select_option("#interval", "week")
    dashboard.drawn(before)
    expected = store.timeline(Filters(actor=top["source"], target=top["target"]), "week")["periods"]
    assert sum(p["events"] for p in expected) >= top["events"]  # prefixes: RUS also matches RUSGOV
    assert _bar_totals(dashboard.page) == [p["events"] for p in expected]
    assert dashboard.page.text_content("#timeline-title") == f"{top['source']} → {top['target']}"
    assert "actor=" + top["source"] in dashboard.page.url and "interval=week" in dashboard.page.url
    dashboard.shot("timeline-of-a-pair")
    assert dashboard.errors == []


def test_a_filter_changes_the_table(dashboard, site):
    _base, store = site
    dashboard.open("/")
    everything = _table(dashboard.page, "#events")
    assert len(everything) == min(50, store.counts()["events"])
    before = dashboard.stamp()
    dashboard.page.fill("#filters input[name=actor]", "RUS")
    dashboard.page.select_option("#filters select[name=root]", "04")
    dashboard.page.click("#filters button[type=submit]")
    dashboard.drawn(before)
    expected = store.query(Filters(actor="RUS", root="04"), 50, order="-day")
    rows = _table(dashboard.page, "#events")
    assert 0 < len(rows) == len(expected) < len(everything)
    assert [r[0] for r in rows] == [e["date"] or "undated" for e in expected]
    assert all(r[1].startswith("RUS") or e["source_country"] == "RUS" for r, e in zip(rows, expected, strict=True))
    assert all(r[2].startswith("04") for r in rows)
    assert dashboard.page.input_value("#filters input[name=actor]") == "RUS"  # the form keeps what was asked
    exported = dashboard.page.get_attribute("#export-csv", "href")
    assert "actor=RUS" in exported and "root=04" in exported and "format=csv" in exported
    dashboard.shot("filtered-table")
    assert dashboard.errors == []


def test_the_code_context_and_country_of_action_filters_narrow_every_view(dashboard, site):
    _base, store = site
    dashboard.open("/")
    before = dashboard.stamp()
    dashboard.page.fill("#filters input[name=code]", "19")
    dashboard.page.select_option("#filters select[name=context]", "military")
    dashboard.page.fill("#filters input[name=country_of_action]", "UKR")
    dashboard.page.click("#filters button[type=submit]")
    dashboard.drawn(before)
    chosen = Filters(code="19", context="military", country_of_action="UKR")
    expected = store.query(chosen, 50, order="-day")
    rows = _table(dashboard.page, "#events")
    assert 0 < len(rows) == len(expected) < store.counts()["events"]
    assert all(r[2].startswith("19") and "UKR" in r[5] for r in rows), rows
    assert _bar_totals(dashboard.page) == [p["events"] for p in store.timeline(chosen, "month")["periods"]]
    assert "context=military" in dashboard.page.url and "country_of_action=UKR" in dashboard.page.url
    assert dashboard.page.input_value("#filters select[name=context]") == "military"
    assert dashboard.errors == []


def test_a_click_on_an_event_opens_its_evidence_highlighted_in_the_article(dashboard, site):
    _base, store = site
    dashboard.open("/#/?sort=-num_mentions")
    (top,) = store.query(Filters(), 1, order="-num_mentions")
    assert top["num_mentions"] > 1
    before = dashboard.stamp()
    dashboard.page.click(f"#events tbody tr[data-id='{top['id']}'] td.evidence")
    dashboard.drawn(before)
    assert dashboard.page.url.endswith(f"#/event/{top['id']}")
    assert dashboard.page.is_hidden("#overview") and dashboard.page.is_visible("#event")
    detail = store.event(top["id"])
    marks = dashboard.page.eval_on_selector_all("mark.evidence", "ms => ms.map(m => m.textContent)")
    assert marks == [m["evidence"]["text"] for m in detail["mentions"]]
    triggers = dashboard.page.eval_on_selector_all("mark.evidence mark.trigger", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert triggers and all(t in " ".join(m["evidence"]["trigger"].lower() for m in detail["mentions"]) for t in triggers)
    # the article around the evidence is there too, whole
    documents = {d["id"]: d for d in detail["documents"]}
    texts = dashboard.page.eval_on_selector_all(".article", "boxes => boxes.map(b => b.textContent)")
    assert texts == [documents[m["document_id"]]["text"] for m in detail["mentions"]]
    # the actors as resolved, and how the date was found
    actors = _table(dashboard.page, "#event-actors")
    first = detail["mentions"][0]["actors"]
    assert ["source", first["source"]["text"], first["source"]["name"] or "", first["source"]["code"]] == actors[0][:4]
    why = dashboard.page.text_content(".report[data-report='0'] .date-why")
    assert detail["mentions"][0]["date_why"] in why and f"({detail['mentions'][0]['date_from']})" in why
    dashboard.shot("event-page")
    before = dashboard.stamp()
    dashboard.page.click("#back")
    dashboard.drawn(before)
    assert dashboard.page.is_visible("#overview")
    assert dashboard.errors == []


def test_the_graph_and_the_map_draw_the_pairs_of_countries_and_the_places(dashboard, site):
    _base, store = site
    dashboard.open("/")
    pairs = [d for d in store.dyads(Filters(), 80, by="country")["dyads"] if d["source"] and d["target"] and d["source"] != d["target"]]
    graph = dashboard.page.evaluate("echarts.getInstanceByDom(document.getElementById('graph')).getOption().series[0]")
    assert sorted((link["source"], link["target"], link["value"]) for link in graph["links"]) == \
        sorted((d["source"], d["target"], d["events"]) for d in pairs)  # fmt: skip
    weight = Counter()
    for d in pairs:
        weight[d["source"]] += d["events"]
        weight[d["target"]] += d["events"]
    assert {n["name"]: n["value"] for n in graph["data"]} == dict(weight)
    places = store.places(Filters(), 300)
    drawn = dashboard.page.evaluate("echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].data")
    assert sorted((p["value"][0], p["value"][1], p["value"][2]) for p in drawn) == sorted((p["lon"], p["lat"], p["events"]) for p in places)
    assert dashboard.page.evaluate("echarts.getMap('world').geoJSON.features.length") > 150  # the world's outlines, shipped
    assert dashboard.page.text_content("#map-summary").startswith(f"{len(places)} places")


def test_the_dashboard_asks_only_its_own_server(dashboard, site):
    base, _store = site
    dashboard.open("/")
    dashboard.open("/#/event/1")
    origin = urlparse(base).netloc
    assert dashboard.requests and {urlparse(u).netloc for u in dashboard.requests if not u.startswith("data:")} == {origin}
    assert dashboard.errors == []


HOSTILE = "window.__dyad_xss === undefined"
INJECTED = "document.querySelectorAll('main script, main img, main svg:not(.chart svg), main iframe, [onerror], [onload], [onmouseover]').length"


def test_html_and_script_in_articles_are_shown_as_text_and_never_run(dashboard, site):
    _base, store = site
    hostile = [e for e in store.query(Filters(text="__dyad_xss"))]
    assert len(hostile) == 2  # one event from each hostile article
    before = None
    dashboard.open("/#/?text=__dyad_xss")
    rows = _table(dashboard.page, "#events")
    assert len(rows) == 2 and any("<script>window.__dyad_xss=1</script>" in r[-1] for r in rows)
    assert dashboard.page.evaluate(HOSTILE) and dashboard.page.evaluate(INJECTED) == 0
    dashboard.shot("hostile-table")
    for event in hostile:
        before = dashboard.stamp()
        dashboard.page.evaluate(f"window.location.hash = '#/event/{event['id']}'")
        dashboard.drawn(before)
        dashboard.page.hover(".report h4")  # where an onmouseover would fire
        dashboard.page.hover(".article")
        detail = store.event(event["id"])
        document = detail["documents"][0]
        assert dashboard.page.text_content(".article") == document["text"]  # the markup, as text
        assert dashboard.page.text_content(".report h4") == document["title"]
        links = dashboard.page.eval_on_selector_all("main a[href]", "as => as.map(a => a.href)")
        assert all(link.startswith(("http://", "https://")) for link in links), links
        assert not any("javascript:" in link for link in links)
        assert dashboard.page.evaluate(HOSTILE), "a script of the article ran"
        assert dashboard.page.evaluate(INJECTED) == 0, "an element of the article was made"
        dashboard.shot(f"hostile-event-{event['id']}")
    assert dashboard.dialogs == []
    assert dashboard.errors == []


def test_an_api_error_is_shown_as_a_message_and_a_bad_event_id_does_not_break_the_page(dashboard):
    dashboard.open("/#/?from=2025-05-01&to=2024-01-01")
    message = dashboard.page.text_content("#message")
    assert dashboard.page.is_visible("#message") and "after" in message and "to" in message
    before = dashboard.stamp()
    dashboard.page.evaluate("window.location.hash = '#/?actor=ZZZ'")  # a misspelt code finds nothing: say so
    dashboard.drawn(before)
    assert "'ZZZ' is not an actor code dyad knows" in dashboard.page.text_content("#message")
    before = dashboard.stamp()
    dashboard.page.evaluate("window.location.hash = '#/event/1999999999'")
    dashboard.drawn(before)
    assert "no event has id 1999999999" in dashboard.page.text_content("#message")
    assert dashboard.page.is_visible("#event")
    # the failed requests are the 400 and the 404 themselves, reported once each, nothing else
    assert all("400" in e or "404" in e for e in dashboard.errors), dashboard.errors
