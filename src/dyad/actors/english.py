"""English actor mentions: dictionary hits (Phoenix names, agents, people with dated offices, a
user's PETRARCH dictionaries) joined along spaCy's noun-phrase relations into resolved mentions.

"Arnor's foreign minister" -> ARN + GOVFRM; "the US commander in Iraq, General David
Petraeus" -> the person's code on the day; "ambassadors of Arnor, Osgiliath and Gondor" ->
three mentions, each with the agent; "his Russian counterpart", "the two sides", "he" ->
coreference cues that :class:`dyad.actors.coref.Discourse` resolves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dyad import data
from dyad.actors.index import ORG_PREFIXES, SURNAME_FIRST, ActorIndex, Agent, Person
from dyad.actors.resolve import Cue
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.model import EN_PLACE_PREPS, Actor, Mention, Sentence
from dyad.phrases import PhraseIndex
from dyad.time.calendar import parse_iso_date

# relations that keep a word inside the noun phrase of its head
NP_RELS = frozenset({"compound", "amod", "poss", "nmod", "nn", "det", "appos", "npadvmod", "nummod", "quantmod", "case", "punct"})
PLAIN_NAME = re.compile(r"[\w. ]+")
# the offices whose holders are each other's counterparts (role names as in office_holders.tsv)
ROLES = {
    ("president",): "president", ("prime", "minister"): "prime minister", ("premier",): "prime minister",
    ("foreign", "minister"): "foreign minister", ("secretary", "of", "state"): "secretary of state",
    ("foreign", "secretary"): "foreign secretary", ("defense", "minister"): "defence minister",
    ("defence", "minister"): "defence minister", ("defense", "secretary"): "secretary of defense",
    ("chancellor",): "chancellor", ("king",): "king",
}  # fmt: skip
STATE_KINDS = frozenset({"country"})


@dataclass(frozen=True)
class Named:
    """A country, organisation or group by name; ``codes`` are (code, start, end), undated first."""

    codes: tuple[tuple[str, dt.date | None, dt.date | None], ...]
    kind: str
    where: str
    alone: bool = False  # counts only when no capitalised word follows ("the West", not "the West Bank")

    def code_on(self, day: dt.date | None) -> str:
        if day is not None:
            for code, start, end in self.codes:
                if (start or end) and (start is None or start <= day) and (end is None or day <= end):
                    return code
        undated = [c for c, s, e in self.codes if s is None and e is None]
        return (undated or [self.codes[-1][0]])[0]


@dataclass
class Hit:
    kind: str  # named | person | agent | cue
    tokens: tuple[int, ...]
    entry: object
    where: str


class EnglishActors:
    """The English side of the one actor knowledge base (:class:`ActorIndex` holds the people)."""

    def __init__(self, index: ActorIndex, words: Callable[[str], tuple[str, ...]]) -> None:
        self.index = index
        self.words = words
        self.named: PhraseIndex[Named] = PhraseIndex()
        self.user_named: PhraseIndex[Named] = PhraseIndex()
        self.agents: PhraseIndex[Agent] = PhraseIndex()
        self.people: PhraseIndex[Person] = PhraseIndex()
        self.surnames: dict[str, list[Person]] = {}
        self.cues: PhraseIndex[list[Cue]] = PhraseIndex()
        self._load()

    # ----------------------------------------------------------------- loading
    def _load(self) -> None:
        for row in read_table(data.EN_ACTORS_DYAD, required=("name", "code", "kind")):  # ours first: regions and blocs, each alone
            entry = Named(((row["code"], None, None),), row["kind"], row.where, alone=True)
            self._add_named(self.named, row["name"], entry)
        by_name: dict[str, list] = {}  # a name's rows (one per dated code) make one entry
        for row in read_table(data.PHOENIX_ACTORS, required=("name", "code", "kind")):
            if row["kind"] != "person":
                by_name.setdefault(row["name"], []).append(row)
        for name, rows in by_name.items():
            codes = tuple((r["code"], _date(r.get("start"), r.where), _date(r.get("end"), r.where)) for r in rows)
            entry = Named(codes, rows[0]["kind"], rows[0].where)
            for variant in {name, *(v for r in rows for v in r.get("variants").split("|") if v)}:
                self._add_named(self.named, variant, entry)
        for person in self.index.people.values():
            curated = any(t.role for t in person.terms)  # office holders: known by surname alone too
            for name in {person.name, *person.aliases}:
                if name and not any("а" <= ch.lower() <= "я" for ch in name):
                    key = self.words(name)
                    if len(key) >= 2:
                        self.people.add(key, person)
                        first = any(t.country in SURNAME_FIRST for t in person.terms)  # Xi Jinping, Kim Jong Un
                        for surname in {key[-1], key[0]} if first else {key[-1]}:
                            if curated and person not in self.surnames.get(surname, []):
                                self.surnames.setdefault(surname, []).append(person)
        for path in (data.EN_AGENTS_DYAD, data.EN_AGENTS):  # ours first: an entry added first wins
            for row in read_table(path, required=("phrase", "code")):
                self._add_agent(self.words(row["phrase"]), row["code"], row.where)
        by_phrase: dict[tuple[str, ...], list[Cue]] = {}
        for row in read_table(data.EN_CUES, required=("phrase", "cue", "number")):
            by_phrase.setdefault(tuple(row["phrase"].split()), []).append(Cue(row["cue"], row["number"], row.where))
        for phrase, cues in by_phrase.items():
            self.cues.add(phrase, cues)

    def _add_named(self, index: PhraseIndex[Named], name: str, entry: Named) -> None:
        key = self.words(name)
        if key:
            index.add(key, entry)

    def _add_agent(self, phrase: tuple[str, ...], code: str, where: str) -> None:
        if phrase:
            self.agents.add(phrase, Agent(code, ROLES.get(phrase, ""), "member", where))

    def add_user_actors(self, entries: Iterable) -> int:
        """Actors of a user's PETRARCH dictionary; they take precedence over the bundled ones."""
        count = 0
        for entry in entries:
            named = Named(tuple((c.code, c.start, c.end) for c in entry.codes), "user", entry.where)
            for name in (entry.name, *entry.synonyms):
                if name:
                    self.user_named.add(tuple(name), named)
                    count += 1
        return count

    def add_user_agents(self, entries: Iterable) -> int:
        count = 0
        for entry in entries:
            self._add_agent(tuple(entry.phrase), entry.code, entry.where)
            count += 1
        return count

    @property
    def first_words(self) -> set[str]:
        return self.named.first_words | self.user_named.first_words | self.people.first_words | self.agents.first_words | set(self.surnames)

    def is_name(self, word: str) -> bool:
        return word in self.named.first_words or word in self.user_named.first_words or word in self.people.first_words

    # ----------------------------------------------------------------- lookups
    def countries_named(self, sentence: Sentence) -> list[str]:
        words = [t.text.lower() for t in sentence.tokens]
        found = self.user_named.find(words) + self.named.find(words)
        return [m.payload.code_on(None)[:3] for m in found if not m.payload.code_on(None).startswith(ORG_PREFIXES)]

    def hits(self, sentence: Sentence) -> list[Hit]:
        tokens = sentence.tokens
        words = [t.text.lower() for t in tokens]
        lemmas = [t.lemma or w for t, w in zip(tokens, words, strict=True)]
        taken: set[int] = set()
        found: list[Hit] = []

        def take(kind: str, index: PhraseIndex, sequence: list[str], check=None) -> None:
            for match in index.find(sequence, blocked=taken):
                if check is not None and not check(match):
                    continue
                where = getattr(match.payload, "where", "") if kind != "cue" else match.payload[0].where
                found.append(Hit(kind, match.positions, match.payload, where or "office_holders.tsv"))
                taken.update(match.positions)

        take("named", self.user_named, words)
        take("person", self.people, words)
        take("named", self.named, words, lambda m: _capitalised(tokens, m.positions) and not (m.payload.alone and _name_goes_on(tokens, m.positions)))
        take("agent", self.agents, words)
        take("agent", self.agents, lemmas)
        take("cue", self.cues, words)
        take("cue", self.cues, lemmas, lambda m: len(m.positions) == 1)
        titled = {h.tokens[-1] for h in found if h.kind in ("agent", "cue") and tokens[h.tokens[-1]].text[:1].isupper()}
        for token in tokens:  # a curated office holder by surname ("Lavrov said", "President obama")
            written = token.text[:1].isupper() or (token.index - 1 in titled and token.pos in ("PROPN", "NOUN"))
            if (token.index not in taken and written and token.text.lower() in self.surnames and not _month(tokens, token.index)
                    and not self._names_another(tokens, token.index)):
                found.append(Hit("person", (token.index,), self.surnames[token.text.lower()], ""))
                taken.add(token.index)
        found.sort(key=lambda h: h.tokens[0])
        return _qualified_cities(tokens, found)

    def _names_another(self, tokens, index: int) -> bool:
        """A surname that modifies a proper noun after it is part of another name: a place ("Khan
        Younis"), a building ("Trump Tower"); not when that noun is another office holder's surname."""
        token = tokens[index]
        head = token.head
        return (token.rel == "compound" and index < head < len(tokens) and tokens[head].pos == "PROPN"
                and tokens[head].text.lower() not in self.surnames)  # fmt: skip

    def mentions(self, sentence: Sentence, day: dt.date | None) -> list[Mention]:
        """The resolved mentions of a parsed sentence (cues left for coreference)."""
        hits = self.hits(sentence)
        tokens = sentence.tokens
        groups: dict[int, list[Hit]] = {}
        for hit in hits:
            groups.setdefault(_np_head(sentence, _head_of(sentence, hit.tokens)), []).append(hit)
        # "ambassadors of Arnor, Osgiliath and Gondor", "Eriadori and Calenardhon leaders": conjoined
        # names share the agent of the first
        agent_of: dict[int, Hit] = {}
        for group in groups.values():
            agent = next((h for h in group if h.kind == "agent"), None)
            if agent is not None:
                for hit in group:
                    for i in hit.tokens:
                        agent_of[i] = agent
        mentions: list[Mention] = []
        for anchor, group in groups.items():
            inherited = None
            if not any(h.kind == "agent" for h in group):
                current = anchor
                for _ in range(6):
                    if tokens[current].rel != "conj" or tokens[current].head < 0:
                        break
                    current = tokens[current].head
                    inherited = agent_of.get(current) or inherited
                    if current in agent_of:
                        break
            mention = self._mention(sentence, anchor, group, inherited, day)
            if mention is not None:
                mentions.append(mention)
        mentions.sort(key=lambda m: m.first)
        _share_country(sentence, mentions)
        return mentions

    def _mention(self, sentence: Sentence, anchor: int, group: list[Hit], inherited: Hit | None, day: dt.date | None) -> Mention | None:
        tokens = sentence.tokens
        indices = sorted({i for h in group for i in h.tokens})
        first, last = indices[0], indices[-1]
        if tokens[anchor].pos in ("NOUN", "PROPN") and first <= anchor:
            last = max(last, anchor)
        text = sentence.text[tokens[first].start - sentence.start : tokens[last].end - sentence.start]
        mention = Mention(
            sentence.index, first, last, anchor, text, tokens[first].start, tokens[last].end, "agent",
            tokens=frozenset(indices) | {anchor}, plural=tokens[anchor].feats.get("Number") == "Plur",
        )  # fmt: skip
        # where things happen is named by a noun ("in Gaza"), not by a side's adjective ("in Israeli fire")
        mention.place = _place_of(sentence, anchor) if tokens[first].pos != "ADJ" else ""
        person = next((h for h in group if h.kind == "person"), None)
        named = next((h for h in group if h.kind == "named"), None)
        agent = next((h for h in group if h.kind == "agent"), None) or inherited
        cue = next((h for h in group if h.kind == "cue"), None)
        if person is not None:
            actor = _person_actor(person.entry, day, text)
            if actor is not None and day is None and not actor.role and agent is not None and agent.entry.sector and actor.country:
                # no date to pick a dictionary term by: the office the text gives ("the US commander ... Petraeus")
                actor = Actor.of(actor.country, agent.entry.sector, text, agent.entry.role or None, actor.name)
            if actor is not None:
                mention.kind, mention.actor, mention.source_line = "person", actor, person.where or "office holders by surname"
                mention.person = actor.name or ""
                return mention
        if named is not None and "/" in named.entry.code_on(day):
            # a user's "FRO/BIL/SAM": one name for several actors, each acts
            codes = named.entry.code_on(day).split("/")
            actors = tuple(Actor(c, None if c.startswith(ORG_PREFIXES) else c[:3], c[3:6] or None, None, None, text) for c in codes)
            mention.kind, mention.actor, mention.pair, mention.source_line = "group", actors[0], actors, named.where
            return mention
        if named is not None:
            code = named.entry.code_on(day)
            country = None if code.startswith(ORG_PREFIXES) else code[:3]
            kind = "country" if named.entry.kind in ("country", "user") and len(code) == 3 else named.entry.kind
            if cue is not None and cue.entry[0].cue in ("counterpart", "side"):
                mention.kind, mention.cue = "coref", (cue.entry[0].cue, country, None)
                return mention
            if agent is not None and len(code) == 3 and agent.entry.sector:
                actor = Actor.of(country, agent.entry.sector, text, agent.entry.role or None) if country else Actor(code + agent.entry.sector, None, None, None, None, text)
                mention.kind, mention.source_line = "agent", f"{named.where} + {agent.where}"
            else:
                actor = Actor(code, country, code[3:6] or None if country else None, None, None, text)
                mention.kind, mention.source_line = kind if kind in ("country", "organisation", "group") else "organisation", named.where
            mention.actor = actor
            return mention
        if cue is not None:
            choice = next((c for c in cue.entry if c.number == "any" or (c.number == "pl") == mention.plural), None)
            if choice is None:
                return None
            if choice.cue == "person" and tokens[anchor].rel == "poss":
                return None  # "his", "her" as possessives are no arguments
            mention.kind, mention.cue = "coref", (choice.cue, None, agent.entry if agent else None)
            return mention
        if agent is not None:
            # "the ministers", "the two leaders": with no country named, the two sides named before
            words = [tokens[i].text.lower() for i in range(first, last + 1)]
            plural_cue = next((c for m in self.cues.find(words) for c in m.payload if c.cue == "pair"), None)
            if plural_cue is not None and mention.plural and inherited is None:
                mention.kind, mention.cue = "coref", ("pair", None, agent.entry)
                return mention
            mention.kind, mention.cue = "coref", ("body", None, agent.entry)
            mention.owned = any(t.rel == "poss" and t.pos == "PRON" for t in sentence.children(anchor))
            return mention
        return None


