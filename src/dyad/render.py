"""Readable views of coded documents (the table of ``dyad code --format table``)."""

from __future__ import annotations

from typing import TextIO

from dyad.model import CodedDocument
from dyad.ontology.cameo import load_cameo

COLUMNS = ("date", "source", "code", "target", "modality", "trigger")


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
            e.evidence.trigger,
        ))  # fmt: skip
    widths = [min(48, max(len(r[i]) for r in rows)) for i in range(len(COLUMNS))]
    for row in rows:
        cells = [cell[:width].ljust(width) for cell, width in zip(row, widths, strict=True)]
        stream.write("  " + "  ".join(cells).rstrip() + "\n")
    stream.write("\n")


def _actor(actor) -> str:
    if actor is None:
        return "-"
    return f"{actor.code} ({actor.name})" if actor.name else actor.code
