"""The dyad command: one verb per job (code, explain, eval, bench), each thin over a function."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from dyad.errors import DyadError
from dyad.ingest.files import Notice, Problem, count_documents, read_documents
from dyad.model import CodedDocument, Document

log = logging.getLogger("dyad")


class Run:
    """Counts problems while a command goes on; the exit code says whether anything was skipped."""

    def __init__(self) -> None:
        self.problems = 0

    def problem(self, message: str) -> None:
        self.problems += 1
        click.echo(f"dyad: error: {message}", err=True)

    def notice(self, message: str) -> None:
        click.echo(f"dyad: note: {message}", err=True)

    def documents(self, paths: tuple[str, ...], lang: str | None, published: dt.date | None) -> Iterator[Document]:
        for item in read_documents(paths, lang, published):
            if isinstance(item, Notice):
                self.notice(str(item))
            elif isinstance(item, Problem):
                self.problem(str(item))
            else:
                yield item

    def coded(self, engine, documents) -> Iterator[CodedDocument]:
        reported = 0
        for coded in engine.code_many(documents):
            reported = self.dictionary_problems(engine, reported)
            for note in coded.notices:
                self.notice(f"{coded.document.id or '<document>'}: {note}")
            if coded.skipped:
                where = coded.document.id or "<document>"
                if coded.skipped.startswith("unsupported language"):
                    self.notice(f"{where}: skipped: {coded.skipped}")
                else:
                    self.problem(f"{where}: skipped: {coded.skipped}")
            yield coded


    def dictionary_problems(self, engine, reported: int = 0) -> int:
        """Report (once) the lines a user's dictionary had wrong: file:line and the problem."""
        problems = engine.dictionary_problems()
        for problem in problems[reported:]:
            self.notice(f"dictionary line {'kept' if problem.kept else 'skipped'}: {problem}")
        return len(problems)


def parse_published(_ctx, _param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def input_options(func):
    func = click.option("--published", callback=parse_published, metavar="YYYY-MM-DD",
                        help="Publication date for documents that do not give one (anchors relative dates).")(func)  # fmt: skip
    func = click.option("--lang", type=click.Choice(["ru", "en"]), default=None,
                        help="Language of the documents (detected per document when not given).")(func)  # fmt: skip
    func = click.argument("inputs", nargs=-1, required=True)(func)
    return func


def dictionary_options(func):
    func = click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Places of your own (TSV: name, names, country, feature, lat, lon[, geonameid, adm1]), "
                             "looked up before the embedded gazetteer (repeatable).")(func)  # fmt: skip
    for name, what in (("verbs", "verb patterns"), ("agents", "agents"), ("actors", "actors")):
        func = click.option(f"--{name}", multiple=True, type=click.Path(exists=True, dir_okay=False),
                            help=f"A dictionary of {what} in PETRARCH's text format, loaded on top of the bundled one (repeatable).")(func)  # fmt: skip
    return func


