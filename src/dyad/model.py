"""The record as dataclasses: Document in; Sentence/Token/Mention inside; Event out (spec/events.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "intended", "negated", "hypothetical", "denied")
DATE_SOURCES = ("text", "published")
GEO_SOURCES = ("text", "dateline")


@dataclass
class Document:
    """One input document; only ``text`` is required."""

    text: str
    id: str = ""
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, obj: dict[str, Any], default_id: str = "") -> Document:
        """Build from a spec §1 JSON object (``published`` as YYYY-MM-DD or null)."""
        from dyad.time.calendar import parse_iso_date

        known = {"id", "lang", "published", "title", "url", "text"}
        published = obj.get("published")
        return cls(
            text=obj["text"],
            id=str(obj.get("id") or default_id),
            lang=obj.get("lang") or None,
            published=parse_iso_date(published) if published else None,
            title=obj.get("title"),
            url=obj.get("url"),
            extra={k: v for k, v in obj.items() if k not in known},
        )


@dataclass
class Token:
    """A word of a sentence; offsets are into the document text."""

    index: int
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    head: int = -1  # index of the syntactic head in the sentence, -1 for the root
    rel: str = ""

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)


@dataclass
class Sentence:
    """A sentence with its tokens; ``parsed`` tells whether morphology and syntax were run."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    parsed: bool = False
    candidate: bool = False  # holds a trigger word and an actor word: worth parsing
    _children: dict[int, list[Token]] | None = field(default=None, repr=False, compare=False)

    def children(self, head: int) -> list[Token]:
        """Dependents of a token (indexed once, after parsing: the coder asks for them often)."""
        if self._children is None:
            self._children = {}
            for token in self.tokens:
                self._children.setdefault(token.head, []).append(token)
        return self._children.get(head, [])

    def prepositions(self, index: int) -> list[str]:
        """Lemmas of the prepositions governing a word ("в", "по", "против")."""
        return [c.lemma for c in self.children(index) if c.rel == "case"]


@dataclass(frozen=True)
class Actor:
    """A resolved actor: CAMEO code, country part, sector, canonical name and dated role."""

    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    text: str = ""

    @classmethod
    def of(cls, country: str, sector: str, text: str = "", role: str | None = None, name: str | None = None) -> Actor:
        """A country's sector as an actor: ("RUS", "MIL") -> RUSMIL."""
        return cls(country + sector, country, sector, name, role, text)

    @classmethod
    def from_json(cls, obj: dict[str, Any] | None) -> Actor | None:
        """The actor of a record (``to_json``'s object), or None."""
        if not obj:
            return None
        return cls(obj["code"], obj.get("country"), obj.get("sector"), obj.get("name"), obj.get("role"), obj.get("text") or "")

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }

EN_PLACE_PREPS = frozenset({"in", "at", "near", "inside"})  # English prepositions that name where things happen
WHERE = frozenset({"в", "на"}) | EN_PLACE_PREPS  # the values of Mention.place that say where things happen


@dataclass
class Mention:
    """A span of a sentence that names (or refers back to) an actor."""

    sentence: int
    first: int  # first token index
    last: int  # last token index (inclusive)
    head: int  # syntactic head token index
    text: str
    start: int
    end: int
    kind: str  # country | adjective | capital | seat | organisation | group | person | agent | coref
    actor: Actor | None = None
    plural: bool = False
    source_line: str = ""  # data file:line that resolved it, for explain
    cue: tuple | None = None  # (cue kind, country, agent) for mentions coreference must resolve
    pair: tuple[Actor, ...] | None = None  # "the two sides": both actors (or the actors of a name a user codes A/B/C)
    tokens: frozenset[int] = frozenset()  # the token indices the mention is made of
    names: frozenset[str] = frozenset()  # surname forms of a person no dictionary knows ("Санников")
    person: str = ""  # that person's name, romanised ("Andrey Sannikov")
    surname: bool = False  # that name holds a surname (not a lone given name such as "Виктор")
    slavic: bool = False  # a Russian, Ukrainian or Belarusian name ("Андрей Санников", "Бут" is not)
    gender: str = ""  # grammatical gender of the head word (Masc, Fem, Neut), for pronouns
    owned: bool = False  # a possessive pronoun before it ("its embassy", "their government"): it is someone's
    place: str = ""  # the preposition when named as a place: "в"/"на" (where), "из" (where from), "в>"/"на>" (where to); English "in", "at", ... (EN_PLACE_PREPS)

    def covers(self, token_index: int) -> bool:
        return token_index in self.tokens if self.tokens else self.first <= token_index <= self.last


