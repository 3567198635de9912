"""``dyad bench``: dyad's coding rate beside the parser alone on the same corpus, same run.

Russian: beside natasha's full pipeline; English (``--lang en``): beside spaCy's small
English pipeline run on each article in turn (tagger, parser, NER, lemmas).

Rates are per core (one process, one thread); speed is reported as a ratio to the baseline
because machines are shared and noisy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from dyad.model import Document


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """Resident memory now (Linux ``/proc``; the peak where that is not there)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def sample_documents(lang: str = "ru") -> list[Document]:
    """The bundled sample articles of a language (the project's own texts)."""
    text = resources.files("dyad.samples").joinpath(f"{lang}.jsonl").read_text(encoding="utf-8")
    return [Document.from_json(json.loads(line)) for line in text.splitlines() if line.strip()]


def corpus(path: Path | None, count: int, lang: str = "ru") -> list[Document]:
    """``count`` documents of ``lang``: from a JSONL file, or cycled from the bundled samples."""
    if path is not None:
        base = [Document.from_json(json.loads(line), default_id=str(i)) for i, line in enumerate(path.open(encoding="utf-8")) if line.strip()]
        base = [d for d in base if d.lang in (None, lang)]
    else:
        base = [d for d in sample_documents(lang) if d.lang in (None, lang)]
    if not base:
        raise SystemExit(f"dyad bench: the corpus has no documents in '{lang}'")
    docs = []
    for i in range(count):
        source = base[i % len(base)]
        docs.append(Document(text=source.text, id=f"{source.id}#{i}", lang=lang, published=source.published))
    return docs


def run_bench(path: Path | None, count: int, baseline: bool, lang: str = "ru") -> str:
    _one_core()
    docs = corpus(path, count, lang)
    chars = sum(len(d.text) for d in docs) / len(docs)
    gazetteer = _gazetteer_load()
    started = time.perf_counter()
    from dyad.pipeline import Engine

    engine = Engine()
    if lang == "en":
        engine.english  # noqa: B018 - the English models load with the engine here: warm-up counts them
    warmup = time.perf_counter() - started
    engine.code_many(docs[:4])  # generator: not run; a real warm call follows
    list(engine.code_many(docs[:4]))
    engine.timings.seconds.clear()
    started = time.perf_counter()
    events = sentences = parsed = 0
    for coded in engine.code_many(docs):
        events += len(coded.events)
        sentences += len(coded.sentences)
        parsed += sum(1 for s in coded.sentences if s.parsed)
    elapsed = time.perf_counter() - started
    rss = peak_rss_mb()
    lines = [
        f"corpus: {len(docs)} documents, {chars:,.0f} characters on average ({'file ' + str(path) if path else 'bundled samples, cycled'})",
        f"dyad:    {len(docs) / elapsed:7.1f} articles/s  {sentences / elapsed:8.1f} sentences/s  one core"
        f"  (events {events}, sentences parsed {parsed}/{sentences} = {parsed / max(sentences, 1):.0%})",
        f"warm-up: {warmup:.2f} s (models and dictionaries)   peak RSS: {rss:,.0f} MB",
        _places_line(gazetteer, engine.timings.seconds),
        "stages:  " + "  ".join(f"{k} {v / len(docs) * 1000:.1f} ms" for k, v in sorted(engine.timings.seconds.items(), key=lambda kv: -kv[1])) + "  (per article)",
    ]
    if baseline and lang == "en":
        rate = spacy_rate(docs[: min(len(docs), 100)])
        lines.append(f"spaCy:   {rate:7.1f} articles/s  (en_core_web_sm, full pipeline on each article in turn, one core, same corpus)")
        lines.append(f"ratio:   dyad / spaCy = {len(docs) / elapsed / rate:.2f}")
    elif baseline:
        rate = natasha_rate(docs[: min(len(docs), 100)])
        lines.append(f"natasha: {rate:7.1f} articles/s  (segment + morph + syntax + NER + lemmas, one core, same corpus)")
        lines.append(f"ratio:   dyad / natasha = {len(docs) / elapsed / rate:.2f}")
    return "\n".join(lines)


def _gazetteer_load() -> tuple[float, float, bool]:
    """Seconds and resident megabytes the embedded gazetteer takes to load, and whether it was read
    from the cache (the engine then finds it loaded)."""
    from dyad.geo.gazetteer import Gazetteer, cache_path

    cached = cache_path().exists()
    before, started = current_rss_mb(), time.perf_counter()
    Gazetteer.default()
    return time.perf_counter() - started, current_rss_mb() - before, cached