def load_engine(actors=(), agents=(), verbs=(), gazetteers=()):
    from dyad.config import Config
    from dyad.pipeline import Engine

    engine = Engine(Config(user_actors=tuple(actors), user_agents=tuple(agents), user_verbs=tuple(verbs),
                           user_gazetteers=tuple(gazetteers)))  # fmt: skip
    if actors or agents or verbs:
        engine.english  # noqa: B018 - load users' dictionaries now: their problems are reported before coding
    return engine


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.version_option(package_name="dyad")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """dyad: code news into dated, evidenced political events (CAMEO, PLOVER)."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(name)s: %(message)s")


@cli.command("code")
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per document (spec §2); table: an aligned view for reading.")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--trace", is_flag=True, help="Add each event's rule trace to the JSON output.")
@dictionary_options
def code_cmd(inputs, lang, published, fmt, output, trace, actors, agents, verbs, gazetteers) -> None:
    """Code documents (files, directories, JSONL, '-' for stdin) into events."""
    from dyad.render import write_table

    run = Run()
    engine = load_engine(actors, agents, verbs, gazetteers)
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        for coded in run.coded(engine, run.documents(inputs, lang, published)):
            if fmt == "table":
                write_table(coded, stream)
            else:
                stream.write(json.dumps(coded.to_json(with_trace=trace), ensure_ascii=False) + "\n")
    finally:
        if output:
            stream.close()
    sys.exit(1 if run.problems else 0)


@cli.command("explain")
@input_options
@dictionary_options
def explain_cmd(inputs, lang, published, actors, agents, verbs, gazetteers) -> None:
    """Show each sentence with its mentions, triggers, rules and dropped candidates."""
    from dyad.explain import explain

    run = Run()
    engine = load_engine(actors, agents, verbs, gazetteers)
    for coded in run.coded(engine, run.documents(inputs, lang, published)):
        click.echo(explain(coded))
    sys.exit(1 if run.problems else 0)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--system", type=click.Path(exists=True, dir_okay=False), help="Score this output instead of coding the gold documents.")
@click.option("--by", "by", default=None, help="Also score per value of this gold field (e.g. suite).")
@click.option("--errors", default=10, show_default=True, help="How many worst documents to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Also write the system output here (JSONL).")
@click.option("--suite", default=None, help="Score only the gold records of this suite.")
@dictionary_options
def eval_cmd(gold, system, by, errors, as_json, output, suite, actors, agents, verbs, gazetteers) -> None:
    """Score against a gold file: primary/strict F1, date accuracy, per-root figures, worst errors."""
    from dyad.evaluate import format_report, group_by, score
    from dyad.records import load_records

    run = Run()
    gold_records = load_records(Path(gold), run.problem)
    if suite:
        gold_records = {k: r for k, r in gold_records.items() if r.get("suite") == suite}
        if not gold_records:
            raise click.BadParameter(f"no gold record has suite '{suite}'", param_hint="--suite")
    if system:
        system_records = load_records(Path(system), run.problem)
    else:
        engine = load_engine(actors, agents, verbs, gazetteers)
        run.dictionary_problems(engine)
        documents = [Document.from_json(r, default_id=i) for i, r in gold_records.items()]
        system_records = {c.document.id: c.to_json() for c in engine.code_many(documents)}
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                for record in system_records.values():
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    report = score(gold_records, system_records)
    if as_json:
        out = report.to_json()
        if by:
            out["by"] = {k: score(v, system_records).to_json() for k, v in group_by(gold_records, by).items()}
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        click.echo(format_report(report, errors, title=Path(gold).name))
        if by:
            for value, records in sorted(group_by(gold_records, by).items()):
                click.echo(format_report(score(records, system_records), 0, title=f"{by}={value}"))
    sys.exit(1 if run.problems else 0)


def db_option(func):
    return click.option("--db", default=None, metavar="URL",
                        help="Database: sqlite:///FILE, a file path, or postgresql://user@host:port/db "
                             "(default: $DYAD_DB, else sqlite:///dyad.db in the working directory).")(func)  # fmt: skip


def open_store(db: str | None):
    from dyad.store import Store

    store = Store(db)
    if store.migrated_from:
        click.echo(f"dyad: note: database schema upgraded from {store.migrated_from} to {store.revision()}", err=True)
    return store


def open_filtered_store(db: str | None, filters):
    """The store, once the filters' actor codes are known to dyad or to the store (as the API checks them)."""
    from dyad.store.filters import FilterError, check_actor_codes

    store = open_store(db)
    try:
        check_actor_codes(filters, store.has_actor_code)
    except FilterError as error:
        raise usage_error(error) from None
    return store


def window_option(func):
    from dyad.store.dedup import WINDOW_DAYS

    return click.option("--window", default=WINDOW_DAYS, show_default=True, type=click.IntRange(0, 31), metavar="DAYS",
                        help="Merge reports of one dyad, root and modality whose event days are at most this many days apart.")(func)  # fmt: skip


