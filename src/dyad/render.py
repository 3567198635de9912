"""Readable views: coded documents (``dyad code --format table``), stored events (``dyad query``)
and store statistics (``dyad stats``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from dyad.model import CodedDocument
from dyad.ontology.cameo import load_cameo

COLUMNS = ("date", "source", "code", "target", "modality", "place", "trigger")


def write_table(coded: CodedDocument, stream: TextIO) -> None:
    cameo = load_cameo()
    doc = coded.document
    stream.write(f"# {doc.id or '<document>'}  lang={doc.lang}  published={doc.published or '-'}  events={len(coded.events)}\n")
    if coded.skipped:
        stream.write(f"  skipped: {coded.skipped}\n\n")
        return
    rows = [COLUMNS]
    for e in coded.events:
        rows.append((
            e.date or "-",
            _actor(e.source),
            f"{e.code} {cameo[e.code].name}",
            _actor(e.target),
            e.modality,
            f"{e.geo.name} ({e.geo_from})" if e.geo is not None else "-",
            e.evidence.trigger,
        ))  # fmt: skip
    _aligned(rows, stream)
    stream.write("\n")


def _aligned(rows: list[tuple[str, ...]], stream: TextIO, widest: int = 48) -> None:
    """Rows as columns padded to the widest cell (cut at ``widest``), the first row the header."""
    widths = [min(widest, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell[:width].ljust(width) for cell, width in zip(row, widths, strict=True)]
        stream.write("  " + "  ".join(cells).rstrip() + "\n")


EVENT_COLUMNS = ("id", "day", "date", "source", "source_country", "target", "target_country", "code", "root",
                 "quad_class", "goldstein", "plover", "modality", "num_mentions", "num_articles", "num_sources",
                 "first_reported")  # fmt: skip
GEO_KEYS = ("name", "country", "adm1", "lat", "lon", "geonameid", "feature")


def write_events(found: list[dict], fmt: str, stream: TextIO) -> None:
    """Stored events as a table, JSON lines (with every report) or CSV (one row an event)."""
    if fmt == "jsonl":
        from dyad.store.export import write_jsonl

        write_jsonl(found, stream)
    elif fmt == "csv":
        write_csv(found, stream)
    else:
        cameo = load_cameo()
        rows = [("id", "date", "source", "code", "target", "modality", "place", "reports", "evidence")]
        for event in found:
            first = event["mentions"][0] if event["mentions"] else {}
            name = cameo[event["code"]].name if event["code"] in cameo else ""
            rows.append((str(event["id"]), event["date"] or event["day"] or "-", event["source"] or "-", f"{event['code']} {name}"[:32],
                         event["target"] or "-", event["modality"], (event.get("geo") or {}).get("name") or "-",
                         f"{event['num_mentions']}/{event['num_articles']}",
                         " ".join(first.get("evidence", {}).get("text", "").split())))  # fmt: skip
        _aligned(rows, stream, widest=60)
        stream.write(f"  {len(found)} events (reports: mentions/articles)\n")


def write_csv(found: Iterable[dict], stream: TextIO, header: bool = True) -> int:
    """Stored events as CSV, one row an event with its first report's evidence and URL (``header``:
    the column names first); returns the number of events written."""
    writer = csv.writer(stream)
    if header:
        writer.writerow((*EVENT_COLUMNS, *(f"geo_{k}" for k in GEO_KEYS), "geo_from", "mode", "contexts", "evidence", "url"))
    count = 0
    for event in found:
        first = event["mentions"][0] if event["mentions"] else {}
        geo = event.get("geo") or {}
        writer.writerow((*("" if event[c] is None else event[c] for c in EVENT_COLUMNS),
                         *("" if geo.get(k) is None else geo[k] for k in GEO_KEYS), event["geo_from"] or "",
                         event["mode"] or "", ";".join(event["contexts"]),
                         spreadsheet_safe(first.get("evidence", {}).get("text", "")), spreadsheet_safe(first.get("url") or "")))  # fmt: skip
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as the start of a formula


def spreadsheet_safe(text: str) -> str:
    """Text an article brought, for a CSV cell: a cell that would start a formula in a spreadsheet
    (``=HYPERLINK(...)``, ``@SUM(...)``) gets a leading apostrophe, which spreadsheets show as text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def format_stats(totals: dict[str, int], stats: dict[str, list]) -> str:
    """The store's figures as text blocks."""
    from io import StringIO

    out = StringIO()
    out.write(f"store: {totals['documents']} documents, {totals['events']} events, {totals['mentions']} reports\n")
    blocks = (
        ("events per root", ("root", "events"), stats["per_root"]),
        ("top dyads", ("source", "target", "events"), stats["per_dyad"]),
        ("top source actors", ("source", "events"), stats["top_actors"]),
        ("events per month", ("month", "events"), stats["per_month"]),
        ("Goldstein sum per month of the top dyads", ("source", "target", "month", "goldstein"), stats["goldstein_per_dyad_month"]),
    )
    for title, header, rows in blocks:
        out.write(f"\n{title}\n")
        if not rows:
            out.write("  (none)\n")
            continue
        _aligned([header, *(tuple("-" if c is None else str(c) for c in row) for row in rows)], out)
    return out.getvalue()


def _actor(actor) -> str:
    if actor is None:
        return "-"
    return f"{actor.code} ({actor.name})" if actor.name else actor.code
