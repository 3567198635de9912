"""HTML pages, RSS/Atom feeds and WARC archives read into documents; damaged ones reported."""

from __future__ import annotations

import datetime as dt
import io

from dyad.ingest.files import Document, Problem, read_documents

PAGE = """<html><head><title>Talks in Warsaw | Example News</title>
<meta property="article:published_time" content="2024-05-06T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Poland and Lithuania hold talks</h1>
<p>Poland and Lithuania held talks in Warsaw on Monday, officials said after the meeting of the two delegations.</p>
<p>The ministers discussed border security and the supply of electricity between the two countries.</p></article>
<script>document.body.innerHTML = "injected";</script><footer>Copyright Example News</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example wire</title>
<item><title>Japan protests to China</title><link>https://wire.example/1</link>
<pubDate>Fri, 17 Oct 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;Japan lodged a protest with China.&lt;/p&gt;</description></item>
<item><title>Talks resume</title><link>https://wire.example/2</link><description>Armenia and Azerbaijan resumed talks.</description></item>
</channel></rss>"""


def read(*paths, published=None):
    return list(read_documents([str(p) for p in paths], published=published))


def test_a_news_page_gives_its_article_title_and_date_not_menus_or_scripts(tmp_path):
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    (document,) = read(page)
    assert isinstance(document, Document)
    assert "held talks in Warsaw" in document.text and "innerHTML" not in document.text and "Home" not in document.text
    assert document.published == dt.date(2024, 5, 6)
    assert document.title and "Poland" in document.title or "Talks" in (document.title or "")
    empty = tmp_path / "menu.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (problem,) = read(empty)
    assert isinstance(problem, Problem) and "no article" in problem.message


def test_a_feed_gives_one_document_per_entry_and_a_non_feed_is_reported(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED, encoding="utf-8")
    first, second = read(feed, published=dt.date(2025, 10, 20))
    assert first.url == "https://wire.example/1" and first.published == dt.date(2025, 10, 17)
    assert first.text.startswith("Japan protests to China") and "<p>" not in first.text
    assert second.published == dt.date(2025, 10, 20)  # no date in the entry: the one given
    broken = tmp_path / "broken.xml"
    broken.write_text("this is not XML at all {", encoding="utf-8")
    (problem,) = read(broken)
    assert isinstance(problem, Problem) and "not an RSS or Atom feed" in problem.message


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def test_a_web_archive_gives_its_pages_and_a_truncated_one_keeps_what_it_read(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    other = PAGE.replace("Warsaw", "Vilnius").encode("utf-8")
    _warc(archive, [("https://news.example/a", "text/html; charset=utf-8", PAGE.encode("utf-8")),
                    ("https://news.example/logo.png", "image/png", b"\x89PNG" + bytes(200)),
                    ("https://news.example/b", "text/html", other)])  # fmt: skip
    found = read(archive)
    assert [d.url for d in found] == ["https://news.example/a", "https://news.example/b"]
    assert all(isinstance(d, Document) for d in found)
    cut = tmp_path / "cut.warc.gz"
    data = archive.read_bytes()
    cut.write_bytes(data[: len(data) - 300])
    items = read(cut)
    assert [d.url for d in items if isinstance(d, Document)] == ["https://news.example/a"]
    assert isinstance(items[-1], Problem) and "truncated" in items[-1].message


def test_a_file_that_is_no_archive_is_one_problem(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"GIF89a" + bytes(range(256)) * 4)
    (problem,) = read(junk)
    assert isinstance(problem, Problem) and "archive" in problem.message


def test_an_archive_cut_anywhere_keeps_the_whole_pages_and_says_it_was_cut(tmp_path):
    archive = tmp_path / "two.warc.gz"
    other = PAGE.replace("Warsaw", "Vilnius").encode("utf-8")
    _warc(archive, [("https://news.example/a", "text/html", PAGE.encode("utf-8")),
                    ("https://news.example/b", "text/html", other)])  # fmt: skip
    data = archive.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    for end in range(1, len(data), 17):
        cut.write_bytes(data[:end])
        items = read(cut)
        documents = [d.url for d in items if isinstance(d, Document)]
        assert documents == ["https://news.example/a", "https://news.example/b"][: len(documents)], end
        assert isinstance(items[-1], Problem), end  # never a silent end, never a traceback