def _places_line(gazetteer: tuple[float, float, bool], seconds: dict[str, float]) -> str:
    load, megabytes, cached = gazetteer
    total = sum(seconds.values()) or 1.0
    return (f"places:  gazetteer loaded in {load:.2f} s, {megabytes:,.0f} MB ({'read from the cache' if cached else 'built, then cached'});"
            f" geocoding {seconds.get('geo', 0) / total:.1%} and PLOVER {seconds.get('plover', 0) / total:.1%} of the coding time")  # fmt: skip


def spacy_rate(docs: list[Document]) -> float:
    """Articles/s of spaCy's small English pipeline, every component, one article at a time."""
    import spacy

    from dyad.lang.en.parse import MODEL

    nlp = spacy.load(MODEL)
    for document in docs[:3]:
        nlp(document.text)
    started = time.perf_counter()
    for document in docs:
        nlp(document.text)
    return len(docs) / (time.perf_counter() - started)


def natasha_rate(docs: list[Document]) -> float:
    """Articles/s of natasha's full pipeline on the same documents (the baseline)."""
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    tagger, parser, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)

    def run(document: Document) -> None:
        doc = Doc(document.text)
        doc.segment(segmenter)
        doc.tag_morph(tagger)
        doc.parse_syntax(parser)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(vocab)

    for document in docs[:3]:
        run(document)
    started = time.perf_counter()
    for document in docs:
        run(document)
    return len(docs) / (time.perf_counter() - started)


def distinct_samples(first: int, last: int) -> Iterator[Document]:
    """Documents ``first`` to ``last`` of an endless corpus: the bundled samples of both languages,
    cycled, each made a distinct document (its own id, URL and last line) with the same events."""
    base = sample_documents("ru") + sample_documents("en")
    for i in range(first, last):
        d = base[i % len(base)]
        yield Document(text=f"{d.text}\n\nReport {i}.", id=f"{d.id}#{i}", lang=d.lang, published=d.published, url=f"{d.url or 'doc'}#{i}")


