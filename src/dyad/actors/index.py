"""The actor knowledge base: names, adjectives, seats, agents and people with dated offices.

Russian phrases are stored as lemma tuples (lemmatised once at load time), so every
grammatical case matches. People are found by their Russian surname lemma and, for
names no Russian list has, by a transliteration key against the English dictionaries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from dyad import data
from dyad.actors.translit import NameMatcher
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.model import Actor
from dyad.phrases import PhraseIndex
from dyad.time.calendar import parse_iso_date

ORG_PREFIXES = ("IGO", "NGO", "NATO", "IMG", "MNC", "WST")
SURNAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "MMR", "SGP"})
KINDS = ("country", "adjective", "demonym", "capital", "seat", "organisation", "group", "region")
RANKS = ("head", "member", "body", "means")  # means: equipment that stands for its owner only with a country named


@dataclass(frozen=True)
class NamedActor:
    """A row of ru/actors.tsv: a country name, adjective, capital, seat or organisation."""

    code: str
    kind: str
    note: str
    where: str

    @property
    def country(self) -> str | None:
        return None if self.code.startswith(ORG_PREFIXES) else self.code[:3]

    @property
    def sector(self) -> str | None:
        return self.code[3:] or None if self.country else None


@dataclass(frozen=True)
class Agent:
    """A row of ru/agents.tsv: a noun naming a sector (and maybe an office)."""

    sector: str
    role: str
    rank: str
    where: str


@dataclass(frozen=True)
class Term:
    """One office term of a person (office_holders.tsv, or a dated Phoenix code)."""

    name: str
    country: str | None
    code: str
    role: str | None
    start: dt.date | None
    end: dt.date | None
    where: str

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def actor(self, text: str) -> Actor:
        """The actor this term makes of a mention: its code, country, sector, name and office."""
        sector = self.code[len(self.country) :][:3] or None if self.country and self.code.startswith(self.country) else None
        return Actor(self.code, self.country, sector, self.name, self.role, text)


@dataclass
class Person:
    name: str
    terms: list[Term]
    name_ru: str = ""
    aliases: list[str] = field(default_factory=list)  # other spellings (office_holders.tsv), Russian and English

    def term_on(self, day: dt.date | None) -> Term | None:
        """The office held on ``day``: a curated term first, then a dated dictionary code.

        Without a day (no date in the text, no publication date) the person's latest
        curated office stands for them: the country is what matters then.
        """
        if day is None:
            curated = sorted((t for t in self.terms if t.role), key=lambda t: t.start or dt.date.min)
            dated = sorted((t for t in self.terms if t.start and not t.code.endswith("ELI")), key=lambda t: t.start)
            return (curated or dated or self.terms or [None])[-1]
        active = [t for t in self.terms if t.active(day)]
        if not active:
            return None
        active.sort(key=lambda t: (t.role is None, not _principal(t.role), t.start is None, -(t.start or dt.date.min).toordinal()))
        return active[0]


def _principal(role: str | None) -> bool:
    """Heads of state and government, foreign and defence ministers outrank other (and acting) offices."""
    return bool(role) and not role.startswith("acting ") and role_family(role) in PRINCIPAL_FAMILIES


PRINCIPAL_FAMILIES = frozenset({"foreign", "defence", "head_of_state", "head_of_government"})


def role_family(role: str | None) -> str | None:
    """Offices that are each other's counterparts across countries."""
    if not role:
        return None
    role = role.removeprefix("acting ")
    families = {
        "foreign": ("foreign minister", "secretary of state", "foreign secretary"),
        "defence": ("defence minister", "secretary of defense", "defence secretary", "secretary of war"),
        "head_of_state": ("president", "king", "monarch", "queen", "emir", "supreme leader", "chairman"),
        "head_of_government": ("prime minister", "chancellor", "premier", "chairman of the government"),
    }
    for family, names in families.items():
        if role in names:
            return family
    return role


