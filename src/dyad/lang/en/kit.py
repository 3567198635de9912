"""The English side of the engine: segmenter, candidate filter, parser, mentions and coder.

The Engine loads it with the first English document; it shares the Engine's actor index
(people with dated offices), CAMEO table, date rules, coreference and event record.
"""

from __future__ import annotations

import re
from pathlib import Path

from dyad import data
from dyad.actors.coref import Discourse
from dyad.actors.english import PLAIN_NAME, EnglishActors
from dyad.actors.index import ActorIndex
from dyad.config import Config
from dyad.dicts.petrarch import Problem, read_actors, read_agents, read_verbs
from dyad.dicts.tsv import read_table
from dyad.dicts.verbs_tsv import add_patterns_tsv, add_verbs_tsv, load_verbs_tsv
from dyad.errors import DataFileError
from dyad.events.attribution import EN_SPEECH_VERBS
from dyad.events.code import SentenceContext
from dyad.events.english import EnglishCoder, NounTrigger
from dyad.lang.en.parse import EnglishParser
from dyad.lang.en.segment import EnglishSegmenter
from dyad.model import Actor, CodedDocument, Document, Sentence
from dyad.ontology.cameo import Cameo
from dyad.time.resolve import find_dates

EN_REACH = 1  # words that may part a bare sector from the country it takes (Discourse.reach)
GROUP_CUES = frozenset({"body", "member", "role", "pair", "group"})
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