MONTHS = frozenset("january february march april may june july august september october november december".split())
DATE_PREPS = frozenset("in on by since until till from to of early late mid before after during".split())


def _month(tokens, index: int) -> bool:
    """Is this surname-like word a month ("in May", "May 12", "early May") rather than a person (Theresa May)?"""
    if tokens[index].text.lower() not in MONTHS:
        return False
    before = tokens[index - 1].text.lower() if index > 0 else ""
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return before in DATE_PREPS or after[:1].isdigit() or before[:1].isdigit()


def _share_country(sentence: Sentence, mentions: list[Mention]) -> None:
    """"Danish media and government": a bare agent coordinated after a country's agent is of that country."""
    tokens = sentence.tokens
    for mention in mentions:
        if mention.kind != "coref" or not mention.cue or mention.cue[0] != "body" or not mention.cue[2]:
            continue
        agent = mention.cue[2]
        sector = agent.sector
        token = tokens[mention.head]
        if token.rel != "conj" or token.head < 0 or not sector:
            continue
        first = next((m for m in mentions if m.covers(token.head) and m.actor is not None and m.actor.country), None)
        if first is not None and first.kind == "agent":
            mention.kind, mention.cue = "agent", None
            mention.actor = Actor.of(first.actor.country, sector, mention.text, agent.role or None)
            mention.source_line = f"{first.source_line}, shared with '{first.text}'"


