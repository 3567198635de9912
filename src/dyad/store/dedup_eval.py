"""``dyad eval-dedup``: how well the store merges reports of one event, on a corpus with known groups.

Each document of the corpus carries ``dedup: {group, source, target, root}``: the real event it
reports (documents of one group report the same event) and that event's dyad (countries) and
root. The corpus is ingested into a fresh SQLite store through the same engine and store as
``dyad ingest``; a document's report is its event with that dyad (either order) and root. Over
all pairs of documents, a pair is merged when both reports landed in one stored event, and
should be when both documents are of one group: pairwise precision and recall of the merge.
A document whose event the coder missed counts as merged with nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

from dyad.evaluate import Counts
from dyad.model import Document
from dyad.records import load_records
from dyad.store.dedup import WINDOW_DAYS
from dyad.store.schema import documents, events, mentions
from dyad.store.store import IngestCounts, Store


@dataclass
class DedupReport(Counts):
    documents: int = 0
    groups: int = 0
    found: int = 0  # documents whose event the coder found
    wrong: list[str] = field(default_factory=list)

    def format(self, errors: int = 10) -> str:
        lines = [
            f"dedup: {self.documents} documents in {self.groups} groups, the event found in {self.found}",
            f"pairs    P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})",
        ]
        lines += [f"    {w}" for w in self.wrong[:errors]]
        return "\n".join(lines)


def evaluate_dedup(path: Path, engine, report_problem, window: int = WINDOW_DAYS) -> DedupReport:
    records = load_records(path, report_problem)
    gold = {i: r["dedup"] for i, r in records.items() if isinstance(r.get("dedup"), dict)}
    docs = [Document.from_json(records[i], default_id=i) for i in gold]
    with tempfile.TemporaryDirectory(prefix="dyad-dedup-") as folder:
        store = Store(f"sqlite:///{Path(folder) / 'dedup.db'}")
        counts = IngestCounts()
        store.ingest(engine.code_many(store.new_documents(docs, counts)), counts, window=window)
        event_of: dict[str, int] = {}
        with store.engine.connect() as connection:
            rows = connection.execute(
                select(documents.c.doc_id, mentions.c.event_id, events.c.source_country, events.c.source_code,
                       events.c.target_country, events.c.target_code, events.c.root)
                .join(mentions, mentions.c.document_id == documents.c.id).join(events, events.c.id == mentions.c.event_id)
                .order_by(mentions.c.id)
            )  # fmt: skip
            for doc_id, event_id, sc, scode, tc, tcode, root in rows:
                want = gold.get(doc_id)
                if want is None or doc_id in event_of or root != want["root"]:
                    continue
                sides = {(sc or scode or "")[:3], (tc or tcode or "")[:3]}
                if sides == {want["source"][:3], want["target"][:3]}:
                    event_of[doc_id] = event_id
        store.engine.dispose()
    report = DedupReport(documents=len(gold), groups=len({g["group"] for g in gold.values()}), found=len(event_of))
    for a, b in combinations(sorted(gold), 2):
        same = gold[a]["group"] == gold[b]["group"]
        merged = a in event_of and b in event_of and event_of[a] == event_of[b]
        if same and merged:
            report.tp += 1
        elif merged:
            report.fp += 1
            report.wrong.append(f"merged, but different events: {a} ({gold[a]['group']}) and {b} ({gold[b]['group']})")
        elif same:
            report.fn += 1
            why = "not coded" if a not in event_of or b not in event_of else "left apart"
            report.wrong.append(f"one event, {why}: {a} and {b} ({gold[a]['group']})")
    return report
