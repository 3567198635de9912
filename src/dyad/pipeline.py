"""Engine: loads the models and dictionaries once, then runs the stages over documents.

stages: language -> sentences -> candidate filter -> morphology+syntax (batched) ->
mentions -> coreference -> triggers and arguments -> modality, attribution, date -> events ->
place of each event -> PLOVER mode and contexts
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad import data
from dyad.actors.coref import Discourse
from dyad.actors.index import ActorIndex, NamedActor
from dyad.actors.resolve import Cue, Hit, MentionFinder
from dyad.config import Config
from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError
from dyad.events.code import EventCoder, SentenceContext
from dyad.events.lexicon import load_evaluations, load_triggers
from dyad.events.plover import plover_cues
from dyad.geo.gazetteer import Gazetteer
from dyad.geo.geocode import Geocoder
from dyad.lang.detect import SUPPORTED, LanguageDetector
from dyad.lang.ru.morph import Lemmatizer
from dyad.lang.ru.parse import RussianParser
from dyad.lang.ru.segment import split_sentences
from dyad.model import Actor, CodedDocument, Document, Sentence
from dyad.ontology.cameo import load_cameo
from dyad.phrases import PhraseIndex
from dyad.time.resolve import find_dates

if TYPE_CHECKING:
    from dyad.lang.en.kit import EnglishKit

CUES = ("counterpart", "side", "pair", "person", "group", "speaker")
DASHES = frozenset({"—", "–", "-"})
STATEMENT_NOUNS = frozenset({"заявление", "обращение", "комментарий", "брифинг"})  # "выступил с заявлением: «...»"


@dataclass
class Timings:
    """Seconds spent per stage (for ``dyad bench``)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now


