"""Where an event happened: the place its sentence names as the scene ("в Женеве", "near
Kharkiv", "on the border with Lebanon"), else the dateline's city ("КИЕВ, 5 мая. /ТАСС/.",
"LONDON (Reuters) -"), else nothing: never a guess presented as fact.

Place names are found in parsed sentences by the gazetteer (Russian by lemma, so every case
form matches; English as written). A name the actor resolver read as a country, capital or
region is the same place here, in the country the resolver gave it: the two never disagree. A
name of several places is the one in the event's countries when that one is not much smaller
than the largest (Tripoli, Lebanon in an event of Lebanon's; Geneva stays Switzerland's in
talks of the United States), then one of the document's countries, then the most populous;
a country before a city of its name; a name qualified as "Alexandria, Virginia" in that place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from dyad.geo.gazetteer import Gazetteer, Place, key
from dyad.model import CodedDocument, Event, Mention, Sentence

# prepositions before a name that say the event is there
AT = {"ru": frozenset({"в", "во", "на", "под", "около", "возле", "близ", "у", "вблизи", "недалеко", "рядом", "окрестность"}),
      "en": frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "outskirts"})}  # fmt: skip
# prepositions before a name that make it a place, though not the event's scene ("из Минска", "to Ankara")
OTHER = {"ru": frozenset({"из", "к", "до", "между", "через", "над", "от", "по", "из-под"}),
         "en": frozenset({"from", "to", "into", "between", "over", "towards", "toward", "via", "of"})}  # fmt: skip
STRUCK = frozenset({"", "по", "on", "at"})  # how a struck place follows an attack: "удар по Харькову", "обстрел Херсона", "fire on Gaza"
BORDER = frozenset({"граница", "border", "frontier"})  # "на границе с Ливаном", "on the border with Lebanon": that country
SKIP = frozenset({"the", "a"})
PLACE_NOUNS = frozenset({"city", "town", "village", "port", "capital", "region", "province", "state", "district", "город", "село", "посёлок", "поселок", "деревня", "станица", "столица", "порт"})  # fmt: skip
REGION_WORDS = frozenset({"region", "oblast", "province", "state", "область", "край", "регион", "республика"})
PLACE_KINDS = frozenset({"country", "capital", "region"})  # actor mentions that name a place
NAME_KINDS = frozenset({"person", "organisation", "group"})  # a place name inside these is part of a name
NAME_RELS = frozenset({"compound", "flat", "flat:name", "flat:foreign"})  # "Paris Hilton", "Irving Berlin", "Ана Лима"
QUOTES = frozenset({"«", "»", "\"", "“", "”", "„"})
EVENT_WEIGHT = math.log(8)  # a place in the event's countries wins unless 8 times smaller than the largest
MAX_WORDS = 4
_DATELINE = re.compile(r"^\W{0,3}([A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]+(?: [A-ZА-ЯЁ'’\-]+){0,2})(?:,\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?))?"
                       r"(?=\s*(?:,|\(|—|–|-|\.|/))")  # fmt: skip


@dataclass
class Found:
    """A place named in a sentence."""

    place: Place
    first: int
    last: int
    text: str
    start: int
    end: int
    prep: str  # the preposition before it ("" for none)
    at: bool  # named as where things happen


class Geocoder:
    """Places for the events of coded documents, from one gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()

    # ------------------------------------------------------------------ documents
    def annotate(self, coded: CodedDocument) -> None:
        """Set ``geo`` and ``geo_from`` of every event of a coded document."""
        if not coded.events:
            return
        lang = coded.document.lang or "ru"
        doc_countries = frozenset(m.actor.country for m in coded.mentions if m.actor is not None and m.actor.country)
        dateline = self.dateline(coded.document.text, doc_countries)
        mentions: dict[int, list[Mention]] = {}
        for mention in coded.mentions:
            mentions.setdefault(mention.sentence, []).append(mention)
        of_sentence: dict[int, tuple[Sentence, list[Event]]] = {}
        for event in coded.events:
            sentence = coded.sentence_of(event)
            if sentence is not None and sentence.parsed:
                of_sentence.setdefault(sentence.index, (sentence, []))[1].append(event)
        scenes: dict[int, Found | None] = {}  # id(event) -> the place its sentence names as its scene
        for index, (sentence, found_in) in of_sentence.items():
            # the places of a sentence are read once, in the countries of all its events
            parties = frozenset(a.country for e in found_in for a in (e.source, e.target) if a is not None and a.country)
            named = [f for f in self.places(sentence, lang, mentions.get(index, []), doc_countries, parties)
                     if dateline is None or f.start >= dateline.end]  # fmt: skip
            for event in found_in:
                scenes[id(event)] = self.scene(named, sentence, event)
            unread = _unread_place(sentence, lang) if any(scenes[id(e)] is None for e in found_in) else ""
            if unread and f"place name in a script dyad does not read: {unread!r}" not in coded.notices:
                coded.notices.append(f"place name in a script dyad does not read: {unread!r}")
        for event in coded.events:
            found = scenes.get(id(event))
            if found is not None:
                event.geo, event.geo_from, event.geo_text = found.place, "text", coded.document.text[found.start : found.end]
            elif dateline is not None:
                event.geo, event.geo_from, event.geo_text = dateline.place, "dateline", dateline.text

    def dateline(self, text: str, countries: frozenset[str] = frozenset()) -> Found | None:
        """The city a wire story is filed from: the capitals at its very start ("МОСКВА, 3 марта")."""
        found = _DATELINE.match(text[:120])
        if not found:
            return None
        name = found.group(1)
        candidates = [p for p in self.gazetteer.lookup(name) if p.feature in ("city", "region")]
        qualifier = found.group(2)
        if qualifier:
            within = self._qualifier(qualifier)
            candidates = [p for p in candidates if p.country in within] or candidates
        place = self._choose(candidates, name, frozenset(), countries)
        if place is None:
            return None
        return Found(place, 0, 0, name, found.start(1), found.end(1), "", True)

    # ------------------------------------------------------------------ sentences
    def places(self, sentence: Sentence, lang: str, mentions: list[Mention], countries: frozenset[str] = frozenset(),
               event_countries: frozenset[str] = frozenset()) -> list[Found]:  # fmt: skip
        """The places a parsed sentence names, left to right: the names the gazetteer knows, longest
        first, unless part of a person's or a thing's name; a name the actor resolver read as a
        country, capital or region is taken in the country the resolver gave it (the same place
        here), and such a mention the gazetteer has no name for is its country, capital or region."""
        tokens = sentence.tokens
        out: list[Found] = []
        blocked = {i for m in mentions if m.kind in NAME_KINDS for i in range(m.first, m.last + 1) if m.covers(i)}
        # a dictionary's name of the place itself ("Rafah", "Gaza" of PSE), not a body of no country that
        # shares a place's name (a company: "Google" was for a month a name of Topeka)
        exact = {(m.first, m.last) for m in mentions if m.kind != "person" and not (m.kind in NAME_KINDS and m.actor and not m.actor.country)}
        rejected: set[int] = set()  # names found to be part of another name ("Paris Hilton")
        i = 0
        while i < len(tokens):
            hit = self._longest(tokens, i, lang)
            if hit is None:
                i += 1
                continue
            last, candidates = hit
            if ((i, last) not in exact and any(j in blocked for j in range(i, last + 1))) or _part_of_a_name(tokens, i, last):
                rejected.update(range(i, last + 1))
                i = last + 1
                continue
            covering = _covering(mentions, i, last)
            actor = covering is not None and covering.kind in PLACE_KINDS and covering.actor is not None and covering.actor.country
            if not actor and not _preposition(tokens, i, lang) and not _standalone_place(tokens, i, last, candidates):
                i = last + 1
                continue
            qualified = _qualifier_after(tokens, last)
            within = [p for p in candidates if p.country in self._qualifier(qualified)] if qualified else []
            if within:  # "Moscow, Idaho": the text says which
                candidates = within
            elif actor:
                candidates = [p for p in candidates if p.country == covering.actor.country] or candidates
            place = self._choose(candidates, " ".join(t.text for t in tokens[i : last + 1]), event_countries, countries)
            if place is not None:
                out.append(self._found(place, tokens, i, last, lang))
            i = last + 1
        for mention in mentions:
            if mention.kind in PLACE_KINDS and mention.actor is not None and mention.actor.country:
                if any(f.first <= mention.last and mention.first <= f.last for f in out):
                    continue
                if rejected.intersection(range(mention.first, mention.last + 1)) or _part_of_a_name(tokens, mention.first, mention.last):
                    continue
                words = [t for t in tokens[mention.first : mention.last + 1] if mention.covers(t.index)]
                if lang == "en" and not all(t.pos == "PROPN" for t in words):
                    continue  # "Russian missiles": a country's adjective, not a place
                place = self._of_mention(mention)
                if place is not None:
                    out.append(self._found(place, tokens, mention.first, mention.last, lang))
        out.sort(key=lambda f: f.first)
        return out

    def unnamed_places(self, sentence: Sentence, lang: str, taken: set[int]) -> list[tuple[int, int, Place]]:
        """Cities a sentence names as a party, which no actor dictionary does (first, last token,
        place), for the actor resolver: "обстреляли Харьков", "удар по Харькову" are acts on
        Ukraine. Proper nouns only, not inside another name, none on the tokens ``taken`` by the
        dictionaries, and none named as where things are ("в Цюрихе", "прибыл в Екатеринбург")."""
        tokens = sentence.tokens
        out = []
        i = 0
        while i < len(tokens):
            hit = None if i in taken else self._longest(tokens, i, lang)
            if hit is None:
                i += 1
                continue
            last, candidates = hit
            words = tokens[i : last + 1]
            places = [p for p in candidates if p.feature == "city" and p.country]
            governed = set(sentence.prepositions(last)) | {_preposition(tokens, i, lang)}
            head = tokens[last].head
            apposed = (tokens[last].feats.get("Case") == "Nom" and 0 <= head < len(tokens) and tokens[head].pos == "NOUN"
                       and tokens[last].rel in ("appos", "nmod", "flat"))  # "нефтепровод Бургас": a thing's name  # fmt: skip
            if governed - {"", "по"} or apposed:
                places = []
            proper = all(t.pos == "PROPN" for t in words) or (len(words) > 1 and words[-1].lemma.lower() in REGION_WORDS)
            if places and proper and not taken.intersection(range(i, last + 1)) and not _part_of_a_name(tokens, i, last):
                out.append((i, last, self._choose(places, " ".join(t.text for t in words), frozenset(), frozenset())))
            i = last + 1
        return out

    def _of_mention(self, mention: Mention) -> Place | None:
        """The place of a country, capital or region the actor resolver found and the gazetteer has
        no name for ("России": the gazetteer keeps countries' full names)."""
        country = mention.actor.country
        if mention.kind == "country":
            return self.gazetteer.country(country)
        if mention.kind == "capital":
            return self.gazetteer.capital(country)
        return Place(mention.actor.name or mention.text, country, "region")

    def _found(self, place: Place, tokens, first: int, last: int, lang: str) -> Found:
        prep = _preposition(tokens, first, lang)
        at = prep in AT[lang] or _border_of(tokens, first, lang)
        return Found(place, first, last, " ".join(t.text for t in tokens[first : last + 1]), tokens[first].start,
                     tokens[last].end, prep, at)  # fmt: skip

    def scene(self, found: list[Found], sentence: Sentence, event: Event) -> Found | None:
        """The place a sentence names as the event's scene. First a place tied to the trigger: named
        with "в", "in" ... ("talks in Geneva"), or, for force, struck ("удар по Харькову", "обстрел
        Херсона", "shelled Kharkiv"), or, for a visit, visited ("visited Beijing"); then a place named with "в", "in" ... beside the verb of the
        sentence ("переговоры прошли в Женеве"), not beside its attribution ("сообщили в Киеве");
        then any place named with "в", "in" ... ("ситуацию в Газе")."""
        tokens = sentence.tokens
        trigger = _trigger_tokens(sentence, event.evidence.trigger)
        said = set((event.attribution.text.lower().split()) if event.attribution else ())
        reached = event.quad_class == 4 or event.code.startswith("042")  # force: where it struck; a visit: where it went

        def tier(f: Found) -> int:
            head = tokens[f.last].head
            tied = head in trigger or (0 <= head < len(tokens) and tokens[head].head in trigger and tokens[head].pos != "VERB")
            struck = reached and f.prep in STRUCK and not tokens[f.last].rel.startswith("nsubj")
            if tied and (f.at or struck):
                return 0
            if f.at and _attached_to_verb(tokens, f.last) and tokens[head].text.lower() not in said:
                return 1
            return 2 if f.at else 3

        ranked = sorted(((tier(f), f.first, f) for f in found), key=lambda t: t[:2])
        return ranked[0][2] if ranked and ranked[0][0] < 3 else None

    # ------------------------------------------------------------------ helpers
    def _longest(self, tokens, i: int, lang: str) -> tuple[int, list[Place]] | None:
        """The longest name starting at token ``i`` (at most four words, one of them capitalised)."""
        names = self.gazetteer.names
        end = min(len(tokens), i + MAX_WORDS)
        if not tokens[i].text[:1].isalnum() or not any(t.text[:1].isupper() for t in tokens[i:end]):
            return None  # every name has a capital, within its first four words
        first = self.gazetteer.first_words
        if key(tokens[i].text).split(" ")[0] not in first and (lang != "ru" or key(tokens[i].lemma or "").split(" ")[0] not in first):
            return None
        for last in range(end - 1, i - 1, -1):
            span = tokens[i : last + 1]
            if not span[-1].text[:1].isalnum() or not span[0].text[:1].isalnum():
                continue
            if not any(t.text[:1].isupper() for t in span) or span[0].text.lower() in SKIP:
                continue
            if not span[0].text[:1].isupper() and not span[-1].text[:1].isupper():
                continue
            keys = [key(" ".join(t.text for t in span))]
            if lang == "ru":
                keys.append(key(" ".join(t.lemma or t.text for t in span)))
            for k in keys:
                places = names.get(k)
                if places:
                    return last, places
        return None

    def _qualifier(self, name: str) -> frozenset[str]:
        """The countries a qualifying name stands for ("Virginia" -> USA, "Ukraine" -> UKR)."""
        return frozenset(p.country for p in self.gazetteer.lookup(name) if p.feature in ("country", "region") and p.country)

    def _choose(self, candidates: list[Place], text: str, event_countries: frozenset[str], countries: frozenset[str]) -> Place | None:
        if not candidates:
            return None
        written = key(text)

        def score(p: Place) -> float:
            value = math.log(p.population + 1)
            value += EVENT_WEIGHT * (p.country in event_countries) + 1.0 * (p.country in countries)
            value += 5.0 * (key(p.name) == written) + 100.0 * (p.feature == "country")
            return value

        return max(candidates, key=score)


