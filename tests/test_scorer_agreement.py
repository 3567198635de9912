"""dyad's scorer agrees with the reference scorer of ../shared/tools/score.py (skipped without it)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from dyad.evaluate import score
from dyad.records import load_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE = SHARED / "tools" / "score.py"
GOLD_FILES = [SHARED / "data" / "seed" / "seed.gold.jsonl", SHARED / "data" / "ru-cameo" / "dev.gold.jsonl"]

pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/tools/score.py is not beside the repo")


def reference():
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perturbed(gold: dict[str, dict], seed: int) -> dict[str, dict]:
    """A system output made from the gold by dropping, re-rooting and swapping events."""
    rng = random.Random(seed)
    system = {}
    for doc_id, record in gold.items():
        events = []
        for g in record.get("gold") or []:
            roll = rng.random()
            if roll < 0.2:
                continue
            event = {"source": {"code": g["source"]}, "target": {"code": g["target"]} if g.get("target") else None,
                     "code": g["code"], "date": g.get("date"), "evidence": dict(g["evidence"])}  # fmt: skip
            if roll < 0.35:
                event["code"] = "190"
            elif roll < 0.5:
                event["source"], event["target"] = event["target"] or {"code": "USAGOV"}, event["source"]
            elif roll < 0.6:
                event["date"] = "1999-01-01"
            events.append(event)
        system[doc_id] = {"id": doc_id, "events": events}
    return system


def compare(gold, system):
    ours = score(gold, system).to_json()
    theirs = reference().score(gold, system)
    for mode in ("primary", "strict"):
        assert {k: ours[mode][k] for k in ("tp", "fp", "fn")} == {k: theirs[mode][k] for k in ("tp", "fp", "fn")}
    assert ours["date_accuracy"] == theirs["date_accuracy"]


@pytest.mark.parametrize("path", [p for p in GOLD_FILES], ids=lambda p: p.parent.name)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scorer_agrees_on_perturbed_gold(path, seed):
    gold = load_records(path, pytest.fail)
    compare(gold, perturbed(gold, seed))


@pytest.mark.parametrize("path", [p for p in GOLD_FILES], ids=lambda p: p.parent.name)
def test_scorer_agrees_on_engine_output(path, engine):
    from dyad.model import Document

    gold = load_records(path, pytest.fail)
    documents = [Document.from_json(r) for r in gold.values()]
    system = {c.document.id: c.to_json() for c in engine.code_many(documents)}
    compare(gold, system)