class Engine:
    """Load once, code many: ``Engine().code(Document(text=..., published=...))``."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        started = time.perf_counter()
        self.lemmatizer = Lemmatizer()
        self.cameo = load_cameo()
        self.index = ActorIndex(self.lemmatizer.plain)
        self.cues = _load_cues(self.lemmatizer)
        self.triggers = load_triggers(data.RU_TRIGGERS, self.cameo, self.lemmatizer.plain)
        self.finder = MentionFinder(self.index, self.cues, self.lemmatizer)
        self.parser = RussianParser(self.lemmatizer)
        self.coder = EventCoder(
            self.cameo, self.triggers, self.lemmatizer.can_be_subject, self.config.targetless,
            load_evaluations(data.RU_EVALUATIONS, self.cameo),
        )
        self.detector = LanguageDetector()
        self.gazetteer_problems: list = []  # what the user's gazetteer files had wrong (file:line)
        gazetteer = Gazetteer.default()
        if self.config.user_gazetteers:
            gazetteer, self.gazetteer_problems = gazetteer.with_user(self.config.user_gazetteers)
        self.geocoder = Geocoder(gazetteer)
        self.plover = plover_cues()
        self.actor_words = self.index.named.first_words | self.index.agents.first_words | self.cues.first_words
        self.trigger_words = self.triggers.first_words
        self.timings = Timings()
        self._english: EnglishKit | None = None
        self.load_seconds = time.perf_counter() - started

    @property
    def english(self) -> EnglishKit:
        """The English models and dictionaries, loaded with the first English document."""
        if self._english is None:
            from dyad.lang.en.kit import EnglishKit

            started = time.perf_counter()
            self._english = EnglishKit(self.index, self.cameo, self.config)
            self.load_seconds += time.perf_counter() - started
        return self._english

    # ------------------------------------------------------------------ API
    def dictionary_problems(self) -> list:
        """Lines of users' dictionaries and gazetteers that were skipped or repaired (file:line: problem)."""
        return list(self.gazetteer_problems) + (list(self._english.problems) if self._english is not None else [])

    def code(self, document: Document) -> CodedDocument:
        return next(iter(self.code_many([document])))

    def code_all_sentences(self, document: Document) -> CodedDocument:
        """Code a document with every sentence parsed (the candidate filter off), for evaluations
        that look at the words of every sentence."""
        prepared = self._prepare(document)
        for sentence in prepared[1]:
            sentence.candidate = True
        return next(self._finish([prepared]))

    def code_many(self, documents: Iterable[Document], batch: int = 16) -> Iterator[CodedDocument]:
        """Code documents in order; sentences of up to ``batch`` documents are parsed together."""
        pending: list[tuple[Document, list[Sentence], str | None]] = []
        for document in documents:
            pending.append(self._prepare(document))
            if len(pending) >= batch:
                yield from self._finish(pending)
                pending = []
        if pending:
            yield from self._finish(pending)

    # --------------------------------------------------------------- stages
    def _prepare(self, document: Document) -> tuple[Document, list[Sentence], str | None]:
        started = time.perf_counter()
        text = document.text
        if not text or not text.strip():
            return document, [], "document has no text"
        if len(text) > self.config.max_chars:
            return document, [], f"document has {len(text):,} characters, more than the limit of {self.config.max_chars:,}"
        if not document.lang:
            document.lang = self.detector.detect(text)
            started = self.timings.add("language", started)
        if document.lang not in SUPPORTED:
            return document, [], f"unsupported language '{document.lang or 'unknown'}' (dyad codes: {', '.join(SUPPORTED)})"
        if document.lang == "en":
            english = self.english
            sentences = english.segment(text)
            started = self.timings.add("segment", started)
            for sentence in sentences:
                sentence.candidate = english.is_candidate(sentence)
            self.timings.add("filter", started)
            return document, sentences, None
        sentences = split_sentences(text)
        started = self.timings.add("segment", started)
        for sentence in sentences:
            sentence.candidate = self._is_candidate(sentence)
        self.timings.add("filter", started)
        return document, sentences, None

    def _place_hits(self, sentence: Sentence, hits: list[Hit]) -> list[Hit]:
        """Cities and regions of the gazetteer that the actor dictionary does not name, as actors of
        their country: the one gazetteer the geocoder places events with."""
        taken = {i for h in hits for i in range(h.first, h.last + 1)}
        out = []
        for first, last, place in self.geocoder.unnamed_places(sentence, "ru", taken):
            entry = NamedActor(place.country, "region", place.name, f"gazetteer: {place.name}, {place.country}")
            out.append(Hit("named", first, last, tuple(range(first, last + 1)), entry, entry.where))
        return out

    def _speaker(self, sentence: Sentence, mentions: list, inside: list[bool]) -> object | None:
        """The actor a verb of saying outside the quotation names as its subject ("— заявил Небензя")."""
        tokens = sentence.tokens
        for token in tokens:
            # "выступил с заявлением: «...»", "сделал заявление": a verb whose object is a statement says it
            states = any(c.lemma in STATEMENT_NOUNS for c in sentence.children(token.index)) if token.pos == "VERB" else False
            if token.lemma not in self.coder.speech_verbs and not states:
                continue
            # «..., — заявил Лавров. — ...»: the author's words inside a quotation that goes on
            interjected = token.index >= 2 and tokens[token.index - 1].text in DASHES and tokens[token.index - 2].text == ","
            if inside[token.index] and not interjected:
                continue
            owner = _subject_mention(sentence, token.index, mentions)
            if owner is None:
                # the parser gave the verb no subject ("Марк Тоунер, ..., выступил с заявлением: «...»"):
                # the actor in the nominative before it, outside the quotation
                before = [
                    m for m in mentions
                    if m.actor is not None and m.last < token.index and not inside[m.head]
                    and tokens[m.head].feats.get("Case") == "Nom"
                ]  # fmt: skip
                owner = before[-1] if before else None
            if owner is not None:
                return owner.actor
        return None

    def _is_candidate(self, sentence: Sentence) -> bool:
        plain = self.lemmatizer.plain
        has_trigger = has_actor = False
        for position, token in enumerate(sentence.tokens):
            lemma = plain(token.text)
            if lemma in self.trigger_words:
                has_trigger = True
            if lemma in self.actor_words or (token.text[:1].isupper() and token.text[1:2].islower() and (
                position > 0 or {"Name", "Surn", "Geox"} & self.lemmatizer.tags(token.text)  # "Буту предъявили ..."
            )):
                has_actor = True
            if has_trigger and has_actor:
                return True
        return False

    def _finish(self, pending: list[tuple[Document, list[Sentence], str | None]]) -> Iterator[CodedDocument]:
        started = time.perf_counter()
        for lang, parser in (("ru", self.parser), ("en", self._english.parser if self._english else None)):
            chosen = [s for d, sentences, _ in pending if d.lang == lang for s in sentences if s.candidate]
            for offset in range(0, len(chosen), self.config.batch_sentences):
                parser(chosen[offset : offset + self.config.batch_sentences])
        self.timings.add("parse", started)
        for document, sentences, skipped in pending:
            if skipped:
                yield CodedDocument(document, [], skipped=skipped)
                continue
            started = time.perf_counter()
            if document.lang == "en":
                coded = self.english.code_document(document, sentences)
            else:
                coded = self._code_document(document, sentences)
            started = self.timings.add("code", started)
            self.geocoder.annotate(coded)
            started = self.timings.add("geo", started)
            self.plover.annotate(coded)
            self.timings.add("plover", started)
            yield coded

    def _code_document(self, document: Document, sentences: list[Sentence]) -> CodedDocument:
        discourse = Discourse(self.index)
        coded = CodedDocument(document, [], sentences=sentences)
        anchor = None  # without a publication date: the latest full date the text has stated
        quoted = False  # inside a quotation that an earlier sentence opened
        narrative = None  # the last event the text dated to a day: later sentences about its parties go on with it
        stated = None  # the last date the text stated before this sentence: what "тогда" refers to
        accuser = None  # who last accused somebody: whom a denial of "these accusations" answers
        for sentence in sentences:
            inside, quoted_after = _quotation_mask(sentence, quoted)
            quoted, was_quoted = quoted_after, quoted
            if not sentence.parsed:
                # not worth parsing, but the countries it names still say what the text is about
                discourse.background(self.finder.countries_named(sentence))
                skipped = find_dates(sentence.text, document.published, sentence.start, anchor)
                if document.published is None:
                    anchor = _latest_full_date(skipped, anchor)
                stated = next((d.value for d in reversed(skipped) if d.value), stated)
                continue
            dates = find_dates(sentence.text, document.published, sentence.start, anchor)
            if document.published is None:
                anchor = _latest_full_date(dates, anchor)
            day = _role_day(dates) or document.published
            hits = self.finder.hits(sentence)
            hits += self._place_hits(sentence, hits)
            mentions = [self.finder.resolve(sentence, g, day) for g in self.finder.groups(sentence, hits)]
            speakers = [m for m in mentions if m.cue and m.cue[0] == "speaker"]
            for mention in mentions:
                if mention.kind == "coref" and mention.cue[0] in ("role", "body", "member") and _own_of_subject(sentence, mention, mentions):
                    continue  # "Китай направит своего представителя": the subject's own
                if mention.kind == "coref" and mention not in speakers:
                    note = discourse.resolve(mention, day, mentions)
                    if note:
                        mention.source_line = note
            # "Голос Америки: ...", "Джемилев: ...": an interview's speaker label is nobody's argument
            label = next((m for m in mentions if m.first == 0 and m.actor is not None and _label_end(sentence, m.last)), None)
            speaker = label.actor if label is not None else self._speaker(sentence, mentions, inside)
            if speaker is not None:
                discourse.speaker = speaker
            for mention in speakers:
                # "я", "мы" inside a quotation: whoever the sentence (or the text before) says is speaking
                if inside[mention.head] or was_quoted or label is not None:
                    note = discourse.resolve(mention, day, mentions)
                    if note:
                        mention.source_line = note
            for mention in mentions:
                discourse.remember(mention)
            coded.mentions.extend(mentions)
            arguments = [m for m in mentions if m is not label]
            # a sentence that goes on with a quotation opened before, naming no speaker of its own
            quoted_by = discourse.speaker if was_quoted and speaker is None else None
            ctx = SentenceContext(
                sentence, arguments, dates, document.published, discourse.about(), quoted_by, stated, accuser,
                discourse.main_pair(),
            )  # fmt: skip
            stated = next((d.value for d in reversed(dates) if d.value), stated)
            events = self.coder.code(ctx, coded.dropped)
            narrative = _carry_date(events, narrative)
            for event in events:
                if event.target is not None and event.source is not None:
                    discourse.interacted(event.source, event.target)
                if event.code.startswith("112") and event.source is not None:
                    accuser = event.source
            coded.events.extend(events)
        return coded