def _covering(mentions: list[Mention], first: int, last: int) -> Mention | None:
    for mention in mentions:
        if any(mention.covers(i) for i in range(first, last + 1)):
            return mention
    return None


def _preposition(tokens, i: int, lang: str) -> str:
    """The preposition right before a name (over "the"), lower case; "" when none."""
    j = i - 1
    while j >= 0 and tokens[j].text.lower() in SKIP:
        j -= 1
    if j < 0:
        return ""
    word = tokens[j].text.lower()
    if word in AT[lang] or word in OTHER[lang]:
        return word
    if lang == "en" and word == "of" and j > 0 and tokens[j - 1].text.lower() in AT["en"] | {"outskirts", "north", "south", "east", "west"}:
        return "outskirts"
    if word in ("с", "with") and j > 0 and (tokens[j - 1].lemma or tokens[j - 1].text).lower() in BORDER:
        return word
    return ""


def _border_of(tokens, i: int, lang: str) -> bool:
    """"on the border with Lebanon", "на границе с Ливаном": the country is where it happens."""
    j = i - 1
    while j >= 0 and tokens[j].text.lower() in SKIP:
        j -= 1
    return j > 0 and tokens[j].text.lower() in ("с", "with") and (tokens[j - 1].lemma or tokens[j - 1].text).lower() in BORDER


