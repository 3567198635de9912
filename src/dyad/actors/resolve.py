"""Actor mentions of a parsed sentence: dictionary hits grouped by syntax, resolved to dated actors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dyad import data
from dyad.actors.index import SURNAME_FIRST, ActorIndex, Agent, NamedActor, Person
from dyad.actors.translit import deinflect, is_cyrillic, name_key, transliterate
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.lang.ru.morph import Lemmatizer
from dyad.model import Actor, Mention, Sentence, Token
from dyad.phrases import PhraseIndex

# dependency relations that keep a modifier inside the noun phrase of its head
NP_RELS = frozenset({"amod", "nmod", "appos", "flat:name", "flat", "flat:foreign", "nummod", "det", "compound", "conj:appos"})
HEAD_ROLE = "president"
# participles of holding an office ("исполняющий обязанности", "занимающий пост", "возглавляющий")
ROLE_PARTICIPLES = frozenset({"исполнять", "занимать", "возглавлять", "представлять", "руководить", "курировать"})
PLACE_NOUNS = frozenset({"территория", "предел", "граница"})  # nouns whose genitive names the place itself
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})  # the office a bare "leader"/"head" of a country names


@dataclass
class Hit:
    """One dictionary match inside a sentence."""

    kind: str  # named | agent | cue | person
    first: int
    last: int
    tokens: tuple[int, ...]
    entry: object
    where: str = ""


@dataclass
class Group:
    """Hits joined into one noun phrase; ``anchor`` is the hit token the others hang on."""

    hits: list[Hit]
    anchor: int
    conj_of: int | None = None  # anchor of the group this one is coordinated with
    tokens: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Cue:
    cue: str
    number: str
    where: str


class MentionFinder:
    """Finds and resolves actor mentions in one sentence (coreference cues are left to coref)."""

    def __init__(self, index: ActorIndex, cues: PhraseIndex[list[Cue]], lemmatizer: Lemmatizer) -> None:
        self.index = index
        self.cues = cues
        self.lemmatizer = lemmatizer
        self.slavic_given, self.slavic_endings = _load_slavic_names()

    # ------------------------------------------------------------------ hits
    def hits(self, sentence: Sentence) -> list[Hit]:
        lemmas = [t.lemma for t in sentence.tokens]
        plain = [self.lemmatizer.plain(t.text) for t in sentence.tokens]
        found: list[Hit] = []
        taken: set[int] = set()
        # the tagger's lemma first; the dictionary's own (context-free) lemma for what is left
        for kind, index in (("named", self.index.named), ("agent", self.index.agents)):
            for words in (lemmas, plain):
                for match in index.find(words, blocked=taken):
                    token = sentence.tokens[match.first]
                    if kind == "agent" and len(match.positions) == 1 and token.pos == "ADJ" and token.rel == "amod":
                        continue  # "военной инфраструктуры": the adjective, not "военные"
                    found.append(Hit(kind, match.first, match.last, match.positions, match.payload, match.payload.where))
                    taken.update(match.positions)
        for match in self.cues.find(lemmas, blocked=taken):
            plural = sentence.tokens[match.first].feats.get("Number") == "Plur"
            cue = next((c for c in match.payload if c.number == "any" or (c.number == "pl") == plural), None)
            if cue is not None:
                found.append(Hit("cue", match.first, match.last, match.positions, cue, cue.where))
                taken.update(match.positions)
        found.extend(self._person_hits(sentence, taken))
        found.sort(key=lambda h: h.first)
        return found

    def countries_named(self, sentence: Sentence) -> list[str]:
        """Countries a sentence names, from the dictionary alone (for a sentence that was not parsed)."""
        plain = [self.lemmatizer.plain(t.text) for t in sentence.tokens]
        return [m.payload.country for m in self.index.named.find(plain) if m.payload.country]

    def _person_hits(self, sentence: Sentence, taken: set[int]) -> list[Hit]:
        runs: list[list[Token]] = [[]]
        for token in sentence.tokens:
            # a one-letter capital after a name belongs to it ("Ван И", "Ким Ир Сен")
            syllable = runs[-1] and len(token.text) == 1 and token.text.isupper() and token.text.isalpha()
            # a capitalised surname of the Russian lists, whatever the tagger says ("Ван" read as a particle)
            known = (
                token.text[:1].isupper() and len(token.text) > 1 and token.text.lower() in self.index.by_surname
                and token.pos not in ("CCONJ", "SCONJ", "PRON", "ADJ", "NUM", "DET", "ADP")
                and "NOUN" in self.lemmatizer.tags(token.text) and "NPRO" not in self.lemmatizer.tags(token.text)
            )  # fmt: skip
            following = sentence.tokens[token.index + 1] if token.index + 1 < len(sentence.tokens) else None
            tags = self.lemmatizer.tags(token.text)
            place_name = (  # the genitive of a title before a given name ("мэр Стамбула Экрем ..."), not "Ван И"
                token.rel == "nmod" and token.feats.get("Case") == "Gen" and following is not None
                and "Geox" in tags and not {"Name", "Surn", "Patr"} & tags and "Name" in self.lemmatizer.tags(following.text)
            )  # fmt: skip
            if token.index in taken or place_name or not (_name_like(token) or syllable or known):
                # a place ("мэр Стамбула Экрем Имамоглу") is no part of a person's name
                runs.append([])
            else:
                runs[-1].append(token)
                # a word with its own preposition ends a name unless the next word belongs to it
                # ("с Сергеем Лавровым"); what follows is somebody else ("на Южном Кавказе Питер Семнеби")
                children = sentence.children(token.index)
                if any(c.rel == "case" for c in children) and not any(
                    c.index == token.index + 1 and c.rel.startswith("flat") for c in children
                ):
                    runs.append([])
        hits = []
        for run in filter(None, runs):
            people = self.people_for(run)
            indices = tuple(t.index for t in run)
            if people:
                hits.append(Hit("person", indices[0], indices[-1], indices, people))
            elif self._personal(run):
                # nobody the dictionaries know: the description beside the name may say who it is
                romanised = " ".join(
                    transliterate(t.text if t.feats.get("Case") == "Nom" else self.lemmatizer.plain(t.text)).title() for t in run
                )
                tags = [self.lemmatizer.tags(t.text) for t in run]
                # a lone -ович is a surname; "Борис Николаевич" (given name and patronymic) has none
                surname = bool({"Surn", "Patr"} & tags[0]) if len(run) == 1 else not (len(run) == 2 and "Patr" in tags[1] and "Surn" not in tags[1])
                entry = (self._surname_forms(run[-1]), romanised, surname, self._slavic(run))
                hits.append(Hit("name", indices[0], indices[-1], indices, entry))
        return hits

    def _whole_name_agrees(self, run: list[Token], name: str | None) -> bool:
        """A name of three words or more (patronymics aside) agrees with the dictionary's spelling word
        by word, the last in any case ("Ли Со Ён" is not "Ли Нак Ён"; "Ли Нак Ёном" is). A Russian
        spelling is compared letter by letter, an English one by its sound key."""
        words = [t for t in run if "Patr" not in self.lemmatizer.tags(t.text)]
        if len(words) < 3 or not name:
            return True
        russian = is_cyrillic(name.lower())
        key = (lambda w: w.lower().replace("ё", "е")) if russian else name_key
        theirs = [key(w) for w in name.replace("-", " ").split()]
        if len(theirs) != len(words) or theirs[:-1] != [key(t.text) for t in words[:-1]]:
            return False
        last = words[-1].text
        return theirs[-1] in {key(f) for f in (last.lower(), self.lemmatizer.plain(last), *deinflect(last))}

    def _slavic(self, run: list[Token]) -> bool:
        """Is this a Russian, Ukrainian or Belarusian name (a Slavic given name, or a surname ending so)?"""
        if len(run) > 1 and self.lemmatizer.plain(run[0].text) in self.slavic_given:
            return True
        surname = self.lemmatizer.plain(run[-1].text)
        return any(surname.endswith(e) and len(surname) > len(e) + 2 for e in self.slavic_endings)

    def _personal(self, run: list[Token]) -> bool:
        """A run the morphology reads as a person's name (given name, surname or patronymic)."""
        return any({"Name", "Surn", "Patr"} & self.lemmatizer.tags(t.text) for t in run)

    def _surname_forms(self, token: Token) -> frozenset[str]:
        low = token.text.lower().replace("ё", "е")
        return frozenset({low, self.lemmatizer.plain(token.text), token.lemma, *deinflect(token.text)})

    def people_for(self, run: list[Token]) -> list[Person]:
        """Candidates for a run of name words: Russian surname lemma first, then transliteration."""
        words = [t.text for t in run]
        lemmas = [self.lemmatizer.plain(w) for w in words]
        for surname_at in ([len(run) - 1, 0] if len(run) > 1 else [0]):
            token = run[surname_at]
            forms = [token.text.lower().replace("ё", "е"), lemmas[surname_at], token.lemma]
            if not (len(run) == 1 and {"Name"} & self.lemmatizer.tags(token.text) and "Surn" not in self.lemmatizer.tags(token.text)):
                forms += deinflect(token.text)  # not for a lone given name: "Марины" is not Marin
            candidates: list[Person] = []
            for form in forms:
                candidates += [p for p in self.index.people_by_surname(form) if p not in candidates]
            if surname_at == 0 and len(run) > 1:
                # surname first only where names are written so ("Си Цзиньпин"), not "Мустафа Джемилев"
                candidates = [p for p in candidates if any(t.country in SURNAME_FIRST for t in p.terms)]
            candidates = [p for p in candidates if self._whole_name_agrees(run, p.name_ru)]
            if candidates:
                given = (lemmas[0], words[0].lower()) if len(run) > 1 and surname_at != 0 else None
                return _filter_given(candidates, given, self.lemmatizer)
        if len(run) == 1:
            return []  # a lone word is matched through the Russian surname lists only ("Фидан", not "Марины")
        surname = words[-1]
        given = words[0]
        matched = self.index.matcher.match(surname, given)
        if not matched and lemmas[-1] != surname.lower():
            matched = self.index.matcher.match(lemmas[-1], given)
        # a transliteration key is weak evidence among 19,000 dictionary names: people with a
        # curated office qualify; others only when given name and surname keys both agree
        matched = [
            p for p in matched
            if (any(t.role for t in p.terms) or len(run) <= 3) and _same_name(p.name, given, surname)
            and self._whole_name_agrees(run, p.name)
        ]  # fmt: skip
        return matched[:3]

    # ---------------------------------------------------------------- groups
    def groups(self, sentence: Sentence, hits: list[Hit]) -> list[Group]:
        owner: dict[int, int] = {}
        for number, hit in enumerate(hits):
            for i in range(hit.first, hit.last + 1):
                owner.setdefault(i, number)
        parent = list(range(len(hits)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        named_people = [hit.kind in ("person", "name") for hit in hits]  # per root: holds a named person

        def join(one: int, other: int) -> None:
            # two named people are two mentions ("глава X Миллер и министр Y Озерец")
            a, b = find(one), find(other)
            if a != b and not (named_people[a] and named_people[b]):
                named_people[b] |= named_people[a]
                parent[a] = b

        tokens = sentence.tokens
        for number, hit in enumerate(hits):
            top = _top_token(tokens, hit)
            token = tokens[top]
            # a noun the parser calls a clause ("Матиас Йорш, докладчик ПАСЕ": докладчик <-acl-) is an apposition
            apposition = token.rel == "appos" or token.rel == "acl" and token.pos == "NOUN"
            if token.rel not in NP_RELS and not apposition or token.head < 0:
                continue
            other = owner.get(token.head)
            if other is not None and token.rel == "acl" and hits[other].kind not in ("person", "name"):
                continue  # only a name takes a description by apposition
            if other is None:
                # a word no dictionary knows stands between ("глава ОАО «Газпром»", "Матиас Йорш,
                # докладчик ПАСЕ"): the phrase still belongs to the actor that word describes
                middle = tokens[token.head]
                if (
                    middle.pos in ("NOUN", "PROPN") and middle.rel in ("nmod", "appos") and middle.head >= 0
                    and not sentence.prepositions(middle.index) and not sentence.prepositions(top)
                    and middle.feats.get("Case") in ("Gen", "Nom", None)
                ):  # fmt: skip
                    other = owner.get(middle.head)
                    if other is not None and middle.rel == "appos" and hits[other].kind not in ("person", "name"):
                        other = None  # only a name takes a description by apposition
                    if other is not None:
                        token = middle
                        top = middle.index
            between = tokens[min(top, token.head) + 1 : max(top, token.head)]
            if any(t.pos in ("VERB", "AUX") for t in between) or (
                not apposition and any(t.text in (",", ";", ":", "—", "(", ")") for t in between)
            ):
                # a noun phrase never spans a verb, nor a comma but for an apposition
                # ("Украины, сообщило Министерство ..." apart; "Борис Стомахин, редактор газеты" together)
                continue
            if other is not None and hits[other].kind == "agent" and hits[other].entry.rank == "means" and token.rel != "amod":
                continue  # equipment takes only an adjective of its owner ("украинские беспилотники")
            if token.rel == "nmod" and (sentence.prepositions(top) or token.feats.get("Case", "Gen") != "Gen"):
                # only a genitive modifier belongs to the head's phrase ("министр ... России"),
                # and "от" after a delegate ("наблюдатели от ОБСЕ", "представитель от Украины")
                delegate = other is not None and hits[other].kind == "agent" and not hits[other].entry.sector
                if not (delegate and sentence.prepositions(top)[:1] == ["от"]):
                    continue
            if other is not None:
                join(number, other)
        ends = {hit.last: number for number, hit in enumerate(hits) if hit.kind in ("person", "name")}
        for number, hit in enumerate(hits):
            # "— заявил Матиас Йорш, докладчик ПАСЕ, ...": an office right after a name and a comma, in the
            # name's case, describes it however the parser hung it
            name = ends.get(hit.first - 2)
            if hit.kind != "agent" or name is None or hit.first < 2 or tokens[hit.first - 1].text != ",":
                continue
            case, name_case = tokens[_top_token(tokens, hit)].feats.get("Case"), tokens[hits[name].last].feats.get("Case")
            if case == name_case or case == "Nom" and name_case is None:
                join(number, name)
        for number, hit in enumerate(hits):
            # "Марк Тоунер, исполняющий обязанности представителя Госдепартамента США": the office a
            # participle of holding gives a name describes it
            if hit.kind not in ("agent", "named"):
                continue
            current = _top_token(tokens, hit)
            for _ in range(3):
                token = tokens[current]
                if token.head < 0 or token.rel not in ("obj", "nmod", "obl"):
                    break
                current = token.head
                holder = tokens[current]
                if holder.feats.get("VerbForm") == "Part" and holder.rel == "acl" and holder.lemma in ROLE_PARTICIPLES:
                    person = owner.get(holder.head)
                    if person is not None and hits[person].kind in ("name", "person"):
                        join(number, person)
                    break
        grouped: dict[int, list[Hit]] = {}
        for number, hit in enumerate(hits):
            grouped.setdefault(find(number), []).append(hit)
        groups = []
        for root, members in grouped.items():
            anchor = _top_token(tokens, hits[root])
            group = Group(members, anchor)
            for hit in members:
                group.tokens.update(hit.tokens)
                if hit.kind == "person":
                    group.tokens.update(range(hit.first, hit.last + 1))
            groups.append(group)
        by_anchor = {g.anchor: g for g in groups}
        for group in groups:
            token = tokens[group.anchor]
            if token.rel == "conj" and token.head in by_anchor:
                group.conj_of = token.head
        groups.sort(key=lambda g: min(g.tokens))
        return groups

    # --------------------------------------------------------------- resolve
    def resolve(self, sentence: Sentence, group: Group, day: dt.date | None) -> Mention:
        """The group's actor from its hits (coreference cues stay unresolved: kind 'coref')."""
        tokens = sentence.tokens
        first, last = min(group.tokens), max(group.tokens)
        text = sentence.text[tokens[first].start - sentence.start : tokens[last].end - sentence.start]
        mention = Mention(
            sentence.index, first, last, group.anchor, text, tokens[first].start, tokens[last].end, "group",
            plural=tokens[group.anchor].feats.get("Number") == "Plur", tokens=frozenset(group.tokens),
        )  # fmt: skip
        head = tokens[group.anchor]
        mention.gender = head.feats.get("Gender", "")
        place_word = head
        if head.rel == "nmod" and head.head >= 0 and tokens[head.head].lemma in PLACE_NOUNS:
            place_word = tokens[head.head]  # "на территории Эстонии", "в пределы стран ЕС": a place of that country
        preposition = next(iter(sentence.prepositions(place_word.index)), None)
        if place_word.feats.get("Case") == "Loc" and preposition in ("в", "на") or preposition == "из":
            mention.place = preposition
        elif place_word.feats.get("Case") == "Acc" and preposition in ("в", "на"):
            mention.place = preposition + ">"  # where to: "вызван в МИД Турции"
        named = [h.entry for h in group.hits if h.kind == "named"]
        agents = [h.entry for h in group.hits if h.kind == "agent"]
        people = [h for h in group.hits if h.kind == "person"]
        cues = [h.entry for h in group.hits if h.kind == "cue"]
        names = [h for h in group.hits if h.kind == "name"]
        if names:
            mention.names, mention.person, mention.surname, mention.slavic = names[-1].entry
            if len(names) == len(group.hits):
                mention.kind = "coref"  # a bare unknown name: somebody the text has described before
                mention.cue = ("name", None, None)
                return mention
        country = _country_of(named)
        agent = _head_of(agents, placed=country is not None)
        mention.source_line = ", ".join(h.where for h in group.hits if h.where)
        for hit in people:
            for person in hit.entry:
                term = person.term_on(day)
                if term is None:
                    continue
                if country and term.country and term.country != country:  # "депутат Украины Мустафа ..."
                    continue
                mention.kind = "person"
                mention.actor = term.actor(text)
                mention.source_line = term.where
                opposition = next((a for a in agents if a.sector == "OPP"), None)
                if opposition is not None and term.country and mention.actor.sector != "OPP":
                    # "лидер оппозиции Нино Бурджанадзе": in opposition, as the text says, whatever office
                    # the dictionary knows her for
                    mention.actor = Actor.of(term.country, "OPP", text, opposition.role or None, term.name)
                return mention
        proper = [n for n in named if n.kind not in ("adjective", "demonym")]
        if cues and not proper and not (agent and agent.rank == "head" and country):
            if cues[0].cue == "side" and not country:
                mention.kind = "none"  # "со своей стороны": no actor
                return mention
            if cues[0].cue == "pair" and any(_some_of_many(sentence, i) for i in group.tokens | {group.anchor}):
                mention.kind = "none"  # "мусульманских государств", "ряд стран": not the two sides
                return mention
            mention.kind = "coref"
            mention.cue = (cues[0].cue, country, agent)
            return mention
        if agent and not agent.sector:
            # a generic word ("глава", "представитель", "наблюдатель") is of what its modifier names
            holder = next((n for n in named if n.kind in ("seat", "organisation", "group")), None)
            if holder is not None or country:
                mention.kind = "agent"
                code = holder.code if holder is not None else country + "GOV"
                holder_country = holder.country if holder is not None else country
                sector = code[3:] if holder_country else None
                mention.actor = Actor(code, holder_country, sector or None, None, agent.role or None, text)
                return mention
            of_something = any(t.head == group.anchor and t.rel == "nmod" and t.index not in group.tokens for t in tokens)
            if agent.rank == "head" and not mention.plural and not of_something:
                mention.kind = "coref"  # "глава заявил": the office named before; not "глава Business NZ"
                mention.cue = ("role", None, agent)
                return mention
            mention.kind = "none"  # "наблюдатели", "сотрудники" of nothing named: nobody in particular
            return mention
        if agent and not country and not named and mention.plural and agent.sector == "GOV" and agent.rank in ("head", "member"):
            mention.kind = "coref"  # "министры", "президенты": the two sides named before
            mention.cue = ("pair", None, agent)
            return mention
        if agent and agent.rank == "means" and not any(n.kind == "adjective" for n in named):
            mention.kind = "none"  # only "украинские беспилотники" stand for their owner
            return mention
        if agent and not country and not named and agent.rank == "body":
            mention.kind = "coref"  # "правительство", "власти", "оппозиция": of the country the text is about
            mention.cue = ("body", None, agent)
            return mention
        if agent and not country and not named and agent.rank == "member":
            mention.kind = "coref"  # "журналист", "активисты": their country comes from the event
            mention.cue = ("member", None, agent)
            return mention
        seat = next((n for n in named if n.kind in ("seat", "organisation", "group")), None)
        if agent and seat is not None and seat.sector and seat.sector not in STATE_SECTORS and agent.sector in ("GOV", ""):
            # "лидер Республиканской народной партии", "глава Газпрома": of that party or company
            mention.kind = "organisation"
            mention.actor = Actor(seat.code, seat.country, seat.sector, None, agent.role or None, text)
            return mention
        if agent and (country or seat):
            base_country = country or (seat.country if seat else None)
            if base_country is None and seat is not None:
                mention.kind = "organisation"
                mention.actor = Actor(seat.code, None, None, None, agent.role or None, text)
                return mention
            mention.kind = "agent"
            role = agent.role or (HEAD_ROLE if agent.rank == "head" else None)
            term = self.index.office_holder(base_country, role, day) if agent.rank == "head" and role else None
            if term is not None:
                mention.actor = term.actor(text)
            else:
                mention.actor = Actor.of(base_country, agent.sector, text, role)
            return mention
        if seat:
            mention.kind = seat.kind
            mention.actor = Actor(seat.code, seat.country, seat.sector, None, None, text)
            return mention
        if agent and agent.rank == "head" and not country:
            mention.kind = "coref"
            mention.cue = ("role", None, agent)
            return mention
        nouns = [n for n in named if n.kind in ("country", "capital", "demonym")]
        if nouns:
            noun = nouns[0]
            sector = "CVL" if noun.kind == "demonym" else "GOV"
            mention.kind = noun.kind
            mention.actor = Actor.of(noun.code[:3], sector, text)
            return mention
        regions = [n for n in named if n.kind == "region" and n.country]
        if regions and not agents and not cues:
            # "обстреляли Крым": a region stands for its country, sector unknown
            mention.kind = "country"
            mention.actor = Actor(regions[0].country, regions[0].country, None, None, None, text)
            return mention
        adjectives = [n for n in named if n.kind == "adjective" and n.country]
        if adjectives and not agents and not cues:
            # "российский документ", "по украинским объектам": the country whose thing it is, sector unknown;
            # never a subject nor a fallback target, only what a slot or a judgement names
            country = adjectives[0].country
            mention.kind = "adjective"
            mention.actor = Actor(country, country, None, None, None, text)
            return mention
        mention.kind = "none"
        return mention


def _load_slavic_names() -> tuple[frozenset[str], tuple[str, ...]]:
    given, endings = set(), []
    for row in read_table(data.RU_SLAVIC_NAMES, required=("form", "kind")):
        if row["kind"] not in ("given", "ending"):
            raise DataFileError(f"kind '{row['kind']}' is not given or ending", where=row.where)
        (given.add(row["form"]) if row["kind"] == "given" else endings.append(row["form"]))
    return frozenset(given), tuple(endings)


def _head_of(agents: list[Agent], placed: bool = False) -> Agent | None:
    """One agent for a phrase of several: the head of a body works in the body's sector
    ("лидер оппозиции" OPP, "глава компании" BUS, "председатель суда" JUD), keeping the head's office."""
    if not agents:
        return None
    generic = next((a for a in agents if not a.sector and a.rank == "member"), None)
    sectored = next((a for a in agents if a.sector), None)
    if generic is not None and sectored is not None and placed:
        # "заместитель главы МИД Японии", "сотрудник посольства США": of that sector, not the office holder
        return Agent(sectored.sector, "", "member", generic.where)
    body = next((a for a in agents if a.rank == "body" and a.sector), None)
    head = next((a for a in agents if a.rank == "head"), None)
    if body is not None and head is not None and head is not body:
        if not head.sector:  # "глава израильского правительства": of that body, office unknown
            return Agent(body.sector, "", "member", head.where)
        return Agent(body.sector, head.role if head.sector == body.sector else "", "head", head.where)
    return next((a for a in agents if a.sector), agents[0])


def _name_like(token: Token) -> bool:
    """A capitalised word the tagger calls a proper name (a capitalised common noun opens a sentence)."""
    text = token.text
    return (
        len(text) > 1
        and text[0].isupper()
        and not text.isupper()
        and (token.pos == "PROPN" or (token.pos == "X" and token.index > 0))
        and any(ch.isalpha() for ch in text)
    )


def _same_name(english: str, given: str, surname: str) -> bool:
    words = english.split()
    return len(words) >= 2 and name_key(words[0]) == name_key(given) and name_key(words[-1]) == name_key(surname)


def _filter_given(candidates: list[Person], given: tuple[str, ...] | None, lemmatizer: Lemmatizer) -> list[Person]:
    if not given:
        return candidates
    # "Алексей Миллер" is not "Лешек Миллер", "Федор Мирзоянов" is not "Арарат Мирзоян":
    # a given name that disagrees rules a person out
    matching = [
        p for p in candidates
        if p.name_ru and _same_given(p.name_ru.split()[0], given, lemmatizer)
    ]  # fmt: skip
    return matching or [p for p in candidates if not p.name_ru and any(_given_agrees(p.name, g) for g in given)]


def _same_given(dictionary: str, given: tuple[str, ...], lemmatizer: Lemmatizer) -> bool:
    """Беньямин and Биньямин agree; Федор and Арарат, Гарри and Джон do not."""
    keys = {name_key(dictionary.lower()), name_key(lemmatizer.plain(dictionary))}
    return any(name_key(g) in keys for g in given)


def _given_agrees(english: str, given: str) -> bool:
    """A dictionary name without a Russian spelling: its first word must sound like the given name."""
    words = english.split()
    return len(words) < 2 or name_key(words[0]) == name_key(given)


# words that make "страны", "государства" a pair: "две страны", "обе стороны", "эти государства"
PAIR_MODIFIERS = frozenset("два оба этот наш их свой данный".split())
MANY = frozenset("ряд несколько многие большинство часть группа десяток".split())


def _some_of_many(sentence: Sentence, anchor: int) -> bool:
    """Is a plural cue a set of countries rather than the two sides ("мусульманских государств",
    "ещё ряд стран", "страны Запада")?"""
    tokens = sentence.tokens
    token = tokens[anchor]
    if token.lemma not in ("страна", "государство"):
        return False
    if token.head >= 0 and tokens[token.head].lemma in MANY:
        return True
    kinds = [c for c in sentence.children(anchor) if c.rel in ("amod", "nummod", "nummod:gov", "det")]
    # "мусульманских государств", "50 стран" (not "двух стран", "этих государств")
    return any(c.lemma not in PAIR_MODIFIERS for c in kinds) and not any(c.lemma in PAIR_MODIFIERS for c in kinds)


def _top_token(tokens: list[Token], hit: Hit) -> int:
    inside = set(range(hit.first, hit.last + 1))
    for i in sorted(inside):
        if tokens[i].head not in inside:
            return i
    return hit.first


def _country_of(named: list[NamedActor]) -> str | None:
    for kinds in (("country", "capital", "seat"), ("adjective", "demonym")):
        for entry in named:
            if entry.kind in kinds and entry.country:
                return entry.country
    return None