class EnglishKit:
    def __init__(self, index: ActorIndex, cameo: Cameo, config: Config) -> None:
        self.config = config
        self.index = index
        self.cameo = cameo
        self.problems: list[Problem] = []  # what the user's dictionaries had wrong (file:line), reported by the CLI
        self.parser = EnglishParser()
        tokenizer = self.parser.tokenizer
        self.segment = EnglishSegmenter(tokenizer)

        def words(name: str) -> tuple[str, ...]:
            if PLAIN_NAME.fullmatch(name):
                return tuple(name.lower().replace("_", " ").split())
            return tuple(t.lower_ for t in tokenizer(name.replace("_", " ")) if not t.is_space)

        self.actors = EnglishActors(index, words)
        verbs = add_patterns_tsv(load_verbs_tsv(data.EN, known_code=self._known), data.EN_VERB_PATTERNS_DYAD, self._known)
        verbs = add_verbs_tsv(verbs, data.EN_VERBS_DYAD, self._known)
        user_codes: set[str] = set()
        for path in config.user_verbs:
            user, problems = read_verbs(Path(path))
            self.problems += problems + self._own_codes(user, user_codes)
            verbs = verbs.merge(user)
        for path in config.user_actors:
            entries, problems = read_actors(Path(path))
            self.problems += problems
            self.actors.add_user_actors(entries)
        for path in config.user_agents:
            entries, problems = read_agents(Path(path))
            self.problems += problems
            self.actors.add_user_agents(entries)
        self.coder = EnglishCoder(cameo, verbs, _load_nouns(cameo), config.targetless, frozenset(user_codes))
        self.parser.proper = self.actors.is_name
        self.parser.verbs = self.coder.lemmas
        self.trigger_forms = _forms(self.coder.first_words)
        self.actor_words = self.actors.first_words

    def _known(self, code: str) -> bool:
        return code in self.cameo

    def _own_codes(self, verbs, seen: set[str]) -> list[Problem]:
        """Codes of a user's verb dictionary that CAMEO lacks: kept (users extend CAMEO), each reported once."""
        problems = []
        for block in verbs.blocks:
            places = [(block.where, block.code, block.reverse)] + [(p.where, p.code, p.reverse) for p in block.patterns]
            for where, *codes in places:
                for code in codes:
                    if code and code not in self.cameo and code not in seen:
                        seen.add(code)
                        problems.append(Problem(where, f"code {code} is not a CAMEO event code: kept as the dictionary's own "
                                                       "(events get no Goldstein value, quad class or PLOVER type)", kept=True))  # fmt: skip
        return problems

    # --------------------------------------------------------------- stages
    def is_candidate(self, sentence: Sentence) -> bool:
        has_trigger = has_actor = False
        for token in sentence.tokens:
            word = token.text.lower()
            if word in self.trigger_forms:
                has_trigger = True
            if word in self.actor_words:  # a name, agent or cue of the dictionaries (an unknown name alone codes nothing)
                has_actor = True
            if has_trigger and has_actor:
                return True
        return False

    def code_document(self, document: Document, sentences: list[Sentence]) -> CodedDocument:
        from dyad.pipeline import _carry_date, _latest_full_date, _role_day

        # English wire copy covers every country: a bare sector takes the country of its sentence only
        # when tied to it ("the government of X"), else the place or the country of the text
        discourse = Discourse(self.index, reach=EN_REACH)
        coded = CodedDocument(document, [], sentences=sentences)
        published = document.published
        anchor = None
        narrative = None
        stated = None
        topic = None
        body = None  # the body the last sentence had as its subject ("China's Foreign Ministry rejected ...")
        speaker = None  # who spoke last ("Spokeswoman Mao Ning said ..."): whom a later "she" means when they came after the topic
        for sentence in sentences:
            if _foreign(sentence.text):
                coded.dropped.append(f"s{sentence.index} not coded: the sentence is not English (the document is)")
                coded.notices.append(f"sentence {sentence.index + 1} is not in English, the document's language: not coded")
                continue
            dates = find_dates(sentence.text, published, sentence.start, anchor, lang="en")
            if published is None:
                anchor = _latest_full_date(dates, anchor)
            if not sentence.parsed:
                discourse.background(self.actors.countries_named(sentence))
                body = None  # "right after": a sentence between ends it
                stated = next((d.value for d in reversed(dates) if d.value), stated)
                continue
            day = _role_day(dates) or published
            mentions = self.actors.mentions(sentence, day)
            # a sector or "the two sides" with no country named: by what the sentence names around it
            # and what the text said before (not yet what this sentence names)
            for mention in mentions:
                if mention.kind == "coref" and mention.cue[0] in GROUP_CUES:
                    mention.source_line = _same_body(mention, mentions, body) or discourse.resolve(mention, day, mentions) or ""
            # "X ... his counterpart", "X said it ...": in text order, each sees the actors named before it
            subject_of_sentence = None
            for position, mention in enumerate(mentions):
                if mention.kind == "coref" and mention.cue[0] == "person" and not any(
                    m.kind != "coref" and m.actor and m.actor.name for m in mentions[:position]
                ):
                    # "He urged him ...": "he" the person who acted last, "him" the other one
                    mention.source_line = _antecedent_person(mention, sentence, topic or speaker, subject_of_sentence, discourse) or ""
                    if sentence.tokens[mention.head].rel in ("nsubj", "nsubjpass") and mention.actor is not None:
                        subject_of_sentence = mention.actor
                elif mention.kind == "coref" and mention.cue[0] == "thing":
                    mention.source_line = _antecedent_thing(mention, mentions[:position], discourse) or ""
                elif mention.kind == "coref" and mention.cue[0] not in GROUP_CUES:
                    mention.source_line = discourse.resolve(mention, day, mentions) or ""
                discourse.remember(mention)
            coded.mentions.extend(mentions)
            said = _speaker(sentence, mentions)
            body = _subject_body(sentence, mentions)
            speaker = said or speaker
            ctx = SentenceContext(sentence, mentions, dates, published, discourse.about(), None, stated, None, discourse.main_pair())
            stated = next((d.value for d in reversed(dates) if d.value), stated)
            events = self.coder.code(ctx, coded.dropped)
            named = [e.source for e in events if e.source is not None and e.source.name]
            topic = named[0] if named else topic  # who acted last: whom a later "he" means
            if said is not None and not named:
                topic = None  # ... unless someone spoke after them
            narrative = _carry_date(events, narrative)
            for event in events:
                if event.target is not None and event.source is not None:
                    discourse.interacted(event.source, event.target)
            coded.events.extend(events)
        return coded


def _subject_body(sentence: Sentence, mentions) -> Actor | None:
    """A country's body that is the subject of the sentence's main verb ("China's Foreign Ministry rejected")."""
    tokens = sentence.tokens
    for mention in mentions:
        token = tokens[mention.head]
        if mention.actor is not None and mention.actor.country and mention.actor.sector and token.rel == "nsubj" and tokens[token.head].rel == "ROOT":
            return mention.actor
    return None


