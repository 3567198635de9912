"""The API's responses as pydantic models: what the OpenAPI schema shows and what every response is
checked against on its way out. They describe the dicts the store and the engine already build
(``Store.query``, ``Store.event``, ``CodedDocument.to_json``), field for field."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class Error(BaseModel):
    error: str = Field(description="What was wrong, for a person to read.")
    parameter: str | None = Field(None, description="The query parameter or body field at fault, when one is.")


class StoreCounts(BaseModel):
    documents: int
    events: int
    mentions: int


class Health(BaseModel):
    status: str = Field(description='"ok"')
    store: StoreCounts
    revision: str | None = Field(description="The store's schema revision (alembic).")


# ---------------------------------------------------------------- stored events
class Place(BaseModel):
    name: str | None
    country: str | None = Field(description="ISO 3166 alpha-3.")
    adm1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None = Field(description="city, region or country.")


class CodedActor(BaseModel):
    """An actor as the engine coded it in one report (the record's ``source``/``target``)."""

    text: str | None = Field(None, description="The words of the text that name it.")
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None


class ReportActors(BaseModel):
    source: CodedActor | None
    target: CodedActor | None


class Evidence(BaseModel):
    start: int = Field(description="Offset of the evidence sentence in the document's text.")
    end: int = Field(description="End offset: text[start:end] is the sentence.")
    text: str
    trigger: str | None


class Report(BaseModel):
    """One report (mention) of an event in a document."""

    document: str = Field(description="The document's own id (file name, JSONL id).")
    url: str | None
    title: str | None
    source: str = Field(description="The outlet: the document's source field, else its URL's host.")
    published: dt.date | None
    ingested_at: str = Field(description="When the document was stored (UTC, YYYY-MM-DDTHH:MM:SS).")
    code: str = Field(description="The CAMEO code this report gave.")
    date: str | None = Field(description="The event's date as this report gave it: YYYY-MM-DD, YYYY-MM or YYYY.")
    modality: str
    attribution: str | None
    actors: ReportActors
    evidence: Evidence


class Event(BaseModel):
    """A stored event: its reports merged (GDELT's NumMentions, NumArticles, NumSources)."""

    id: int
    day: dt.date | None = Field(description="The event's day (a month's or year's first day when only that is known).")
    date: str | None = Field(description="The date as coded: YYYY-MM-DD, YYYY-MM or YYYY.")
    source: str | None = Field(description="Source actor code (CAMEO).")
    source_country: str | None
    target: str | None = Field(description="Target actor code (CAMEO).")
    target_country: str | None
    code: str = Field(description="CAMEO event code.")
    root: str = Field(description="CAMEO root (01-20).")
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    modality: str
    num_mentions: int
    num_articles: int
    num_sources: int
    first_reported: dt.date | None
    geo: Place | None
    geo_from: str | None = Field(description="text, dateline, or null.")
    mode: str | None = Field(description="PLOVER mode.")
    contexts: list[str] = Field(description="PLOVER contexts.")
    mentions: list[Report]


class EventPage(BaseModel):
    events: list[Event]
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last page (or past the deepest offset allowed).")


class DetailReport(Report):
    document_id: int = Field(description="The store's id of the document (see documents).")
    date_from: str = Field(description="text (stated or resolved from the text) or published (the fallback).")
    date_why: str | None = Field(description="How the date was found: the words and the rule, or the fallback (null for reports stored without it).")
    trace: list[str] = Field(description="The coder's reasons for this report: code, actors, modality, date.")


class StoredDocument(BaseModel):
    id: int = Field(description="The store's id of the document.")
    document: str = Field(description="The document's own id.")
    title: str | None
    url: str | None
    source: str
    published: dt.date | None
    lang: str | None
    text: str = Field(description="The text verbatim: each report's evidence is text[start:end].")


class EventDetail(Event):
    mentions: list[DetailReport]
    documents: list[StoredDocument] = Field(description="The documents of its reports, in full.")
    sources: list[str] = Field(description="The outlets that reported it.")


# ---------------------------------------------------------------- aggregates
class Dyad(BaseModel):
    source: str | None
    target: str | None
    events: int
    goldstein: float | None = Field(description="Goldstein sum of its events (null when none has a Goldstein value).")
    goldstein_last: float = Field(description="Goldstein sum of its events in the last 30 days of the range.")
    goldstein_before: float = Field(description="Goldstein sum of its events in the 30 days before those.")
    trend: float = Field(description="goldstein_last - goldstein_before.")


class TrendWindow(BaseModel):
    days: int
    last: list[dt.date] = Field(description="First and last day of the last window.", min_length=2, max_length=2)
    before: list[dt.date] = Field(description="First and last day of the window before it.", min_length=2, max_length=2)


class Dyads(BaseModel):
    dyads: list[Dyad]
    trend: TrendWindow | None = Field(description="The windows the trends compare (null when no event matches).")


class ActorCount(BaseModel):
    code: str
    as_source: int
    as_target: int
    events: int = Field(description="as_source + as_target.")


class Actors(BaseModel):
    actors: list[ActorCount]


class PlaceCount(BaseModel):
    geonameid: int | None
    name: str | None
    country: str | None = Field(description="ISO 3166 alpha-3 code of the place's country.")
    lat: float
    lon: float
    events: int
    goldstein: float | None = Field(description="Goldstein sum of its events (null when none has a value).")
    conflict: int = Field(description="Its events of verbal or material conflict (quad classes 3 and 4).")


class Places(BaseModel):
    places: list[PlaceCount]


class CameoEntry(BaseModel):
    code: str
    name: str
    goldstein: float | None
    root: str
    quad_class: int = Field(description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    plover: str | None


class CameoCodes(BaseModel):
    codes: list[CameoEntry]
    contexts: list[str] = Field(description="The PLOVER contexts the `context` filter takes.")


class Period(BaseModel):
    period: str = Field(description="2024-03-12 (day), 2024-W11 (ISO week, Monday to Sunday) or 2024-03 (month).")
    start: dt.date
    end: dt.date
    events: int
    roots: dict[str, int] = Field(description="Events per CAMEO root.")
    quad_classes: dict[str, int] = Field(description='Events per quad class ("1".."4"; "none" for codes without one).')
    goldstein: float = Field(description="Goldstein sum of the period's events.")


class Timeline(BaseModel):
    interval: str
    periods: list[Period] = Field(description="Periods with events, in order (periods without events are left out).")
    undated: int = Field(description="Matching events without a day (in no period).")


# ---------------------------------------------------------------- the record (POST /code)
class RecordPlace(Place):
    text: str = Field(description="The place's words as the text gives them.")


class Attribution(BaseModel):
    text: str
    code: str | None


class RecordEvent(BaseModel):
    source: CodedActor | None
    target: CodedActor | None
    code: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    date: str | None
    date_from: str
    modality: str
    attribution: Attribution | None
    evidence: Evidence
    confidence: float
    geo: RecordPlace | None
    geo_from: str | None
    mode: str | None
    contexts: list[str]


class Record(BaseModel):
    """The record ``dyad code`` prints for one document (README, "The record")."""

    id: str
    lang: str | None
    published: str | None
    title: str | None = Field(None, description="Present when the request gave one.")
    url: str | None = Field(None, description="Present when the request gave one.")
    events: list[RecordEvent]
    skipped: str | None = Field(None, description="Present, with the reason, when the document was not coded.")


class CodeRequest(BaseModel):
    """The body of POST /code (read by hand: size, encoding and JSON are checked first)."""

    text: str = Field(description="The document's text (at most 200,000 bytes of body in all).", min_length=1)
    lang: Literal["ru", "en"] | None = Field(None, description="ru or en; detected when not given.")
    published: str | None = Field(None, description="YYYY-MM-DD: anchors relative dates.", pattern=r"^\d{4}-\d{2}-\d{2}$")
    id: str | None = Field(None, description="The document's id, echoed in the record.")
    title: str | None = None
    url: str | None = None