def _place_of(sentence: Sentence, anchor: int) -> str:
    """The preposition that names a mention as where things happen: "in Gaza", "in the east of the
    Gaza Strip", "at a mall in Kenya's capital" ("in"); "" for anything else ("in Israeli shelling"
    names the shelling's side, not a place)."""
    tokens = sentence.tokens
    current = anchor
    for _ in range(4):
        token = tokens[current]
        if token.rel == "poss" and token.head >= 0:
            current = token.head  # "in Kenya's capital"
            continue
        if token.rel != "pobj" or token.head < 0:
            return ""
        prep = tokens[token.head]
        if prep.text.lower() in EN_PLACE_PREPS:
            return prep.text.lower()
        if prep.text.lower() != "of" or prep.head < 0:
            return ""
        current = prep.head  # "in the east of X", "in the capital of X"
    return ""


FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "de", "al", "el", "la", "on", "in", "to"})


def _capitalised(tokens, positions) -> bool:
    """A name counts only when written as one: "Chad", not "chad"; "US", not "us"; "Armed Islamic
    Group", not "an armed Islamic group" (most of its words capitalised); "iSrael" with its odd capital."""
    word = tokens[positions[0]].text
    if len(positions) == 1:  # a capital inside a word is a miscased name ("iSrael"), not a common noun
        return (word[:1].isupper() or (len(word) > 2 and not word[1:].islower())) and (len(word) > 2 or word.isupper())
    content = [tokens[i].text for i in positions if tokens[i].text.lower() not in FUNCTION_WORDS and tokens[i].text[:1].isalpha()]
    return sum(w[:1].isupper() for w in content) * 2 > len(content)


