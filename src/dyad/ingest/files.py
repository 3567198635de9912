"""Read documents from paths: text, HTML pages, RSS/Atom feeds, WARC archives, directories, JSONL,
'-' for stdin.

Bad input never raises out of here: it yields a ``Problem`` naming the file (and line),
and the caller reports it and goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from dyad.errors import InputError
from dyad.model import Document

MAX_FILE_BYTES = 4_000_000  # a plain-text document larger than this is refused unread
MAX_LINE_BYTES = 4_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_ENDINGS = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Problem:
    """Input that could not be read: where and why (one line for a person)."""

    where: str
    message: str
    kind: str = "unreadable"  # what went wrong, as summaries count it: not-json, no-text, too-large ...

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Notice(Problem):
    """Input read with a caveat (e.g. decoded from cp1251): reported, but the document is kept."""


def read_documents(
    paths: Iterable[str], lang: str | None = None, published: dt.date | None = None
) -> Iterator[Document | Problem | Notice]:
    """Documents from every path in order; directories are read recursively, sorted by name."""
    for raw in paths:
        if raw == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(MAX_FILE_BYTES + 1), lang, published, "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield Problem(raw, "directory has no files")
            for file in files:
                yield from _from_file(file, lang, published)
        elif path.exists():
            yield from _from_file(path, lang, published)
        else:
            yield Problem(raw, "no such file or directory")


def _from_file(path: Path, lang: str | None, published: dt.date | None) -> Iterator[Document | Problem | Notice]:
    where = str(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _from_jsonl(path, lang, published)
            return
        if path.name.lower().endswith(WARC_ENDINGS):
            yield from _from_warc(path, lang, published)
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Problem(where, f"file is {size / 1e6:.1f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB a document may have; split it")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(where, f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() in FEED_SUFFIXES:
        yield from _from_feed(where, data, lang, published)
        return
    yield from _from_bytes(where, data, lang, published, path.stem, html=path.suffix.lower() in HTML_SUFFIXES)


def _from_feed(where: str, data: bytes, lang: str | None, published: dt.date | None) -> Iterator[Document | Problem]:
    from dyad.ingest.web import WebProblem, feed_documents

    if not data.strip():
        yield Problem(where, "empty file")
        return
    try:
        yield from feed_documents(data, where, lang, published)
    except WebProblem as problem:
        yield Problem(where, str(problem))


def _from_warc(path: Path, lang: str | None, published: dt.date | None) -> Iterator[Document | Problem]:
    from dyad.ingest.web import WebProblem, warc_documents

    where = str(path)
    with path.open("rb") as stream:
        try:
            yield from warc_documents(stream, where, lang, published)
        except WebProblem as problem:
            yield Problem(where, str(problem))


def _from_bytes(
    where: str, data: bytes, lang: str | None, published: dt.date | None, doc_id: str, html: bool = False
) -> Iterator[Document | Problem | Notice]:
    if len(data) > MAX_FILE_BYTES:
        yield Problem(where, f"input is larger than {MAX_FILE_BYTES / 1e6:.0f} MB; split it")
        return
    if not data.strip():
        yield Problem(where, "empty file")
        return
    if _looks_binary(data):
        yield Problem(where, "binary file, not text")
        return
    text, notice = decode_text(data)
    if text is None:
        yield Problem(where, notice)
        return
    if notice:
        yield Notice(where, notice)
    if html:
        from dyad.ingest.web import WebProblem, article_of_html

        try:
            yield article_of_html(text, where, doc_id, lang, published)
        except WebProblem as problem:
            yield Problem(where, str(problem))
        return
    yield Document(text=text, id=doc_id, lang=lang, published=published)


def _from_jsonl(path: Path, lang: str | None, published: dt.date | None) -> Iterator[Document | Problem]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            found = document_of_line(raw, f"{path}:{number}", f"{path.stem}-{number}", lang, published)
            if found is not None:
                yield found


def document_of_line(raw: bytes, where: str, default_id: str, lang: str | None = None,
                     published: dt.date | None = None) -> Document | Problem | None:
    """One JSONL line as a document (None for a blank line); ``default_id`` when it has no id.
    The local reader and the Spark job read lines through this one function."""
    if len(raw) > MAX_LINE_BYTES:
        return Problem(where, f"line is longer than {MAX_LINE_BYTES / 1e6:.0f} MB; skipped", "too-large")
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Problem(where, "line is not UTF-8", "not-utf8")
    except json.JSONDecodeError as exc:
        return Problem(where, f"not valid JSON ({exc.msg} at column {exc.colno})", "not-json")
    if not isinstance(obj, dict):
        return Problem(where, "expected a JSON object with a 'text' field", "not-json")
    if not isinstance(obj.get("text"), str):
        return Problem(where, "document has no 'text' string", "no-text")
    try:
        document = Document.from_json(obj, default_id=default_id)
    except InputError as exc:
        return Problem(where, exc.message, "bad-field")
    document.lang = document.lang or lang
    document.published = document.published or published
    return document


def decode_text(data: bytes) -> tuple[str | None, str]:
    """UTF-8 first; else cp1251 when it gives Cyrillic text. Returns (text, notice or problem)."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        utf8_error = f"not UTF-8 (invalid byte at offset {exc.start})"
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None, utf8_error + "; not cp1251 either"
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
    if letters and cyrillic / len(letters) > 0.5:
        return text, utf8_error + "; decoded as cp1251"
    return None, utf8_error + "; re-save it as UTF-8"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.1


class _TextOfHTML(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block a line (scripts and styles dropped)."""
    parser = _TextOfHTML()
    parser.feed(markup)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the paths hold, for a progress ETA: a file is one, a JSONL file one per
    non-empty line; None when it cannot be known cheaply (stdin, feeds, web archives)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if file.suffix.lower() in FEED_SUFFIXES or name.endswith(WARC_ENDINGS):
                return None
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
            else:
                total += 1
    return total