def run_store_bench(db: str | None, count: int, batch: int = 200, block: int = 1000) -> str:
    """Ingest throughput beside coding alone, same documents, same run: storage must not be the
    bottleneck. Documents are the bundled samples of both languages, cycled, each made a distinct
    document (so nothing is skipped as already stored) while its events stay the same: every
    cycle after the first reports the same events again, which the store merges.

    The corpus goes in blocks of ``block`` documents, each coded alone and ingested in turn (the
    order alternating), so that load from other processes on a shared machine falls on both
    sides of the ratio alike; documents are made as they are needed and the resident memory is
    read after every block, to show whether it stays flat as the store grows."""
    from dyad.pipeline import Engine
    from dyad.store import IngestCounts

    _one_core()
    base = sample_documents("ru") + sample_documents("en")
    documents = distinct_samples
    engine = Engine()
    list(engine.code_many(base[:2] + [d for d in base if d.lang == "en"][:2]))  # models loaded, warm
    def timed(run, first: int, last: int) -> float:
        started = time.perf_counter()
        run(documents(first, last))
        return time.perf_counter() - started

    def code(items: Iterator[Document]) -> None:
        for _ in engine.code_many(items):
            pass

    coding = ingest = 0.0
    resident: list[float] = []
    with _bench_store(db) as store:
        counts = IngestCounts()

        def ingest_block(items: Iterator[Document]) -> None:
            store.ingest(engine.code_many(store.new_documents(items, counts)), counts, batch)

        for n, first in enumerate(range(0, count, block)):
            last = min(first + block, count)
            if n % 2:
                ingest += timed(ingest_block, first, last)
                coding += timed(code, first, last)
            else:
                coding += timed(code, first, last)
                ingest += timed(ingest_block, first, last)
            resident.append(current_rss_mb())
        totals = store.counts()
        backend = store.engine.dialect.name
    middle = resident[len(resident) // 2]
    return "\n".join([
        f"corpus: {count:,} documents (the bundled samples of both languages, cycled, each a distinct document), "
        f"blocks of {block:,} coded alone and ingested in turn, batches of {batch}",
        f"coding alone:  {count / coding:7.1f} articles/s",
        f"ingest ({backend}): {count / ingest:7.1f} articles/s  ({counts.documents:,} documents, {counts.mentions:,} reports, "
        f"{totals['events']:,} events after merging)",
        f"ratio:   ingest / coding = {coding / ingest:.2f}",
        f"memory:  resident {resident[0]:,.0f} MB after the first block, {middle:,.0f} MB at the middle, "
        f"{resident[-1]:,.0f} MB at the end (peak {peak_rss_mb():,.0f} MB)",
    ])  # fmt: skip


def run_query_bench(db: str | None, count: int, repeats: int = 20) -> str:
    """Time ``dyad query`` for one dyad over one year in a store of ``count`` generated events (with a
    report each), as analysts ask it; p50 and p95 over ``repeats`` different dyads and years."""
    with _bench_store(db) as store:
        return _query_bench(store, count, repeats)


COUNTRIES = ["RUS", "USA", "CHN", "UKR", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "IND", "JPN", "POL", "BLR", "KAZ",
             "ARM", "AZE", "GEO", "SYR", "EGY", "SAU", "PAK", "AFG", "KOR", "PRK", "BRA", "MEX", "CAN", "ITA", "ESP"]  # fmt: skip


def fill_generated(store, count: int, rng) -> float:
    """Fill a store to ``count`` generated events with a report each (dyads of ``COUNTRIES`` with a
    sector or none, every root, days of 2015-2024); returns the seconds it took (none when full)."""
    from sqlalchemy import func, select

    from dyad.store.schema import documents, events, mentions

    sectors = ["", "GOV", "MIL", "OPP", "BUS"]
    roots = [f"{r:02d}" for r in range(1, 21)]
    with store.engine.connect() as connection:
        have = connection.execute(select(func.count()).select_from(events)).scalar_one()
    started = time.perf_counter()
    if have < count:
        with store.engine.begin() as connection:
            document_id = connection.execute(documents.insert().values(
                doc_id="bench", text_hash=f"bench-{time.time()}", source="bench.example", text="Generated.", n_events=0,
                ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))).inserted_primary_key[0]  # fmt: skip
        day0 = dt.date(2015, 1, 1)
        for start in range(have, count, 20000):
            rows = []
            for _ in range(min(20000, count - start)):
                a, b = rng.sample(COUNTRIES, 2)
                sa, sb = rng.choice(sectors), rng.choice(sectors)
                root = rng.choice(roots)
                day = day0 + dt.timedelta(days=rng.randrange(0, 3650))
                rows.append({"day": day, "date": day.isoformat(), "date_from": "text", "source_code": a + sa, "source_country": a,
                             "target_code": b + sb, "target_country": b, "code": root + "0", "root": root, "quad_class": 1,
                             "goldstein": 1.0, "plover": None, "modality": "asserted", "pair_key": f"{a}>{b}", "num_mentions": 1,
                             "num_articles": 1, "num_sources": 1, "first_reported": day, "first_document": document_id})  # fmt: skip
            with store.engine.begin() as connection:
                last = connection.execute(select(func.coalesce(func.max(events.c.id), 0))).scalar_one()
                connection.execute(events.insert(), rows)
                added = connection.execute(select(events.c.id, events.c.code, events.c.date).where(events.c.id > last))
                connection.execute(mentions.insert(), [
                    {"event_id": event_id, "document_id": document_id, "source": "bench.example", "code": code,
                     "date": date, "date_from": "text", "modality": "asserted", "evidence_start": 0, "evidence_end": 10,
                     "evidence_text": "Generated.", "trigger": "x", "attribution": None, "record": "{}"}
                    for event_id, code, date in added])  # fmt: skip
    return time.perf_counter() - started


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _query_bench(store, count: int, repeats: int) -> str:
    import random
    import statistics

    from dyad.store.store import Filters

    rng = random.Random(7)
    filled = fill_generated(store, count, rng)
    times, sizes = [], []
    for _ in range(repeats):
        a, b = rng.sample(COUNTRIES, 2)
        year = rng.randrange(2015, 2025)
        filters = Filters(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), actor=a, target=b)
        begun = time.perf_counter()
        sizes.append(len(store.query(filters)))
        times.append((time.perf_counter() - begun) * 1000)
    backend = store.engine.dialect.name
    return "\n".join([
        f"store ({backend}): {count:,} events with a report each (filled in {filled:.0f} s)",
        f"query one dyad over one year: p50 {statistics.median(times):.1f} ms, p95 {_percentile(times, 0.95):.1f} ms over {repeats} dyads "
        f"({statistics.mean(sizes):.0f} events returned on average, each with its reports)",
    ])  # fmt: skip


