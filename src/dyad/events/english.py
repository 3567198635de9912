"""English event coding: PETRARCH-style verb patterns applied to spaCy's dependency parse.

For each verb of a parsed sentence found in the verb dictionary (the bundled CAMEO.2.0
conversion, or a user's PETRARCH file on top of it), the patterns of its block are tried
against the words around the verb: words after ``*`` must follow the verb inside its
clause, in order (gaps allowed), words before it must precede it; ``(PREP ...)`` must be a
preposition with those words under it; ``&SYNSET`` is any member; ``$`` and ``+`` mark where
the source and the target are. The pattern that matches most words gives the code; with
none, the block's own code (if any). Source and target default to the verb's subject and
object ("by" of a passive is the source, its subject the target; "X and Y held talks"
gives X and Y to each other); a paired code [042:043] also gives the target's reply.

Nominal events ("talks between X and Y", "X's meeting with Y") come from the noun list
``data/en/nouns.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.dicts.petrarch import Element, VerbBlock, VerbDictionary, VerbPattern
from dyad.events.attribution import EN_SPEECH_VERBS, english_attribution_of
from dyad.events.code import THREATS, SentenceContext, Unit, _threat_code
from dyad.events.modality import english_modality_of
from dyad.model import EN_PLACE_PREPS, Actor, Event, Evidence, Mention, Sentence, Token
from dyad.ontology.cameo import Cameo, CameoCode
from dyad.time.resolve import event_date

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
CLAUSE_RELS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
SUBJECT_RELS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
CLIMB_FOR_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acl", "acomp"})
MODIFIER_RELS = frozenset({"acl", "amod"})  # participles describing a noun ("men sought in the slaying") state no event
LOCATIVE_PREPS = EN_PLACE_PREPS | {"outside"}
RECIPROCAL = frozenset({"exchange", "swap", "trade"})  # verbs whose joint subjects act on each other
ACCUSABLE = frozenset({"15", "17", "18", "19", "20"})  # force and coercion: saying another did it accuses them
CLAIMING = frozenset({"claim", "say", "admit", "acknowledge"})  # one's own act of force so stated: responsibility claimed
ACCUSING_SPEECH = frozenset({"say", "claim", "allege", "charge", "insist", "assert", "report"})
COOPERATION = frozenset({"03", "04", "05", "06", "07", "08"})  # with one's own country: no relation
RECEIVING = frozenset({"receive", "get", "obtain", "accept"})  # the one "from" whom is the actor
INTENDING = frozenset("agree pledge promise vow offer decide plan intend".split())  # "agreed to ...": an intent
WANTING = frozenset("want seek hope wish aim".split())  # "wants to help": an intent to what is wished for
COOPERATIVE_ACTS = frozenset({"04", "05", "06", "07", "08"})
DEMANDS = frozenset({"02", "10", "11", "12", "13"})  # appeals, demands, criticism, rejection, threats: aimed at whom a clause names
# nouns of a gathering: a place after them ("talks in Istanbul") is where it happens, not a party
OCCASIONS = frozenset("talk talks meeting summit conference negotiation session round day visit trip ceremony forum".split())
# roots whose target may be the place itself: a visit there, a protest or an attack there
AIMED_PREPS = frozenset({"at", "against", "on", "upon", "into", "toward", "towards"})
FORCE_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence
PLACE_ROOTS = frozenset({"04", "14", "15", "18", "19", "20"})
TARGET_PREPS = ("with", "to", "against", "toward", "towards", "on", "for", "from", "into", "over")


@dataclass(frozen=True)
class NounTrigger:
    """A noun that names an event ("talks", "meeting", "visit"), with its code and flags."""

    phrase: tuple[str, ...]
    code: str
    symmetric: bool
    where: str


@dataclass
class Match:
    block: VerbBlock
    verb: tuple[int, ...]  # token indices of the verb words
    pattern: VerbPattern | None
    score: int
    source: list[int]
    target: list[int]


class EnglishCoder:
    """Turns one parsed English sentence into events (same record as the Russian coder)."""

    def __init__(
        self, cameo: Cameo, verbs: VerbDictionary, nouns: list[NounTrigger], targetless: bool = False, own_codes: frozenset[str] = frozenset()
    ) -> None:
        self.cameo = cameo
        # codes a user's dictionary adds to CAMEO: kept, with no Goldstein value, quad class or PLOVER type
        self.own = {c: CameoCode(c, "code of a user's dictionary", None, c[:2], cameo[c[:2]].quad_class if c[:2] in cameo else None, None) for c in own_codes}
        self.verbs = verbs
        self.nouns: dict[str, list[NounTrigger]] = {}
        for noun in sorted(nouns, key=lambda n: -len(n.phrase)):
            self.nouns.setdefault(noun.phrase[-1], []).append(noun)
        self.targetless = targetless
        self._needed: dict[int, tuple[frozenset[str], ...]] = {}
        self._by_word: dict[int, tuple[list, dict]] = {}  # block -> its patterns by the words they need

    @property
    def first_words(self) -> set[str]:
        words = {verb[0] for block in self.verbs.blocks for verb in block.verbs}
        words |= {form for block in self.verbs.blocks for form in block.forms}
        return words | set(self.nouns)

    @property
    def lemmas(self) -> frozenset[str]:
        """Every verb the coder reads by its lemma: the dictionary's and those of its own rules."""
        words = {verb[0] for block in self.verbs.blocks for verb in block.verbs if len(verb) == 1}
        return frozenset(words | INTENDING | WANTING | ACCUSING_SPEECH | RECEIVING | REQUESTS | RECIPROCAL)

    def code(self, ctx: SentenceContext, dropped: list[str]) -> list[Event]:
        sentence = ctx.sentence
        events: list[Event] = []
        seen: set[tuple] = set()
        self._verb_of: dict[int, int] = {}  # index of an event in ``events`` -> its trigger's token
        for token in sentence.tokens:
            if _requested(sentence, token) or _misread_attack(sentence, token):
                continue  # "asked Obama to help Iran": the help is what is asked for, not an event of its own
            if (token.pos in ("VERB", "AUX") and token.rel not in MODIFIER_RELS) or (token.pos == "NOUN" and token.rel == "ROOT"):
                match = self._match(sentence, token)
                if match is not None:
                    self._emit(ctx, match, events, seen, dropped)
            if token.pos in ("NOUN", "PROPN") and token.lemma in self.nouns:
                trigger = _noun_trigger(sentence, token, self.nouns[token.lemma])
                if trigger is not None:
                    self._noun_event(ctx, token, trigger, events, seen, dropped)
        events = self._intents(ctx, events)
        events += self._accusations(ctx, events, seen)
        return events

    def _intents(self, ctx: SentenceContext, events: list[Event]) -> list[Event]:
        """"agreed to hold talks", "pledged to send aid": the intent takes the code of what it is about
        (036 to meet, 033 to aid, by CAMEO's parallel sub-codes), and what it is about is its content,
        not an event of its own (as the Russian coder does "договорились провести встречу")."""
        tokens = ctx.sentence.tokens
        verb_of = {i: v for i, v in self._verb_of.items()}
        drop: set[int] = set()
        for i, event in enumerate(events):
            verb = verb_of.get(i)
            if verb is None or tokens[verb].lemma not in INTENDING or event.root not in ("03", "05"):
                continue
            content = [
                j for j, other in enumerate(events) if j != i and verb_of.get(j) is not None
                and tokens[verb_of[j]].rel == "xcomp" and tokens[verb_of[j]].head == verb
                and {a.code for a in (other.source, other.target) if a} & {a.code for a in (event.source, event.target) if a}
            ]  # fmt: skip
            intent = "030"
            if content:
                intent = self.cameo.about("030", events[content[0]].code)
                drop.update(content)
            elif not any(c.rel == "xcomp" for c in ctx.sentence.children(verb)):
                continue
            if intent != event.code and intent in self.cameo:
                entry = self.cameo[intent]
                event.trace.append(f"an intent about {events[content[0]].code if content else 'a further step'}: {intent}")
                event.code, event.root, event.quad_class, event.goldstein, event.plover = intent, entry.root, entry.quad_class, entry.goldstein, entry.plover
            event.modality = "intended"
            _date_as_planned(ctx, event, verb)
        for j, event in enumerate(events):
            # "wants to help Israel", "are seeking to deepen a partnership": wishing for a cooperative act is
            # an intent to it (033, 031), by the same parallel sub-codes; the act itself has not happened
            verb = verb_of.get(j)
            if j in drop or verb is None or event.root not in COOPERATIVE_ACTS or tokens[verb].rel != "xcomp":
                continue
            if tokens[verb].head < 0 or tokens[tokens[verb].head].lemma not in WANTING:
                continue
            intent = self.cameo.about("030", event.code)
            if intent != "030" and intent in self.cameo:
                entry = self.cameo[intent]
                event.trace.append(f"wished for ('{tokens[tokens[verb].head].text}'): an intent about {event.code}: {intent}")
                event.code, event.root, event.quad_class, event.goldstein, event.plover = intent, entry.root, entry.quad_class, entry.goldstein, entry.plover
                event.modality = "intended"
                _date_as_planned(ctx, event, verb)
        kept: list[tuple[int, Event]] = []
        intents: dict[tuple, int] = {}
        for j, event in enumerate(events):  # an intent named twice ("seeking" 030, "seeking to deepen" 031) is one, the specific
            if j in drop:
                continue
            key = (event.source.code, event.target.code if event.target else None, event.root)
            if event.root == "03" and key in intents:
                if kept[intents[key]][1].code == "030":
                    kept[intents[key]] = (j, event)
                continue
            intents[key] = len(kept)
            kept.append((j, event))
        self._verb_of = {n: verb_of[j] for n, (j, _) in enumerate(kept) if j in verb_of}
        return [event for _, event in kept]

    def _accusations(self, ctx: SentenceContext, events: list[Event], seen: set) -> list[Event]:
        """"The US said that Iraq had attacked ...", "Israel said a bomb was fired at it": a side that says
        another used force or coercion accuses it (112), on the day it says so."""
        sentence = ctx.sentence
        tokens = sentence.tokens
        found = []
        for index, event in enumerate(list(events)):
            if event.root not in ACCUSABLE or event.modality not in ("asserted", "negated") or event.source is None:
                continue
            verb = self._verb_of.get(index)
            clause = verb
            while clause is not None and tokens[clause].rel in ("conj", "xcomp") and tokens[clause].head >= 0:
                clause = tokens[clause].head
            if clause is None or tokens[clause].rel != "ccomp" or tokens[clause].head < 0:
                continue
            speech = tokens[clause].head
            if tokens[speech].lemma not in ACCUSING_SPEECH:
                continue
            # a named speaker: "a senior official" given the country of the text says nothing of whose side it is
            speakers = [a for u in _units_at(ctx, _subject_of(sentence, speech)) if not _weak(u.mention) for a in u.actors]
            for speaker in speakers:
                if speaker.code == event.source.code and event.modality == "asserted" and tokens[speech].lemma in CLAIMING:
                    # "Hamas claimed that it had fired the rockets": a claim of responsibility (015) for the act
                    found += self._said(ctx, speech, speaker, event.target, "015", f"'{tokens[speech].text}' that it did {event.code} itself: a claim of responsibility", seen)
                    continue
                if speaker.country == event.source.country or speaker.code == event.source.code:
                    continue
                if speaker.sector not in (None, "GOV", "MIL", "COP", "SPY"):
                    continue  # a state speaks for itself; a lawyer or a newspaper reporting it accuses nobody
                found += self._said(ctx, speech, speaker, event.source, "112", f"'{tokens[speech].text}' that {event.source.code} did {event.code}: an accusation", seen)
        return found

    def _said(self, ctx: SentenceContext, speech: int, speaker: Actor, target: Actor | None, code: str, why: str, seen: set) -> list[Event]:
        """An event a verb of saying makes itself (an accusation, a claim of responsibility), dated when said."""
        sentence = ctx.sentence
        entry = self.cameo[code]
        key = (speaker.code, target.code if target else None, entry.root)
        if key in seen:
            return []
        seen.add(key)
        date, date_from, why_date = _date(ctx, speech)
        return [Event(
            source=speaker, target=target, code=code, root=entry.root, quad_class=entry.quad_class,
            goldstein=entry.goldstein, plover=entry.plover, date=date, date_from=date_from, modality="asserted",
            attribution=None, evidence=Evidence(sentence.start, sentence.end, sentence.text, sentence.tokens[speech].text),
            confidence=0.6, trace=[why, f"date: {why_date}"],
        )]  # fmt: skip

    def _needs(self, pattern: VerbPattern) -> tuple[frozenset[str], ...]:
        """Words a pattern cannot match without (one of each set), to reject it before matching."""
        needs = self._needed.get(id(pattern))
        if needs is None:
            needs = self._needed[id(pattern)] = tuple(_required(e) for e in (*pattern.before, *pattern.after) if _required(e))
        return needs

    def _possible(self, block: VerbBlock, present: set[str]) -> list[VerbPattern]:
        """The block's patterns whose required words are all in the sentence, in the block's order.
        Patterns are indexed by the words of their first requirement, so a block of hundreds of
        patterns costs what the sentence's words can reach."""
        index = self._by_word.get(id(block))
        if index is None:
            free: list[tuple[int, VerbPattern]] = []
            by_word: dict[str, list[tuple[int, VerbPattern]]] = {}
            for order, pattern in enumerate(block.patterns):
                needs = self._needs(pattern)
                if not needs:
                    free.append((order, pattern))
                for word in needs[0] if needs else ():
                    by_word.setdefault(word, []).append((order, pattern))
            index = self._by_word[id(block)] = (free, by_word)
        free, by_word = index
        found = {id(p): (order, p) for order, p in free}
        for word in present & by_word.keys():
            for order, pattern in by_word[word]:
                found.setdefault(id(pattern), (order, pattern))
        return [p for _, p in sorted(found.values(), key=lambda item: item[0]) if all(need & present for need in self._needs(p)[1:])]

    def _entry(self, code: str) -> CameoCode:
        return self.own[code] if code in self.own else self.cameo[code]

    # ----------------------------------------------------------- verb patterns
    def _match(self, sentence: Sentence, verb: Token) -> Match | None:
        tokens = sentence.tokens
        present = {t.lemma for t in tokens} | {t.text.lower() for t in tokens}
        candidates = self.verbs.lookup(verb.lemma) + self.verbs.lookup(verb.text.lower())
        if not candidates:  # the lemmatiser now and then misses ("staged" -> "stag"): regular endings
            for stem in _stems(verb.text.lower()):
                candidates += self.verbs.lookup(stem)
        best: Match | None = None
        passive = _passive(sentence, verb.index)
        agent: set[int] = set()
        subject: list[int] = []
        if passive:  # "evidence was presented by the US" reads as "the US presented evidence"
            for child in sentence.children(verb.index):
                if child.rel == "agent":
                    agent |= _subtree(sentence, child.index) | {child.index}
                if child.rel == "nsubjpass":
                    subject += _phrase_positions(sentence, child.index)
        clause = sorted(_clause(sentence, verb.index)) if candidates else []
        for words, block in candidates:
            positions = _verb_positions(sentence, verb, words)
            if positions is None:
                continue
            after = [i for i in clause if i > positions[-1]]
            before = list(range(verb.index))
            if passive:
                after = subject + [i for i in after if i not in agent]
                before = sorted(i for i in agent if tokens[i].rel != "agent")
            chosen: Match | None = None
            for pattern in self._possible(block, present):
                found = _match_pattern(sentence, pattern, before, after)
                if found is None:
                    continue
                score, source, target = found
                if chosen is None or score > chosen.score:
                    chosen = Match(block, positions, pattern, score, source, target)
            if chosen is None:
                if block.code is None:
                    continue
                chosen = Match(block, positions, None, 0, [], [])
            chosen.score += 10 * len(positions)  # a multi-word verb beats its first word
            if best is None or chosen.score > best.score:
                best = chosen
        if best is None:
            return None
        code = best.pattern.code if best.pattern is not None else best.block.code
        reverse = best.pattern.reverse if best.pattern is not None else best.block.reverse
        return best if code is not None or reverse is not None else None  # "[:030]": only the target acts

    def _emit(self, ctx: SentenceContext, match: Match, events: list[Event], seen: set, dropped: list[str]) -> None:
        sentence = ctx.sentence
        pattern = match.pattern
        code = pattern.code if pattern is not None else match.block.code
        reverse = pattern.reverse if pattern is not None else match.block.reverse
        if (code or reverse) not in self.cameo and (code or reverse) not in self.own:
            dropped.append(f"sentence {sentence.index}: code {code} of '{match.block.name}' is not a CAMEO code")
            return
        verb = match.verb[0]
        passive = _passive(sentence, verb)
        sources = _units_at(ctx, match.source) if match.source else []
        targets = _units_at(ctx, match.target) if match.target else []
        how = f"pattern {pattern.where}" if pattern is not None else f"verb block {match.block.where}"
        if not sources:
            sources = _units_at(ctx, _agent_of(sentence, verb)) if passive else _units_at(ctx, _subject_of(sentence, verb))
        if not sources and passive:  # "were killed in an Israeli air strike", "in shelling by government forces"
            sources = _units_at(ctx, _attackers(sentence, verb))
        if not sources and passive and self._entry(code or reverse).root in FORCE_ROOTS:
            # "a mortar bomb was fired at Israel from the Gaza Strip": where force came from is whose it was
            sources = _units_at(ctx, [c.index for p in sentence.children(verb) if p.rel == "prep" and p.text.lower() == "from" for c in sentence.children(p.index) if c.rel == "pobj"])
        if not targets and passive:  # "Evidence against Russia was presented by the US"
            for subject in _subject_of(sentence, verb):
                targets = _top_units(ctx, _phrase_positions(sentence, subject))
                if targets:
                    break
        if not targets and (not passive or sources):
            symmetric = self._entry(code or reverse).root in SYMMETRIC_ROOTS
            several = len({a.country for u in sources for a in u.actors}) >= 2
            root = self._entry(code or reverse).root
            for candidates in _object_of(sentence, verb, sources):
                if passive and sentence.tokens[candidates[0]].text.lower() not in AIMED_PREPS:
                    continue  # a passive's subject is its target; else only whom it was aimed at ("fired at it")
                locative = sentence.tokens[candidates[0]].text.lower() in LOCATIVE_PREPS
                if locative and ((symmetric and several) or root not in PLACE_ROOTS):
                    continue  # "Obama and Putin will meet in Zurich", "ended talks in Istanbul": the place is no party
                places = root in PLACE_ROOTS and not (symmetric and several)
                own = {a.country for u in sources for a in u.actors if a.country}
                targets = [
                    u for u in _top_units(ctx, candidates, places)
                    if all(u.mention is not s.mention for s in sources)
                    and not (len(own) == 1 and {a.country for a in u.actors} <= own and _weak(u.mention))
                ]  # "deployed troops to Poland": the subject's own troops are not the target; look further
                if targets:
                    break
        if not targets and (code or "").startswith("015"):
            # "claimed responsibility for an attack targeting shoppers at a mall in Nairobi": the side or
            # the place the claimed act struck, clauses of the act included
            sourced = {id(u.mention) for u in sources}
            for act in _claimed_acts(sentence, verb):
                targets = [u for u in _top_units(ctx, sorted(_subtree(sentence, act))) if id(u.mention) not in sourced]
                if targets:
                    break
        if not targets and self._entry(code or reverse).root in DEMANDS:
            # "Washington demanded that Caracas release ...", "warned that Seoul would pay": whom the clause is about
            for child in sentence.children(verb):
                if child.rel == "ccomp":
                    # ("warned that Tehran would respond": a side speaking of what it will do itself names no target)
                    own = {a.country for s in sources for a in s.actors}
                    own = own if len(own) == 1 and None not in own else set()
                    targets = [
                        u for u in _units_at(ctx, _subject_of(sentence, child.index))
                        if all(u.mention is not s.mention for s in sources) and not {a.country for a in u.actors} <= own
                    ]  # fmt: skip
                    if targets:
                        break
        if sentence.tokens[verb].lemma in EN_SPEECH_VERBS:
            # "told reporters", "said in an interview with journalists": the press is the audience, no party
            targets = [u for u in targets if not (_weak(u.mention) and all(a.sector == "MED" for a in u.actors))]
        if code is not None and reverse is None and sentence.tokens[verb].lemma in RECEIVING:
            # "Ukraine received military aid from Germany": the giver acts, on the receiver
            givers = [
                c.index for h in (verb, *(c.index for c in sentence.children(verb) if c.rel == "dobj"))
                for p in sentence.children(h) if p.rel == "prep" and p.text.lower() == "from"
                for c in sentence.children(p.index) if c.rel == "pobj"
            ]  # fmt: skip
            giving = _units_at(ctx, givers)
            if giving and sources:
                sources, targets = giving, sources
        self._pairs(ctx, code, reverse, sources, targets, verb, match.verb, how, events, seen)

    # ------------------------------------------------------------- nouns
    def _noun_event(self, ctx: SentenceContext, noun: Token, trigger: NounTrigger, events: list[Event], seen: set, dropped: list[str]) -> None:
        sentence = ctx.sentence
        tokens = sentence.tokens
        own: list[int] = []
        for child in sentence.children(noun.index):
            if child.rel == "poss" or (child.rel in ("compound", "amod") and child.pos == "PROPN"):
                own.append(child.index)
            if child.rel == "prep" and child.text.lower() in ("between", "with", "of", "among", "to"):
                own.extend(c.index for c in sentence.children(child.index) if c.rel == "pobj")
        # the verb that governs the noun: "X held talks with Y", "X spoke by phone with Y"
        verb = None
        if noun.rel in ("dobj", "nsubj", "attr") and noun.head >= 0:
            verb = noun.head
        elif noun.rel == "pobj" and noun.head >= 0 and tokens[noun.head].head >= 0 and tokens[tokens[noun.head].head].pos in ("VERB", "AUX"):
            verb = tokens[noun.head].head
        subjects: list[Unit] = []
        if verb is not None and tokens[verb].pos in ("VERB", "AUX") and noun.rel != "nsubj":
            subjects = _units_at(ctx, _subject_of(sentence, verb))
            for child in sentence.children(verb):
                if child.rel == "prep" and child.text.lower() in ("with", "to"):
                    own.extend(c.index for c in sentence.children(child.index) if c.rel == "pobj")
        units = _units_at(ctx, own)
        if subjects:
            sources, targets = subjects, [u for u in units if all(u.mention is not s.mention for s in subjects)]
        else:
            sources, targets = units[:1], units[1:]
        if not sources or (not targets and sum(len(u.actors) for u in sources) < 2):
            return
        self._pairs(ctx, trigger.code, None, sources, targets, noun.index, (noun.index,), f"noun {trigger.where}", events, seen)

    # ------------------------------------------------------------- output
    def _pairs(self, ctx, code, reverse, sources, targets, verb, positions, how, events, seen) -> None:
        sentence = ctx.sentence
        entry = self._entry(code or reverse)
        symmetric = entry.root in SYMMETRIC_ROOTS
        pairs: list[tuple[Actor, Actor | None]] = []
        source_actors = [a for u in sources for a in u.actors]
        target_actors = [a for u in targets for a in u.actors]
        pair = next((u for u in sources if u.is_pair and u.mention.kind == "coref"), None)  # "the two sides"
        if not target_actors and len({a.country for a in source_actors}) >= 2 and sentence.tokens[verb].lemma in RECIPROCAL:
            # "Moscow and Kyiv exchanged prisoners": each to the other
            for i, one in enumerate(source_actors):
                for other in source_actors[i + 1 :]:
                    pairs += [(one, other), (other, one)]
        elif symmetric and pair is not None:
            # "the ministers discussed Ukraine": the two sides with each other; the object is the topic
            pairs.append(pair.actors)
        elif symmetric and len({a.country for a in source_actors}) >= 2 and not any(_party_phrase(sentence, t.mention) for t in targets):
            # "Lavrov and Fidan discussed Ukraine": the subjects with each other, the object is the topic
            # "Arnor and Gondor held talks": the subjects with each other
            for i, one in enumerate(source_actors):
                for other in source_actors[i + 1 :]:
                    pairs.append((one, other))
        else:
            for source in source_actors:
                for target in target_actors or ([None] if self.targetless else []):
                    pairs.append((source, target))
        guessed = {id(a) for u in (*sources, *targets) if _weak(u.mention) for a in u.actors}
        modality, why_modality = english_modality_of(sentence, verb)
        attribution, _ = english_attribution_of(sentence, verb, ctx.mentions)
        date, date_from, why_date = _date(ctx, verb, modality)
        trigger = " ".join(sentence.tokens[i].text for i in positions)
        if modality == "intended" and entry.root in THREATS and code in self.cameo:
            # "Obama wants to attack Switzerland", "vowed to impose sanctions": announcing harm is a threat (13),
            # made now (as the Russian coder does for harm a side says is coming)
            why_modality = f"intended {code} stated: a threat ({why_modality})"
            code, reverse, modality = _threat_code(code), None, "asserted"
            entry = self.cameo[code]
        refusal = _refusal_code(code) if code in self.cameo and reverse is None else ""
        marks = {c.lemma for c in sentence.children(verb) if c.rel in ("aux", "neg")} if refusal else set()
        if refusal in self.cameo and marks & {"not", "never"} and marks & {"will", "would", "shall"}:
            # "said he would not provide support", "will not give permission": a refusal (12), made now
            why_modality = f"{code} refused: a rejection ({why_modality})"
            code, modality = refusal, "asserted"
            entry = self.cameo[code]
        for source, target in pairs:
            if target is not None:
                kept = _own_country(source, target, entry.root, guessed)
                if kept is None:
                    continue
                source, target = kept
            for one, other, this in ((source, target, code), (target, source, reverse)):
                if this is None or one is None or (this not in self.cameo and this not in self.own):
                    continue
                item = self._entry(this)
                key = (one.code, other.code if other else None, item.root)
                if item.root in SYMMETRIC_ROOTS:
                    # a paired code's reply ("visit" and "host") is an event of its own; "met" both ways is one
                    paired = this if reverse and reverse != code else ""
                    key = (*sorted((one.code, other.code if other else "")), item.root, paired)
                if key in seen:
                    continue
                seen.add(key)
                trace = [how, f"modality: {modality} ({why_modality})", f"date: {why_date}"]
                self._verb_of[len(events)] = verb
                events.append(Event(
                    source=one, target=other, code=item.code, root=item.root, quad_class=item.quad_class,
                    goldstein=item.goldstein, plover=item.plover, date=date, date_from=date_from, modality=modality,
                    attribution=attribution, evidence=Evidence(sentence.start, sentence.end, sentence.text, trigger),
                    confidence=0.8 if "pattern" in how else 0.6, trace=trace,
                ))  # fmt: skip


