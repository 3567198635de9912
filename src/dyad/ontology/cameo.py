"""CAMEO event codes: names, Goldstein values, roots, quad classes, PLOVER types (from data/common)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dyad.data import CAMEO_COUNTRY_CODES, CAMEO_EVENT_CODES, PLOVER_MAP
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    root: str
    quad_class: int
    plover: str | None


class Cameo:
    """The CAMEO code table; ``cameo["041"].goldstein`` and ``cameo.is_code("041")``."""

    def __init__(self) -> None:
        plover_rows = [(r["prefix"], r.get("plover") or None) for r in read_table(PLOVER_MAP)]
        plover_rows.sort(key=lambda pr: -len(pr[0]))
        self._codes: dict[str, CameoCode] = {}
        for row in read_table(CAMEO_EVENT_CODES, required=("code", "name", "goldstein", "root")):
            code = row["code"]
            value = row.get("goldstein") or row.get("goldstein_icews")
            plover = next((p for prefix, p in plover_rows if code.startswith(prefix)), None)
            self._codes[code] = CameoCode(
                code=code,
                name=row["name"],
                goldstein=float(value) if value else None,
                root=row["root"],
                quad_class=int(row["quad_class"]),
                plover=plover,
            )
        self.countries = frozenset(r["code"] for r in read_table(CAMEO_COUNTRY_CODES))

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def check(self, code: str, where: str) -> CameoCode:
        """Return the code's entry or raise a DataFileError naming the place that used it."""
        if code not in self._codes:
            raise DataFileError(f"unknown CAMEO event code '{code}'", where=where)
        return self._codes[code]

    def codes(self) -> list[str]:
        return sorted(self._codes)

    def about(self, code: str, content: str) -> str:
        """The code of an appeal, demand or intent (02, 10, 03) made specific by what it is about:
        an appeal to ease a state of emergency (content 0814) is 0251, a demand to release prisoners
        (0841) 1053, an agreement to a ceasefire (0871) 0356. CAMEO orders the sub-codes of these
        roots alike: 1 material cooperation (061-064), 2 diplomatic cooperation (05), 3 aid (071-074),
        5 yielding (081, 082, 084, 085, 086, 087), 6 meeting (04). Cooperation of no stated kind
        (content 050, the plain "сотрудничество") makes nothing specific: an agreement to cooperate is 030.
        Returns ``code`` when nothing fits."""
        if code[:2] not in ("02", "10", "03") or len(code) != 3 or not code.endswith("0"):
            return code
        root, detail = content[:2], content[2:3]
        if root == "06":
            wanted = [code[:2] + "1" + detail, code[:2] + "1"]
        elif root == "05":
            if content == "050":
                return code
            wanted = [code[:2] + "2"]
        elif root == "07":
            wanted = [code[:2] + "3" + detail, code[:2] + "3"]
        elif root == "08":
            yielded = {"1": "1", "2": "2", "4": "3", "5": "4", "6": "5", "7": "6"}.get(detail, "")
            wanted = [code[:2] + "5" + yielded, code[:2] + "5"]
        elif root == "04":
            wanted = [code[:2] + "6"]
        else:
            return code
        return next((c for c in wanted if len(c) >= 3 and c in self._codes and c != code), code)


@cache
def load_cameo() -> Cameo:
    """The CAMEO table, read once per process."""
    return Cameo()
