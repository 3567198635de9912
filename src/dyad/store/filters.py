"""The filters of ``dyad query``, ``stats`` and ``export`` and of the API's routes, checked in one place.

``make_filters`` takes the values as a person gave them and returns a ``Filters`` for the store, or
raises ``FilterError`` naming the parameter at fault: the command line reports it as a usage error
(exit code 2), the API as HTTP 400 with the message in JSON. Each interface spells the parameters
its own way (``--country-of-action``, ``country_of_action``): ``name`` turns the API's spelling
into the interface's, for the messages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dyad.errors import DyadError
from dyad.model import MODALITIES
from dyad.store.store import Filters

ACTOR_CODE = re.compile(r"[A-Z0-9-]{2,12}")  # RUS, RUSGOV, IGOUNO, ---GOV; checked after upper-casing
EVENT_CODE = re.compile(r"[0-9A-Z]{1,8}")  # a CAMEO code or its prefix (04, 036, 1041), or a user dictionary's own
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_TEXT = 200  # characters of the evidence-words filter
WITHIN_KM = (0.1, 20_000.0)
DEFAULT_WITHIN_KM = 25.0


class FilterError(DyadError):
    """A filter's value is not one dyad can use: the message says why, ``param`` which one."""

    code = "E310"

    def __init__(self, message: str, param: str):
        self.param = param
        super().__init__(message)


def _plain(param: str) -> str:
    return param


def parse_day(value: str | dt.date | None, param: str, name: Callable[[str], str] = _plain) -> dt.date | None:
    """A day given as YYYY-MM-DD (a date already parsed passes as it is)."""
    if value is None or isinstance(value, dt.date):
        return value
    if not DAY.fullmatch(value):
        raise FilterError(f"{value!r} is not a date (expected YYYY-MM-DD)", param)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{value!r} is not a day of the calendar (expected YYYY-MM-DD)", param) from None


def make_filters(start: str | dt.date | None = None, end: str | dt.date | None = None, actor: str | None = None,
                 target: str | None = None, root: str | None = None, code: str | None = None,
                 modality: str | None = None, text: str | None = None, country_of_action: str | None = None,
                 near: str | None = None, within: float | None = DEFAULT_WITHIN_KM, context: str | None = None, *,
                 name: Callable[[str], str] = _plain, notice: Callable[[str], None] | None = None) -> Filters:  # fmt: skip
    """Check every value and build the store's filters; ``notice`` hears which place ``near`` was read as."""
    from dyad.events.plover import CONTEXTS

    start, end = parse_day(start, "from", name), parse_day(end, "to", name)
    if start and end and start > end:
        raise FilterError(f"{name('from')} {start} is after {name('to')} {end}", "from")
    for param, value in (("actor", actor), ("target", target)):
        if value is not None and not ACTOR_CODE.fullmatch(value.upper()):
            raise FilterError(f"{value!r} is not an actor code or prefix (2 to 12 letters, digits or dashes: RUS, RUSGOV, IGOUNO)", param)
    if root is not None and not (len(root) == 2 and root.isdigit() and 1 <= int(root) <= 20):
        raise FilterError(f"{root!r} is not a CAMEO root (two digits, 01-20)", "root")
    if code is not None and not EVENT_CODE.fullmatch(code.upper()):
        raise FilterError(f"{code!r} is not an event code or prefix (digits: 04, 036, 1041)", "code")
    if modality is not None and modality not in MODALITIES:
        raise FilterError(f"{modality!r} is not a modality (one of: {', '.join(MODALITIES)})", "modality")
    if text is not None and not (0 < len(text.strip()) <= MAX_TEXT):
        raise FilterError(f"give 1 to {MAX_TEXT} characters of the evidence sentence", "text")
    if country_of_action is not None and not (len(country_of_action) == 3 and country_of_action.isascii() and country_of_action.isalpha()):
        raise FilterError(f"{country_of_action!r} is not an ISO 3166 alpha-3 code (UKR, RUS ...)", "country_of_action")
    if context is not None and context not in CONTEXTS:
        raise FilterError(f"{context!r} is not a PLOVER context (one of: {', '.join(CONTEXTS)})", "context")
    km = DEFAULT_WITHIN_KM if within is None else within
    if not (WITHIN_KM[0] <= km <= WITHIN_KM[1]):
        raise FilterError(f"{km:g} km is not within {WITHIN_KM[0]:g}..{WITHIN_KM[1]:g}", "within")
    point = near_point(near, km, name, notice) if near is not None else None
    return Filters(start, end, actor, target, root, code, modality, text, country_of_action, point, context)


def check_actor_codes(filters: Filters, stored: Callable[[str], bool]) -> None:
    """An actor or target code must be one dyad gives (``dyad.actors.codes``) or one some stored event
    has (a user's dictionary may bring its own): a misspelt code is an error, not an empty answer.
    ``stored`` asks the store whether an event's actor code begins with the value."""
    from dyad.actors.codes import actor_codes

    for param, value in (("actor", filters.actor), ("target", filters.target)):
        if value is not None and not actor_codes().knows(value) and not stored(value):
            raise FilterError(f"{value!r} is not an actor code dyad knows: no CAMEO country, organisation or sector code "
                              f"begins so, and no stored event has such an actor", param)  # fmt: skip


def near_point(value: str, km: float, name: Callable[[str], str] = _plain,
               notice: Callable[[str], None] | None = None) -> tuple[float, float, float]:  # fmt: skip
    """``near``: "lat,lon", or a place the gazetteer knows (its most likely reading)."""
    parts = value.split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            lat = lon = None
        if lat is not None:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise FilterError(f"{value!r}: latitude must be within -90..90 and longitude -180..180", "near")
            return lat, lon, km
    if not value.strip() or len(value) > 200:
        raise FilterError("give a place name or LAT,LON", "near")
    from dyad.geo.gazetteer import Gazetteer

    place = next((p for p in Gazetteer.default().lookup(value) if p.lat is not None), None)
    if place is None:
        raise FilterError(f"{value!r} is neither LAT,LON nor a place with coordinates in the gazetteer", "near")
    if notice:
        notice(f"{name('near')} {value}: {place.name}, {place.country} ({place.lat}, {place.lon}), within {km:g} km")
    return place.lat, place.lon, km
