"""Scoring by the rules of spec/events.md §3: primary and strict F1, date accuracy, per-root figures.

Matching is per document and greedy: a system event takes the first unused gold event
(required ones before optional ones) whose evidence overlaps, whose actor countries match as
an unordered pair and whose root is the root of the gold code or of one of its ``alt`` codes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
ORG_HEADS = frozenset({"IGO", "NGO", "MNC", "NAT"})


def actor_code(actor: Any) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, str):
        return actor or None
    return actor.get("code") or None


def actor_country(actor: Any) -> str | None:
    """The country part of a CAMEO-style code; an organisation counts by its whole code."""
    code = actor_code(actor)
    if code is None:
        return None
    if isinstance(actor, dict) and actor.get("country"):
        return actor["country"]
    head = code[:3]
    if head.isalpha() and head.isupper() and head not in ORG_HEADS:
        return head
    return code


def _span(event: dict, doc_len: int) -> tuple[int, int]:
    evidence = event.get("evidence") or {}
    if evidence.get("start") is None or evidence.get("end") is None:
        return 0, doc_len
    return int(evidence["start"]), int(evidence["end"])


def _root(event: dict) -> str:
    return str(event.get("root") or str(event.get("code", ""))[:2])


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


@dataclass
class DocumentResult:
    doc_id: str
    primary: Counts
    strict: Counts
    date_hits: int
    date_total: int
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    wrong_dates: list[tuple[dict, dict]] = field(default_factory=list)
    roots: dict[str, Counts] = field(default_factory=dict)


def match_document(doc_id: str, gold: list[dict], system: list[dict], doc_len: int, strict: bool) -> DocumentResult:
    used: set[int] = set()
    counts = Counts()
    roots: dict[str, Counts] = defaultdict(Counts)
    result = DocumentResult(doc_id, counts, Counts(), 0, 0, roots=roots)
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    for event in system:
        hit = next((i for i in order if i not in used and _matches(event, gold[i], doc_len, strict)), None)
        if hit is None:
            counts.fp += 1
            roots[_root(event)].fp += 1
            result.false_positives.append(event)
            continue
        used.add(hit)
        g = gold[hit]
        if g.get("optional"):
            continue
        counts.tp += 1
        roots[str(g["code"])[:2]].tp += 1
        if g.get("date"):
            result.date_total += 1
            if str(event.get("date") or "") == str(g["date"]):
                result.date_hits += 1
            else:
                result.wrong_dates.append((event, g))
    for i, g in enumerate(gold):
        if i not in used and not g.get("optional"):
            counts.fn += 1
            roots[str(g["code"])[:2]].fn += 1
            result.misses.append(g)
    return result


def _matches(event: dict, gold: dict, doc_len: int, strict: bool) -> bool:
    s_span, g_span = _span(event, doc_len), _span(gold, doc_len)
    if not (s_span[0] < g_span[1] and g_span[0] < s_span[1]):
        return False
    if {actor_country(event.get("source")), actor_country(event.get("target"))} != {
        actor_country(gold.get("source")), actor_country(gold.get("target"))
    }:
        return False
    codes = [str(gold["code"]), *(str(c) for c in gold.get("alt") or [])]
    root = _root(event)
    if root not in {c[:2] for c in codes}:
        return False
    if not strict:
        return True
    if str(event.get("code")) not in codes:
        return False
    s_codes = (actor_code(event.get("source")), actor_code(event.get("target")))
    g_codes = (actor_code(gold.get("source")), actor_code(gold.get("target")))
    if root in SYMMETRIC_ROOTS:
        return set(s_codes) == set(g_codes)
    return s_codes == g_codes


@dataclass
class Report:
    documents: int
    missing: int
    primary: Counts
    strict: Counts
    date_hits: int
    date_total: int
    roots: dict[str, Counts]
    results: list[DocumentResult]

    @property
    def date_accuracy(self) -> float | None:
        return self.date_hits / self.date_total if self.date_total else None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "missing_outputs": self.missing,
            "primary": self.primary.to_json(),
            "strict": self.strict.to_json(),
            "date_accuracy": round(self.date_accuracy, 4) if self.date_accuracy is not None else None,
            "dated_matches": self.date_total,
            "roots": {root: c.to_json() for root, c in sorted(self.roots.items())},
        }


def score(gold: dict[str, dict], system: dict[str, dict]) -> Report:
    """Score system records against gold records, both keyed by document id."""
    primary, strict = Counts(), Counts()
    roots: dict[str, Counts] = defaultdict(Counts)
    results = []
    missing = date_hits = date_total = 0
    for doc_id, g in gold.items():
        out = system.get(doc_id)
        if out is None:
            missing += 1
        events = (out or {}).get("events") or []
        doc_len = len(g.get("text", ""))
        result = match_document(doc_id, g.get("gold") or [], events, doc_len, strict=False)
        result.strict = match_document(doc_id, g.get("gold") or [], events, doc_len, strict=True).primary
        primary.add(result.primary)
        strict.add(result.strict)
        for root, counts in result.roots.items():
            roots[root].add(counts)
        date_hits += result.date_hits
        date_total += result.date_total
        results.append(result)
    return Report(len(gold), missing, primary, strict, date_hits, date_total, dict(roots), results)


def group_by(gold: dict[str, dict], key: str) -> dict[str, dict[str, dict]]:
    """Split gold records by a field (e.g. ``suite``); records without it go under '-'."""
    groups: dict[str, dict[str, dict]] = defaultdict(dict)
    for doc_id, record in gold.items():
        groups[str(record.get(key) or "-")][doc_id] = record
    return dict(groups)


def format_report(report: Report, errors: int = 10, title: str = "") -> str:
    lines = []
    if title:
        lines.append(f"== {title}")
    for name, counts in (("primary", report.primary), ("strict", report.strict)):
        lines.append(
            f"{name:8s} P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}"
            f"  (tp={counts.tp} fp={counts.fp} fn={counts.fn})"
        )
    accuracy = f"{report.date_accuracy:.3f}" if report.date_accuracy is not None else "n/a"
    lines.append(f"dates    accuracy={accuracy} over {report.date_total} dated matches")
    lines.append(f"documents {report.documents}, without output {report.missing}")
    if report.roots:
        lines.append("root    P      R      F1     tp  fp  fn")
        for root, c in sorted(report.roots.items()):
            lines.append(f"{root:6s}  {c.precision:.3f}  {c.recall:.3f}  {c.f1:.3f}  {c.tp:3d} {c.fp:3d} {c.fn:3d}")
    if errors:
        worst = sorted(report.results, key=lambda r: -(r.primary.fp + r.primary.fn))[:errors]
        worst = [r for r in worst if r.primary.fp or r.primary.fn]
        if worst:
            lines.append(f"worst documents (of {sum(1 for r in report.results if r.primary.fp or r.primary.fn)} with errors):")
        for r in worst:
            lines.append(f"  {r.doc_id}: fp={r.primary.fp} fn={r.primary.fn}")
            for e in r.misses[:3]:
                lines.append(f"    missed {actor_code(e.get('source'))} {e['code']} {actor_code(e.get('target'))}  {e.get('note', '')}")
            for e in r.false_positives[:3]:
                trig = (e.get("evidence") or {}).get("trigger", "")
                lines.append(f"    extra  {actor_code(e.get('source'))} {e.get('code')} {actor_code(e.get('target'))}  '{trig}'")
    return "\n".join(lines)
