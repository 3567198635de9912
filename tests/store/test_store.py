"""The event store on SQLite and on a real PostgreSQL server: schema, ingest, re-ingest, dedup, query."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest
from sqlalchemy import text

from dyad.model import Document
from dyad.store import IngestCounts, Store, StoreError
from dyad.store.dedup import compatible, pair_key, period
from dyad.store.store import Filters


def samples():
    out = []
    for lang in ("ru", "en"):
        lines = resources.files("dyad.samples").joinpath(f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        out += [Document.from_json(json.loads(line)) for line in lines if line.strip()]
    return out


def ingest(store, engine, documents, batch=5):
    counts = IngestCounts()
    store.ingest(engine.code_many(store.new_documents(documents, counts)), counts, batch)
    return counts


def test_the_same_call_reported_in_russian_and_english_is_one_event_with_two_articles(db_url, engine):
    store = Store(db_url)
    counts = ingest(store, engine, samples())
    assert counts.documents == len(samples()) and counts.known == 0
    (call,) = store.query(Filters(actor="RUSGOV", target="TURGOV", code="041"))
    assert (call["day"], call["num_articles"]) == ("2024-03-12", 2)
    assert {m["document"] for m in call["mentions"]} == {"sample-ru-01", "sample-en-01"}
    assert call["num_mentions"] == len(call["mentions"]) >= 4
    totals = store.counts()
    assert totals["mentions"] == counts.mentions and totals["events"] == counts.new_events < counts.mentions


def test_re_ingesting_adds_nothing_and_an_interrupted_ingest_finishes_without_duplicates(db_url, engine):
    documents = samples()
    store = Store(db_url)
    ingest(store, engine, documents[:4])
    before = store.counts()
    # a batch that fails half-way is rolled back whole
    counts = IngestCounts()
    coded = list(engine.code_many(documents[4:7]))
    broken = coded[:2] + [None]
    with pytest.raises(AttributeError):
        store.add(broken, counts)
    assert store.counts() == before
    # run again: what is stored is skipped, the rest is added once
    again = ingest(store, engine, documents)
    assert again.known == 4 and again.documents == len(documents) - 4
    once = store.counts()
    assert ingest(Store(db_url), engine, documents).documents == 0
    assert store.counts() == once
    # the same text under another id, with other spacing and case, is the same document
    copy = Document(text="  " + documents[0].text.upper().replace(" ", "   "), id="copy")
    assert ingest(store, engine, [copy]).known == 1


def test_reports_that_disagree_stay_apart_and_far_apart_days_are_two_events(db_url, engine):
    store = Store(db_url)
    texts = [
        ("a", "2024-05-06", "Poland and Lithuania held talks in Warsaw on Monday."),
        ("b", "2024-05-07", "Poland and Lithuania held talks in Warsaw on Monday, officials said."),
        ("c", "2024-05-07", "Lithuania and Poland agreed to hold talks next month."),
        ("d", "2024-06-20", "Poland and Lithuania held talks in Vilnius on Thursday."),
    ]
    docs = [Document(text=t, id=i, lang="en", published=dt.date.fromisoformat(p), url=f"https://news{i}.example/{i}") for i, p, t in texts]
    ingest(store, engine, docs)
    talks = store.query(Filters(actor="POL", root="04")) + store.query(Filters(actor="LTU", root="04"))
    assert sorted((e["day"], e["num_articles"], e["num_sources"]) for e in talks) == [("2024-05-06", 2, 2), ("2024-06-20", 1, 1)]
    intents = store.query(Filters(modality="intended"))
    assert [e["code"] for e in intents] == ["036"]  # the plan to talk is not the talks


def test_the_dedup_window_is_the_ingests_choice(db_url, engine):
    texts = [("a", "2024-05-06", "Poland and Lithuania held talks in Warsaw."),
             ("b", "2024-05-11", "Poland and Lithuania held talks in Warsaw, officials said.")]  # fmt: skip
    docs = [Document(text=t, id=i, lang="en", published=dt.date.fromisoformat(p), url=f"https://news{i}.example/{i}") for i, p, t in texts]
    store = Store(db_url)
    ingest(store, engine, docs[:1])
    counts = IngestCounts()
    store.ingest(engine.code_many(store.new_documents(docs[1:], counts)), counts, window=7)
    (talks,) = store.query(Filters(root="04"))  # five days apart: within a week's window
    assert (talks["day"], talks["num_articles"]) == ("2024-05-06", 2) and counts.merged == 1
    assert not compatible(period("2024-05-06", None), period("2024-05-11", None))  # but not the default's


def test_query_filters_and_text_stored_verbatim(db_url, engine):
    store = Store(db_url)
    hostile = "Japan lodged a protest with China on Friday. <script>alert(1)</script> '; DROP TABLE events; --"
    ingest(store, engine, [Document(text=hostile, id="x", lang="en", published=dt.date(2025, 10, 17))])
    (event,) = store.query(Filters(actor="JPN", target="CHN"))
    assert event["mentions"][0]["document"] == "x"
    with store.engine.connect() as connection:
        assert connection.execute(text("select text from documents")).scalar_one() == hostile
    assert store.query(Filters(start=dt.date(2025, 10, 18))) == []
    assert len(store.query(Filters(start=dt.date(2025, 10, 17), end=dt.date(2025, 10, 17)))) == 1
    assert store.query(Filters(text="protest")) and not store.query(Filters(text="100%_"))
    assert store.query(Filters(actor="CHN")) == []


def test_the_schema_is_the_migrations_and_a_foreign_or_newer_database_is_refused(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from dyad.store.schema import metadata

    store = Store(db_url)
    assert store.revision() == "0004"
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        connection.execute(text("update alembic_version set version_num = '9999'"))
        connection.commit()
    with pytest.raises(StoreError, match="newer than this dyad"):
        Store(db_url)
    with store.engine.begin() as connection:
        connection.execute(text("drop table alembic_version"))
    with pytest.raises(StoreError, match="not a dyad store"):
        Store(db_url)


def test_a_database_that_does_not_connect_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        Store("postgresql://someone:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(caught.value)
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}")


def test_dedup_rules():
    assert pair_key("RUS", "USA", "04") == pair_key("USA", "RUS", "04")
    assert pair_key("RUS", "USA", "11") != pair_key("USA", "RUS", "11")
    day = period("2024-03-12", None)
    assert compatible(day, period("2024-03-14", None)) and not compatible(day, period("2024-03-15", None))
    assert compatible(day, period("2024-03", None)) and not compatible(day, period("2024-01", None))
    assert compatible(period(None, dt.date(2024, 3, 13)), day)
    assert compatible(None, None) and not compatible(None, day)



def test_stats_count_per_root_dyad_and_month_on_both_backends(db_url, engine):
    store = Store(db_url)
    ingest(store, engine, samples())
    stats = store.stats(Filters(), top=3)
    total = store.counts()["events"]
    assert sum(n for _, n in stats["per_root"]) == total == sum(n for _, n in stats["per_month"])
    assert len(stats["per_dyad"]) == 3 and stats["per_dyad"][0][2] >= stats["per_dyad"][-1][2]
    top = {(a, b) for a, b, _ in stats["per_dyad"]}
    assert stats["goldstein_per_dyad_month"] and all((a, b) in top and len(m) == 7 for a, b, m, _ in stats["goldstein_per_dyad_month"])
    only = store.stats(Filters(actor="RUS"), top=3)
    assert all(a.startswith("RUS") for a, _ in only["top_actors"])


def test_one_side_named_as_a_country_or_its_government_and_a_pledge_said_or_intended_merge(db_url, engine):
    store = Store(db_url)
    docs = [
        Document(text="Japan lodged a formal protest with China on Friday.", id="a", lang="en", published=dt.date(2025, 10, 17)),
        Document(text="Япония в пятницу заявила протест Китаю.", id="b", lang="ru", published=dt.date(2025, 10, 18)),
        Document(text="Germany pledged new military aid to Ukraine on Wednesday.", id="c", lang="en", published=dt.date(2025, 9, 10)),
        Document(text="Германия в среду пообещала Украине новую военную помощь.", id="d", lang="ru", published=dt.date(2025, 9, 11)),
    ]
    ingest(store, engine, docs)
    (protest,) = store.query(Filters(root="11"))
    assert protest["num_articles"] == 2 and {protest["source"][:3], protest["target"][:3]} == {"JPN", "CHN"}
    (pledge,) = store.query(Filters(root="03"))
    assert pledge["num_articles"] == 2


def test_a_store_of_the_older_schema_is_upgraded_with_its_data(db_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from dyad.store.store import MIGRATIONS, resolve_url

    engine = create_engine(resolve_url(db_url))
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("insert into documents (doc_id, text_hash, source, text, n_events, ingested_at) "
                                "values ('d', 'h', '', 'Some text.', 1, '2025-01-01 00:00:00')"))  # fmt: skip
        connection.execute(text("insert into events (code, root, modality, pair_key, num_mentions, num_articles, num_sources) "
                                "values ('041', '04', 'asserted', 'RUS>USA', 2, 1, 1)"))  # fmt: skip
        for _ in range(2):
            connection.execute(text("insert into mentions (event_id, document_id, source, code, modality, evidence_start, "
                                    "evidence_end, evidence_text, record) values (1, 1, '', '041', 'asserted', 0, 5, 'Some.', '{}')"))  # fmt: skip
    engine.dispose()
    store = Store(db_url)
    assert store.migrated_from == "0001" and store.revision() == "0004"
    with store.engine.connect() as connection:
        assert connection.execute(text("select code, reports from event_codes")).all() == [("041", 2)]
    (old,) = store.query(Filters())
    assert (old["geo"], old["geo_from"], old["mode"], old["contexts"]) == (None, None, None, [])


def test_a_country_filter_matches_its_actors_and_an_organisation_prefix_its_organisations(db_url, engine):
    store = Store(db_url)
    ingest(store, engine, samples())
    russian = store.query(Filters(actor="RUS"))
    assert russian and all(e["source_country"] == "RUS" for e in russian)
    assert {e["source"] for e in russian} >= {"RUSGOV"}
    organisations = store.query(Filters(actor="IGO"))
    assert organisations and all(e["source"].startswith("IGO") and e["source_country"] is None for e in organisations)
    assert all(e["source"].startswith("RUSGOV") for e in store.query(Filters(actor="RUSGOV")))


def test_a_full_disk_stops_with_a_clear_error_and_keeps_the_batches_stored_before(tmp_path, engine):
    from sqlalchemy import event as sa_event

    store = Store(f"sqlite:///{tmp_path / 'full.db'}")
    documents = samples()
    ingest(store, engine, documents[:2], batch=2)
    kept = store.counts()
    with store.engine.connect() as connection:
        pages = connection.execute(text("pragma page_count")).scalar_one()

    @sa_event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):  # SQLite's own limit: writes past it fail as on a full disk
        dbapi_connection.execute(f"pragma max_page_count = {pages + 1}")

    store.engine.dispose()
    with pytest.raises(StoreError, match="full"):
        ingest(store, engine, documents[2:], batch=50)
    assert store.counts() == kept


def test_places_modes_and_contexts_are_stored_merged_and_queried(db_url, engine):
    store = Store(db_url)
    texts = [
        ("a", "2025-05-06", "KYIV, May 6 (Reuters) - Russian forces shelled Kharkiv with artillery, wounding soldiers."),
        ("b", "2025-05-06", "Russian artillery shelled Kharkiv on Tuesday, the Ukrainian army said."),
        ("c", "2025-05-07", "Poland and Lithuania held talks on energy and trade in Vilnius on Wednesday."),
    ]
    docs = [Document(text=t, id=i, lang="en", published=dt.date.fromisoformat(p), url=f"https://n{i}.example/{i}") for i, p, t in texts]
    ingest(store, engine, docs)
    talks = store.query(Filters(country_of_action="LTU"))
    assert [(e["geo"]["name"], e["geo_from"], e["root"]) for e in talks] == [("Vilnius", "text", "04")]
    assert "economic" in talks[0]["contexts"] and store.query(Filters(context="economic")) == talks
    assert store.query(Filters(near=(54.68916, 25.2798, 10.0))) == talks and store.query(Filters(near=(50.0, 36.2, 10.0))) != talks
    # two reports of the shelling: one with a dateline, both naming the city struck
    (shelling,) = store.query(Filters(country_of_action="UKR", root="19"))
    assert (shelling["geo"]["name"], shelling["geo_from"], shelling["num_articles"]) == ("Kharkiv", "text", 2)
    assert shelling["mode"] == "heavy-weapons" and "military" in shelling["contexts"]
    assert store.query(Filters(near=(49.98, 36.25, 30.0), root="19")) == [shelling]
    # an event its sentence does not place takes the dateline's city
    assert {(e["geo"]["name"], e["geo_from"]) for e in store.query(Filters(root="18"))} <= {("Kyiv", "dateline")}