def _carry_date(events: list, narrative):
    """A sentence without a date of its own goes on with the day the text last stated for the same
    parties ("Во вторник Лавров провёл разговор с Фиданом. Министры обсудили ...": also that Tuesday)."""
    for event in events:
        if event.date_from == "text" and event.date and len(event.date) == 10:
            narrative = event
        elif narrative is not None and event.date_from == "published" and _countries(event) & _countries(narrative):
            event.date, event.date_from = narrative.date, "text"
            event.trace.append(f"date: {narrative.date} (the day the text last stated for these parties)")
    return narrative


def _countries(event) -> set[str]:
    return {a.country for a in (event.source, event.target) if a is not None and a.country}


def _own_of_subject(sentence: Sentence, mention, mentions: list) -> bool:
    """Resolve "свой X" (своего представителя, свои войска) to the subject's country; True if done."""
    tokens = sentence.tokens
    agent = mention.cue[2]
    if agent is None or not agent.sector:
        return False
    if not any(t.head == mention.head and t.lemma == "свой" for t in tokens):
        return False
    current = tokens[mention.head].head
    for _ in range(4):
        if current < 0:
            return False
        if tokens[current].pos == "VERB":
            owner = _subject_mention(sentence, current, mentions)
            if owner is None or not owner.actor.country:
                return False
            country = owner.actor.country
            mention.actor = Actor.of(country, agent.sector, mention.text, agent.role or None)
            mention.source_line = f"'свой': of the subject '{owner.text}' ({country})"
            return True
        current = tokens[current].head
    return False