# ------------------------------------------------------------------ helpers
# what refusing a cooperative act is, by CAMEO's parallel sub-codes of 12 (Reject)
REFUSALS = {
    "04": "125", "05": "120", "06": "121", "061": "1211", "062": "1212", "07": "121",
    "08": "124", "081": "1241", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}


def _refusal_code(code: str) -> str:
    return REFUSALS.get(code[:3]) or REFUSALS.get(code[:2]) or ""


def _own_country(source: Actor, target: Actor, root: str, guessed: set[int]) -> tuple[Actor, Actor] | None:
    """An actor and its own country: the pair to code, or None when there is no relation between them.
    Cooperation with one's own country is none ("Erdogan's invitation to visit Turkey"); a government's
    words and force towards it are events ("Syrian forces shelled Homs", "Obama expressed sorrow for the
    shootings in Ohio"). When the actor's country is only a guess from that very country, the event stays
    and the guess goes: a bare "the government" in a sentence naming China is a government of no known
    country (---GOV), "soldiers wounded in Russian shelling" are not Russia's."""
    if not source.country or source.country != target.country:
        return source, target
    if source.code == target.code or not (source.sector or target.sector):
        return None
    if id(source) in guessed and id(target) not in guessed and not target.sector:
        return _countryless(source), target
    if id(target) in guessed and id(source) not in guessed and not source.sector:
        return source, _countryless(target)
    if root in COOPERATION and (source.sector == target.sector or not source.sector or not target.sector):
        return None
    return source, target