@dataclass
class Evidence:
    start: int
    end: int
    text: str
    trigger: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "trigger": self.trigger}


@dataclass
class Attribution:
    text: str
    code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code}


@dataclass
class Event:
    """One coded event, serialised exactly as spec/events.md §2."""

    source: Actor | None
    target: Actor | None
    code: str
    root: str
    quad_class: int
    goldstein: float | None
    plover: str | None
    date: str | None
    date_from: str
    modality: str
    evidence: Evidence
    attribution: Attribution | None = None
    confidence: float = 0.5
    trace: list[str] = field(default_factory=list)
    geo: Any = None  # the dyad.geo.gazetteer.Place where it happened, or None
    geo_from: str | None = None  # text | dateline | None (GEO_SOURCES)
    geo_text: str = ""  # the place's words as the text gives them
    mode: str | None = None  # PLOVER mode ("phone", "heavy-weapons" ...) where the text supports one
    contexts: list[str] = field(default_factory=list)  # PLOVER contexts ("military", "economic" ...)

    def to_json(self, with_trace: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "date": self.date,
            "date_from": self.date_from,
            "modality": self.modality,
            "attribution": self.attribution.to_json() if self.attribution else None,
            "evidence": self.evidence.to_json(),
            "confidence": round(self.confidence, 2),
            "geo": {**self.geo.to_json(), "text": self.geo_text} if self.geo is not None else None,
            "geo_from": self.geo_from,
            "mode": self.mode,
            "contexts": list(self.contexts),
        }
        if with_trace:
            out["trace"] = list(self.trace)
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Event:
        """An event back from its record (``to_json``; ``trace`` when the record kept it): the
        inverse of ``to_json``, so stored or exported records can be merged and stored again."""
        from dyad.geo.gazetteer import Place

        evidence = obj["evidence"]
        attribution = obj.get("attribution")
        geo = obj.get("geo")
        place = None
        if geo:
            place = Place(name=geo["name"], country=geo.get("country"), feature=geo.get("feature") or "",
                          lat=geo.get("lat"), lon=geo.get("lon"), geonameid=geo.get("geonameid"), adm1=geo.get("adm1"))  # fmt: skip
        return cls(
            source=Actor.from_json(obj.get("source")),
            target=Actor.from_json(obj.get("target")),
            code=obj["code"],
            root=obj["root"],
            quad_class=obj["quad_class"],
            goldstein=obj.get("goldstein"),
            plover=obj.get("plover"),
            date=obj.get("date"),
            date_from=obj.get("date_from") or "published",
            modality=obj.get("modality") or "asserted",
            evidence=Evidence(evidence["start"], evidence["end"], evidence["text"], evidence.get("trigger") or ""),
            attribution=Attribution(attribution["text"], attribution.get("code")) if attribution else None,
            confidence=obj.get("confidence", 0.5),
            trace=list(obj.get("trace") or []),
            geo=place,
            geo_from=obj.get("geo_from"),
            geo_text=(geo or {}).get("text") or "",
            mode=obj.get("mode"),
            contexts=list(obj.get("contexts") or []),
        )


@dataclass
class CodedDocument:
    """The output of the pipeline for one document (spec §2), plus what explain needs."""

    document: Document
    events: list[Event]
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what a user should know (a sentence in another language)
    skipped: str | None = None  # reason when the document was not coded

    def sentence_of(self, event: Event) -> Sentence | None:
        """The sentence an event's evidence starts in."""
        start = event.evidence.start
        return next((s for s in self.sentences if s.start <= start < s.end or s.start == start), None)

    def to_json(self, with_trace: bool = False) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "id": doc.id,
            "lang": doc.lang,
            "published": doc.published.isoformat() if doc.published else None,
        }
        if doc.title is not None:
            out["title"] = doc.title
        if doc.url is not None:
            out["url"] = doc.url
        out["events"] = [e.to_json(with_trace) for e in self.events]
        if self.skipped:
            out["skipped"] = self.skipped
        return out
