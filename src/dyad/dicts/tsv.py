"""Reader for dyad's data files: a '#' header naming the source, a column row, tab-separated rows.

Every row keeps ``file:line`` so that error messages and ``dyad explain`` can cite it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import DataFileError

REQUIRED_HEADER_KEYS = ("source", "licence")


@dataclass(frozen=True)
class Row:
    """One data row: values by column name, and where it came from."""

    values: dict[str, str]
    where: str  # "file.tsv:LINE"

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def get(self, column: str, default: str = "") -> str:
        value = self.values.get(column, default)
        return value if value not in ("", "-") else default


@dataclass(frozen=True)
class Table:
    path: Path
    header: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def short_name(path: Path) -> str:
    """``.../data/ru/triggers.tsv`` -> ``ru/triggers.tsv`` (what explain prints)."""
    parts = path.parts
    if "data" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("data") :])
    return path.name


def read_table(path: Path | str, required: tuple[str, ...] = (), strict_header: bool = True) -> Table:
    """Read a dyad TSV file; raise DataFileError with file:line on any malformed line."""
    path = Path(path)
    name = short_name(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError("file not found", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 ({exc.reason} at byte {exc.start})", where=str(path)) from None
    header: dict[str, str] = {}
    columns: tuple[str, ...] | None = None
    rows: list[Row] = []
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            key, sep, value = raw.lstrip("# ").partition(":")
            if sep and columns is None:
                header[key.strip().split()[-1] if key.strip() else key] = value.strip()
            continue
        fields = raw.split("\t")
        if columns is None:
            columns = tuple(f.strip() for f in fields)
            missing = [c for c in required if c not in columns]
            if missing:
                raise DataFileError(
                    f"column row lacks {', '.join(missing)} (got {', '.join(columns)})",
                    where=f"{name}:{number}",
                )
            continue
        if len(fields) > len(columns):
            raise DataFileError(
                f"expected {len(columns)} tab-separated fields, got {len(fields)}",
                where=f"{name}:{number}",
            )
        fields += [""] * (len(columns) - len(fields))
        rows.append(Row(dict(zip(columns, (f.strip() for f in fields), strict=True)), f"{name}:{number}"))
    if columns is None:
        raise DataFileError("no column row", where=name)
    if strict_header:
        for key in REQUIRED_HEADER_KEYS:
            if key not in header:
                raise DataFileError(f"header lacks '# {key}: ...'", where=name)
    return Table(path, header, columns, tuple(rows))