def _countryless(actor: Actor) -> Actor:
    """The actor without the country that was only guessed for it: "---" and its sector, as CAMEO writes it."""
    return Actor("---" + (actor.sector or ""), None, actor.sector, actor.name, actor.role, actor.text)


def _required(element: Element) -> frozenset[str]:
    """The first words an element can start with (empty: it needs no word, e.g. $ or +)."""
    if element.kind in ("word", "phrase", "prep"):
        return frozenset(element.words[:1])
    if element.kind == "synset":
        return frozenset(m[0] for m in element.members if m)
    return frozenset()


REQUESTS = frozenset("ask urge press pressure call demand request invite encourage push permit allow".split())


def _requested(sentence: Sentence, token: Token) -> bool:
    """Is the verb the content of somebody else's request ("urged X to ...", "gave permission to X to ...")?"""
    if token.rel != "xcomp" or token.head < 0:
        return False
    head = sentence.tokens[token.head]
    if head.lemma in REQUESTS:
        return True
    return head.lemma == "permission" or (head.rel == "pobj" and head.lemma in ("permission", "call", "request", "demand"))


def _stems(word: str) -> list[str]:
    """Base forms a regular English verb form may have: staged -> stage, stag; carried -> carry."""
    out = []
    for ending, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("es", ("e", "")), ("s", ("",))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.extend(word[: -len(ending)] + r for r in replacements)
    return out


