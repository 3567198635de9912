"""dyad on Apache Spark: code a corpus, merge its reports, export its events, from a laptop's
local[*] to a cluster, with the single-machine engine and store doing the work in each task
(``dyad.spark.worker``). Nothing of the corpus is collected to the driver: only file listings,
counts and the summary.

``run`` writes, under OUTPUT:
  events/     one row per report (the spec's record in ``record``, its main fields as columns),
              partitioned by the month of the event (``month=2025-02``, ``month=undated``)
  documents/  one row per coded document (with its text, for ``dyad ingest --events``)
  failures/   one row per document or file that could not be read or coded: where, kind, message
  summary.json
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from dyad.errors import DyadError
from dyad.ingest.files import WARC_ENDINGS

JSONL_ENDINGS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")  # Spark reads them gzipped too
PARQUET_ENDINGS = (".parquet",)
# The driver's JVM (and a local master's executor) only moves rows and writes Parquet: the quick
# compiler is enough, and the optimising one would take a core from the Python workers for
# minutes. DYAD_SPARK_JAVA replaces these options.
JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"
EXAMPLES = 10  # failures a summary shows (all of them are in failures/)


class SparkError(DyadError):
    """Spark could not start, or a job's input or output is unusable."""


@dataclass
class Summary:
    documents: int = 0  # documents read (coded or not)
    coded: int = 0
    events: int = 0
    failures: Counter = field(default_factory=Counter)  # kind -> count
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)  # the first few failures, for a person to read

    def to_json(self) -> dict:
        return {"documents": self.documents, "coded": self.coded, "events": self.events,
                "failures": dict(sorted(self.failures.items())), "seconds": round(self.seconds, 1)}  # fmt: skip


# ---------------------------------------------------------------- session
def session(master: str | None = None, app: str = "dyad"):
    """A SparkSession for dyad's jobs: UI off, UTC, Python workers kept from task to task (so each
    keeps its loaded engine), this interpreter on the executors of a local master. Without a
    master: spark-submit's when dyad runs under it, else local[*]."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkError("pyspark is not installed: pip install 'dyad[spark]' (and Java 17)") from None
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit: its master and settings
    if master is None and not submitted:
        master = "local[*]"
    if master is not None and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master is not None:
        builder = builder.master(master)
    builder = (builder
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true")
               .config("spark.sql.sources.partitionOverwriteMode", "static"))  # fmt: skip
    java = [os.environ.get("DYAD_SPARK_JAVA", JAVA_OPTIONS)]
    logging = Path(__file__).with_name("log4j2.properties")
    if logging.is_file() and not os.environ.get("DYAD_SPARK_LOGS"):  # DYAD_SPARK_LOGS=1: Spark's own logging
        java.append(f"-Dlog4j2.configurationFile=file:{logging}")
    builder = builder.config("spark.driver.extraJavaOptions", " ".join(java))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - Java missing or the master unreachable
        reason = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        hint = " (is Java 17 installed? apt-get install openjdk-17-jre-headless)" if "JAVA" in reason.upper() else ""
        raise SparkError(f"Spark did not start on {master or 'spark-submit master'}: {reason}{hint}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# ---------------------------------------------------------------- input
def _hadoop_files(spark, raw: str) -> tuple[list[str], str | None]:
    """The files a path (or glob, or Hadoop URL) names, sorted, hidden and '_' files left out;
    or a reason it names none."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    try:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
    except Exception as exc:  # noqa: BLE001 - an unknown scheme, an unreachable file system
        return [], f"cannot open: {str(exc).splitlines()[0][:200]}"
    if statuses is None or len(statuses) == 0:
        return [], "no such file or directory"
    files: list[str] = []
    for status in statuses:
        if status.isDirectory():
            listing = fs.listFiles(status.getPath(), True)
            while listing.hasNext():
                found = listing.next()
                name = found.getPath().getName()
                if not name.startswith((".", "_")):
                    files.append(found.getPath().toString())
        else:
            files.append(status.getPath().toString())
    if not files:
        return [], "directory has no files"
    return sorted(files), None


def _kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(JSONL_ENDINGS):
        return "jsonl"
    if name.endswith(WARC_ENDINGS):
        return "warc"
    if name.endswith(PARQUET_ENDINGS):
        return "parquet"
    return None


