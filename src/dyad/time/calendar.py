"""Small date helpers shared by the date resolver and the readers."""

from __future__ import annotations

import datetime as dt

from dyad.errors import InputError


def parse_iso_date(value: str) -> dt.date:
    """``"2025-02-16"`` -> date; a clear error for anything else (also accepts a datetime prefix)."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"'published' is not a date: {value!r} (expected YYYY-MM-DD)") from None


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1