def run_api_bench(db: str | None, count: int, clients: int = 4, requests: int = 200) -> str:
    """The API under a bounded local load: a store filled to ``count`` generated events, the real
    server (uvicorn in a thread of this process, on a free localhost port), and ``clients`` threads
    sending ``requests`` requests to each route in turn (``/events`` then ``/timeline``, each for one
    dyad over one year, the dyads and years varied); p50 and p95 latency per route and requests/s."""
    import random
    import statistics
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from dyad.api import create_app
    from dyad.api.server import running

    rng = random.Random(11)
    with _bench_store(db) as store:
        filled = fill_generated(store, count, rng)
        backend = store.engine.dialect.name
        plans = {}
        for route, extra in (("/events", {"limit": "50"}), ("/timeline", {"interval": "month"})):
            plans[route] = []
            for _ in range(requests):
                a, b = rng.sample(COUNTRIES, 2)
                year = rng.randrange(2015, 2025)
                plans[route].append({"actor": a, "target": b, "from": f"{year}-01-01", "to": f"{year}-12-31", **extra})
        local = threading.local()
        lines = [f"store ({backend}): {count:,} events with a report each (filled in {filled:.0f} s)",
                 f"server: uvicorn in a thread of this process; {clients} client threads (httpx) in the same process, "
                 f"{requests} requests a route, one dyad over one year each"]  # fmt: skip
        with running(create_app(store)) as base:
            def send(route: str, params: dict) -> tuple[float, int, int]:
                if not hasattr(local, "client"):
                    local.client = httpx.Client(base_url=base, timeout=60)
                begun = time.perf_counter()
                response = local.client.get(route, params=params)
                elapsed = (time.perf_counter() - begun) * 1000
                size = len(response.json().get("events" if route == "/events" else "periods", [])) if response.status_code == 200 else 0
                return elapsed, response.status_code, size

            with ThreadPoolExecutor(clients) as pool:
                list(pool.map(lambda p: send("/events", p), plans["/events"][:clients]))  # connections open, caches warm
                for route, plan in plans.items():
                    begun = time.perf_counter()
                    results = list(pool.map(lambda p, r=route: send(r, p), plan))
                    wall = time.perf_counter() - begun
                    times = [t for t, _, _ in results]
                    failed = sum(1 for _, status, _ in results if status != 200)
                    what = "events a page" if route == "/events" else "months with events"
                    lines.append(f"{route:<10} p50 {statistics.median(times):6.1f} ms  p95 {_percentile(times, 0.95):6.1f} ms  "
                                 f"{len(plan) / wall:6.1f} requests/s  ({statistics.mean(s for _, _, s in results):.0f} {what} on average"
                                 f"{f'; {failed} failed' if failed else ''})")  # fmt: skip
        lines.append(_first_render(store.url))  # while the store (a temporary file by default) is there
    return "\n".join(lines)


