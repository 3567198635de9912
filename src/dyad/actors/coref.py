"""Coreference: "his American counterpart", "the ministers", "the two sides", "he" -> actors named before."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dyad.actors.index import ActorIndex
from dyad.model import WHERE, Actor, Mention

SLAVIC_COUNTRIES = ("RUS", "UKR", "BLR")  # where a Russian, Ukrainian or Belarusian name is at home


class Discourse:
    """What a document has said so far: the actors in order, and the pairs that interacted."""

    def __init__(self, index: ActorIndex, reach: int | None = None) -> None:
        """``reach``: how many words may part a bare sector from the only country its sentence names for
        it to take that country ("the government of X", "a vessel from X": one); None for any distance."""
        self.index = index
        self.reach = reach
        self.actors: list[Actor] = []
        # how often each pair of countries interacted, and the latest actors of that pair
        self.pairs: dict[frozenset[str], tuple[int, int, tuple[Actor, Actor]]] = {}
        self.turn = 0
        self.names: dict[str, Actor] = {}  # surname forms of people the text described
        self.speaker: Actor | None = None  # who the text last quoted
        self.plurals: list[tuple[int, Actor]] = []  # (sentence, actor) of plural mentions: "американские военные"
        # how often each country was named, and where last (index in ``actors``; -1: only in unparsed sentences)
        self.counts: dict[str, int] = {}
        self.last_named: dict[str, int] = {}

    def remember(self, mention: Mention) -> None:
        """Keep a resolved mention's actor; a person known only by a description gets their name."""
        actor = mention.actor
        if actor is None:
            return
        if mention.person and not actor.name:
            actor = mention.actor = replace(actor, name=mention.person)
        self.actors.append(actor)
        if actor.country and not (mention.cue and mention.cue[0] == "name"):  # an unknown person's guessed country is not evidence
            self.counts[actor.country] = self.counts.get(actor.country, 0) + 1
            self.last_named[actor.country] = len(self.actors) - 1
        if mention.plural and mention.kind not in ("coref",) and mention.pair is None:
            self.plurals.append((mention.sentence, actor))
        for form in mention.names:
            self.names[form] = actor

    def interacted(self, source: Actor, target: Actor) -> None:
        if source.country != target.country and source.country and target.country:
            key = frozenset((source.country, target.country))
            count = self.pairs.get(key, (0, 0, None))[0]
            self.turn += 1
            self.pairs[key] = (count + 1, self.turn, (source, target))

    def main_pair(self) -> tuple[Actor, Actor] | None:
        """The two sides the text is about: the pair that interacted most often, among equals the latest
        ("Турция приняла переговоры России и Украины ... стороны договорились": Russia and Ukraine)."""
        if not self.pairs:
            return None
        return max(self.pairs.values(), key=lambda v: (v[0], v[1]))[2]

    def resolve(self, mention: Mention, day: dt.date | None, nearby: list[Mention] = ()) -> str | None:
        """Fill ``mention.actor`` (or ``mention.pair``); return a note for explain, None if unresolved.

        ``nearby``: the other mentions of the same sentence, already resolved where they could be.
        """
        if mention.cue is None:
            return None
        cue, country, agent = mention.cue
        if cue == "counterpart":
            return self._counterpart(mention, country, day)
        if cue == "side" and country:
            mention.actor = Actor.of(country, "GOV", mention.text)
            return f"side of {country}"
        if cue == "group" and self.plurals and self.plurals[-1][0] >= mention.sentence - 1:
            # "они" right after "российские специалисты": that group, not the last pair
            group = self.plurals[-1][1]
            mention.actor = _retext(group, mention.text)
            return f"'{mention.text}' -> the group named just before: {group.code}"
        if cue in ("pair", "group"):
            # "переговоры Мединского и Умерова ... стороны договорились": the two named just before
            before = [m.actor for m in nearby if m.actor is not None and m.actor.country and m.head < mention.head]
            local = next(((a, b) for i, a in enumerate(before) for b in before[i + 1 :] if a.country != b.country), None)
            pair = local or self.main_pair() or self._recent_pair()
            if pair:
                mention.pair = (_retext(pair[0], mention.text), _retext(pair[1], mention.text))
                return f"the two sides named before: {pair[0].code}, {pair[1].code}"
            return None
        if cue == "speaker":
            if self.speaker is None:
                return None
            mention.actor = _retext(self.speaker, mention.text)
            return f"the speaker of the quotation: {self.speaker.name or self.speaker.code}"
        if cue == "name":
            known = next((self.names[f] for f in sorted(mention.names) if f in self.names), None)
            if known is None:
                # nobody the dictionaries know and nothing describes: a person of the country the
                # text is about, sector unknown ("Андрей Санников был приговорён" in news on Belarus)
                return self._unknown_person(mention, nearby)
            mention.actor = _retext(known, mention.text)
            return f"'{mention.text}' as described before: {known.code}"
        if cue == "person":
            # the person named last: earlier in this sentence, else before it
            # a pronoun after a preposition ("в отношении неё", "против него") stands for an actor, so one of
            # another gender is not meant: "Премьер Белоруссии заявил, что ... в отношении неё" (a bare
            # "она" is as often a thing: "информация ..., но она была опровергнута")
            oblique = agent is None and mention.gender and mention.text.lower().startswith("н")
            here = [
                m.actor for m in nearby
                if m.actor is not None and m.actor.name and m.head < mention.head
                and not (oblique and m.gender and m.gender != mention.gender)
            ]  # fmt: skip
            # "если Москва отвергнет ..., Вашингтон введёт против неё санкции": a pronoun agrees in gender
            agreeing = [
                m.actor for m in nearby
                if m.actor is not None and m.head < mention.head and mention.gender and m.gender == mention.gender
                and m.kind in ("country", "capital", "seat", "person")
            ]  # fmt: skip
            if agreeing and not here and agent is None:
                mention.actor = _retext(agreeing[-1], mention.text)
                return f"pronoun agreeing in gender with '{agreeing[-1].text}'"
            person = here[-1] if here else next((a for a in reversed(self.actors) if a.name), None)
            if person is None:
                return None
            if agent is not None and agent.sector and person.country:
                # "его правительство": the body of that person's country
                mention.actor = Actor.of(person.country, agent.sector, mention.text, agent.role or None)
                return f"'{mention.text}' of {person.name}'s country: {person.country}"
            mention.actor = _retext(person, mention.text)
            return f"pronoun -> {person.name}"
        if cue in ("body", "member") and agent is not None:
            # a sector without a country: the country of the text (for a member, until the event says otherwise)
            return self._of_country_about(mention, agent, nearby)
        if cue == "role" and agent is not None:
            wanted = agent.role
            found = next((a for a in reversed(self.actors) if a.role and (not wanted or a.role == wanted)), None)
            if found:
                mention.actor = _retext(found, mention.text)
                return f"role '{wanted or 'head'}' -> {found.name or found.code}"
            return self._of_country_about(mention, agent, nearby)  # "лидер оппозиции", "председатель КГБ"
        return None

    def _unknown_person(self, mention: Mention, nearby: list[Mention]) -> str | None:
        """A person no dictionary knows and nothing describes: of the country the text is about (else the
        one the sentence names nearest), sector unknown; a Slavic name in a text about another country
        is taken for one of the Slavic-speaking country the text names most (else Russia), a foreign
        name in a text about such a country stays unknown."""
        if not mention.surname:
            # "Борис Николаевич", "Алла": somebody named before with that given name, else nobody in particular
            given = mention.person.split()[0].lower() if mention.person else ""
            known = next((a for a in reversed(self.actors) if a.name and a.name.split()[0].lower() == given), None)
            if known is None or not given:
                return None
            mention.actor = replace(known, text=mention.text)
            return f"'{mention.text}': the {known.name} named before"
        about = self.about()
        if about is None:
            local = [m for m in nearby if m is not mention and m.actor is not None and m.actor.country]
            if not local:
                return None
            about = min(local, key=lambda m: abs(m.head - mention.head)).actor.country
        if mention.slavic and about not in SLAVIC_COUNTRIES:
            country, why = self._slavic_home()
        elif not mention.slavic and about in SLAVIC_COUNTRIES:
            return None  # "Пегги Уитсон" in news on Russia: a foreigner of no known country
        else:
            country, why = about, "of the country the text is about"
        mention.actor = Actor(country, country, None, mention.person or None, None, mention.text)
        return f"'{mention.text}': a person no dictionary knows or description places; {why} ({country})"

    def _slavic_home(self) -> tuple[str, str]:
        """Where a Russian, Ukrainian or Belarusian name belongs when the text is about another country."""
        named = [c for c in SLAVIC_COUNTRIES if self.counts.get(c)]
        if named:
            return max(named, key=lambda c: self.counts[c]), "a Slavic name, of the Slavic-speaking country the text names"
        return "RUS", "a Slavic name"

    def _of_country_about(self, mention: Mention, agent, nearby: list[Mention]) -> str | None:
        """A sector without a country ("власти", "полиция", "лидер оппозиции") belongs to the place the
        sentence names, else to the country the text has named most, else to the one named nearest."""
        if not agent.sector:
            return None  # a generic "глава" of nothing named is nobody in particular
        # (an outlet that reports it is no place: "..., сообщает BBC")
        local = [
            m for m in nearby
            if m is not mention and m.actor is not None and m.actor.country and m.actor.sector != "MED"
        ]  # fmt: skip
        places = [m for m in local if m.place in WHERE]
        about = self.about()
        if places:  # "полицейские в Кении"
            nearest = min(places, key=lambda m: abs(m.head - mention.head))
            country, why = nearest.actor.country, f"where the sentence takes place ('{nearest.text}')"
        elif about:
            country, why = about, "the text is about"
        elif local:
            nearest = min(local, key=lambda m: abs(m.head - mention.head))
            if self.reach is not None and not mention.owned and _apart(mention, nearest) > self.reach:
                # "Congress is asking Obama to help Iran", "the government thanked China": a country named
                # away from it is mostly the other party's, so the sector stays of no known country
                mention.actor = Actor("---" + agent.sector, None, agent.sector, None, agent.role or None, mention.text)
                return f"'{mention.text}' of no country its sentence ties it to: ---{agent.sector}"
            country, why = nearest.actor.country, f"named nearest in the sentence ('{nearest.text}')"
        else:
            return None
        if mention.slavic and mention.surname and country not in SLAVIC_COUNTRIES:
            # "бизнесмен Дмитрий Карпухин" in news on Thailand: the name says where the person is from
            country, why = self._slavic_home()
            why = f"of {why}"
        mention.actor = Actor.of(country, agent.sector, mention.text, agent.role or None)
        return f"'{mention.text}' of the country {why}: {country}"

    def background(self, countries) -> None:
        """Countries named in sentences that were not parsed: they count for what the text is about."""
        for country in countries:
            if country:
                self.counts[country] = self.counts.get(country, 0) + 1
                self.last_named.setdefault(country, -1)

    def about(self) -> str | None:
        """The country the text has named most so far; among equals the latest."""
        if not self.counts:
            return None
        return max(self.counts, key=lambda c: (self.counts[c], self.last_named[c]))

    def _counterpart(self, mention: Mention, country: str | None, day: dt.date | None) -> str | None:
        antecedent = next((a for a in reversed(self.actors) if a.country and a.country != country), None)
        if country is None:
            if antecedent is None:
                return None
            other = next((a for a in reversed(self.actors) if a.country and a.country != antecedent.country), None)
            if other is None:
                return None
            mention.actor = _retext(other, mention.text)
            return f"counterpart -> {other.code}"
        role = antecedent.role if antecedent else None
        term = self.index.office_holder(country, role, day) if role else None
        if term is not None:
            mention.actor = term.actor(mention.text)
            return f"counterpart of {antecedent.name or antecedent.code} in {country}: {term.name} ({term.where})"
        sector = antecedent.sector if antecedent and antecedent.sector else "GOV"
        mention.actor = Actor.of(country, sector, mention.text, role)
        return f"counterpart in {country}"

    def _recent_pair(self) -> tuple[Actor, Actor] | None:
        seen: list[Actor] = []
        for actor in reversed(self.actors):
            if actor.country and all(actor.country != s.country for s in seen):
                seen.append(actor)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None


def _apart(one: Mention, other: Mention) -> int:
    """How many words lie between two mentions."""
    return other.first - one.last - 1 if other.first > one.last else one.first - other.last - 1


def _retext(actor: Actor, text: str) -> Actor:
    return replace(actor, text=text)
