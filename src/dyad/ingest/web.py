"""Documents from the web's formats: HTML pages (trafilatura), RSS/Atom feeds (feedparser),
WARC web archives (warcio).

Each reader yields ``Document``s and ``Problem``s, never raises: a page with no article, a feed
that is not XML, an archive cut short are each one line naming the input, and what could be
read before the damage is kept.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator

from dyad.ingest.files import Problem, html_to_text
from dyad.model import Document

MAX_RECORD_BYTES = 4_000_000  # a WARC response larger than this is skipped (no news page is)
MIN_ARTICLE_WORDS = 8  # less than this is a menu, a login or an error page, not an article


class WebProblem(Exception):
    """Raised inside a reader for a problem of one input; turned into a ``Problem`` by the caller."""


def article_of_html(markup: str, where: str, doc_id: str, lang: str | None, published: dt.date | None, url: str | None = None):
    """The main text of a news page, its title and its publication date from the page's metadata
    (not guessed from its words: ``extensive_search`` off). Raises ``WebProblem`` for a page with no article."""
    import trafilatura

    found = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )  # fmt: skip
    text = (found.text if found is not None else "") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise WebProblem("HTML page with no article text")
    day = _iso_day(found.date) if found.date else None
    title = found.title or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of what the page says
    return Document(text=text, id=doc_id, lang=lang, published=day or published, title=title, url=url or found.url or None)


def feed_documents(data: bytes, where: str, lang: str | None, published: dt.date | None) -> Iterator[Document]:
    """One document per feed entry: title, summary or content (markup removed), link, date."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise WebProblem(f"not an RSS or Atom feed, or a feed with no entries{reason}")
    for number, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry.content)
        body = html_to_text(body or entry.get("summary", "") or "")
        title = html_to_text(entry.get("title", "") or "") or None
        text = "\n\n".join(part for part in (title, body) if part)
        if not text.strip():
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = dt.date(*stamp[:3]) if stamp else published
        yield Document(text=text, id=str(entry.get("id") or entry.get("link") or f"{where}#{number}"), lang=lang,
                       published=day, title=title, url=entry.get("link") or None)  # fmt: skip


def warc_documents(stream, where: str, lang: str | None, published: dt.date | None) -> Iterator[Document | Problem]:
    """The HTML pages of a WARC (or WARC.gz) archive's responses, with their URLs, and a problem for
    each page that cannot be read; a damaged or truncated archive stops with ``WebProblem`` after
    the pages read so far."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = records = 0
    checked = _WholeMembers(stream)
    try:
        for record in ArchiveIterator(checked):
            records += 1
            if record.rec_type is None:
                raise WebProblem(f"damaged archive: a record without a WARC type after {count} responses")
            if record.rec_type != "response":
                continue
            count += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            status = record.http_headers.get_statuscode() if record.http_headers else None
            kind = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            wanted = status == "200" and "html" in kind.lower()
            content = record.content_stream()
            body = content.read(MAX_RECORD_BYTES + 1) if wanted else b""
            if not wanted:
                while content.read(1 << 16):  # read through: a record cut short shows only at its end
                    pass
            elif len(body) > MAX_RECORD_BYTES:
                yield Problem(f"{where}: {url}", "page larger than 4 MB: skipped")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its stated length
                raise WebProblem(f"truncated archive: the response for {url} is cut short, after {count - 1} responses")
            if not wanted:
                continue
            try:
                yield article_of_html(_decode(body, kind), where, url or f"{where}#{count}", lang, published, url=url)
            except WebProblem as problem:
                yield Problem(f"{where}: {url}", str(problem))
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError, TypeError) as error:
        # warcio fails with AttributeError or TypeError on a record whose headers are cut off
        raise WebProblem(f"damaged or truncated archive after {count} responses ({type(error).__name__}: {error})") from None
    if checked.cut:
        raise WebProblem(f"truncated archive: it ends inside a compressed record, after {count} responses")
    if not records:
        raise WebProblem("not a WARC archive: no records in it")


class _WholeMembers:
    """The archive's bytes as warcio reads them, checked on the way: a gzip archive must end with
    a whole member, else the last records were cut off (warcio alone stops there silently)."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.position = 0
        self.gzip: bool | None = None  # known from the first bytes
        self.member = None  # the decompressor of the member being read

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.position += len(data)
        if self.gzip is None and data:
            self.gzip = data[:2] == b"\x1f\x8b"
        if self.gzip:
            self._check(data)
        return data

    def tell(self) -> int:
        return self.position

    def _check(self, data: bytes) -> None:
        while data:
            if self.member is None:
                self.member = zlib.decompressobj(wbits=31)
            try:
                self.member.decompress(data, 1 << 20)  # the text is warcio's to read: this only follows the members
                while self.member.unconsumed_tail and not self.member.eof:
                    self.member.decompress(self.member.unconsumed_tail, 1 << 20)
            except zlib.error:
                self.gzip = False  # not gzip after all (or damaged): warcio reports what it finds
                return
            if not self.member.eof:
                return
            data = self.member.unused_data
            self.member = None

    @property
    def cut(self) -> bool:
        return bool(self.gzip) and self.member is not None


def _decode(body: bytes, content_type: str) -> str:
    charset = "utf-8"
    for part in content_type.split(";"):
        if part.strip().lower().startswith("charset="):
            charset = part.split("=", 1)[1].strip().strip('"') or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