@cli.command("ingest")
@input_options
@db_option
@click.option("--batch", default=200, show_default=True, help="Documents per transaction.")
@window_option
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option("--events", "from_run", is_flag=True,
              help="INPUTS are output folders of dyad spark run: store the documents and event reports it coded, without coding them again.")  # fmt: skip
@dictionary_options
def ingest_cmd(inputs, lang, published, db, batch, window, quiet, as_json, from_run, actors, agents, verbs, gazetteers) -> None:
    """Code documents and store them, their evidence and their events; merge reports of one event."""
    from dyad.progress import Progress
    from dyad.store import IngestCounts

    if batch < 1:
        raise click.BadParameter("must be at least 1", param_hint="--batch")
    if from_run and (lang or published or actors or agents or verbs or gazetteers):
        raise click.UsageError("--events stores what dyad spark run coded: --lang, --published and dictionaries belong to that run")
    run = Run()
    store = open_store(db)
    counts = IngestCounts()
    shown = not quiet and not as_json and sys.stderr.isatty()
    if from_run:
        progress = Progress(enabled=shown, total=None)
        coded = run_coded(inputs, store, counts)
    else:
        engine = load_engine(actors, agents, verbs, gazetteers)
        progress = Progress(enabled=shown, total=count_documents(inputs) if shown else None)
        coded = run.coded(engine, store.new_documents(run.documents(inputs, lang, published), counts))
    store.ingest(coded, counts, batch, on_batch=lambda c: progress.update(c.documents, c.mentions), window=window)
    progress.done()
    totals = store.counts()
    if as_json:
        click.echo(json.dumps({**counts.to_json(), "skipped": run.problems, "store": totals}, ensure_ascii=False))
    else:
        click.echo(f"stored {counts.documents} documents ({counts.known} already stored, {run.problems} skipped): "
                   f"{counts.mentions} event reports, {counts.new_events} new events, {counts.merged} merged into events already known")  # fmt: skip
        click.echo(f"the store now holds {totals['documents']} documents, {totals['events']} events, {totals['mentions']} reports")
    sys.exit(1 if run.problems else 0)


def run_coded(folders, store, counts) -> Iterator[CodedDocument]:
    """The coded documents of spark run outputs that the store does not hold yet (by URL or text)."""
    from dyad.spark.load import run_documents

    last: list[CodedDocument] = []

    def documents() -> Iterator[Document]:
        for folder in folders:
            for coded in run_documents(folder):
                last[:] = [coded]
                yield coded.document

    for _ in store.new_documents(documents(), counts):  # yields each document as soon as it is read
        yield last[0]


FILTERS = ("start", "end", "actor", "target", "root", "code", "modality", "text", "country_of_action", "near", "within", "context")


def filter_options(func):
    """The options of ``dyad query``, ``stats`` and ``export``, given to the command as ``filters``."""

    @functools.wraps(func)
    def command(*args, **kwargs):
        kwargs["filters"] = make_filters(**{name: kwargs.pop(name) for name in FILTERS})
        return func(*args, **kwargs)

    for name, helptext in (
        ("context", "A PLOVER context (military, economic, diplomatic ...)."),
        ("country-of-action", "Where it happened: a country's ISO alpha-3 code (UKR)."),
        ("text", "Words of the evidence sentence (any report)."),
        ("modality", "asserted, intended, hypothetical, negated or denied."),
        ("code", "CAMEO code or its prefix (036, 04)."),
        ("root", "CAMEO root (two digits)."),
        ("target", "Target actor code or prefix (USA matches USAGOV)."),
        ("actor", "Source actor code or prefix (RUS matches RUSGOV)."),
    ):
        command = click.option(f"--{name}", default=None, help=helptext)(command)
    command = click.option("--within", default=25.0, show_default=True, type=click.FloatRange(0.1, 20_000), metavar="KM",
                           help="With --near: how far from the place.")(command)  # fmt: skip
    command = click.option("--near", default=None, metavar="PLACE|LAT,LON",
                           help="Happened within --within km of a place the gazetteer knows (Kharkiv, Харьков) or a point (49.99,36.23).")(command)  # fmt: skip
    command = click.option("--to", "end", callback=parse_published, metavar="YYYY-MM-DD", help="Last day of the event.")(command)
    command = click.option("--from", "start", callback=parse_published, metavar="YYYY-MM-DD", help="First day of the event.")(command)
    return command