class ActorIndex:
    """Loads the actor data files once; answers lookups by lemma phrase, surname and date."""

    def __init__(self, lemmatize: Callable[[str], str]) -> None:
        self.lemmatize = lemmatize
        self.named: PhraseIndex[NamedActor] = PhraseIndex()
        self.agents: PhraseIndex[Agent] = PhraseIndex()
        self.people: dict[str, Person] = {}
        self.by_surname: dict[str, list[Person]] = defaultdict(list)
        self.heads: dict[tuple[str, str], list[Term]] = defaultdict(list)  # (country, family) -> terms
        self._load_named()
        self._load_agents()
        self._load_office_holders()
        self._load_phoenix()
        self.matcher = NameMatcher((p.name, p) for p in self.people.values())

    # ----------------------------------------------------------------- loading
    def phrase(self, text: str) -> tuple[str, ...]:
        return tuple(self.lemmatize(word) for word in text.split())

    def phrases(self, text: str) -> set[tuple[str, ...]]:
        """The lemma phrase, and the phrase as written when that differs: a base form the
        morphology misreads out of context (Ливан -> 'ливана') still matches by its own spelling."""
        return {self.phrase(text), tuple(w.lower().replace("ё", "е") for w in text.split())}

    def _load_named(self) -> None:
        rows = [*read_table(data.RU_ACTORS, required=("phrase", "code", "kind"))]
        rows += read_table(data.RU_ORGANISATIONS, required=("phrase", "code", "kind"))
        for row in rows:
            kind = row["kind"]
            if kind not in KINDS:
                raise DataFileError(f"kind '{kind}' is not one of {', '.join(KINDS)}", where=row.where)
            entry = NamedActor(row["code"], kind, row.get("note"), row.where)
            for phrase in self.phrases(row["phrase"]):
                self.named.add(phrase, entry)

    def _load_agents(self) -> None:
        for row in read_table(data.RU_AGENTS, required=("phrase", "sector", "role", "rank")):
            rank = row.get("rank") or "member"
            if rank not in RANKS:
                raise DataFileError(f"rank '{rank}' is not one of {', '.join(RANKS)}", where=row.where)
            entry = Agent(row["sector"], row.get("role"), rank, row.where)
            for phrase in self.phrases(row["phrase"]):
                self.agents.add(phrase, entry)

    def _person(self, name: str) -> Person:
        person = self.people.get(name.lower())
        if person is None:
            person = self.people[name.lower()] = Person(name, [])
        return person

    def _load_office_holders(self) -> None:
        table = read_table(data.OFFICE_HOLDERS, required=("name", "country", "code", "role", "start", "end"))
        for row in table:
            start = _date(row.get("start"), row.where)
            end = _date(row.get("end"), row.where)
            term = Term(row["name"], row.get("country") or None, row["code"], row["role"], start, end, row.where)
            person = self._person(row["name"])
            person.terms.append(term)
            if row.get("name_ru"):
                person.name_ru = row["name_ru"]
            person.aliases.extend(a for a in row.get("aliases").split("|") if a and a not in person.aliases)
            for russian in [row.get("name_ru"), *row.get("aliases").split("|")]:
                if russian and any("а" <= ch.lower() <= "я" for ch in russian):
                    words = russian.split()
                    surnames = [words[-1]]
                    if term.country in SURNAME_FIRST and len(words) > 1:
                        surnames.append(words[0])  # Си Цзиньпин, Ким Чен Ын
                    for surname in surnames:
                        for key in {surname.lower().replace("ё", "е"), self.lemmatize(surname)}:
                            if person not in self.by_surname[key]:
                                self.by_surname[key].append(person)
            if term.country:
                family = role_family(term.role)
                self.heads[(term.country, family or "")].append(term)

    def _load_phoenix(self) -> None:
        for row in read_table(data.PHOENIX_ACTORS, required=("name", "code", "start", "end", "kind")):
            if row["kind"] != "person":
                continue
            code = row["code"]
            country = None if code.startswith(ORG_PREFIXES) else code[:3]
            term = Term(
                row["name"], country, code, None,
                _date(row.get("start"), row.where), _date(row.get("end"), row.where), row.where,
            )  # fmt: skip
            self._person(row["name"]).terms.append(term)

    # ----------------------------------------------------------------- lookups
    def people_by_surname(self, surname_lemma: str) -> list[Person]:
        return self.by_surname.get(surname_lemma, [])

    def office_holder(self, country: str, role: str | None, day: dt.date | None) -> Term | None:
        """Who held ``role`` (or its counterpart office) in ``country`` on ``day`` (None: unknown)."""
        if day is None:
            return None
        family = role_family(role)
        for term in self.heads.get((country, family or ""), []):
            if term.active(day):
                return term
        return None


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except Exception:
        raise DataFileError(f'"{value}" is not a date (expected YYYY-MM-DD)', where=where) from None