def _noun_trigger(sentence: Sentence, noun: Token, triggers: list[NounTrigger]) -> NounTrigger | None:
    """The longest noun phrase of the list that ends at ``noun`` ("phone call" before "call")."""
    modifiers = {c.lemma for c in sentence.children(noun.index) if c.rel in ("compound", "amod", "nmod")}
    for trigger in triggers:
        if set(trigger.phrase[:-1]) <= modifiers:
            return trigger
    return None


def _verb_positions(sentence: Sentence, verb: Token, words: tuple[str, ...]) -> tuple[int, ...] | None:
    """Token indices of a (multi-word) verb starting at ``verb``: "give up", "call on"."""
    if len(words) == 1:
        return (verb.index,)
    positions = [verb.index]
    cursor = verb.index
    tokens = sentence.tokens
    for word in words[1:]:
        nxt = next((i for i in range(cursor + 1, min(len(tokens), cursor + 4)) if tokens[i].text.lower() == word or tokens[i].lemma == word), None)
        if nxt is None:
            return None
        positions.append(nxt)
        cursor = nxt
    return tuple(positions)


def _clause(sentence: Sentence, verb: int) -> set[int]:
    """The verb's own clause: its subtree without subordinate clauses and coordinated verbs."""
    found: set[int] = set()
    stack = [verb]
    while stack:
        current = stack.pop()
        for child in sentence.children(current):
            if child.rel in CLAUSE_RELS or (child.rel == "conj" and child.pos in ("VERB", "AUX")) or child.rel in SUBJECT_RELS and current == verb:
                continue
            found.add(child.index)
            stack.append(child.index)
    return found