def make_filters(start, end, actor, target, root, code, modality, text, country_of_action=None, near=None, within=25.0,
                 context=None):  # fmt: skip
    """The filters of the command line, checked as the API checks them (``dyad.store.filters``); a bad
    value is a usage error naming the option."""
    from dyad.store.filters import FilterError
    from dyad.store.filters import make_filters as checked

    try:
        return checked(start, end, actor, target, root, code, modality, text, country_of_action, near, within, context,
                       name=option_name, notice=lambda message: click.echo(f"dyad: note: {message}", err=True))  # fmt: skip
    except FilterError as error:
        raise usage_error(error) from None


def usage_error(error) -> click.BadParameter:
    """A filter's value the store cannot use (``FilterError``), as a usage error naming its option."""
    return click.BadParameter(error.message, param_hint=option_name(error.param))


def option_name(param: str) -> str:
    """A filter's option as the command line spells it: country_of_action -> --country-of-action."""
    return "--" + param.replace("_", "-")


@cli.command("query")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", default=None, type=click.IntRange(min=1), help="At most this many events.")
def query_cmd(db, filters, fmt, limit) -> None:
    """Stored events (merged across reports) that match the filters."""
    from dyad.render import write_events

    write_events(open_filtered_store(db, filters).query(filters, limit), fmt, sys.stdout)


@cli.command("stats")
@db_option
@filter_options
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="How many dyads and actors to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def stats_cmd(db, filters, top, as_json) -> None:
    """Events per root, dyad and day; top actors; Goldstein sum per dyad and month."""
    from dyad.render import format_stats

    store = open_filtered_store(db, filters)
    stats = store.stats(filters, top)
    if as_json:
        click.echo(json.dumps({"store": store.counts(), **{k: [[str(x) if isinstance(x, dt.date) else x for x in row] for row in v] for k, v in stats.items()}}))
    else:
        click.echo(format_stats(store.counts(), stats))


@cli.command("export")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["gdelt-csv", "jsonl", "parquet"]), required=True,
              help="gdelt-csv: GDELT 2.0's event columns, tab-separated, no header; jsonl: events with all their reports; parquet: typed columns.")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here (required for parquet).")
@click.option("--header", is_flag=True, help="gdelt-csv: a first row of column names.")
def export_cmd(db, filters, fmt, output, header) -> None:
    """All stored events that match the filters, for pandas, DuckDB, R or GDELT tooling."""
    from dyad.store.export import write_gdelt, write_jsonl, write_parquet

    if fmt == "parquet" and not output:
        raise click.BadParameter("parquet is binary: give a file with --output", param_hint="--output")
    found = open_filtered_store(db, filters).iter_events(filters)
    if fmt == "parquet":
        count = write_parquet(found, output)
    else:
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
        try:
            count = write_gdelt(found, stream, header) if fmt == "gdelt-csv" else write_jsonl(found, stream)
        finally:
            if output:
                stream.close()
    click.echo(f"dyad: exported {count} events", err=True)


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve_cmd(db, host, port) -> None:
    """Serve the dashboard and the REST API over the store (uvicorn): events, aggregates, exports, coding of a text."""
    from dyad.api import create_app
    from dyad.api.server import serve
    from dyad.store.store import _safe

    store = open_store(db)
    app = create_app(store, engine_factory=load_engine)
    shown = _safe(store.url)
    if not serve(app, host, port, on_started=lambda url: click.echo(f"dyad: serving {shown} at {url} (the dashboard at /, the API's schema at /openapi.json; Ctrl-C stops)")):
        raise DyadError(f"cannot listen on {host}:{port}")


