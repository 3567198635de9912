"""Date expressions (Russian and English) -> ISO dates, resolved against the publication date.

Russian: "12 февраля [2025 года]", "в феврале 2025 года", "в 2016 году", "вчера",
"накануне", "в понедельник", "в минувшую пятницу", "на прошлой неделе", "3 дня назад",
"в прошлом году", "12.02.2025". English: "on February 12[, 2025]", "12 February", "Feb. 12",
"in February", "in 2016", "yesterday", "on Saturday", "last Friday", "last week",
"earlier this month", "last month", "three days ago", "2025-02-12". A date whose year is
not stated needs ``published``; it reads as the nearest such date, looking back (reports tell
what happened), and ``ahead`` keeps the reading on or after publication for a plan.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dyad.time.calendar import shift_months

MONTHS_GEN = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
MONTHS_LOC = {
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6,
    "июле": 7, "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip
WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
    "воскресенье": 6,
}  # fmt: skip
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "накануне": -1, "завтра": 1, "послезавтра": 2}

YEAR = r"(?P<year>(?:19|20)\d\d)\s*(?:года|году|г\.|г\b)?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")),
    (
        "day_month",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:-?го)?\s+(?P<month>" + "|".join(MONTHS_GEN) + r")(?:\s+" + YEAR + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(r"\bв\s+(?P<month>" + "|".join(MONTHS_LOC) + r")(?:\s+" + YEAR + r")?", re.IGNORECASE),
    ),
    ("year", re.compile(r"\b(?:в|с|к|до)\s+(?P<year>(?:19|20)\d\d)\s*(?:году|года|г\.)", re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<word>" + "|".join(RELATIVE_DAYS) + r")\b", re.IGNORECASE)),
    (
        "weekday",
        re.compile(
            r"\bв(?:о)?\s+(?:(?P<which>минувш(?:ий|ую|ее)|прошл(?:ый|ую|ое)|эт(?:от|у|о)|нынешн(?:ий|юю))\s+)?"
            r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b",
            re.IGNORECASE,
        ),
    ),
    ("days_ago", re.compile(r"\b(?P<n>\d{1,2})\s+(?:дня|дней|день)\s+назад\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\bна\s+(?:прошлой|минувшей)\s+неделе\b", re.IGNORECASE)),
    ("this_week", re.compile(r"\bна\s+(?:этой|текущей)\s+неделе\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\bв\s+(?:прошлом|минувшем)\s+месяце\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\bв\s+(?:прошлом|минувшем)\s+году\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\bв\s+(?:этом|текущем|нынешнем)\s+году\b", re.IGNORECASE)),
]


MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE_DAYS_EN = {"today": 0, "yesterday": -1, "tomorrow": 1}
NUMBERS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
MONTH_EN = r"(?P<month>" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
DAY_EN = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR_EN = r"(?P<year>(?:19|20)\d\d)"
PATTERNS_EN: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("month_day", re.compile(r"\b" + MONTH_EN + r"\s+" + DAY_EN + r"\b(?:,?\s+" + YEAR_EN + r"\b)?", re.IGNORECASE)),
    ("day_month", re.compile(r"\b" + DAY_EN + r"\s+(?:of\s+)?" + MONTH_EN + r"(?:,?\s+" + YEAR_EN + r"\b)?", re.IGNORECASE)),
    ("month", re.compile(r"\b(?:in|since|during|until|by|early|late|mid-?)\s+" + MONTH_EN + r"(?:,?\s+" + YEAR_EN + r")?\b", re.IGNORECASE)),
    ("month", re.compile(r"\b" + MONTH_EN + r",?\s+" + YEAR_EN + r"\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|since|during|until|by|early|late)\s+" + YEAR_EN + r"\b(?!-)", re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<word>" + "|".join(RELATIVE_DAYS_EN) + r")\b", re.IGNORECASE)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<which>last|this|next|past)\s+)?(?P<weekday>" + "|".join(WEEKDAYS_EN) + r")\b(?!\s+(?:and|or)\b)",
            re.IGNORECASE,
        ),
    ),
    ("days_ago", re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(NUMBERS_EN) + r")\s+days?\s+ago\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\b(?:last|past|previous)\s+week\b", re.IGNORECASE)),
    ("this_week", re.compile(r"\b(?:this|earlier\s+this)\s+week\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\b(?:last|past|previous)\s+month\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:earlier|later)\s+this\s+month\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\b(?:last|past|previous)\s+year\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\b(?:earlier\s+|later\s+)?this\s+year\b", re.IGNORECASE)),
]
RULES = {"ru": PATTERNS, "en": PATTERNS_EN}


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``start:end`` (offsets into the text given) and its ISO value."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when it needs a publication date
    rule: str
    ahead: str | None = None  # the reading on or after publication, where the text leaves the way open
    # ("в мае", "on Tuesday" without a year or "last"): the date of a plan ("will visit in May")


def find_dates(
    text: str, published: dt.date | None, offset: int = 0, anchor: dt.date | None = None, lang: str = "ru"
) -> list[DateMention]:
    """Date expressions in ``text``, resolved against ``published``; non-overlapping, in order.

    ``anchor``: without a publication date, a full date the text stated before; it gives a
    year to "28 февраля" or "в марте" (relative words like "накануне" still need ``published``).
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in RULES.get(lang, PATTERNS):
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            value = _resolve(rule, match, published)
            reference = published
            if value is None and published is None and anchor is not None and rule in ("day_month", "month_day", "month"):
                value, reference = _resolve(rule, match, anchor), anchor
            ahead = _ahead(rule, match, reference) if value is not None and reference is not None else None
            taken.append(span)
            found.append(DateMention(span[0] + offset, span[1] + offset, match.group(), value, rule, ahead if ahead != value else None))
    found.sort(key=lambda d: d.start)
    return found