def _matches_word(token: Token, words: tuple[str, ...], tokens: list[Token]) -> int:
    """Length of the phrase ``words`` matched at ``token`` (0: no match)."""
    for offset, word in enumerate(words):
        i = token.index + offset
        if i >= len(tokens):
            return 0
        t = tokens[i]
        if word != t.text.lower() and word != t.lemma:
            return 0
    return len(words)


def _match_elements(sentence: Sentence, elements: tuple[Element, ...], positions: list[int], roles: dict) -> int | None:
    """Match elements in order over ``positions`` (gaps allowed); the number of words matched, None if not."""
    tokens = sentence.tokens
    cursor = 0
    score = 0
    for element in elements:
        if element.kind in ("source", "target"):
            noun = next((k for k in range(cursor, len(positions)) if tokens[positions[k]].pos in ("NOUN", "PROPN", "PRON")), None)
            if noun is None:
                return None
            roles.setdefault(element.kind, positions[noun])
            cursor = noun + 1
            continue
        found = None
        for k in range(cursor, len(positions)):
            token = tokens[positions[k]]
            if element.kind in ("word", "phrase"):
                length = _matches_word(token, element.words, tokens)
                if length:
                    found, gained = k + length, length
                    break
            elif element.kind == "synset":
                length = max((_matches_word(token, member, tokens) for member in element.members), default=0)
                if length:
                    found, gained = k + length, length
                    break
            elif element.kind == "prep":
                if _matches_word(token, element.words, tokens):
                    # "(TO REFORM)" on "to reform": an infinitive's "to" hangs on its verb, so the words after it count
                    inner_positions = sorted(_subtree(sentence, token.index)) or positions[k + 1 :]
                    inner = _match_elements(sentence, element.inner, inner_positions, roles)
                    if inner is not None:
                        found, gained = k + 1, 1 + inner
                        break
        if found is None:
            return None
        score += gained
        cursor = found
    return score