# ---------------------------------------------------------------- Spark
@cli.group("spark")
def spark_group() -> None:
    """Batch runs on Apache Spark (local[*], spark://..., yarn): the same engine in every task."""


def master_option(func):
    func = click.option("--partitions", type=click.IntRange(min=1), default=None,
                        help="Tasks to split the work into (default: 4 per core of the cluster).")(func)  # fmt: skip
    return click.option("--master", default=None,
                        help="Spark master: local[N], spark://host:port, yarn, k8s://... (default: spark-submit's when run through it, else local[*]).")(func)  # fmt: skip


def overwrite_option(func):
    return click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists (else it is refused).")(func)


def spark_session(master: str):
    from dyad.spark.jobs import session

    click.echo(f"dyad: starting Spark on {master or 'the default master'}", err=True)
    return session(master)


def read_dictionaries(actors, agents, verbs, gazetteers) -> dict | None:
    """A user's dictionaries as bytes for the executors; loaded here first, so their problems
    are reported once, before the job."""
    if not (actors or agents or verbs or gazetteers):
        return None
    Run().dictionary_problems(load_engine(actors, agents, verbs, gazetteers))
    given = {"actors": actors, "agents": agents, "verbs": verbs, "gazetteers": gazetteers}
    return {kind: [(path, Path(path).read_bytes()) for path in paths] for kind, paths in given.items() if paths}


@spark_group.command("run")
@click.argument("paths", nargs=-1, required=True, metavar="INPUT... OUTPUT")
@master_option
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None, help="Language of the documents (detected per document when not given).")
@click.option("--published", callback=parse_published, metavar="YYYY-MM-DD", help="Publication date for documents that do not give one.")
@overwrite_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@dictionary_options
def spark_run_cmd(paths, master, partitions, lang, published, overwrite, as_json, actors, agents, verbs, gazetteers) -> None:
    """Code JSONL, WARC(.gz) or Parquet (a 'text' column) documents; write their event reports as
    Parquet partitioned by event month, with documents/, failures/ and summary.json beside them.
    Exit 1 when documents failed (other than those of unsupported languages): they are in failures/."""
    from dyad.spark.jobs import run

    if len(paths) < 2:
        raise click.UsageError("give at least one INPUT and the OUTPUT folder")
    *inputs, output = paths
    dictionaries = read_dictionaries(actors, agents, verbs, gazetteers)
    summary = run(spark_session(master), inputs, output, partitions, lang, published, overwrite, dictionaries)
    failed = sum(n for kind, n in summary.failures.items() if kind != "unsupported-language")
    if as_json:
        click.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(summary.failures.items())) or "none"
        click.echo(f"read {summary.documents} documents, coded {summary.coded}: {summary.events} event reports "
                   f"in {summary.seconds:.1f} s; failures: {kinds}; written to {output}")  # fmt: skip
        for line in summary.examples:
            click.echo(f"dyad: failed: {line}", err=True)
    sys.exit(1 if failed else 0)


@spark_group.command("dedup")
@click.argument("input_dir", metavar="RUN_OUTPUT")
@click.argument("output")
@click.option("--window", default=None, type=click.IntRange(0, 31), metavar="DAYS",
              help="Merge reports of one dyad, root and modality whose event days are at most this many days apart (default: the store's).")  # fmt: skip
@master_option
@overwrite_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def spark_dedup_cmd(input_dir, output, window, master, partitions, overwrite, as_json) -> None:
    """Merge the reports of a spark run into events, by the store's rules, as Spark operations:
    one event per row (its reports, counts and record), partitioned by event month."""
    from dyad.spark.jobs import dedup

    summary = dedup(spark_session(master), input_dir, output, window, partitions, overwrite)
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(f"merged {summary['reports_merged']} event reports into {summary['events']} events "
                   f"({summary['documents_repeated']} repeated documents left out); written to {output}")  # fmt: skip


@spark_group.command("export")
@click.argument("input_dir", metavar="DEDUP_OUTPUT")
@click.argument("output")
@click.option("--format", "fmt", type=click.Choice(["gdelt-csv", "jsonl"]), required=True,
              help="gdelt-csv: GDELT 2.0's event columns, tab-separated (as dyad export writes them); jsonl: one event per line.")  # fmt: skip