def _qualified_cities(tokens, hits: list[Hit]) -> list[Hit]:
    """"Tripoli, Lebanon", "Moscow, Idaho": a city the dictionary gives one country, followed by a comma
    and the name of another country in which the gazetteer has a city of that name, is that country's
    city; the country after the comma only says which, and is no actor of its own ("Russia, Ukraine"
    stays two countries: Russia is no city of Ukraine)."""
    out: list[Hit] = []
    skip: set[int] = set()
    for n, hit in enumerate(hits):
        if n in skip:
            continue
        after = hits[n + 1] if n + 1 < len(hits) else None
        if (hit.kind == "named" and after is not None and after.kind == "named" and after.tokens[0] == hit.tokens[-1] + 2
                and tokens[hit.tokens[-1] + 1].text == ","):
            city, country = hit.entry.code_on(None), after.entry.code_on(None)
            if len(city) == 3 and len(country) == 3 and city != country and _city_in(" ".join(tokens[i].text for i in hit.tokens), country):
                qualified = (*hit.tokens, hit.tokens[-1] + 1, *after.tokens)  # one mention: "Tripoli, Lebanon"
                out.append(Hit("named", qualified, after.entry, f"{hit.where}, a city of {country} ({after.where})"))
                skip.add(n + 1)
                continue
        out.append(hit)
    return out