def _match_pattern(sentence: Sentence, pattern: VerbPattern, before: list[int], after: list[int]) -> tuple[int, list[int], list[int]] | None:
    roles: dict[str, int] = {}
    score_after = _match_elements(sentence, pattern.after, after, roles)
    if score_after is None:
        return None
    pre = [e for e in pattern.before if e.kind not in ("source", "target")]
    score_before = _match_elements(sentence, tuple(pre), before, {}) if pre else 0
    if score_before is None:
        return None
    source = [roles["source"]] if "source" in roles else []
    target = [roles["target"]] if "target" in roles else []
    return score_after + score_before + 1, source, target


def _subtree(sentence: Sentence, index: int) -> set[int]:
    found = {index}
    stack = [index]
    while stack:
        for child in sentence.children(stack.pop()):
            if child.index not in found:
                found.add(child.index)
                stack.append(child.index)
    found.discard(index)
    return found


def _subject_of(sentence: Sentence, verb: int) -> list[int]:
    tokens = sentence.tokens
    current = verb
    for _ in range(4):
        subject = [c.index for c in sentence.children(current) if c.rel in ("nsubj", "nsubjpass")]
        if subject:
            return _unstacked(sentence, subject)
        token = tokens[current]
        if token.rel in ("relcl", "acl") and token.head >= 0:
            return [token.head]  # "the minister who visited Kyiv"
        if token.rel not in CLIMB_FOR_SUBJECT or token.head < 0:
            return []
        if token.rel == "xcomp":  # "urged Bree to help": the object of the head acts
            obj = [c.index for c in sentence.children(token.head) if c.rel == "dobj"]
            if obj:
                return obj
        current = token.head
    return []


