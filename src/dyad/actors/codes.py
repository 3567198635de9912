"""The actor codes dyad can give: every code of the bundled dictionaries, and a country's (or an
organisation's) code followed by sector codes (RUSGOV, UKRMILREB, ---GOV).

A filter uses it to tell a code that is wrong ("UK", "ZZZ") from a real one that has no events.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from dyad import data
from dyad.actors.index import ORG_PREFIXES
from dyad.dicts.tsv import read_table

UNKNOWN_COUNTRY = "---"  # CAMEO's country of an actor whose country is not known (---GOV)
SECTOR_LENGTH = 3


class ActorCodes:
    """Whole codes of the dictionaries, the heads a code may start with, and the sector codes that
    may follow a head."""

    def __init__(self, codes: set[str], heads: set[str], sectors: set[str]) -> None:
        self._codes = sorted(codes | heads)
        self._heads = heads
        self._sectors = sectors

    def knows(self, value: str) -> bool:
        """Whether ``value`` is a code or the beginning of one (RU, RUS, RUSG, RUSGOV, IGOUNO)."""
        value = value.upper()
        if not value:
            return False
        at = bisect_left(self._codes, value)
        if at < len(self._codes) and self._codes[at].startswith(value):
            return True
        head, rest = value[:SECTOR_LENGTH], value[SECTOR_LENGTH:]
        if head not in self._heads:
            return False
        while len(rest) >= SECTOR_LENGTH:
            if rest[:SECTOR_LENGTH] not in self._sectors:
                return False
            rest = rest[SECTOR_LENGTH:]
        return not rest or any(sector.startswith(rest) for sector in self._sectors)


@lru_cache(maxsize=1)
def actor_codes() -> ActorCodes:
    """The codes of the bundled dictionaries (read once: about 0.2 s)."""
    codes: set[str] = set()
    for path in (data.CAMEO_COUNTRY_CODES, data.CAMEO_REGION_CODES, data.RU_ACTORS, data.RU_ORGANISATIONS, data.PHOENIX_ACTORS, data.OFFICE_HOLDERS):
        codes |= {row["code"].upper() for row in read_table(path) if row.get("code")}
    heads = {code for code in codes if len(code) == SECTOR_LENGTH and code.isalpha()}
    heads |= {UNKNOWN_COUNTRY} | {prefix for prefix in ORG_PREFIXES if len(prefix) == SECTOR_LENGTH}
    sectors = {row["sector"].upper() for row in read_table(data.RU_AGENTS) if row.get("sector")}
    for path in (data.EN_AGENTS, data.EN_AGENTS_DYAD):
        for row in read_table(path):
            code = row.get("code").upper()  # one sector or several: GOV, GOVMED
            if len(code) % SECTOR_LENGTH == 0:
                sectors |= {code[i : i + SECTOR_LENGTH] for i in range(0, len(code), SECTOR_LENGTH)}
    return ActorCodes(codes, heads, sectors)
