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