def _unstacked(sentence: Sentence, subjects: list[int]) -> list[int]:
    """Subjects the parser stacked side by side without "and" ("the militant group al-Shabab claimed"):
    a description and the name after it are one party, the name (which a later "it" also means)."""
    kept = [subjects[0]]
    end = max(_phrase_positions(sentence, subjects[0]))
    for index in subjects[1:]:
        phrase = _phrase_positions(sentence, index)
        if min(phrase) == end + 1 and sentence.tokens[end].pos not in ("CCONJ", "PUNCT"):  # not "Lions, tigers, and Gondor"
            kept[-1] = index
        else:
            kept.append(index)
        end = max(end, max(phrase))
    return kept


ATTACKS = frozenset("attack strike airstrike shelling bombing bombardment raid fire offensive assault ambush".split())


def _attackers(sentence: Sentence, verb: int) -> list[int]:
    """Who did a passive act of force done "in"/"during" an attack: the attack's own side
    ("in an Israeli air strike", "in Russian shelling", "during a raid by government forces")."""
    found = []
    for prep in sentence.children(verb):
        if prep.rel != "prep" or prep.text.lower() not in ("in", "during", "amid"):
            continue
        for noun in sentence.children(prep.index):
            if noun.rel != "pobj" or (noun.lemma not in ATTACKS and not _before_attack(sentence, noun.index)):
                continue
            if noun.lemma not in ATTACKS:  # "in Israeli tank shelling" with "shelling" misread as a verb: the words before it
                found.append(noun.index)
            for child in sentence.children(noun.index):
                if child.rel in ("amod", "compound", "poss", "nmod"):
                    found.append(child.index)
                if child.rel == "prep" and child.text.lower() in ("by", "from"):
                    found.extend(c.index for c in sentence.children(child.index) if c.rel == "pobj")
    return found


def _before_attack(sentence: Sentence, index: int) -> bool:
    """Is the next word an attack noun the parser took for a verb ("in Israeli tank shelling")?"""
    tokens = sentence.tokens
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.pos == "VERB" and following.text.lower() in ATTACKS and tokens[index].pos in ("NOUN", "PROPN", "ADJ")


def _misread_attack(sentence: Sentence, token: Token) -> bool:
    """An attack noun read as a verb after the noun of a preposition ("killed in tank shelling"): no act of its own."""
    tokens = sentence.tokens
    if token.index == 0 or not _before_attack(sentence, token.index - 1):
        return False
    before = tokens[token.index - 1]
    return before.rel == "pobj" and before.head >= 0 and tokens[before.head].text.lower() in ("in", "during", "amid")


def _passive(sentence: Sentence, verb: int) -> bool:
    return any(c.rel in ("nsubjpass", "auxpass") for c in sentence.children(verb))


def _agent_of(sentence: Sentence, verb: int) -> list[int]:
    for child in sentence.children(verb):
        if child.rel == "agent":
            return [c.index for c in sentence.children(child.index) if c.rel == "pobj"]
    return []


def _object_of(sentence: Sentence, verb: int, sources: list[Unit]) -> list[list[int]]:
    """Candidate targets in order: the actors inside the direct object ("restored ties with Gondor",
    "welcomed the resumption of ties with Osgiliath"), then the objects of "with"/"to"/"against"/...,
    then of other prepositions ("arrived in Gondor", "fired rockets at Russia")."""
    children = sentence.children(verb)
    found = [_phrase_positions(sentence, c.index) for c in children if c.rel in ("dobj", "dative", "attr", "oprd")]
    preps = [c for c in children if c.rel == "prep" and c.text.lower() != "by"]
    wanted = (*TARGET_PREPS, "at")
    preps.sort(key=lambda c: wanted.index(c.text.lower()) if c.text.lower() in wanted else 99)
    found += [_phrase_positions(sentence, c.index) for c in preps]
    return [f for f in found if f]


def _claimed_acts(sentence: Sentence, verb: int) -> list[int]:
    """The nouns of what responsibility is claimed for: "claimed responsibility for the bombing"."""
    heads = [verb] + [c.index for c in sentence.children(verb) if c.rel == "dobj"]
    return [
        c.index for h in heads for p in sentence.children(h) if p.rel == "prep" and p.text.lower() == "for"
        for c in sentence.children(p.index) if c.rel == "pobj"
    ]  # fmt: skip


