"""Read JSONL records keyed by id (gold files and system output), reporting bad lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from dyad.errors import InputError


def load_records(path: Path, report: Callable[[str], None]) -> dict[str, dict]:
    """Records by ``id``; a malformed line is reported as ``file:line: problem`` and skipped."""
    records: dict[str, dict] = {}
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    report(f"{path}:{number}: not valid JSON ({exc.msg})")
                    continue
                if not isinstance(record, dict) or "id" not in record:
                    report(f"{path}:{number}: record has no id")
                    continue
                records[str(record["id"])] = record
        except UnicodeDecodeError:
            raise InputError("not UTF-8", where=str(path)) from None
    return records