def _same_body(mention, mentions, body: Actor | None) -> str | None:
    """A bare "spokeswoman", "the ministry", "officials" of the same sector right after a sentence led by a
    country's body, with no place named: that body's ("China's Foreign Ministry rejected the protest.
    Spokeswoman Mao Ning said ...")."""
    agent = mention.cue[2]
    if body is None or agent is None or agent.sector != body.sector or mention.cue[0] not in ("body", "member"):
        return None
    if any(m.place and m.actor is not None for m in mentions):
        return None
    mention.actor = Actor.of(body.country, body.sector, mention.text, agent.role or None)
    return f"'{mention.text}' of the body that led the sentence before: {body.code}"


def _speaker(sentence: Sentence, mentions) -> Actor | None:
    """The actor who is the subject of a verb of saying in the sentence, a person or a described one."""
    tokens = sentence.tokens
    for mention in mentions:
        token = tokens[mention.head]
        if mention.actor is None or mention.kind in ("country", "capital", "seat") or mention.plural:
            continue
        if token.rel == "nsubj" and token.head >= 0 and tokens[token.head].lemma in EN_SPEECH_VERBS:
            return mention.actor
    return None


def _antecedent_person(mention, sentence: Sentence, topic, subject, discourse: Discourse) -> str | None:
    """A pronoun as subject: the person who acted in the last event; as an object: the last-named
    person who is not the sentence's subject."""
    from dataclasses import replace

    is_subject = sentence.tokens[mention.head].rel in ("nsubj", "nsubjpass")
    if is_subject and topic is not None:
        mention.actor = replace(topic, text=mention.text)
        return f"'{mention.text}' -> {topic.name or topic.text or topic.code}, who acted or spoke last"
    other = next((a for a in reversed(discourse.actors) if a.name and (subject is None or a.name != subject.name)), None)
    if other is None:
        return None
    mention.actor = replace(other, text=mention.text)
    return f"'{mention.text}' -> {other.name}, the person named last (not the subject)"


def _antecedent_thing(mention, before: list, discourse: Discourse) -> str | None:
    """ "it", "its": the country or body named last (in this sentence, else before), not a person."""
    from dataclasses import replace

    for other in reversed(before):
        if other.actor is not None and other.kind != "person" and not other.pair:
            mention.actor = replace(other.actor, text=mention.text)
            return f"'{mention.text}' -> '{other.text}' named before in the sentence"
    actor = next((a for a in reversed(discourse.actors) if not a.name), None)
    if actor is None:
        return None
    mention.actor = replace(actor, text=mention.text)
    return f"'{mention.text}' -> {actor.code}, the body named last"


def _foreign(text: str) -> bool:
    """A sentence written mostly in Cyrillic inside an English document."""
    cyrillic = len(CYRILLIC.findall(text))
    return cyrillic > 3 and cyrillic > len(LATIN.findall(text))


def _forms(words: set[str]) -> set[str]:
    """Verb and noun words with their regular inflections, for the filter that runs before tagging."""
    forms = set(words)
    for word in words:
        forms.update((word + "s", word + "es", word + "ed", word + "d", word + "ing"))
        if word.endswith("e"):
            forms.add(word[:-1] + "ing")
        if word.endswith("y"):
            forms.update((word[:-1] + "ies", word[:-1] + "ied"))
        if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou":
            forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))
    return forms


def _load_nouns(cameo: Cameo) -> list[NounTrigger]:
    nouns = []
    for row in read_table(data.EN_NOUNS, required=("noun", "code")):
        cameo.check(row["code"], row.where)
        flags = {f.strip() for f in row.get("flags").split(",") if f.strip() and f.strip() != "-"}
        if flags - {"sym"}:
            raise DataFileError(f"unknown flag(s) {', '.join(sorted(flags - {'sym'}))} (allowed: sym)", where=row.where)
        nouns.append(NounTrigger(tuple(row["noun"].split()), row["code"], "sym" in flags, row.where))
    return nouns