def _phrase_positions(sentence: Sentence, index: int) -> list[int]:
    """A word and the words of its phrase, in order, without the clauses inside it."""
    found = {index}
    stack = [index]
    while stack:
        for child in sentence.children(stack.pop()):
            if child.rel not in CLAUSE_RELS and child.index not in found:
                found.add(child.index)
                stack.append(child.index)
    return sorted(found)


PARTY_PREPS = frozenset({"with", "between", "to", "against", "among"})


def _party_phrase(sentence: Sentence, mention: Mention) -> bool:
    """Is the mention inside a phrase of "with"/"between"/... ("ties with X", "talks between X and Y")?"""
    tokens = sentence.tokens
    current = mention.head
    for _ in range(6):
        token = tokens[current]
        if token.rel == "pobj" and token.head >= 0 and tokens[token.head].text.lower() in PARTY_PREPS:
            return True
        if token.head < 0 or token.rel not in ("pobj", "conj", "compound", "amod", "poss", "appos"):
            return False
        current = token.head
    return False


def _weak(mention: Mention) -> bool:
    """A bare agent given the country of the text ("troops", "artillery shells"): it yields to a named actor."""
    return mention.kind == "coref" and bool(mention.cue) and mention.cue[0] == "body"


def _top_units(ctx: SentenceContext, positions: list[int], places: bool = True) -> list[Unit]:
    """The actors of a phrase nearest its head ("dissidents from Myanmar" is the dissidents' actor, not
    Myanmar as well), with those coordinated with them."""
    inside = set(positions)
    tokens = ctx.sentence.tokens
    heads = []
    for i in positions:
        mention = _mention_of(ctx, i)
        if mention is None:
            continue
        depth, current, located, placed = 0, i, False, False
        while current in inside and tokens[current].head in inside and depth < 20:
            current, depth = tokens[current].head, depth + 1
            at_place = tokens[current].rel == "prep" and tokens[current].text.lower() in LOCATIVE_PREPS
            placed = placed or at_place
            located = located or (at_place and tokens[current].head >= 0 and tokens[tokens[current].head].lemma in OCCASIONS)
        if located and not places:
            continue  # "ended a day of talks in Istanbul": the place is no party (but "refineries in Iran" are Iran's)
        # a named actor before a bare agent; one the phrase does not merely place ("an attack by X in Y": X)
        heads.append((_weak(mention), placed, depth, i))
    if not heads:
        return []
    best = min(h[:3] for h in heads)
    return _units_at(ctx, [i for *rank, i in heads if tuple(rank) == best])


def _units_at(ctx: SentenceContext, indices: list[int]) -> list[Unit]:
    """The actors at the given tokens, through coordination ("Arnor, Osgiliath and Gondor")."""
    sentence = ctx.sentence
    tokens = sentence.tokens
    units: list[Unit] = []
    todo = list(indices)
    visited: set[int] = set()
    while todo:
        index = todo.pop(0)
        if index in visited or index < 0:
            continue
        visited.add(index)
        mention = _mention_of(ctx, index)
        if mention is not None:
            actors = mention.pair if mention.pair else ((mention.actor,) if mention.actor else ())
            if actors and all(u.mention is not mention for u in units):
                units.append(Unit(tuple(actors), mention, "syntax"))
        elif tokens[index].pos in ("NOUN", "PROPN"):
            # a word that names no actor itself: the actor inside its noun phrase ("the talks of X")
            for child in sentence.children(index):
                if child.rel in ("poss", "compound", "amod", "nmod"):
                    todo.append(child.index)
                if child.rel == "prep" and child.text.lower() in ("of", "from"):
                    todo.extend(c.index for c in sentence.children(child.index) if c.rel == "pobj")
        for token_index in (mention.tokens if mention is not None else {index}):
            for child in sentence.children(token_index):
                if child.rel == "conj" and child.pos in ("NOUN", "PROPN", "PRON", "ADJ"):
                    todo.append(child.index)
                if child.rel == "appos" and child.pos == tokens[token_index].pos == "PROPN":
                    todo.append(child.index)  # a list the parser read as apposition
        if tokens[index].rel == "appos":
            continue
    return units


def _mention_of(ctx: SentenceContext, index: int) -> Mention | None:
    for mention in ctx.mentions:
        if mention.head == index or (index in mention.tokens and mention.first <= index <= mention.last):
            if mention.actor is not None or mention.pair:
                return mention
    return None


def _date_as_planned(ctx: SentenceContext, event: Event, verb: int) -> None:
    """An event found to be a plan only after it was dated takes the date a plan has ("agreed to meet in May")."""
    if event.date_from != "text":
        return
    date, _from, why = _date(ctx, verb, event.modality)
    if date != event.date:
        event.date = date
        event.trace.append(f"date: {date} ({why})")


def _date(ctx: SentenceContext, verb: int, modality: str = "asserted") -> tuple[str | None, str, str]:
    sentence = ctx.sentence
    tokens = sentence.tokens
    clause = _clause(sentence, verb) | {verb}
    for mention in ctx.dates:
        if mention.value and any(tokens[i].start >= mention.start and tokens[i].end <= mention.end for i in clause):
            value, why = event_date(mention, tokens, modality)
            return value, "text", why
    near = [m for m in ctx.dates if m.value]
    if len(near) == 1 and not any(t.lemma in ("say", "tell", "report", "announce") for t in tokens if t.start <= near[0].start and t.index not in clause):
        value, why = event_date(near[0], tokens, modality)
        return value, "text", f"{why}, the sentence's only date"
    if ctx.published:
        return ctx.published.isoformat(), "published", "no date in the clause: publication date"
    return None, "published", "no date in the clause and no publication date"
