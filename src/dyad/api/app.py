"""The REST API over a store: the events ``dyad query`` finds, aggregates for a dashboard, exports,
and coding of a posted text by the engine ``dyad code`` runs.

Every route reads through ``Store`` (``query``, ``event``, ``iter_events``, ``dyads``, ``actors``,
``timeline``) with the ``Filters`` the command line builds, checked by the same function
(``dyad.store.filters.make_filters``). Errors are JSON ``{"error": ..., "parameter": ...}`` with a
4xx status; anything unexpected is a 500 ``{"error": "internal error"}``, its traceback only in
the server's log. Every response carries a Content-Security-Policy and X-Content-Type-Options.
"""

from __future__ import annotations

import io
import json
import logging
import os
import pathlib
import tempfile
import threading
from collections.abc import Callable, Iterator
from importlib import metadata
from itertools import islice
from typing import Annotated, Literal
from urllib.parse import parse_qsl

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.background import BackgroundTask
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.api import models
from dyad.model import Document
from dyad.store import Store
from dyad.store.filters import (
    DEFAULT_WITHIN_KM,
    WITHIN_KM,
    FilterError,
    check_actor_codes,
    make_filters,
    parse_day,
)
from dyad.store.store import INTERVALS, ORDERS, PAIRINGS, Filters

log = logging.getLogger("dyad.api")
STATIC = pathlib.Path(__file__).with_name("static")  # the dashboard: HTML, CSS, our script, and vendor/ (from npm)

MAX_LIMIT = 500  # events a page
MAX_OFFSET = 100_000
MAX_TOP = 500
MAX_BODY = 200_000  # bytes of a POST /code body
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",  # fmt: skip
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
EXPORTS = {  # format -> (media type, file name)
    "csv": ("text/csv; charset=utf-8", "dyad-events.csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "dyad-events.jsonl"),
    "gdelt-csv": ("text/tab-separated-values; charset=utf-8", "dyad-events.gdelt.tsv"),
    "parquet": ("application/vnd.apache.parquet", "dyad-events.parquet"),
}
CONTROL = frozenset(chr(c) for c in [*range(32), 127]) - set("\t\n\r")  # refused in query parameters (NUL above all)
EXPORT_PAGE = 500  # events written and sent at a time
ERRORS = {400: {"model": models.Error, "description": "A parameter's value is not one dyad can use (the message names it)."},
          500: {"model": models.Error, "description": "Internal error (no details: they are in the server's log)."},
          503: {"model": models.Error, "description": "The database cannot be read."}}  # fmt: skip

Order = Literal[ORDERS]  # type: ignore[valid-type]
Interval = Literal[INTERVALS]  # type: ignore[valid-type]
Pairing = Literal[PAIRINGS]  # type: ignore[valid-type]
ExportFormat = Literal["csv", "jsonl", "gdelt-csv", "parquet"]


class ApiError(Exception):
    """A request dyad refuses: the status and the message sent back as JSON."""

    def __init__(self, status: int, message: str, parameter: str | None = None):
        super().__init__(message)
        self.status, self.message, self.parameter = status, message, parameter


class SharedEngine:
    """The coding engine, loaded on first use (it takes seconds) and shared by all requests; one
    document is coded at a time (the parsers are not made for threads)."""

    def __init__(self, engine=None, factory: Callable[[], object] | None = None) -> None:
        self._engine = engine
        self._factory = factory
        self._lock = threading.Lock()

    def code(self, document: Document):
        with self._lock:
            if self._engine is None:
                if self._factory is None:
                    from dyad.pipeline import Engine

                    self._engine = Engine()
                else:
                    self._engine = self._factory()
            return self._engine.code(document)


def filter_params(
    request: Request,
    start: Annotated[str | None, Query(alias="from", description="First day of the event (YYYY-MM-DD).",
                                       json_schema_extra={"format": "date"})] = None,  # fmt: skip
    end: Annotated[str | None, Query(alias="to", description="Last day of the event (YYYY-MM-DD).",
                                     json_schema_extra={"format": "date"})] = None,  # fmt: skip
    actor: Annotated[str | None, Query(description="Source actor code or prefix, 2-12 letters, digits or dashes (RUS matches RUSGOV; case does not matter).")] = None,
    target: Annotated[str | None, Query(description="Target actor code or prefix (USA matches USAGOV).")] = None,
    root: Annotated[str | None, Query(description="CAMEO root: two digits, 01-20.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or its prefix (036, 04).")] = None,
    modality: Annotated[str | None, Query(description="asserted, intended, negated, hypothetical or denied.")] = None,
    text: Annotated[str | None, Query(description="Words of the evidence sentence of any report (1-200 characters).")] = None,
    country_of_action: Annotated[str | None, Query(description="Where it happened: ISO 3166 alpha-3 (UKR).")] = None,
    near: Annotated[str | None, Query(description='Happened within `within` km of a place the gazetteer knows ("Kharkiv", "Харьков") or of a point ("49.99,36.23").')] = None,
    within: Annotated[float, Query(description="With near: the distance in km.", ge=WITHIN_KM[0], le=WITHIN_KM[1])] = DEFAULT_WITHIN_KM,
    context: Annotated[str | None, Query(description="A PLOVER context (military, economic, diplomatic ...).")] = None,
) -> Filters:
    """The filters of ``dyad query``, as query parameters, checked by the command line's own checks."""
    filters = make_filters(start, end, actor, target, root, code, modality, text, country_of_action, near, within, context)
    check_actor_codes(filters, request.app.state.store.has_actor_code)
    return filters


FilterParams = Annotated[Filters, Depends(filter_params)]
Top = Annotated[int, Query(description=f"How many to list (1-{MAX_TOP}).", ge=1, le=MAX_TOP)]


def check_query(request: Request) -> None:
    """The query string must be UTF-8 without control characters (otherwise its words would be searched
    for with replacement marks in them, or reach the database with a NUL), and a parameter the route
    does not take is an error, not silently ignored (a misspelt filter would otherwise return everything)."""
    raw = request.scope.get("query_string", b"").decode("latin-1")
    for raw_name, raw_value in parse_qsl(raw, keep_blank_values=True, encoding="latin-1"):
        name = _utf8(raw_name, "a parameter's name", None)
        value = _utf8(raw_value, f"the value of {name!r}", name)
        for text, param in ((name, None), (value, name)):
            bad = next((c for c in text if c in CONTROL), None)
            if bad is not None:
                raise ApiError(400, f"parameter {name!r} holds a control character (U+{ord(bad):04X})", param)
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    for name in request.query_params:
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise ApiError(400, f"unknown parameter {name!r} (this route takes: {listed})", name)


def _utf8(part: str, what: str, parameter: str | None) -> str:
    """A part of the query string (its bytes, read as latin-1) as the UTF-8 text it must be."""
    try:
        return part.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the query string is not UTF-8: {what} has the byte 0x{error.object[error.start]:02X} "
                            "(percent-encode the UTF-8 bytes of the text)", parameter) from None  # fmt: skip