def _first_render(url: str, loads: int = 5) -> str:
    """The dashboard's first render in chromium (Playwright): from asking for the page until every
    view of the overview is drawn (timeline, graph, map, table), over ``loads`` fresh pages. The
    server is ``dyad serve`` in a process of its own, as a user runs it (in this process it would
    share the interpreter with Playwright's client)."""
    import statistics
    import subprocess
    import sys

    from dyad.api.browser import CHROMIUM_ARGS, find_chromium

    executable = find_chromium()
    if executable is None:
        return "dashboard first render: not measured (needs chromium and playwright: apt-get install chromium)"
    server = subprocess.Popen([sys.executable, "-c", "from dyad.cli import main; main()", "serve", "--db", url, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = server.stdout.readline()
        if " at http" not in line:
            return f"dashboard first render: not measured (dyad serve did not start: {line.strip() or server.poll()})"
        base = line.split(" at ", 1)[1].split()[0]
        times = _renders(executable, CHROMIUM_ARGS, base, loads + 1)[1:]  # the first warms the caches
    finally:
        server.terminate()
        server.wait(30)
    return (f"dashboard first render (chromium, every event; dyad serve in its own process): "
            f"p50 {statistics.median(times):.2f} s, slowest {max(times):.2f} s over {loads} loads")


def _renders(executable: str, args: list[str], base: str, loads: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        try:
            for _ in range(loads):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                begun = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_selector("body[data-rendered]", state="attached", timeout=120_000)
                times.append(time.perf_counter() - begun)
                page.close()
        finally:
            browser.close()
    return times


def _one_core() -> None:
    """One thread for the numeric libraries: the rates are per core."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")


@contextmanager
def _bench_store(db: str | None) -> Iterator:
    """The store to time: the given database, else a temporary SQLite file removed afterwards."""
    import tempfile

    from dyad.store import Store

    if db is not None:
        yield Store(db)
        return
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            yield store
        finally:
            store.engine.dispose()


def run_spark_bench(count: int, baseline_docs: int = 400) -> str:
    """``dyad spark run`` on ``count`` generated documents with local[1] and local[2], beside the
    single-process engine on the same kind of documents in the same run: the scaling from one
    core to two, and what Spark costs a core. Each Spark run is timed after a warm-up job has
    loaded the engine in every Python worker (a cluster pays that once per executor, not per job);
    memory is the peak of dyad's process with its JVM and Python workers, sampled every 0.2 s."""
    import tempfile
    import threading

    from dyad.pipeline import Engine
    from dyad.spark.jobs import run, session

    _one_core()
    with tempfile.TemporaryDirectory(prefix="dyad-spark-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for document in distinct_samples(0, count):
                handle.write(json.dumps(_document_json(document), ensure_ascii=False) + "\n")
        warm = Path(folder) / "warm.jsonl"
        warm.write_text("".join(json.dumps(_document_json(d), ensure_ascii=False) + "\n" for d in distinct_samples(0, 8)), encoding="utf-8")

        engine = Engine()
        sample = list(distinct_samples(0, min(count, baseline_docs)))
        list(engine.code_many(sample[:4]))
        started = time.perf_counter()
        events = sum(len(coded.events) for coded in engine.code_many(sample))
        single = len(sample) / (time.perf_counter() - started)
        del engine

        rates: dict[int, float] = {}
        peaks: dict[int, float] = {}
        found: dict[int, int] = {}
        for cores in (1, 2):
            spark = session(f"local[{cores}]", app=f"dyad-bench-{cores}")
            try:
                run(spark, [str(warm)], f"{folder}/warm-{cores}", partitions=cores * 2)
                peak = [0.0]
                stop = threading.Event()

                def sample_memory(peak=peak, stop=stop) -> None:
                    while not stop.wait(0.2):
                        peak[0] = max(peak[0], tree_rss_mb(os.getpid()))

                watcher = threading.Thread(target=sample_memory, daemon=True)
                watcher.start()
                started = time.perf_counter()
                summary = run(spark, [str(corpus)], f"{folder}/out-{cores}", partitions=cores * 4)
                rates[cores] = summary.coded / (time.perf_counter() - started)
                stop.set()
                watcher.join()
                peaks[cores], found[cores] = peak[0], summary.events
            finally:
                spark.stop()
    per_report = events / len(sample) * count
    return "\n".join([
        f"corpus: {count:,} generated documents (the bundled samples of both languages, cycled, each a distinct document)",
        f"engine:   {single:7.1f} articles/s  one process, one core ({len(sample)} of the documents, {events} events)",
        f"local[1]: {rates[1]:7.1f} articles/s  dyad spark run, JSONL in, Parquet out ({found[1]:,} events)   peak memory {peaks[1]:,.0f} MB (driver, JVM, worker)",
        f"local[2]: {rates[2]:7.1f} articles/s  ({found[2]:,} events)   peak memory {peaks[2]:,.0f} MB (driver, JVM, 2 workers)",
        f"ratio:    local[2] / local[1] = {rates[2] / rates[1]:.2f}  (near-linear: >= 1.7)",
        f"ratio:    local[1] / engine   = {rates[1] / single:.2f}  (per core, Spark's cost: >= 0.80)",
        f"events:   {'the same count in both runs' if found[1] == found[2] else 'COUNTS DIFFER'}; "
        f"{found[1] / max(per_report, 1):.2f} of the engine's rate of events per document",
    ])  # fmt: skip


def _document_json(document: Document) -> dict:
    return {"id": document.id, "lang": document.lang, "url": document.url, "text": document.text,
            "published": document.published.isoformat() if document.published else None}  # fmt: skip


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux ``/proc``), in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(current, ()))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20