def _city_in(name: str, country: str) -> bool:
    from dyad.geo.gazetteer import Gazetteer

    return any(p.feature == "city" and p.country == country for p in Gazetteer.default().lookup(name))


def _name_goes_on(tokens, positions) -> bool:
    """A capitalised word follows: the name is the start of a longer one ("the West Bank")."""
    after = positions[-1] + 1
    return after < len(tokens) and tokens[after].text[:1].isupper()


def _head_of(sentence: Sentence, positions: tuple[int, ...]) -> int:
    inside = set(positions)
    for i in positions:
        if sentence.tokens[i].head not in inside:
            return i
    return positions[-1]


def _np_head(sentence: Sentence, index: int) -> int:
    """Climb from a word to the head of its noun phrase (through "of": "the president of Russia")."""
    tokens = sentence.tokens
    current = index
    for _ in range(8):
        token = tokens[current]
        if token.head < 0:
            break
        head = tokens[token.head]
        if token.rel == "appos" and token.pos == head.pos == "PROPN":
            break  # "the US, Russia and Switzerland" misread as apposition: names of their own
        if token.rel in NP_RELS and head.pos in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            current = head.index
            continue
        if token.rel == "pobj" and head.text.lower() == "of" and head.head >= 0 and tokens[head.head].pos in ("NOUN", "PROPN"):
            current = head.head
            continue
        break
    return current


def _person_actor(entry, day: dt.date | None, text: str) -> Actor | None:
    people = entry if isinstance(entry, list) else [entry]
    for person in people:
        term = person.term_on(day)
        if term is not None:
            actor = term.actor(text)
            return Actor(actor.code, actor.country, actor.sector, person.name, actor.role, text)
    if day is not None and len(people) == 1:
        term = people[0].term_on(None)  # out of office on the day: still of the same country
        if term is not None and term.country:
            return Actor(term.country, term.country, None, people[0].name, None, text)
    return None


def _date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except Exception:
        raise DataFileError(f'"{value}" is not a date (expected YYYY-MM-DD)', where=where) from None