def _resolve(rule: str, m: re.Match[str], published: dt.date | None) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if rule in ("numeric", "iso"):
        return _iso(int(groups["year"]), int(groups["month"]), int(groups["day"]))
    if rule in ("day_month", "month_day"):
        month, day = _month(groups["month"]), int(groups["day"])
        if year is None:
            if published is None:
                return None
            year = _nearest_year(published, month, day)
        return _iso(year, month, day)
    if rule == "month":
        month = _month(groups["month"])
        if year is None:
            if published is None:
                return None
            year = published.year if month <= published.month + 1 else published.year - 1
        return f"{year:04d}-{month:02d}"
    if rule == "year":
        return f"{year:04d}"
    if published is None:
        return None
    if rule == "relative_day":
        word = groups["word"].lower()
        shift = RELATIVE_DAYS[word] if word in RELATIVE_DAYS else RELATIVE_DAYS_EN[word]
        return (published + dt.timedelta(days=shift)).isoformat()
    if rule == "weekday":
        weekday = groups["weekday"].lower()
        target = WEEKDAYS[weekday] if weekday in WEEKDAYS else WEEKDAYS_EN[weekday]
        which = (groups.get("which") or "").lower()
        if which == "next":  # "next Monday": the coming one
            return (published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)).isoformat()
        back = (published.weekday() - target) % 7
        if back == 0 and which.startswith(("минувш", "прошл", "last", "past")):
            back = 7
        return (published - dt.timedelta(days=back)).isoformat()
    if rule == "days_ago":
        n = groups["n"].lower()
        return (published - dt.timedelta(days=int(NUMBERS_EN.get(n, n)))).isoformat()
    if rule in ("last_week", "this_week"):
        middle = published - dt.timedelta(days=published.weekday() - 2 + (7 if rule == "last_week" else 0))
        return f"{middle.year:04d}-{middle.month:02d}"
    if rule == "last_month":
        y, mo = shift_months(published, -1)
        return f"{y:04d}-{mo:02d}"
    if rule == "this_month":
        return f"{published.year:04d}-{published.month:02d}"
    if rule == "last_year":
        return f"{published.year - 1:04d}"
    if rule == "this_year":
        return f"{published.year:04d}"
    return None


def _ahead(rule: str, m: re.Match[str], published: dt.date) -> str | None:
    """The reading on or after ``published`` of a date whose year (or week) the text does not give:
    "в мае" the next May, "12 февраля" the next 12 February, "on Tuesday" the coming Tuesday."""
    groups = m.groupdict()
    if groups.get("year"):
        return None
    if rule in ("day_month", "month_day"):
        month, day = _month(groups["month"]), int(groups["day"])
        for year in (published.year, published.year + 1):
            found = _iso(year, month, day)
            if found and found >= published.isoformat():
                return found
        return None
    if rule == "month":
        month = _month(groups["month"])
        return f"{published.year + (month < published.month):04d}-{month:02d}"
    if rule == "weekday" and not groups.get("which"):
        weekday = groups["weekday"].lower()
        target = WEEKDAYS[weekday] if weekday in WEEKDAYS else WEEKDAYS_EN[weekday]
        return (published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)).isoformat()
    return None


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS_GEN.get(word) or MONTHS_LOC.get(word) or MONTHS_EN[word]


def _nearest_year(published: dt.date, month: int, day: int) -> int:
    """The year that puts day.month closest to ``published`` (news reports mostly look back)."""
    best = published.year
    best_distance = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        distance = (published - candidate).days
        # a date up to ~2 months ahead may be announced; further ahead it is last year's
        score = distance if distance >= 0 else -distance * 3
        if best_distance is None or score < best_distance:
            best, best_distance = year, score
    return best


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


PLANNED = frozenset({"intended", "hypothetical"})  # modalities of what may yet happen


def event_date(mention: DateMention, tokens: list, modality: str) -> tuple[str | None, str]:
    """The date ``mention`` gives an event of ``modality``, and why: a plan ("посетит Китай в мае",
    "will meet on Tuesday") takes the reading ahead of publication, unless its date hangs on a verb
    in the past ("в мае договорились провести ...": when they agreed)."""
    if modality in PLANNED and mention.ahead and not _told_in_past(tokens, mention):
        return mention.ahead, f"'{mention.text}' ({mention.rule}), ahead of publication: a plan"
    return mention.value, f"'{mention.text}' ({mention.rule})"


def _told_in_past(tokens: list, mention: DateMention) -> bool:
    """Does the date hang on a verb in the past tense (its nearest verb above it; a participle by its
    auxiliary: "were held" is past, "are scheduled" is not)?"""
    inside = [t.index for t in tokens if mention.start <= t.start < mention.end]
    if not inside:
        return False
    current = next((i for i in inside if tokens[i].head not in inside), inside[0])
    for _ in range(6):
        current = tokens[current].head
        if current < 0:
            return False
        verb = tokens[current]
        if verb.pos in ("VERB", "AUX"):
            if verb.feats.get("VerbForm") == "Part":
                auxiliaries = [t for t in tokens if t.head == current and t.rel.startswith("aux")]
                return any(a.feats.get("Tense") == "Past" for a in auxiliaries) or (not auxiliaries and verb.feats.get("Tense") == "Past")
            return verb.feats.get("Tense") == "Past"
    return False