def _standalone_place(tokens, first: int, last: int, candidates: list[Place]) -> bool:
    """A name without a preposition or an actor reading is a place when it is a proper noun of a
    country, a region or a city of 100,000 people or more, and not a date ("March 4")."""
    words = tokens[first : last + 1]
    region = len(words) > 1 and words[-1].lemma.lower() in REGION_WORDS  # "Курской области", "the Kursk region"
    if not region and not all(t.pos == "PROPN" for t in words):
        return False
    if last + 1 < len(tokens) and tokens[last + 1].text[:1].isdigit():
        return False
    return any(p.feature != "city" or p.population >= 100_000 for p in candidates)


def _part_of_a_name(tokens, first: int, last: int) -> bool:
    """A place name inside another name: a person's ("Paris Hilton", "Irving Berlin", "Ана Лима"),
    a thing's ("the Minsk agreements", "the Moscow Mule", "Stockholm syndrome"), or one in quotes
    (the cruiser «Москва», the hotel «Украина»)."""
    if first > 0 and last + 1 < len(tokens) and tokens[first - 1].text in QUOTES and tokens[last + 1].text in QUOTES:
        return True
    inside = range(first, last + 1)
    for index in inside:
        token = tokens[index]
        if token.rel in NAME_RELS and token.head not in inside and 0 <= token.head < len(tokens):
            if tokens[token.head].text.lower() not in REGION_WORDS:
                return True
    for token in tokens:
        if token.head in inside and token.index not in inside and token.rel in NAME_RELS:
            if token.text[:1].isupper() or (token.pos in ("NOUN", "PROPN") and token.lemma.lower() not in PLACE_NOUNS):
                return True  # "Michael Jordan"; "the cruiser Moskva" (but "the port city Odesa")
    return False


def _qualifier_after(tokens, last: int) -> str:
    """"Alexandria, Virginia", "Victoria, British Columbia": the name after a comma that qualifies a place."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return ""
    words = []
    for token in tokens[last + 2 : last + 4]:
        if not token.text[:1].isupper():
            break
        words.append(token.text)
    return " ".join(words)


def _unread_place(sentence: Sentence, lang: str) -> str:
    """A word after "в", "in" ... in a script other than Latin and Cyrillic ("in 東京"): a place the
    gazetteer cannot look up, which the user should know was not placed."""
    for token in sentence.tokens[1:]:
        if any(ch.isalpha() and not (ch.isascii() or "À" <= ch <= "ɏ" or "Ѐ" <= ch <= "ӿ") for ch in token.text):
            if _preposition(sentence.tokens, token.index, lang) in AT[lang]:
                return token.text
    return ""


def _trigger_tokens(sentence: Sentence, trigger: str) -> set[int]:
    words = set(trigger.lower().split())
    return {t.index for t in sentence.tokens if t.text.lower() in words}


def _attached_to_verb(tokens, index: int) -> bool:
    head = tokens[index].head
    return 0 <= head < len(tokens) and tokens[head].pos in ("VERB", "AUX")
