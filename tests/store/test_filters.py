"""One check of the filters for the command line and the API: the same values are refused with the
same message, each interface naming the parameter its own way."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from click.testing import CliRunner

from dyad import cli
from dyad.store.filters import FilterError, make_filters
from dyad.store.store import Filters

BAD = [
    ({"start": "2025-02-01", "end": "2025-01-01"}, "from", "--from", "is after"),
    ({"root": "4"}, "root", "--root", "not a CAMEO root"),
    ({"modality": "maybe"}, "modality", "--modality", "not a modality"),
    ({"actor": "R"}, "actor", "--actor", "not an actor code"),
    ({"target": "US A"}, "target", "--target", "not an actor code"),
    ({"country_of_action": "Poland"}, "country_of_action", "--country-of-action", "alpha-3"),
    ({"context": "sports"}, "context", "--context", "not a PLOVER context"),
    ({"near": "95,10"}, "near", "--near", "latitude"),
]  # fmt: skip
OPTION = {"start": "--from", "end": "--to"}


@pytest.mark.parametrize("values, param, option, words", BAD)
def test_the_command_line_and_the_api_refuse_the_same_values_with_the_same_message(values, param, option, words, tmp_path):
    with pytest.raises(FilterError) as raised:
        make_filters(**values)
    assert raised.value.param == param and words in raised.value.message
    args = [a for key, value in values.items() for a in (OPTION.get(key, "--" + key.replace("_", "-")), value)]
    result = CliRunner().invoke(cli.cli, ["query", "--db", f"sqlite:///{tmp_path / 'x.db'}", *args])
    assert result.exit_code == 2 and option in result.output and words in result.output, result.output

    from dyad.api import create_app
    from dyad.api.server import running

    query = {("from" if k == "start" else "to" if k == "end" else k): v for k, v in values.items()}
    with running(create_app(f"sqlite:///{tmp_path / 'x.db'}")) as base:
        response = httpx.get(f"{base}/events", params=query)
    assert response.status_code == 400 and response.json()["parameter"] == param
    assert raised.value.message in response.json()["error"]


def test_good_values_make_the_store_s_filters():
    assert make_filters("2024-01-01", dt.date(2024, 12, 31), "rus", "USAGOV", "04", "036", "intended", "talks", "ukr", "50,30", 10,
                        "military") == Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "rus", "USAGOV", "04", "036",
                                               "intended", "talks", "ukr", (50.0, 30.0, 10), "military")  # fmt: skip
    assert make_filters() == Filters()


@pytest.mark.parametrize("value, known", [
    ("RUS", True), ("ru", True), ("RUSGOV", True), ("RUSG", True), ("UKRMILREB", True), ("IGOUNO", True),
    ("NATO", True), ("---GOV", True), ("IMGISI", True),
    ("ZZZ", False), ("RUSXYZ", False), ("USAGOVX", False), ("QQ", False),
])  # fmt: skip
def test_actor_codes_are_the_dictionaries_codes_and_a_head_followed_by_sectors(value, known):
    from dyad.actors.codes import actor_codes

    assert actor_codes().knows(value) is known


def test_an_actor_code_neither_dyad_nor_the_store_knows_is_refused_and_a_stored_users_code_is_not(tmp_path, fixtures):
    from dyad.api import create_app
    from dyad.api.server import running
    from dyad.config import Config
    from dyad.model import Document
    from dyad.pipeline import Engine
    from dyad.store import IngestCounts, Store

    db = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store(db)
    engine = Engine(Config(user_actors=(str(fixtures / "petrarch" / "actors.txt"),)))  # fictional ZEMBLA [ZEM]
    counts = IngestCounts()
    document = Document(text="Zembla attacked Iran.", id="zem", lang="en", published=dt.date(1994, 5, 2))
    store.ingest(engine.code_many(store.new_documents([document], counts)), counts)
    assert counts.new_events >= 1
    with running(create_app(store)) as base:
        refused = httpx.get(f"{base}/events", params={"actor": "ZZZ"})
        users = httpx.get(f"{base}/events", params={"actor": "ZEM"})
        absent = httpx.get(f"{base}/events", params={"target": "CHE"})  # a real country with no events here
    assert refused.status_code == 400 and refused.json()["parameter"] == "actor"
    assert "'ZZZ' is not an actor code dyad knows" in refused.json()["error"]
    assert users.status_code == 200 and [e["source"] for e in users.json()["events"]] == ["ZEM"]
    assert absent.status_code == 200 and absent.json()["events"] == []
    runner = CliRunner()
    result = runner.invoke(cli.cli, ["query", "--db", db, "--actor", "ZZZ"])
    assert result.exit_code == 2 and "--actor" in result.output and "'ZZZ' is not an actor code dyad knows" in result.output
    result = runner.invoke(cli.cli, ["export", "--db", db, "--format", "jsonl", "--target", "RUSXYZ"])
    assert result.exit_code == 2 and "--target" in result.output
    assert runner.invoke(cli.cli, ["query", "--db", db, "--actor", "ZEM", "--format", "csv"]).output.count("\n") == 2
    store.engine.dispose()