def _query_names(dependant) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def create_app(store: Store | str | None = None, engine=None, engine_factory: Callable[[], object] | None = None) -> FastAPI:
    """The API over ``store`` (a ``Store``, or a database URL: ``Store``'s default when none).
    ``engine`` (or ``engine_factory``, called on first use) codes POST /code; by default a
    ``dyad.pipeline.Engine`` with the bundled dictionaries, loaded with the first request."""
    store = store if isinstance(store, Store) else Store(store)
    coder = SharedEngine(engine, engine_factory)
    try:
        version = metadata.version("dyad")
    except metadata.PackageNotFoundError:
        version = "0"
    app = FastAPI(
        title="dyad", version=version, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Stored political events (CAMEO, PLOVER) with their evidence, aggregates, exports, and coding of a text. "
                    "Errors are JSON objects with an `error` message and the `parameter` at fault.",
        dependencies=[Depends(check_query)],
    )  # fmt: skip
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    _handlers(app)

    @app.get("/health", response_model=models.Health, responses=ERRORS, summary="The store's counts and schema revision")
    def health() -> dict:
        return {"status": "ok", "store": store.counts(), "revision": store.revision()}

    @app.get("/events", response_model=models.EventPage, responses=ERRORS, summary="Stored events that match the filters, a page at a time")
    def list_events(
        filters: FilterParams,
        limit: Annotated[int, Query(description=f"Events a page (1-{MAX_LIMIT}).", ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(description=f"Events to skip (0-{MAX_OFFSET:,}).", ge=0, le=MAX_OFFSET)] = 0,
        sort: Annotated[Order, Query(description="Order: day, id, num_mentions or goldstein; '-' first for descending. Ties go by id.")] = "day",
    ) -> dict:
        found = store.query(filters, limit + 1, offset, sort)
        following = offset + limit
        more = len(found) > limit and following <= MAX_OFFSET
        return {"events": found[:limit], "limit": limit, "offset": offset, "next_offset": following if more else None}

    @app.get("/events/{id}", response_model=models.EventDetail, summary="One event, its reports and their documents in full",
             responses={**ERRORS, 404: {"model": models.Error, "description": "No event has this id."}})  # fmt: skip
    def one_event(id: Annotated[int, Path(description="The event's id.", ge=1, le=2**31 - 1)]) -> dict:  # noqa: A002
        found = store.event(id)
        if found is None:
            raise ApiError(404, f"no event has id {id}", "id")
        return found

    @app.get("/dyads", response_model=models.Dyads, responses=ERRORS,
             summary="The top pairs (source, target): events, Goldstein sum and its 30-day trend")  # fmt: skip
    def dyads(
        filters: FilterParams, top: Top = 20,
        by: Annotated[Pairing, Query(description="What a pair is made of: actor codes (RUSGOV, USAGOV) or their countries (RUS, USA).")] = "code",
    ) -> dict:
        return store.dyads(filters, top, by=by)

    @app.get("/actors", response_model=models.Actors, responses=ERRORS, summary="The top actor codes: events as source and as target")
    def actors(filters: FilterParams, top: Top = 20) -> dict:
        return {"actors": store.actors(filters, top)}

    @app.get("/places", response_model=models.Places, responses=ERRORS,
             summary="Where the matching events happened: the top places by events, with coordinates")  # fmt: skip
    def places(filters: FilterParams, top: Top = 200) -> dict:
        return {"places": store.places(filters, top)}

    @app.get("/timeline", response_model=models.Timeline, responses=ERRORS,
             summary="Per day, ISO week or month: events per root and per quad class, Goldstein sum")  # fmt: skip
    def timeline(
        filters: FilterParams,
        interval: Annotated[Interval, Query(description="day, week (ISO week, from Monday) or month.")] = "month",
    ) -> dict:
        return store.timeline(filters, interval)

    @app.get("/cameo", response_model=models.CameoCodes, responses=ERRORS, summary="The CAMEO codes dyad codes to (names, Goldstein values, roots, quad classes, PLOVER types) and the PLOVER contexts")
    def cameo() -> dict:
        from dataclasses import asdict

        from dyad.events.plover import CONTEXTS
        from dyad.ontology.cameo import load_cameo

        table = load_cameo()
        return {"codes": [asdict(table[code]) for code in table.codes()], "contexts": list(CONTEXTS)}

    @app.post("/code", response_model=models.Record, response_model_exclude_unset=True,
              summary="Code a text: the record `dyad code` prints (nothing is stored)",
              responses={**ERRORS, 400: {"model": models.Error, "description": "The body is not UTF-8, not JSON, or a field is wrong."},
                         413: {"model": models.Error, "description": f"The body is larger than {MAX_BODY:,} bytes."}},
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": models.CodeRequest.model_json_schema()}}}})  # fmt: skip
    async def code(request: Request) -> dict:
        document = _document_of(await _body(request))
        coded = await run_in_threadpool(coder.code, document)
        return coded.to_json()

    @app.get("/export", response_class=Response, summary="Every matching event as a file: CSV, JSON lines, GDELT 2.0 columns or Parquet",
             responses={**ERRORS, 200: {"description": "The file, as an attachment (CSV, JSON lines and GDELT are streamed).", "content": {
                 "text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}},
                 "text/tab-separated-values": {"schema": {"type": "string"}},
                 "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}}}}})  # fmt: skip
    def export(
        filters: FilterParams,
        format: Annotated[ExportFormat, Query(description="csv: one row an event (as `dyad query --format csv`); jsonl: events with all their reports; "
                                                          "gdelt-csv: GDELT 2.0's 61 event columns, tab-separated; parquet: typed columns.")],  # noqa: A002
        header: Annotated[bool, Query(description="gdelt-csv: a first row of column names.")] = False,
    ) -> Response:
        media, name = EXPORTS[format]
        disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
        if format == "parquet":
            return _parquet(store, filters, media, name)
        return StreamingResponse(_streamed(store, filters, format, header), media_type=media, headers=disposition)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.openapi = lambda: _openapi(app)
    return app


# ------------------------------------------------------------------ POST /code
async def _body(request: Request) -> bytes:
    """The body, refused past ``MAX_BODY`` bytes: by its Content-Length before reading, and as it is read."""
    length = request.headers.get("content-length")
    if length is not None:
        if not length.isdigit():
            raise ApiError(400, "Content-Length is not a number")
        if int(length) > MAX_BODY:
            raise ApiError(413, f"the body has {int(length):,} bytes, more than the {MAX_BODY:,} allowed")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise ApiError(413, f"the body is larger than the {MAX_BODY:,} bytes allowed")
    return bytes(body)


def _document_of(body: bytes) -> Document:
    """The document a POST /code body gives: a JSON object with ``text`` and optionally ``lang``,
    ``published``, ``id``, ``title``, ``url`` (other fields are not read)."""
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the body is not UTF-8 (invalid byte at offset {error.start})") from None
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise ApiError(400, f"the body is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    if not isinstance(obj, dict):
        raise ApiError(400, "the body must be a JSON object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "'text' must be a string with words in it", "text")
    for field in ("lang", "published", "id", "title", "url"):
        if obj.get(field) is not None and not isinstance(obj[field], str):
            raise ApiError(400, f"'{field}' must be a string or null", field)
    lang = obj.get("lang") or None
    if lang is not None and lang not in ("ru", "en"):
        raise ApiError(400, f"'lang' {lang!r} is not a language dyad codes (ru, en; leave it out to detect it)", "lang")
    try:
        published = parse_day(obj.get("published") or None, "published")
    except FilterError as error:
        raise ApiError(400, f"'published' {error.message}", "published") from None
    return Document(text=text, id=obj.get("id") or "", lang=lang, published=published, title=obj.get("title"), url=obj.get("url"))


# ------------------------------------------------------------------ GET /export
def _streamed(store: Store, filters: Filters, fmt: str, header: bool) -> Iterator[bytes]:
    """The export written by the command line's writers a page of events at a time, each page sent
    as it is written (memory stays bounded however many events match)."""
    from dyad.render import write_csv
    from dyad.store.export import write_gdelt, write_jsonl

    found = store.iter_events(filters)
    first = True
    while True:
        page = list(islice(found, EXPORT_PAGE))
        if not page and not first:
            return
        buffer = io.StringIO()
        if fmt == "csv":
            write_csv(page, buffer, header=first)
        elif fmt == "gdelt-csv":
            write_gdelt(page, buffer, header=header and first)
        else:
            write_jsonl(page, buffer)
        first = False
        if buffer.tell():
            yield buffer.getvalue().encode("utf-8")
        if len(page) < EXPORT_PAGE:
            return


def _parquet(store: Store, filters: Filters, media: str, name: str) -> FileResponse:
    """Parquet is written whole (its footer comes last) to a temporary file, sent, then removed."""
    from dyad.store.export import write_parquet

    handle, path = tempfile.mkstemp(prefix="dyad-export-", suffix=".parquet")
    os.close(handle)
    try:
        write_parquet(store.iter_events(filters), path)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path))


# ------------------------------------------------------------------ errors, headers, schema
def _handlers(app: FastAPI) -> None:
    def error(status: int, message: str, parameter: str | None = None, headers: dict | None = None) -> JSONResponse:
        return JSONResponse({"error": message, "parameter": parameter}, status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def refused(_request: Request, exc: ApiError) -> JSONResponse:
        return error(exc.status, exc.message, exc.parameter)

    @app.exception_handler(FilterError)
    async def bad_filter(_request: Request, exc: FilterError) -> JSONResponse:
        return error(400, f"parameter '{exc.param}': {exc.message}", exc.param)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problem = exc.errors()[0] if exc.errors() else {}
        location = problem.get("loc") or ()
        name = str(location[-1]) if len(location) > 1 else None
        what = _described(problem)
        return error(400, f"parameter '{name}': {what}" if name else what, name)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: "no such route", 405: "method not allowed on this route"}.get(exc.status_code, str(exc.detail))
        return error(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(SQLAlchemyError)
    async def database(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        log.error("database error: %s", type(exc).__name__, exc_info=exc)
        return error(503, "the database cannot be read now")

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error", exc_info=exc)
        return error(500, "internal error")


def _described(problem: dict) -> str:
    """A pydantic validation problem in a person's words."""
    kind, context = problem.get("type", ""), problem.get("ctx") or {}
    if str(problem.get("input", "")).strip().lower() in ("nan", "inf", "-inf", "infinity", "-infinity"):
        return "must be a finite number"
    if kind == "less_than_equal":
        return f"must be at most {_number(context.get('le'))}"
    if kind == "greater_than_equal":
        return f"must be at least {_number(context.get('ge'))}"
    if kind in ("int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("float_parsing", "finite_number"):
        return "must be a number"
    if kind == "bool_parsing":
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of {context.get('expected')}"
    if kind == "missing":
        return "is required"
    return str(problem.get("msg") or "is not valid")


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response, and answers an exception nothing else handled
    with a 500 ``{"error": "internal error"}`` (the traceback goes to the log, never to the client)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise  # the response is under way: the server can only close the connection
            await JSONResponse({"error": "internal error", "parameter": None}, status_code=500)(scope, receive, sending)


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema without the 422 answers it adds by default: validation errors are 400 here."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    components = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    app.openapi_schema = schema
    return schema