@click.option("--master", default=None, help="Spark master (default: spark-submit's, else local[*]).")
@overwrite_option
def spark_export_cmd(input_dir, output, fmt, master, overwrite) -> None:
    """Write the merged events of a spark dedup as text part files (OUTPUT/part-*), ordered by id."""
    from dyad.spark.jobs import export

    count = export(spark_session(master), input_dir, output, fmt, overwrite)
    click.echo(f"dyad: exported {count} events to {output}", err=True)


@cli.command("eval-dedup")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", default=10, show_default=True, help="How many wrong pairs to list.")
@window_option
def eval_dedup_cmd(corpus, errors, window) -> None:
    """Pairwise precision and recall of merging reports of one event, on a corpus with known groups."""
    from dyad.store.dedup_eval import evaluate_dedup

    run = Run()
    report = evaluate_dedup(Path(corpus), load_engine(), run.problem, window)
    click.echo(report.format(errors))
    sys.exit(1 if run.problems else 0)


@cli.command("eval-geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--factru", type=click.Path(exists=True, dir_okay=False), help="factRuEval-2016 entities (dev.entities.jsonl beside dev.jsonl): print the recall of place detection on their Location and LocOrg mentions.")
@click.option("--errors", default=10, show_default=True, help="How many wrong places to list.")
def eval_geo_cmd(gold, factru, errors) -> None:
    """Place resolution accuracy and false places on a gold file of place mentions; event places."""
    from dyad.geo.evaluate import evaluate_geo

    run = Run()
    report = evaluate_geo(Path(gold), load_engine(), run.problem, Path(factru) if factru else None)
    click.echo(report.format(errors))
    sys.exit(1 if run.problems else 0)


@cli.command("bench")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), help="JSONL documents (default: generated from the bundled samples).")
@click.option("--docs", default=200, show_default=True, help="How many documents to code.")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Also time the parser alone (natasha, or spaCy for English) on the same corpus.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True, help="Language of the corpus (a file's documents of other languages are left out).")
@click.option("--store", "store_bench", is_flag=True, help="Time ingest into a store beside coding alone (with --db, that database; else a temporary SQLite file).")
@click.option("--query-events", type=click.IntRange(min=1000), default=None, help="Time one-dyad, one-year queries in a store filled to this many generated events.")
@click.option("--api", "api_bench", is_flag=True, help="Time the API's /events and /timeline on the real server under a local load of 4 client threads.")
@click.option("--events", "api_events", type=click.IntRange(min=100), default=100_000, show_default=True,
              help="With --api: fill the store to this many generated events.")  # fmt: skip
@click.option("--spark", "spark_bench", is_flag=True,
              help="Time dyad spark run with local[1] and local[2] beside the single-process engine (--docs generated documents; 100,000 makes a real test).")  # fmt: skip
@db_option
def bench_cmd(corpus, docs, baseline, lang, store_bench, query_events, api_bench, api_events, spark_bench, db) -> None:
    """Articles/s, sentences/s, warm-up and peak memory, beside the parser alone on the same corpus."""
    from dyad.bench import (
        run_api_bench,
        run_bench,
        run_query_bench,
        run_spark_bench,
        run_store_bench,
    )

    if spark_bench:
        click.echo(run_spark_bench(docs))
        return
    if api_bench:
        click.echo(run_api_bench(db, api_events))
        return
    if query_events:
        click.echo(run_query_bench(db, query_events))
        return
    if store_bench or db:
        click.echo(run_store_bench(db, docs))
        return
    click.echo(run_bench(Path(corpus) if corpus else None, docs, baseline, lang))


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dyad: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DyadError as exc:
        if debug:
            raise
        click.echo(f"dyad: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("dyad: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the last guard: a person sees one line, --debug shows the traceback
        if debug:
            raise
        click.echo(f"dyad: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
