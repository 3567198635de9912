"""When two reports describe the same real event: the rules the store merges by.

Two event records are one event when they have the same dyad (the same source and target
countries, or organisations by their code, as the spec's scoring compares actors: reports name
the same side as "Japan" or "the Japanese government"; in either order for the symmetric roots
03-06, "A met B" = "B met A"), the same root, the same modality (a meeting that happened and
one only planned, or an agreement and its rejection, stay apart; for the intents of root 03,
said and intended are one), and compatible times: two days (the event's own date when the text
gives a day, else the report's publication day) no more than a window apart (``WINDOW_DAYS``
unless the ingest gives another), or, when
a report dates the event only by month or year ("in January"), a day inside that period.
"""

from __future__ import annotations

import calendar
import datetime as dt

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
WINDOW_DAYS = 2  # reports of one event give its day within this many days of each other


def side(code: str | None, country: str | None) -> str:
    """An actor as dedup compares it: its country, else (an organisation, "---GOV") its code."""
    return country or code or "-"


INTENT_MODALITIES = ("asserted", "intended")  # an intent (03) said or intended is one


def modality_class(root: str, modality: str) -> str:
    """The modality as dedup compares it: an intent (03) said or intended is one."""
    return "intended" if root == "03" and modality in INTENT_MODALITIES else modality


def modalities_of(root: str, modality_class: str) -> tuple[str, ...]:
    """The stored modalities a modality class stands for (the inverse of ``modality_class``)."""
    return INTENT_MODALITIES if root == "03" and modality_class == "intended" else (modality_class,)


def pair_key(source: str | None, target: str | None, root: str) -> str:
    """The dyad as dedup compares it (give it ``side()``s): ``SRC>TGT``, sorted for symmetric roots."""
    one, other = source or "-", target or "-"
    if root in SYMMETRIC_ROOTS:
        one, other = sorted((one, other))
    return f"{one}>{other}"


def merge_group(event) -> tuple[str, str, str]:
    """The reports an event record may merge with share this: (pair key, root, modality class).
    The store and the Spark dedup both partition reports by it."""
    src, tgt = event.source, event.target
    key = pair_key(side(src.code if src else None, src.country if src else None),
                   side(tgt.code if tgt else None, tgt.country if tgt else None), event.root)  # fmt: skip
    return key, event.root, modality_class(event.root, event.modality)


def period(date: str | None, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days a record's date allows: its day; all of its month or year; else the publication day."""
    try:
        if date and len(date) == 10:
            day = dt.date.fromisoformat(date)
            return day, day
        if date and len(date) == 7:
            year, month = int(date[:4]), int(date[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if date and len(date) == 4:
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    except ValueError:
        pass
    return (published, published) if published else None


def event_day(date: str | None, published: dt.date | None) -> dt.date | None:
    """The day an event is filed under: the first day its date allows (a month's first day)."""
    span = period(date, published)
    return span[0] if span else None


def compatible(one: tuple[dt.date, dt.date] | None, other: tuple[dt.date, dt.date] | None,
               window: int = WINDOW_DAYS) -> bool:
    """Can two periods be one event's time? Two days at most ``window`` days apart; a longer period
    must hold the other. Two unknown times are compatible; one unknown is not."""
    if one is None or other is None:
        return one is None and other is None
    if one[0] == one[1] and other[0] == other[1]:
        return abs((one[0] - other[0]).days) <= window
    return one[0] <= other[1] and other[0] <= one[1]