def _documents(spark, inputs: list[str], lang: str | None, published: dt.date | None, failures: list[dict],
               wanted: int = 1):  # fmt: skip
    """One RDD of ``(input, file, record, where, document or problem)`` over every input, and
    whether its partitions are already ``wanted`` or more of even size (JSONL files split by
    bytes), so that it need not be shuffled before coding."""
    from dyad.spark.worker import document_of_row, failure_row, line_record, warc_records

    sc = spark.sparkContext
    parts = []
    listed = []
    for input_no, raw in enumerate(inputs):
        files, reason = _hadoop_files(spark, raw)
        if reason:
            failures.append(failure_row(raw, "missing-input" if "no such" in reason else "unreadable", reason, ""))
            continue
        listed.append((input_no, files))
    jsonl = sum(1 for _, files in listed for path in files if _kind(path) == "jsonl")
    even = True
    for input_no, files in listed:
        for file_no, path in enumerate(files):
            kind = _kind(path)
            even = even and kind == "jsonl"
            if kind == "jsonl":
                lines = sc.textFile(path, minPartitions=-(-wanted // jsonl), use_unicode=False).zipWithIndex()
                parts.append(lines.map(lambda item, i=input_no, f=file_no, p=path: line_record(i, f, p, item[1] + 1, item[0], lang, published))
                             .filter(lambda found: found is not None))  # fmt: skip
            elif kind == "warc":
                if path.startswith("file:"):  # streamed by the task from the file itself
                    archive = sc.parallelize([path], 1).flatMap(lambda p, i=input_no, f=file_no: warc_records(i, f, p, None, lang, published))
                else:
                    archive = sc.binaryFiles(path).flatMap(lambda item, i=input_no, f=file_no: warc_records(i, f, item[0], item[1], lang, published))
                parts.append(archive)
            elif kind is None:
                failures.append(failure_row(path, "unsupported-format", "not JSONL, WARC or Parquet (by its name's ending)", ""))
            else:
                try:
                    frame = spark.read.parquet(path)
                except Exception as exc:  # noqa: BLE001
                    failures.append(failure_row(path, "unreadable", f"not a readable Parquet file: {str(exc).splitlines()[0][:200]}", ""))
                    continue
                if "text" not in frame.columns:
                    failures.append(failure_row(path, "no-text-column", f"Parquet file has no 'text' column (it has: {', '.join(frame.columns[:12])})", ""))
                    continue
                columns = [c for c in ("id", "text", "lang", "published", "title", "url", "source") if c in frame.columns]
                rows = frame.select(*columns).rdd.zipWithIndex()
                stem = PurePosixPath(path).stem
                parts.append(rows.map(lambda item, i=input_no, f=file_no, p=path, s=stem: (
                    i, f, item[1] + 1, f"{p}#{item[1] + 1}",
                    document_of_row(item[0].asDict(), f"{p}#{item[1] + 1}", f"{s}-{item[1] + 1}", lang, published))))  # fmt: skip
    if not parts:
        return None, True
    found = parts[0] if len(parts) == 1 else sc.union(parts)
    return found, even and found.getNumPartitions() >= wanted


# ---------------------------------------------------------------- schemas
def _schemas():
    from pyspark.sql import types as T

    place = [T.StructField("doc_id", T.StringType()), T.StructField("input_no", T.IntegerType()),
             T.StructField("file_no", T.IntegerType()), T.StructField("record_no", T.LongType())]  # fmt: skip
    text = T.StringType()
    events = T.StructType([*place, T.StructField("event_no", T.IntegerType()),
        *(T.StructField(n, t) for n, t in (
            ("published", T.DateType()), ("url", text), ("title", text), ("lang", text), ("outlet", text),
            ("month", text), ("day", T.DateType()), ("date", text), ("date_from", text), ("source_code", text),
            ("source_country", text), ("target_code", text), ("target_country", text), ("code", text), ("root", text),
            ("quad_class", T.IntegerType()), ("goldstein", T.DoubleType()), ("plover", text), ("modality", text),
            ("confidence", T.DoubleType()), ("evidence_text", text), ("trigger", text), ("record", text),
            ("trace", T.ArrayType(text))))])  # fmt: skip
    documents = T.StructType([*place, *(T.StructField(n, t) for n, t in (
        ("where", text), ("lang", text), ("published", T.DateType()), ("title", text), ("url", text), ("outlet", text),
        ("text_hash", text), ("text", text), ("n_events", T.IntegerType())))])  # fmt: skip
    failures = T.StructType([T.StructField(n, text) for n in ("where", "kind", "message", "doc_id")])
    merged = T.StructType([T.StructField(n, t) for n, t in (
        ("id", T.LongType()), ("month", text), ("day", T.DateType()), ("date", text), ("source", text),
        ("source_country", text), ("target", text), ("target_country", text), ("code", text), ("root", text),
        ("quad_class", T.IntegerType()), ("goldstein", T.DoubleType()), ("modality", text),
        ("num_mentions", T.IntegerType()), ("num_articles", T.IntegerType()), ("num_sources", T.IntegerType()),
        ("event", text))])  # fmt: skip
    return events, documents, failures, merged


def _union_schema(schemas):
    """One row type for every table of a run: ``row`` (which table) and each table's columns."""
    from pyspark.sql import types as T

    fields = {"row": T.StructField("row", T.StringType(), False)}
    for schema in schemas:
        for item in schema.fields:
            if item.name in fields and fields[item.name].dataType != item.dataType:
                raise AssertionError(f"column {item.name} has two types")
            fields.setdefault(item.name, item)
    return T.StructType(list(fields.values()))


def _tuple(row: dict, schema) -> tuple:
    return tuple(row.get(name) for name in schema.fieldNames())


def _fresh_output(spark, output: str, overwrite: bool) -> None:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(path):
        if not overwrite:
            raise SparkError(f"{output} exists: choose another output, or pass --overwrite")
        fs.delete(path, True)


def _write_text(spark, path: str, text: str) -> None:
    spark.sparkContext.parallelize([text], 1).saveAsTextFile(path)


# ---------------------------------------------------------------- jobs
def run(spark, inputs: list[str], output: str, partitions: int | None = None, lang: str | None = None,
        published: dt.date | None = None, overwrite: bool = False, dictionaries=None) -> Summary:  # fmt: skip
    """Code every document of the inputs on the cluster and write events, documents, failures;
    ``dictionaries``: a user's own, as ``dyad.spark.worker.Dictionaries``."""
    import time

    from pyspark import StorageLevel

    from dyad.spark.worker import code_partition

    started = time.perf_counter()
    _fresh_output(spark, output, overwrite)
    event_schema, document_schema, failure_schema, _ = _schemas()
    listing: list[dict] = []
    sc = spark.sparkContext
    count = partitions or max(sc.defaultParallelism * 4, 1)
    documents, even = _documents(spark, inputs, lang, published, listing, count)
    if documents is None:
        rows = sc.emptyRDD()
    else:
        rows = (documents if even else documents.repartition(count)).mapPartitions(lambda items: code_partition(items, dictionaries))
    # one conversion of every row to Spark's columns (Python's share of the work), cached by the
    # JVM; the three tables are then filters of it, not three more passes over the Python rows
    tables = (("event", "events", event_schema), ("document", "documents", document_schema), ("failure", "failures", failure_schema))
    union = _union_schema([schema for _, _, schema in tables])
    names = union.fieldNames()
    listed = sc.parallelize([("failure", f) for f in listing], 1)
    # rows are built by dyad.spark.worker with the schema's types: checking every value again
    # would cost the Python workers a tenth of their time
    table = spark.createDataFrame(rows.union(listed).map(lambda r: (r[0], *(r[1].get(n) for n in names[1:]))), union, verifySchema=False)
    table = table.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        frames = {name: table.where(table["row"] == kind).select(*schema.fieldNames()) for kind, name, schema in tables}
        frames["events"].write.partitionBy("month").parquet(f"{output}/events")
        frames["documents"].write.parquet(f"{output}/documents")
        frames["failures"].coalesce(1).write.parquet(f"{output}/failures")
        summary = Summary()
        counted = table.groupBy("row", "kind").count().collect()  # from the cache: one small job
        summary.coded = sum(r["count"] for r in counted if r["row"] == "document")
        summary.events = sum(r["count"] for r in counted if r["row"] == "event")
        summary.failures = Counter({r["kind"]: r["count"] for r in counted if r["row"] == "failure"})
        summary.examples = [f"{r['where']}: {r['kind']}: {r['message']}" for r in frames["failures"].limit(EXAMPLES).collect()]
        not_documents = summary.failures.get("missing-input", 0) + summary.failures.get("unsupported-format", 0)
        summary.documents = summary.coded + sum(summary.failures.values()) - not_documents
    finally:
        table.unpersist()
    summary.seconds = time.perf_counter() - started
    _write_text(spark, f"{output}/summary.json", json.dumps(summary.to_json()))
    return summary


def dedup(spark, input_dir: str, output: str, window: int | None = None, partitions: int | None = None,
          overwrite: bool = False) -> dict:  # fmt: skip
    """Merge the reports of a ``run`` output into events by the store's rules (``dyad.store.dedup``):
    documents already read (the same URL, or the same text) are left out as ``dyad ingest``
    leaves them out; reports are partitioned by merge group and each partition is merged by the
    store's own code; events get ids in the order a single store would give them."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from dyad.spark.worker import group_of, merge_partition
    from dyad.store.dedup import WINDOW_DAYS

    _fresh_output(spark, output, overwrite)
    try:
        reports = spark.read.parquet(f"{input_dir}/events")
        documents = spark.read.parquet(f"{input_dir}/documents")
    except Exception as exc:  # noqa: BLE001
        raise SparkError(f"{input_dir} is not the output of dyad spark run (events/ and documents/): {str(exc).splitlines()[0][:200]}") from None
    place = ["input_no", "file_no", "record_no"]
    order = [F.col(c) for c in place]
    first_text = F.row_number().over(Window.partitionBy("text_hash").orderBy(*order))
    first_url = F.row_number().over(Window.partitionBy("url").orderBy(*order))
    marked = documents.select(*place, "url", first_text.alias("by_text"), first_url.alias("by_url"))
    kept = marked.where((F.col("by_text") == 1) & (F.col("url").isNull() | (F.col("by_url") == 1))).select(*place)
    repeated = documents.count() - kept.count()
    chosen = reports.join(kept, on=place, how="left_semi")
    count = partitions or max(spark.sparkContext.defaultParallelism * 4, 1)
    days = WINDOW_DAYS if window is None else window
    merged = (chosen.rdd.map(lambda row: (group_of(row.asDict()), row.asDict()))
              .partitionBy(count)
              .mapPartitions(lambda items: merge_partition((row for _, row in items), days))
              .persist()  # sortByKey samples its input before sorting it: merge each partition once
              .sortByKey()
              .zipWithIndex()
              .map(lambda item: _merged_row(item[0][1], item[1] + 1)))  # fmt: skip
    schema = _schemas()[3]
    frame = spark.createDataFrame(merged.map(lambda r: _tuple(r, schema)), schema)
    frame.write.partitionBy("month").parquet(f"{output}/events")
    written = spark.read.parquet(f"{output}/events")
    summary = {"reports": reports.count(), "documents_repeated": repeated, "reports_merged": chosen.count(),
               "events": written.count()}  # fmt: skip
    _write_text(spark, f"{output}/summary.json", json.dumps(summary))
    return summary


def _merged_row(text: str, number: int) -> dict:
    event = json.loads(text)
    event["id"] = number
    day = dt.date.fromisoformat(event["day"]) if event.get("day") else None
    return {
        "id": number, "month": day.strftime("%Y-%m") if day else "undated", "day": day, "date": event.get("date"),
        "source": event.get("source"), "source_country": event.get("source_country"), "target": event.get("target"),
        "target_country": event.get("target_country"), "code": event["code"], "root": event["root"],
        "quad_class": event.get("quad_class"), "goldstein": event.get("goldstein"), "modality": event.get("modality"),
        "num_mentions": event["num_mentions"], "num_articles": event["num_articles"], "num_sources": event["num_sources"],
        "event": json.dumps(event, ensure_ascii=False),
    }  # fmt: skip


def export(spark, input_dir: str, output: str, fmt: str = "gdelt-csv", overwrite: bool = False) -> int:
    """Write the merged events of a ``dedup`` output as text part files: GDELT 2.0's tab-separated
    event columns, or one JSON event per line."""
    _fresh_output(spark, output, overwrite)
    try:
        frame = spark.read.parquet(f"{input_dir}/events")
    except Exception as exc:  # noqa: BLE001
        raise SparkError(f"{input_dir} has no events/ to export: {str(exc).splitlines()[0][:200]}") from None
    if "event" not in frame.columns:
        raise SparkError(f"{input_dir} holds reports, not merged events: run dyad spark dedup on it first")
    events = frame.orderBy("id").select("event").rdd.map(lambda row: row[0])
    if fmt == "gdelt-csv":
        lines = events.map(_gdelt_line)
    elif fmt == "jsonl":
        lines = events
    else:
        raise SparkError(f"unknown export format {fmt!r} (gdelt-csv, jsonl)")
    lines.saveAsTextFile(output)
    return frame.count()


def _gdelt_line(text: str) -> str:
    """One merged event as ``dyad export --format gdelt-csv`` writes it (the same writer)."""
    import io

    from dyad.store.export import write_gdelt

    stream = io.StringIO()
    write_gdelt([json.loads(text)], stream)
    return stream.getvalue().removesuffix("\n")
