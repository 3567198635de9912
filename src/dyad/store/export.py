"""Exports of the stored events: GDELT 2.0's event table, JSON lines, Parquet.

``gdelt-csv`` writes GDELT 2.0's 61 event columns in their order, tab-separated and without a
header, as GDELT's own files are, so tools written for GDELT read it. Columns dyad has no value
for (tone, ethnicity, religion, the actors' own places) are left empty; README lists each column
and where its value comes from.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from typing import TextIO

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def gdelt_row(event: dict) -> list[str]:
    """One event as GDELT 2.0's event columns (strings; empty where dyad has no value)."""
    first = event["mentions"][0] if event["mentions"] else {}
    actors = first.get("actors", {})
    day = dt.date.fromisoformat(event["day"]) if event["day"] else None
    row = {
        "GlobalEventID": str(event["id"]),
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": str(day.year) if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "IsRootEvent": "1" if any(m["evidence"]["start"] == 0 for m in event["mentions"]) else "0",  # a report's first sentence
        "EventCode": event["code"],
        "EventBaseCode": event["code"][:3],
        "EventRootCode": event["root"],
        "QuadClass": _text(event["quad_class"]),
        "GoldsteinScale": _text(event["goldstein"]),
        "NumMentions": str(event["num_mentions"]),
        "NumSources": str(event["num_sources"]),
        "NumArticles": str(event["num_articles"]),
        "DATEADDED": first.get("ingested_at", "").replace("-", "").replace(":", "").replace("T", "")[:14],
        "SOURCEURL": first.get("url") or "",
    }
    row.update(_action_geo(event.get("geo")))
    for n, code, country, actor in ((1, event["source"], event["source_country"], actors.get("source")),
                                    (2, event["target"], event["target_country"], actors.get("target"))):  # fmt: skip
        row[f"Actor{n}Code"] = code or ""
        row[f"Actor{n}Name"] = ((actor or {}).get("name") or (actor or {}).get("text") or "").upper()
        row[f"Actor{n}CountryCode"] = country or ""
        row[f"Actor{n}Type1Code"] = _type_code(code, country)
    return [row.get(column, "") for column in GDELT_COLUMNS]


def _action_geo(geo: dict | None) -> dict[str, str]:
    """GDELT's ActionGeo_* columns: type 1 country, 2 US state, 3 US city, 4 world city, 5 world
    region; country codes in FIPS 10-4 as GDELT's; ADM1 as GDELT writes it for cities (FIPS
    country and GeoNames admin1, "UP07"), ISO 3166-2 for regions ("UA-63"); FeatureID the GeoNames
    id (a country's FIPS code for a country, as GDELT)."""
    if not geo:
        return {}
    from dyad.geo.gazetteer import fips_code

    fips = fips_code(geo["country"]) or ""
    us = geo["country"] == "USA"
    kind = {"country": 1, "region": 2 if us else 5, "city": 3 if us else 4}[geo["feature"]]
    adm1 = geo.get("adm1") or ""
    if geo["feature"] == "city" and "." in adm1:
        adm1 = fips + adm1.split(".", 1)[1]
    country_name = geo["name"] if geo["feature"] == "country" else _country_name(geo["country"])
    full = geo["name"] if geo["feature"] == "country" else ", ".join(n for n in (geo["name"], country_name) if n)
    return {
        "ActionGeo_Type": str(kind), "ActionGeo_FullName": full, "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if kind == 1 else adm1, "ActionGeo_Lat": _text(geo.get("lat")),
        "ActionGeo_Long": _text(geo.get("lon")),
        "ActionGeo_FeatureID": fips if kind == 1 else _text(geo.get("geonameid")),
    }  # fmt: skip


def _country_name(alpha3: str | None) -> str:
    from dyad.geo.gazetteer import Gazetteer

    place = Gazetteer.default().country(alpha3)
    return place.name if place else ""


def _type_code(code: str | None, country: str | None) -> str:
    """The actor's role code: the sector after its country (RUSGOV -> GOV), or an organisation's own (IGO)."""
    if not code:
        return ""
    rest = code[3:] if country else code
    return rest[:3]


def _text(value) -> str:
    return "" if value is None else str(value)


def write_gdelt(found: Iterable[dict], stream: TextIO, header: bool = False) -> int:
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(GDELT_COLUMNS)
    count = 0
    for event in found:
        writer.writerow(gdelt_row(event))
        count += 1
    return count


def write_jsonl(found: Iterable[dict], stream: TextIO) -> int:
    count = 0
    for event in found:
        stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


PARQUET_BATCH = 5000


def write_parquet(found: Iterable[dict], path: str) -> int:
    """One row an event, typed (dates as dates, counts as integers), with its first report's
    evidence and URL and all its reports' documents; written in row groups of bounded size."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.int64()), ("day", pa.date32()), ("date", pa.string()),
        ("source", pa.string()), ("source_country", pa.string()), ("target", pa.string()), ("target_country", pa.string()),
        ("code", pa.string()), ("root", pa.string()), ("quad_class", pa.int8()), ("goldstein", pa.float64()),
        ("plover", pa.string()), ("modality", pa.string()),
        ("num_mentions", pa.int32()), ("num_articles", pa.int32()), ("num_sources", pa.int32()),
        ("first_reported", pa.date32()), ("evidence", pa.string()), ("url", pa.string()),
        ("documents", pa.list_(pa.string())),
        ("geo_name", pa.string()), ("geo_country", pa.string()), ("geo_adm1", pa.string()), ("geo_lat", pa.float64()),
        ("geo_lon", pa.float64()), ("geo_geonameid", pa.int64()), ("geo_feature", pa.string()), ("geo_from", pa.string()),
        ("mode", pa.string()), ("contexts", pa.list_(pa.string())),
    ])  # fmt: skip
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for event in found:
            first = event["mentions"][0] if event["mentions"] else {}
            batch.append({
                **{k: event[k] for k in ("id", "date", "source", "source_country", "target", "target_country", "code",
                                         "root", "quad_class", "goldstein", "plover", "modality", "num_mentions",
                                         "num_articles", "num_sources")},
                "day": dt.date.fromisoformat(event["day"]) if event["day"] else None,
                "first_reported": dt.date.fromisoformat(event["first_reported"]) if event["first_reported"] else None,
                "evidence": first.get("evidence", {}).get("text"), "url": first.get("url"),
                "documents": sorted({m["document"] for m in event["mentions"]}),
                **{f"geo_{k}": (event["geo"] or {}).get(k) for k in ("name", "country", "adm1", "lat", "lon", "geonameid", "feature")},
                "geo_from": event["geo_from"], "mode": event["mode"], "contexts": event["contexts"],
            })  # fmt: skip
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema))
            count += len(batch)
    return count