def _subject_mention(sentence: Sentence, verb: int, mentions: list):
    """The resolved mention that is the subject of a verb, if any."""
    for child in sentence.children(verb):
        if child.rel == "nsubj":
            return next((m for m in mentions if child.index in m.tokens and m.actor is not None), None)
    return None


def _label_end(sentence: Sentence, last: int) -> bool:
    """Is the mention ending at token ``last`` a speaker label ("Голос Америки:")?"""
    tokens = sentence.tokens
    return last + 1 < len(tokens) and tokens[last + 1].text == ":"


def _quotation_mask(sentence: Sentence, quoted: bool) -> tuple[list[bool], bool]:
    """Which tokens stand inside a quotation, and whether one is still open after the sentence."""
    inside = []
    for token in sentence.tokens:
        if token.text in ("«", "„", "“") and not (token.text == "“" and quoted):
            quoted = True
        elif token.text in ("»", "”") or token.text == "“" and quoted:
            inside.append(quoted)
            quoted = False
            continue
        inside.append(quoted)
    return inside, quoted


def _latest_full_date(dates, anchor: dt.date | None) -> dt.date | None:
    """The last date with day, month and year stated in full ("5 апреля 2011 года"), else ``anchor``."""
    for mention in reversed(dates):
        if mention.value and len(mention.value) == 10 and mention.rule in ("numeric", "day_month", "month_day", "iso"):
            return dt.date.fromisoformat(mention.value)
    return anchor


def _role_day(dates) -> dt.date | None:
    for mention in dates:
        if mention.value and len(mention.value) == 10:
            return dt.date.fromisoformat(mention.value)
    for mention in dates:
        if mention.value and len(mention.value) == 4:
            return dt.date(int(mention.value), 7, 1)
    return None


def _load_cues(lemmatizer: Lemmatizer) -> PhraseIndex[list[Cue]]:
    """Cue phrases; one phrase may carry a cue per grammatical number ("сторона" sg/pl)."""
    by_phrase: dict[tuple[str, ...], list[Cue]] = {}
    for row in read_table(data.RU_CUES, required=("phrase", "cue", "number")):
        if row["cue"] not in CUES:
            raise DataFileError(f"cue '{row['cue']}' is not one of {', '.join(CUES)}", where=row.where)
        if row["number"] not in ("sg", "pl", "any"):
            raise DataFileError(f"number '{row['number']}' is not sg, pl or any", where=row.where)
        phrase = tuple(lemmatizer.plain(w) for w in row["phrase"].split())
        by_phrase.setdefault(phrase, []).append(Cue(row["cue"], row["number"], row.where))
    index: PhraseIndex[list[Cue]] = PhraseIndex()
    for phrase, cues in by_phrase.items():
        index.add(phrase, cues)
    return index


def code_text(text: str, lang: str | None = None, published: dt.date | None = None) -> list:
    """Code one text with a fresh engine (convenient, slow: use Engine for many texts)."""
    return Engine().code(Document(text=text, lang=lang, published=published)).events
