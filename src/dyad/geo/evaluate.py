"""``dyad eval-geo``: how well place names are found and resolved, and events placed.

A gold file is JSONL: ``{"id", "lang", "text", "places": [{"start", "end", "text", "role",
"name", "country", "geonameid", "feature"}], "event_place": {...} | null}``, where ``role`` is
``place`` (named as a place), ``actor`` (a place standing for its government: "Киев обвинил
Москву") or ``not_place`` (a word that looks like a place name and is not one here).

- resolution accuracy: gold places and actors found at their span and resolved to the gold
  place (the same GeoNames id; without one, the same country and feature), over all of them;
- false places: places found on a ``not_place`` span or on no gold span, over all found;
- event places: for the records whose sentence gives an event, the first event's place against
  ``event_place`` (the same place and ``geo_from``; none for none).

With ``--factru``: the share of the Location and LocOrg mentions of factRuEval-2016 that a
place found overlaps (recall of place detection on real Russian news; that corpus does not
say which place each name is, so resolution is not scored there).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyad.geo.gazetteer import Place
from dyad.geo.geocode import Found
from dyad.model import Document
from dyad.records import load_records


@dataclass
class GeoReport:
    gold: Counter = field(default_factory=Counter)  # per language: gold places and actors
    right: Counter = field(default_factory=Counter)  # ... resolved right
    found: Counter = field(default_factory=Counter)  # per language: places found
    false: Counter = field(default_factory=Counter)  # ... on a not_place span or none
    events: int = 0
    events_right: int = 0
    wrong: list[str] = field(default_factory=list)
    factru: tuple[int, int] | None = None  # (mentions overlapped, mentions)

    def format(self, errors: int = 10) -> str:
        lines = []
        for lang in sorted(self.gold) + ["all"]:
            gold = sum(self.gold.values()) if lang == "all" else self.gold[lang]
            right = sum(self.right.values()) if lang == "all" else self.right[lang]
            found = sum(self.found.values()) if lang == "all" else self.found[lang]
            false = sum(self.false.values()) if lang == "all" else self.false[lang]
            lines.append(f"places {lang:3}  resolution accuracy {_share(right, gold)} ({right}/{gold})   "
                         f"false places {_share(false, found)} ({false}/{found})")  # fmt: skip
        lines.append(f"event places       {_share(self.events_right, self.events)} ({self.events_right}/{self.events} events)")
        if self.factru is not None:
            hit, total = self.factru
            lines.append(f"factru Location+LocOrg detection recall {_share(hit, total)} ({hit}/{total})")
        lines += [f"    {w}" for w in self.wrong[:errors]]
        return "\n".join(lines)


def evaluate_geo(path: Path, engine, report_problem, factru: Path | None = None) -> GeoReport:
    report = GeoReport()
    for record_id, record in load_records(path, report_problem).items():
        if not isinstance(record.get("text"), str) or not isinstance(record.get("places", []), list):
            report_problem(f"{path}: record {record_id}: needs a text and a list of places")
            continue
        document = Document(text=record["text"], id=record_id, lang=record.get("lang"))
        coded, found = locate(engine, document)
        lang = coded.document.lang or "?"
        _score_places(report, record_id, lang, record["places"], found)
        if "event_place" in record and coded.events:
            report.events += 1
            event = coded.events[0]
            if _same_event_place(record["event_place"], event.geo, event.geo_from):
                report.events_right += 1
            else:
                got = f"{event.geo.name} ({event.geo_from})" if event.geo else "none"
                want = record["event_place"]["name"] if record["event_place"] else "none"
                report.wrong.append(f"{record_id}: event placed at {got}, gold {want}")
    if factru is not None:
        report.factru = _factru_recall(factru, engine, report_problem)
    return report


def locate(engine, document: Document) -> tuple:
    """Code a document with every sentence parsed, and list every place it names."""
    coded = engine.code_all_sentences(document)
    geocoder = engine.geocoder
    lang = coded.document.lang or "ru"
    countries = frozenset(m.actor.country for m in coded.mentions if m.actor is not None and m.actor.country)
    by_sentence: dict[int, list] = {}
    for mention in coded.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    found: list[Found] = []
    dateline = geocoder.dateline(document.text, countries)
    if dateline is not None:
        found.append(dateline)
    for sentence in coded.sentences:
        if sentence.parsed:
            found += [f for f in geocoder.places(sentence, lang, by_sentence.get(sentence.index, []), countries)
                      if dateline is None or f.start >= dateline.end]  # fmt: skip
    return coded, found


def _score_places(report: GeoReport, record_id: str, lang: str, gold: list[dict], found: list[Found]) -> None:
    wanted = [g for g in gold if g.get("role") in ("place", "actor")]
    report.gold[lang] += len(wanted)
    report.found[lang] += len(found)
    for g in wanted:
        hit = next((f for f in found if _overlap(f, g)), None)
        if hit is not None and _same_place(g, hit.place):
            report.right[lang] += 1
        else:
            got = f"{hit.place.name}, {hit.place.country} ({hit.place.feature})" if hit else "not found"
            report.wrong.append(f"{record_id}: {g['text']!r} -> {got}; gold {g.get('name')}, {g.get('country')}")
    for f in found:
        on = [g for g in gold if _overlap(f, g)]
        if not on or all(g.get("role") == "not_place" for g in on):
            report.false[lang] += 1
            report.wrong.append(f"{record_id}: {f.text!r} read as {f.place.name}, {f.place.country}: not a place here")


def _factru_recall(path: Path, engine, report_problem) -> tuple[int, int]:
    entities = load_records(path, report_problem)
    texts = load_records(path.with_name(path.name.replace(".entities", "")), report_problem)
    hit = total = 0
    for doc_id, record in entities.items():
        if doc_id not in texts:
            report_problem(f"{path}: {doc_id}: no text for these entities")
            continue
        document = Document(text=texts[doc_id]["text"], id=doc_id, lang="ru")
        _, found = locate(engine, document)
        for entity in record.get("entities", []):
            if entity.get("type") in ("Location", "LocOrg"):
                total += 1
                hit += any(f.start < entity["end"] and entity["start"] < f.end for f in found)
    return hit, total


def _overlap(found: Found, gold: dict) -> bool:
    return found.start < gold["end"] and gold["start"] < found.end


def _same_place(gold: dict, place: Place) -> bool:
    if gold.get("geonameid") is not None and place.geonameid is not None:
        return int(gold["geonameid"]) == place.geonameid
    return gold.get("country") == place.country and gold.get("feature") == place.feature


def _same_event_place(gold: dict | None, place: Place | None, source: str | None) -> bool:
    if gold is None or place is None:
        return gold is None and place is None
    return _same_place(gold, place) and gold.get("geo_from") == source


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "
