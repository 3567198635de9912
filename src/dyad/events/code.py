"""Coding one sentence: triggers -> predicate -> source and target by syntax -> Event records.

Each decision is a small named step whose outcome is appended to the event's trace,
which ``dyad explain`` prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from dyad.actors.coref import SLAVIC_COUNTRIES
from dyad.events.attribution import attribution_of
from dyad.events.lexicon import Slot, Trigger
from dyad.events.modality import modality_of
from dyad.model import Actor, Event, Evidence, Mention, Sentence, Token
from dyad.ontology.cameo import SYMMETRIC_ROOTS, Cameo
from dyad.phrases import PhraseIndex, PhraseMatch
from dyad.time.resolve import DateMention, event_date

CLIMB_FOR_SUBJECT = frozenset({"xcomp", "conj", "advcl", "csubj", "ccomp"})
# roots where a people named by its demonym stays its civilians: aid, protest, force, coercion, assault
PEOPLE_ROOTS = ("07", "14", "15", "17", "18", "19", "20")
NAMED_KINDS = frozenset({"person", "country", "capital", "seat", "organisation", "group", "demonym"})
CLAUSE_OPENERS = frozenset({"что", "который", "чтобы", "если", "когда", "где", "как"})
LIGHT_NOUN_RELS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "iobj"})
PROTESTS = frozenset("митинг демонстрация манифестация шествие протест пикет забастовка".split())
NEAREST = "no slot filled; nearest other actor"
VICTIMS = frozenset({"CVL", "MED", "EDU", "HLH", "REF"})  # sectors of people an act is done to, rarely its doer
CHARGES = frozenset({"обвинение", "утверждение", "претензия", "упрёк", "упрек"})  # what a denial answers
THEN = frozenset({"тогда"})  # "был тогда подписан": on the date the text stated before
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# acts only a state does to people: judging them aims at the state ("осудили приговор оппозиционеру")
STATE_ACTS = frozenset("приговор арест задержание заключение преследование репрессия разгон запрет депортация".split())
# what a state decides or does, judged by others: "одобрили решение", "отвергают подобный шаг"
POINTING_BACK = frozenset("этот тот такой подобный данный".split())
DECISIONS = frozenset("решение шаг инициатива политика курс действие мера закон законопроект реформа указ".split())
# words that name a kind of body, followed by its name: "федерация ФИФА", "движение «Талибан»"
ORGANISATION_NOUNS = frozenset(
    "организация федерация ассоциация компания корпорация госкорпорация концерн холдинг движение партия "
    "группировка фонд агентство комитет союз объединение альянс блок".split()
)
QUANTITIES = frozenset("тысяча сотня десяток миллион группа толпа часть большинство ряд несколько".split())
CONDITIONAL = "named in the condition"
SPEAKER_ON_CONDITION = "to be done on a condition, by the side that says so:"
SPEAKER_DECLARES = "harm said to be coming, by the side that says so:"
THREATS = {"16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}  # acts threatened, by root
MUTUAL_INTENT = "pair: several subjects of an intention, with each other"
EXPULSIONS = ("174", "161")  # expelling people or diplomats: done by the state they are sent out of
# measures a state imposes on (or lifts for) its population as a whole: curfew, state of emergency
ON_THE_COUNTRY = ("1723", "1724", "0813", "0814")
# acts only a state performs, by CAMEO code or root: the sector that performs them when a passive names nobody
IMPLICIT_STATE = {"114": "GOV", "173": "COP", "1711": "COP", "116": "JUD", "17": "GOV", "16": "GOV", "0841": "GOV", "174": "GOV"}


@dataclass
class Unit:
    """A participant: one actor, or "the two sides" (a pair)."""

    actors: tuple[Actor, ...]
    mention: Mention
    how: str

    @property
    def is_pair(self) -> bool:
        return len(self.actors) == 2


@dataclass
class SentenceContext:
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateMention]
    published: dt.date | None
    about: str | None = None  # the country the text has named most so far
    quoted_by: Actor | None = None  # the speaker of a quotation opened before that this sentence goes on with
    stated: str | None = None  # the last date the text stated before this sentence ("тогда" refers to it)
    accuser: Actor | None = None  # who last accused somebody in the text
    pair: tuple[Actor, Actor] | None = None  # the two sides the text is about so far
    at: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            for i in mention.tokens or range(mention.first, mention.last + 1):
                self.at.setdefault(i, mention)


class EventCoder:
    """Finds triggers in a parsed sentence and turns each into zero or more events."""

    def __init__(
        self, cameo: Cameo, triggers: PhraseIndex[Trigger], nominative: Callable[[str, str], bool], targetless: bool = False,
        evaluations: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.targetless = targetless  # also emit events with no target actor
        self.evaluations = evaluations or {}  # lemma -> (code, file:line): "заявил, что это недопустимо"
        # verbs of saying: what their object names was done by somebody else ("назвал поставки оружия ...")
        self.speech_verbs = {word for word, t in triggers.single_words().items() if _is_statement(t)}
        self.cameo = cameo
        self.triggers = triggers
        self.nominative = nominative  # (word, verb number) -> can the word be a subject agreeing with it

    def code(self, ctx: SentenceContext, dropped: list[str]) -> list[Event]:
        sentence = ctx.sentence
        tokens = sentence.tokens
        lemmas = [t.lemma for t in tokens]
        # names never trigger; agent nouns may ("отозвать посла", "принять делегацию")
        blocked = {i for m in ctx.mentions if m.kind in NAMED_KINDS for i in m.tokens}
        candidates = []
        for match in self.triggers.find(lemmas, max_gap=3, blocked=blocked):
            first = tokens[match.positions[0]]
            if len(match.positions) == 1 and first.pos == "ADJ" and first.rel == "amod":
                continue  # "намеренных ударах": an attributive adjective states nothing ("намерен" does)
            events, predicate, lender = self._events_for(ctx, match, dropped)
            candidates.append((match, predicate, lender, events))
        owners = {i: n for n, (match, *_rest) in enumerate(candidates) for i in match.positions}
        inside: dict[int, int] = {}  # inner candidate -> the candidate whose event it is the content of
        about: dict[int, str] = {}  # outer candidate -> the code of what it is about (found or not)
        for number, (match, predicate, lender, found) in enumerate(candidates):
            outer = _enclosing_trigger(tokens, predicate, owners, number) if lender is not None else None
            if outer is not None and not _in_subject(tokens, predicate, candidates[outer][1]):
                about.setdefault(outer, match.payload.code)
            if outer is None or _is_statement(candidates[outer][0].payload) or not found:
                continue
            lone_intent = not candidates[outer][3] and "intent" in candidates[outer][0].payload.flags
            if not candidates[outer][3] and "obliges" in candidates[outer][0].payload.flags:
                continue  # "США должны защищать себя от обвинений": an obligation nobody voiced leaves its content
            if not lone_intent:
                inside[number] = outer
            else:
                # "Иран согласен на переговоры", "готов принять встречу": the intention is the inner event's
                for event in found:
                    if event.code in ("040", "041", "046") and candidates[outer][0].payload.code.startswith("03"):
                        self._recode(event, "036", f"agrees or is ready to meet ('{tokens[candidates[outer][1]].text}')")
                    elif self._threat(event, ctx, candidates[outer]):
                        pass
                    elif event.modality == "asserted":
                        event.modality = "intended"
                        event.trace.append(f"modality: intended (under '{tokens[candidates[outer][1]].text}')")
        # "пообещал ввести санкции", "намерен нанести удар": an intention to act against somebody is
        # that act, intended (not cooperation); the intent verb gives way to it
        hostile = {
            outer for inner, outer in inside.items()
            if "intent" in candidates[outer][0].payload.flags and candidates[outer][0].payload.code.startswith("03")
            and candidates[inner][3][0].quad_class in (3, 4)
        }  # fmt: skip
        for inner, outer in inside.items():
            if outer in hostile:
                for event in candidates[inner][3]:
                    if self._threat(event, ctx, candidates[outer]):
                        continue
                    if event.modality == "asserted":
                        event.modality = "intended"
                        event.trace.append(f"modality: intended (announced by '{candidates[outer][0].payload.pattern[0]}')")
        # "Кан пообещал, что его правительство будет настаивать на ...": a promise of what one's own side
        # will do is that act, intended; the promise gives way to it
        for number, (_match, predicate, lender, found) in enumerate(candidates):
            if not found or lender is not None or number in inside:
                continue
            outer = _enclosing_trigger(tokens, predicate, owners, number)
            if outer is None or outer == number or not candidates[outer][3]:
                continue
            payload = candidates[outer][0].payload
            if "intent" not in payload.flags or not payload.code.startswith("03"):
                continue
            promised = {e.source.country for e in candidates[outer][3]}
            if any(e.source.country in promised for e in found):
                hostile.add(outer)
                for event in found:
                    if event.modality == "asserted":
                        event.modality = "intended"
                        event.trace.append(f"modality: intended (promised by '{payload.pattern[0]}')")
        inside = {inner: outer for inner, outer in inside.items() if outer not in hostile}
        events: list[Event] = []
        seen: set[tuple] = set()
        for number, (match, predicate, _lender, found) in enumerate(candidates):
            if number in hostile and found:
                dropped.append(f"s{sentence.index} '{found[0].evidence.trigger}' ({found[0].code}): the act it announces is coded instead")
                continue
            if number in inside:
                outer = candidates[inside[number]]
                # "договорились о сотрудничестве": the inner noun is what the outer event is about
                name = outer[3][0].evidence.trigger if outer[3] else tokens[outer[1]].text
                dropped.append(f"s{sentence.index} '{found[0].evidence.trigger}' ({found[0].code}): content of '{name}', not an event of its own")
                continue
            topic = _topic_of(tokens, predicate, owners, number, candidates) if found and tokens[predicate].pos == "NOUN" else None
            if topic is not None:
                # "обменяться мнениями о ... угрозах экстремистов": what talks are about is their topic
                dropped.append(f"s{sentence.index} '{found[0].evidence.trigger}' ({found[0].code}): a topic of '{topic}', not an event of its own")
                continue
            if found and _is_statement(match.payload) and found[0].root == "01" and any(
                _enclosing_trigger(tokens, other[1], {i: number for i in match.positions}, -1) == number and other[3]
                for other in candidates if other[0] is not match
            ):
                dropped.append(f"s{sentence.index} '{found[0].evidence.trigger}': the statement's content is coded instead")
                continue
            meeting = any(outer == number and candidates[inner][3][0].root == "04" for inner, outer in inside.items())
            content_code = about.get(number)
            content_target = next(
                (e.target for inner, outer in inside.items() if outer == number for e in candidates[inner][3]
                 if e.target is not None and not any("nearest other actor" in t for t in e.trace)),
                None,
            )  # fmt: skip
            if found and MUTUAL_INTENT in found[0].trace and number not in about:
                # "Латвия и Литва планируют перейти на евро": each intends it, not towards the other
                dropped.append(f"s{sentence.index} '{found[0].evidence.trigger}': an intention of several, about nothing they do together")
                continue
            for event in found:
                if content_target is not None and any("nearest other actor" in t for t in event.trace):
                    # "договорились начать вывод войск из Афганистана": the content names whom it concerns
                    if content_target.country != event.source.country:
                        event.target = content_target
                        event.trace.append(f"target: '{content_target.text}', named in the content")
                if meeting and event.root in ("03", "05"):
                    self._recode(event, "036", "supports or agrees to a meeting or talks: express intent to meet (036)")
                elif content_code is not None and (specific := self.cameo.about(event.code, content_code)) != event.code:
                    # "призвали отменить чрезвычайное положение": an appeal to ease administrative sanctions (0251)
                    self._refine(event, specific, content_code)
                key = _dedup_key(event)
                if key in seen:
                    dropped.append(f"s{sentence.index} '{event.evidence.trigger}': same actors and root as an earlier event")
                    continue
                seen.add(key)
                events.append(event)
        if not events and ctx.quoted_by is not None:
            events = self._quoted_judgement(ctx, dropped)
        return events

    def _threat(self, event: Event, ctx: SentenceContext, outer: tuple) -> bool:
        """"пообещал ограничить поставки, если Минск ...": a promise to harm on a condition the target
        must meet is a threat (13), made on the day of the promise (``outer``, the announcing candidate);
        True if the event was recoded."""
        announcer: Trigger = outer[0].payload
        if event.root not in THREATS or event.quad_class not in (3, 4) or "intent" not in announcer.flags:
            return False
        if not any(t.startswith("target: " + CONDITIONAL) for t in event.trace) and not (
            # "пообещал сократить поставки в Молдавию, если Кишинёв не погасит долг": the condition is on the target
            event.target is not None and any(
                a.country == event.target.country
                for u in self._condition_subject(ctx, outer[1], {event.source.code}) for a in u.actors
            )
        ):
            return False
        code = _threat_code(event.code)
        self._set_code(event, code)
        when = self._date(ctx, outer[1], outer[0].positions)
        if event.modality == "intended":
            event.modality = "asserted"  # the threat itself was made, on the day it was made
        event.date, event.date_from = when[0], when[1]
        event.trace.append(f"recoded {code}: announced by '{announcer.pattern[0]}' on a condition, a threat; date {when[0] or '-'} ({when[2]})")
        return True

    def _set_code(self, event: Event, code: str) -> None:
        """Give the event ``code`` with its root, quad class, Goldstein value and PLOVER type."""
        entry = self.cameo[code]
        event.code, event.root, event.quad_class = entry.code, entry.root, entry.quad_class
        event.goldstein, event.plover = entry.goldstein, entry.plover

    def _refine(self, event: Event, code: str, content: str) -> None:
        """A more specific code of the same root, from what the event is about (modality unchanged)."""
        self._set_code(event, code)
        event.trace.append(f"code {code}: {self.cameo[content].name.lower()} is what it is about ({content})")

    def _recode(self, event: Event, code: str, why: str) -> None:
        self._set_code(event, code)
        if event.modality == "asserted":
            event.modality = "intended"
        event.trace.append(f"recoded {code}: {why}")

    # ----------------------------------------------------------- one trigger
    def _events_for(self, ctx: SentenceContext, match: PhraseMatch, dropped: list[str]) -> tuple[list[Event], int, int | None]:
        sentence = ctx.sentence
        trigger: Trigger = match.payload
        tokens = sentence.tokens
        predicate = _top(tokens, match.positions)
        words = " ".join(tokens[i].text for i in match.positions)
        trace = [f"trigger: '{words}' <- {trigger}"]
        if tokens[predicate].pos == "NOUN" and _is_aim(sentence, predicate):
            # "делают шаги для укрепления диалога", "сговор с целью поставок оружия": an aim, not what happened
            dropped.append(f"s{sentence.index} '{words}' ({trigger.code}): what something is for, not what happened")
            return [], predicate, None
        if {"без", "из-под"} & set(sentence.prepositions(predicate)):
            # "арестованы без обвинений", "без переговоров": what did not happen; "выпущена из-под ареста":
            # what ended
            dropped.append(f"s{sentence.index} '{words}' ({trigger.code}): under 'без' or 'из-под', it is not what happened")
            return [], predicate, None
        passive = _is_passive(sentence, predicate)
        sources, how_source, lender, targets, how_target, avoid = self._participants(ctx, match, predicate, passive)
        code = trigger.code
        if code.startswith("174") and tokens[predicate].pos == "VERB":
            sent = next((c for c in sentence.children(predicate) if c.rel == "obj" and c.lemma in ENVOYS), None)
            where = next(
                (m for m in ctx.mentions if m.place == "в>" and tokens[m.head].head == predicate and m.actor and m.actor.country),
                None,
            )  # fmt: skip
            if sent is not None and where is not None:
                # "Госдепартамент выслал в Грузию сотрудника, который должен сообщить ...": sent there, not expelled
                code = "042"
                targets = [Unit((where.actor,), where, "where the envoy is sent")]
                how_target = f"an envoy sent to '{where.text}'"
                trace.append("recoded 042: an official of one's own sent to a country")
        if how_source.startswith((SPEAKER_ON_CONDITION, SPEAKER_DECLARES)) and code[:2] in THREATS and targets:
            code = _threat_code(code)
            trace.append(f"recoded {code}: harm to come, said by the side that will do it, a threat")
        if code.startswith("192") and targets and tokens[targets[0].mention.head].feats.get("Animacy") == "Anim":
            # "захватило гражданина Германии": people seized are abducted, not territory occupied
            code = "181"
            trace.append("recoded 181: the one seized is a person")
        if not targets and sources and _is_statement(trigger) and "intent" not in trigger.flags:
            judged = self._evaluation(ctx, predicate, avoid)
            if judged is not None:
                code, targets, how_target, note = judged
                trace.append(note)
        if not targets and sources and code.startswith(ON_THE_COUNTRY):
            # "ввели комендантский час", "утвердил чрезвычайное положение": imposed on (lifted for) the
            # country itself, the one the sentence places it in, else the source's own
            place = next((m for m in ctx.mentions if m.place in ("в", "на") and m.actor and m.actor.country), None)
            country = place.actor.country if place else sources[0].actors[0].country
            if country:
                anchor = place or sources[0].mention
                targets = [Unit((Actor(country, country, None, None, None, anchor.text),), anchor, "the country itself")]
                how_target = f"a measure on the country itself: {country}"
        trace.append(f"source: {how_source}")
        trace.append(f"target: {how_target}")
        if not targets and "intent" in trigger.flags and not trigger.symmetric and len({a.country for u in sources for a in u.actors}) > 1:
            trace.append(MUTUAL_INTENT)
        if code.startswith("11") and "->" in how_target and targets and all(
            a.sector in VICTIMS and a.country in {b.country for u in sources for b in u.actors} for u in targets for a in u.actors
        ):
            # "заявление с осуждением убийства французских заложников" (by Sarkozy): one's own people who
            # suffered an act are not whom its condemnation is aimed at
            targets, how_target = [], f"{how_target}: the source's own people who suffered it, not whom it condemns"
        act = next((c for c in sentence.children(predicate) if c.rel == "obj" and c.lemma in STATE_ACTS), None)
        if act is not None and code[:2] in ("10", "11", "12") and targets and all(
            a.country and a.sector not in STATE_SECTORS for u in targets for a in u.actors
        ):
            # "осуждают приговор, вынесенный Санникову": a sentence, an arrest, a ban are the state's doing
            country = targets[0].actors[0].country
            actor = Actor.of(country, "GOV", targets[0].mention.text)
            targets = [Unit((actor,), targets[0].mention, "the state that did it")]
            how_target = f"{how_target}; '{act.text}' is a state's doing: {actor.code}"
        if sources and all(u.is_pair for u in sources) and how_target.startswith(NEAREST):
            # "лидеры намерены обменяться мнениями о ... НАТО": the two sides with each other, not with
            # whoever the sentence goes on to name
            targets, how_target = [], "the two sides with each other"
        if not code.startswith(PEOPLE_ROOTS):
            sources, targets = [_as_state(u) for u in sources], [_as_state(u) for u in targets]
        pairs = self._pairs(sources, targets, trigger)
        if not pairs:
            dropped.append(f"s{sentence.index} '{words}' ({trigger.code}): no source actor ({how_source})")
            return [], predicate, lender
        if "weak" in trigger.flags:
            pairs = [(s, t) for s, t in pairs if t is not None]
            if not pairs:
                dropped.append(f"s{sentence.index} '{words}' ({trigger.code}): a weak trigger needs a target")
                return [], predicate, lender
        if not self.targetless and all(t is None for _, t in pairs):
            dropped.append(f"s{sentence.index} '{words}' ({trigger.code}): no target actor ({how_target})")
            return [], predicate, lender
        modality, why = modality_of(sentence, predicate, "intent" in trigger.flags)
        if code.startswith("13") and not trigger.code.startswith("13"):
            modality, why = "asserted", "the threat itself was made"
        elif "obliges" in trigger.flags:
            modality, why = "asserted", "the demand itself was made"
        if modality == "negated":
            speaker = self._speaker_of(ctx, predicate)
            if speaker is not None and speaker.country and speaker.country in {u.actors[0].country for u in sources}:
                # "Ван И заявил, что Китай не поставлял оружие": a party says it did not happen
                modality, why = "denied", f"{why}, said by a party to it ({speaker.code})"
        attribution, _speech = attribution_of(sentence, predicate, ctx.mentions)
        date, date_from, date_note = self._date(ctx, predicate, match.positions, modality)
        entry = self.cameo[code]
        events = []
        for source, target in pairs:
            if target is not None and not _distinct(source, target):
                dropped.append(f"s{sentence.index} '{words}': source and target are both {source.code}")
                continue
            event_trace = [
                *trace,
                f"pair: {source.code} -> {target.code if target else '-'}",
                f"modality: {modality} ({why})",
                f"date: {date or '-'} ({date_note})",
            ]
            evidence = Evidence(sentence.start, sentence.end, sentence.text, words)
            events.append(
                _event(entry, source, target, (date, date_from), modality, attribution, evidence,
                       _confidence(how_source, how_target, trigger), event_trace)
            )  # fmt: skip
        return events, predicate, lender

    def _participants(
        self, ctx: SentenceContext, match: PhraseMatch, predicate: int, passive: bool
    ) -> tuple[list[Unit], str, int | None, list[Unit], str, set[str]]:
        """Source and target units of a trigger with how each was found, the verb the source was
        borrowed from, and the codes of the sources (whom a statement does not judge)."""
        sentence = ctx.sentence
        tokens = sentence.tokens
        trigger: Trigger = match.payload
        if "obliges" in trigger.flags:
            # "«Беларусь должна освободить всех политических заключённых»", said by the US: its demand on Belarus
            sources, how_source, targets, how_target = self._obligation(ctx, predicate)
            return sources, how_source, None, targets, how_target, {a.code for u in sources for a in u.actors}
        sources, how_source, lender = self._sources(ctx, predicate, trigger, passive, set(match.positions))
        if not sources and trigger.code.startswith(EXPULSIONS) and tokens[predicate].pos == "NOUN" and (
            phrase := _subtree(sentence, predicate, skip=set())
        ) and any(m.place == "из" and m.head in phrase for m in ctx.mentions):
            # "высылка российских дипломатов из Польши": by the state they leave
            state = self._implicit_state(ctx, trigger)
            if state is not None:
                sources, how_source = [state], f"expulsion named by a noun: {state.how}"
        if not sources and how_source == "no subject" and lender is None and _indefinite_personal(sentence, predicate):
            # "Бхутто вновь взяли под арест": a plural verb with nobody as subject means the authorities
            # (not an arrest named by a noun with no doer: "рост числа арестов" reports no act)
            state = self._implicit_state(ctx, trigger)
            if state is not None:
                state = self._official_speaker(ctx, predicate, state)
                sources, how_source = [state], f"indefinite-personal verb: {state.how}"
        if not sources and trigger.code[:2] in THREATS and _future_subject(sentence, predicate):
            # "Белоусов заявил, что удары по объектам ... будут продолжены": harm the speaker's side says
            # is coming is its threat
            speaker = self._speaker_mention(ctx, predicate)
            if speaker is not None:
                sources, how_source = [Unit((speaker.actor,), speaker, SPEAKER_DECLARES)], f"{SPEAKER_DECLARES} '{speaker.text}'"
        crowd = None
        if not sources and trigger.code.startswith("14") and tokens[predicate].pos == "NOUN":
            # "по всей Ботсване проходят забастовки", "митинги в Тбилиси": a protest where the sentence
            # places it is by people of that country
            crowd = self._protesters(ctx)
            if crowd is not None:
                sources, how_source = [crowd], f"protest without named protesters: {crowd.how}"
        avoid = {a.code for u in sources for a in u.actors}
        targets, how_target = self._targets(ctx, match.positions, predicate, trigger, passive, avoid)
        if not targets and trigger.code in ("016", "120") and ctx.accuser is not None and sources and (
            "обвинение" in trigger.pattern or any(c.lemma in CHARGES for c in sentence.children(predicate))
        ) and all(
            a.country != ctx.accuser.country for u in sources for a in u.actors
        ):
            # "Российская сторона эти обвинения отвергла": a denial answers whoever accused
            anchor = _implicit(sentence, predicate)
            targets, how_target = [Unit((ctx.accuser,), anchor, "the accuser")], f"the accuser named before: {ctx.accuser.code}"
        if (
            not targets and trigger.symmetric and trigger.code[:2] in ("05", "06") and tokens[predicate].pos == "VERB"
            and ctx.pair and len(sources) == 1 and not sources[0].is_pair
        ):  # fmt: skip
            # "Путин также подпишет крупные договоры" in news of his visit to Bulgaria: with the other side
            own = sources[0].actors[0].country
            other = next((a for a in ctx.pair if own and a.country != own), None)
            if other is not None and own in {a.country for a in ctx.pair}:
                anchor = _implicit(sentence, predicate)
                targets, how_target = [Unit((other,), anchor, "the other side")], f"the other side of the two the text is about: {other.code}"
        if crowd is not None and not targets:
            country = crowd.actors[0].country
            targets = [Unit((Actor.of(country, "GOV", crowd.mention.text),), crowd.mention, "its government")]
            how_target = f"a protest addressed to nobody named: the government of {country}"
        if sources and sources[0].mention.kind == "implicit" and targets and not trigger.code.startswith("174"):
            # no place named: the state that arrests or dismisses somebody is their own
            own = targets[0].actors[0].country
            implicit = sources[0].actors[0]
            if own and own != implicit.country:
                actor = Actor.of(own, implicit.sector)
                sources = [Unit((actor,), sources[0].mention, f"the state of '{targets[0].mention.text}': {actor.code}")]
                how_source = f"{how_source.split(':')[0]}: {sources[0].how}"
        return sources, how_source, lender, targets, how_target, avoid

    def _quoted_judgement(self, ctx: SentenceContext, dropped: list[str]) -> list[Event]:
        """A sentence that goes on with a quotation opened before and judges somebody ("«...», — заявил
        Лавров. — Особенно прискорбно, что японское правительство финансирует ..."): the speaker's
        criticism or praise of the actor it names, though the sentence has no verb of saying."""
        sentence, speaker = ctx.sentence, ctx.quoted_by
        tokens = sentence.tokens
        judgement = self._judgement(sentence, range(len(tokens)))
        if judgement is None or speaker is None:
            return []
        word, code, where = judgement
        judged = [
            m for m in ctx.mentions
            if m.actor is not None and m.kind != "adjective" and m.actor.country != speaker.country and m.actor.code != speaker.code
        ]  # fmt: skip
        if not judged:
            dropped.append(f"s{sentence.index} '{tokens[word].text}': a judgement in the quotation names nobody else")
            return []
        target = min(judged, key=lambda m: abs(m.head - word)).actor
        modality, why = modality_of(sentence, word, False)
        date, date_from, date_note = self._date(ctx, word, (word,))
        trace = [
            f"evaluation: '{tokens[word].text}' -> {code} <- {where}",
            f"source: the speaker of the quotation the sentence goes on with ({speaker.name or speaker.code})",
            f"target: '{target.text}', judged in the quotation",
            f"modality: {modality} ({why})",
            f"date: {date or '-'} ({date_note})",
        ]
        evidence = Evidence(sentence.start, sentence.end, sentence.text, tokens[word].text)
        return [_event(self.cameo[code], speaker, target, (date, date_from), modality, None, evidence, 0.6, trace)]

    def _judgement(self, sentence: Sentence, indices) -> tuple[int, str, str] | None:
        """The first evaluative word among ``indices``, its code and data line. Negated ("не соответствуют
        стандартам", "не является провокацией"), praise turns into criticism and criticism is withdrawn."""
        tokens = sentence.tokens
        for index in indices:
            entry = self.evaluations.get(tokens[index].lemma)
            if entry is None or tokens[index].rel == "amod" and tokens[index].lemma.endswith(("ть", "ться")):
                continue  # a participle as an attribute judges nothing: "соответствующей проверки"
            code, where = entry
            scope = [index] + ([tokens[index].head] if tokens[index].head >= 0 else [])
            if any(c.lemma == "не" for i in scope for c in sentence.children(i)):
                if code != "051":
                    continue
                code, where = "111", f"{where}, negated"
            return index, code, where
        return None

    # ------------------------------------------------------------ arguments
    def _sources(
        self, ctx: SentenceContext, predicate: int, trigger: Trigger, passive: bool, own: set[int]
    ) -> tuple[list[Unit], str, int | None]:
        """Source units, how they were found, and the verb they were borrowed from (if not the trigger's own)."""
        sentence = ctx.sentence
        tokens = sentence.tokens
        if passive:
            agent = _instrumental(sentence, predicate)
            if agent is not None:
                units = self._units_at(ctx, agent.index, "passive agent")
                if units:
                    return units, f"passive agent '{agent.text}'", None
            if self.cameo[trigger.code].quad_class in (1, 2):
                # "по итогам переговоров Лаврова и Фидана был подписан план": by those who met
                met = self._participants_of_occasion(ctx, predicate)
                if met is not None:
                    return [met], f"passive without an agent: {met.how}", None
            if trigger.code in ("040", "041", "046") and ctx.pair is not None and tokens[predicate].pos == "VERB":
                # "будут обсуждаться подписание «Южного потока» и проблемы Косово" in news of a visit: by the two
                # sides the text is about
                anchor = _implicit(sentence, predicate)
                pair = Unit(ctx.pair, anchor, "the two sides the text is about")
                return [pair], f"passive without an agent: the two sides the text is about ({ctx.pair[0].code}, {ctx.pair[1].code})", None
            speaker = self._speaker_mention(ctx, predicate)
            if speaker is not None and self._condition_subject(ctx, predicate, {speaker.actor.code}):
                # "Премьер заявил, что если Россия не уступит, против неё будут введены санкции":
                # what is to be done on a condition, in what a side says, is that side's doing
                return [Unit((speaker.actor,), speaker, SPEAKER_ON_CONDITION)], f"{SPEAKER_ON_CONDITION} '{speaker.text}'", None
            state = self._implicit_state(ctx, trigger)
            if state is not None:
                state = self._official_speaker(ctx, predicate, state)
                return [state], f"passive without an agent: {state.how}", None
            return [], "passive without an agent actor", None
        if tokens[predicate].pos in ("NOUN", "PROPN") or "noun" in trigger.flags and tokens[predicate].pos != "VERB":
            agent = _instrumental(sentence, predicate)
            if agent is not None:  # "обстрел Сум российскими войсками": the instrumental is the doer
                units = self._units_at(ctx, agent.index, "agent of the noun")
                if units:
                    return units, f"instrumental agent '{agent.text}' of the noun", None
            # (acts against somebody; "поддержка США", "одобрение парламента" are often the genitive's own)
            patient = (
                any(not slot.preposition and slot.case == "Gen" for slot in trigger.slots) and not trigger.symmetric
                and (self.cameo[trigger.code].quad_class in (3, 4) or trigger.code.startswith("09"))
            )  # fmt: skip
            # "аресты оппозиционеров": where the genitive is whom it is done to, it is not the doer
            owners = [] if patient else [
                c for c in sentence.children(predicate)
                if c.rel == "nmod" and c.feats.get("Case") == "Gen" and not sentence.prepositions(c.index)
            ]  # fmt: skip
            owners += [c for c in sentence.children(predicate) if c.rel in ("nmod:poss", "amod", "det")]
            owners = [c for c in owners if c.index not in own]  # "вывод войск": the trigger's own word is nobody
            units = [u for c in owners for u in self._units_at(ctx, c.index, "genitive of the noun")]
            if units:
                return units, "participants named in the noun phrase", None
            head = tokens[predicate].head
            if head >= 0 and tokens[predicate].rel in LIGHT_NOUN_RELS | {"nmod", "xcomp"}:
                verb = _nearest_verb(tokens, predicate)
                if verb is not None and tokens[verb].lemma in self.speech_verbs and tokens[predicate].rel == "obj":
                    return [], f"noun in what '{tokens[verb].text}' says: its doer is not the speaker", None
                if verb is not None:
                    units, how, _ = self._subject_units(ctx, verb)
                    return units, how, verb
            return [], "noun trigger without participants", None
        return self._subject_units(ctx, predicate)

    def _speaker_of(self, ctx: SentenceContext, predicate: int) -> Actor | None:
        """The actor whose verb of saying dominates the trigger, if any."""
        mention = self._speaker_mention(ctx, predicate)
        return mention.actor if mention is not None else None

    def _speaker_mention(self, ctx: SentenceContext, predicate: int) -> Mention | None:
        tokens = ctx.sentence.tokens
        current = tokens[predicate].head
        for _ in range(5):
            if current < 0:
                return None
            if tokens[current].lemma in self.speech_verbs:
                subject = next((c for c in ctx.sentence.children(current) if c.rel == "nsubj"), None)
                mention = ctx.at.get(subject.index) if subject is not None else None
                return mention if mention is not None and mention.actor is not None else None
            current = tokens[current].head
        return None

    def _implicit_state(self, ctx: SentenceContext, trigger: Trigger) -> Unit | None:
        """"Был арестован в Бангкоке", "было запрещено": only a state arrests, bans, expels or sentences;
        without a named agent the doer is the state of the place the sentence names, else of the
        country the text is about."""
        sector = IMPLICIT_STATE.get(trigger.code) or IMPLICIT_STATE.get(trigger.code[:2])
        if sector is None:
            return None
        # expelled "из Эстонии": by the state they leave; arrested "в Бангкоке": by the state where
        # summoned "в МИД Турции": by the ministry they are summoned to
        # entry refused "в страны ЕС": by whoever holds the territory entered
        entry = "въезд" in trigger.pattern
        wanted = ("из",) if trigger.code.startswith(EXPULSIONS) else ("в>", "на>") if trigger.code.startswith("114") or entry else ("в", "на")
        if entry:
            union = next((m for m in ctx.mentions if m.place in wanted and m.actor and not m.actor.country), None)
            if union is not None:  # "въезд в страны ЕС": the union of those countries bans it
                return Unit((union.actor,), union, f"the organisation whose territory is entered ('{union.text}'): {union.actor.code}")
        place = next((m for m in ctx.mentions if m.place in wanted and m.actor and m.actor.country), None)
        country = place.actor.country if place else ctx.about
        if country is None:
            return None
        actor = Actor.of(country, sector, place.text if place else "")
        where = f"the state of the place named ('{place.text}')" if place else "the state the text is about"
        anchor = place or _implicit(ctx.sentence, 0)
        return Unit((actor,), anchor, f"{where}: {actor.code}")

    def _obligation(self, ctx: SentenceContext, predicate: int) -> tuple[list[Unit], str, list[Unit], str]:
        """Who obliges whom in "X должен ...": the speaker (of the verb of saying above, else of the quotation
        the sentence is in) and the subject."""
        speaker = self._speaker_mention(ctx, predicate)
        if speaker is not None:
            sources = [Unit((speaker.actor,), speaker, "speaker")]
            how = f"the speaker '{speaker.text}' obliges"
        elif ctx.quoted_by is not None:
            anchor = _implicit(ctx.sentence, predicate)
            sources = [Unit((ctx.quoted_by,), anchor, "speaker")]
            how = f"the speaker of the quotation ({ctx.quoted_by.code}) obliges"
        else:
            return [], "nobody says it: an obligation of the author's", [], "-"
        # the one obliged: the subject of "должен", the dative of "следовало бы"
        subject = next(
            (c for c in ctx.sentence.children(predicate)
             if c.rel in ("nsubj", "nsubj:pass") or c.rel in ("iobj", "obl") and c.feats.get("Case") == "Dat"),
            None,
        )  # fmt: skip
        targets = self._units_at(ctx, subject.index, "obliged") if subject is not None else []
        own = {a.country for u in sources for a in u.actors}
        targets = [u for u in targets if all(a.country not in own for a in u.actors)]  # one's own duty is no demand
        return sources, how, targets, f"the one obliged: '{subject.text}'" if targets else "nobody else obliged"

    def _participants_of_occasion(self, ctx: SentenceContext, predicate: int) -> Unit | None:
        """The two sides named in the occasion of the trigger ("по итогам переговоров X и Y", "в ходе встречи
        X с Y"), as a pair."""
        sentence = ctx.sentence
        for child in sentence.children(predicate):
            if not _circumstance(sentence.tokens, child.index):
                continue
            actors: list[Actor] = []
            for index in _noun_dependents(sentence, child.index, depth=3):
                for unit in self._units_at(ctx, index, "occasion"):
                    actors.extend(a for a in unit.actors if a.country and all(a.country != b.country for b in actors))
            if len(actors) >= 2:
                anchor = ctx.at.get(next(i for i in _noun_dependents(sentence, child.index, depth=3) if i in ctx.at))
                return Unit((actors[0], actors[1]), anchor, f"the two sides of the occasion: {actors[0].code}, {actors[1].code}")
        return None

    def _official_speaker(self, ctx: SentenceContext, predicate: int, state: Unit) -> Unit:
        """The state's own official who announces what the state does ("представитель вооружённых сил заявил,
        что будет введён комендантский час": the armed forces), else the state as found."""
        speaker = self._speaker_mention(ctx, predicate)
        country = state.actors[0].country
        if speaker is None or speaker.actor.country != country or speaker.actor.sector not in STATE_SECTORS:
            return state
        return Unit((speaker.actor,), speaker, f"{state.how}, announced by its own official '{speaker.text}': {speaker.actor.code}")

    def _protesters(self, ctx: SentenceContext) -> Unit | None:
        """The people of the country or capital a protest is placed in ("в Тбилиси", "по всей Ботсване")."""
        for mention in ctx.mentions:
            if mention.kind not in ("country", "capital") or mention.actor is None or not mention.actor.country:
                continue
            if set(ctx.sentence.prepositions(mention.head)) & {"в", "на", "по"}:
                actor = Actor.of(mention.actor.country, "CVL", mention.text)
                return Unit((actor,), mention, f"people of the place named ('{mention.text}'): {actor.code}")
        return None

    def _subject_units(self, ctx: SentenceContext, predicate: int) -> tuple[list[Unit], str, int | None]:
        sentence = ctx.sentence
        tokens = sentence.tokens
        current = predicate
        for _ in range(5):
            subject = next((c for c in sentence.children(current) if c.rel in ("nsubj", "nsubj:pass")), None)
            if subject is not None and subject.lemma == "который" and tokens[current].rel.startswith("acl"):
                subject = tokens[tokens[current].head]  # "X и Y, которые встречаются": the relative's antecedent
            if subject is not None:
                units = self._units_at(ctx, subject.index, "subject")
                if units:
                    lender = current if current != predicate else None
                    return units, f"subject '{subject.text}' of '{tokens[current].text}'", lender
                if current == predicate:
                    return [], f"subject '{subject.text}' is not an actor", None
                break
            token = tokens[current]
            if token.rel not in CLIMB_FOR_SUBJECT or token.head < 0:
                break
            current = token.head
        units, how = self._subject_by_agreement(ctx, current)
        return units, how, (current if current != predicate else None)

    def _subject_by_agreement(self, ctx: SentenceContext, predicate: int) -> tuple[list[Unit], str]:
        """Parser fallback: the nearest actor before the verb (else after it: "Ирану пригрозил ...
        Израиль") that can be its nominative subject, within the verb's clause."""
        sentence = ctx.sentence
        tokens = sentence.tokens
        number = tokens[predicate].feats.get("Number", "")
        for direction in (range(predicate - 1, -1, -1), range(predicate + 1, len(tokens))):
            for index in direction:
                token = tokens[index]
                if token.pos == "SCONJ" or token.lemma in CLAUSE_OPENERS or (index > predicate and token.text in ",;:—"):
                    break
                mention = ctx.at.get(index)
                if mention is None or index != mention.head or not (mention.actor or mention.pair) or mention.kind == "adjective":
                    continue
                if sentence.prepositions(index) or not self.nominative(token.text, number):
                    continue
                units = self._units_at(ctx, index, "subject by agreement")
                if units:
                    return units, f"no subject in the parse; '{token.text}' agrees with '{tokens[predicate].text}'"
        return [], "no subject"

    def _targets(
        self, ctx: SentenceContext, positions: tuple[int, ...], predicate: int, trigger: Trigger, passive: bool,
        avoid: set[str],
    ) -> tuple[list[Unit], str]:
        sentence = ctx.sentence
        if passive:
            subject = next((c for c in sentence.children(predicate) if c.rel in ("nsubj:pass", "nsubj")), None)
            if subject is not None and subject.index not in positions:  # "запрещён въезд": the slots then
                units = self._units_at(ctx, subject.index, "passive subject")
                return units, f"passive subject '{subject.text}'" if units else "passive subject is not an actor"
            if subject is None:
                return [], "passive without a subject"
        heads = list(positions)
        verb = _nearest_verb(sentence.tokens, predicate) if sentence.tokens[predicate].pos != "VERB" else None
        if verb is not None:
            heads.append(verb)
        filled = [
            (slot, child) for slot in trigger.slots for head in heads for child in sentence.children(head)
            if child.index not in positions and _fills(sentence, child, slot)
        ]  # fmt: skip
        for slot, child in filled:  # an actor in a slot first: "выразил Вашингтону протест в связи с ..."
            units = self._units_at(ctx, child.index, f"slot {slot}")
            if units and "place" in trigger.flags and slot.preposition == ("из",):
                units = [_as_place(u) for u in units]
            if units:
                return units, f"slot {slot}: '{child.text}'"
        if "direct" not in trigger.flags:  # "принял делегацию", not "принял обращение к премьеру"
            for slot, child in filled:
                # "осудил визит Медведева", "отказался от участия в саммите в США":
                # the actor the slot's noun is about
                for inner in _noun_dependents(sentence, child.index, depth=3):
                    units = [u for u in self._units_at(ctx, inner, f"inside slot {slot}") if u.actors[0].code not in avoid]
                    if units:
                        return units, f"slot {slot}: '{child.text}' -> '{sentence.tokens[inner].text}'"
            # "ограничить поставки, если Минск продолжит ...": whom the condition names is whom it is aimed at
            condition = self._condition_subject(ctx, predicate, avoid)
            if condition:
                return condition, f"{CONDITIONAL}: '{condition[0].mention.text}'"
            # "выразили одобрение решению о проведении выборов": a decision or step whose maker goes unnamed
            # is that of the state the text is about
            # ("эти действия", "подобный шаг" point back to something named before, maybe not the state's)
            decision = next(
                (c for _, c in filled if c.lemma in DECISIONS
                 and not any(d.lemma in POINTING_BACK for d in sentence.children(c.index))),
                None,
            )  # fmt: skip
            if (
                decision is not None and trigger.code[:2] in ("05", "11", "12") and ctx.about
                and ctx.about not in {code[:3] for code in avoid}
            ):  # fmt: skip
                actor = Actor.of(ctx.about, "GOV", decision.text)
                mention = _implicit(sentence, decision.index, decision)
                return [Unit((actor,), mention, "its maker")], f"slot: '{decision.text}' -> a decision of the state the text is about ({actor.code})"
            # "разогнала акцию протеста": a protest stands for its protesters, of the acting state
            protest = next((c for _, c in filled if {c.lemma, *(d.lemma for d in sentence.children(c.index))} & PROTESTS), None)
            if protest is not None and avoid:
                country = sorted(avoid)[0][:3]
                actor = Actor.of(country, "CVL", protest.text)
                mention = _implicit(sentence, protest.index, protest)
                return [Unit((actor,), mention, "the protesters")], f"slot: '{protest.text}' -> its protesters ({actor.code})"
        # the parser hung the slot's noun on a neighbour ("принимает в Белом доме коллегу": коллегу
        # under доме); a case no neighbour takes (Acc, Dat, Ins without a preposition) still says whose it is
        for slot in trigger.slots:
            if slot.preposition or slot.case not in ("Acc", "Dat", "Ins"):
                continue
            for mention in ctx.mentions:
                token = sentence.tokens[mention.head]
                if (
                    token.feats.get("Case") == slot.case
                    and token.rel == "nmod"
                    and not sentence.prepositions(token.index)
                    and _nearest_verb(sentence.tokens, token.index) in heads
                ):
                    units = [u for u in self._units_at(ctx, token.index, f"slot {slot}") if u.actors[0].code not in avoid]
                    if units:
                        return units, f"slot {slot}: '{token.text}' (attached to a neighbour in the parse)"
        # ... and a prepositional phrase right after the trigger in the words, in its clause, is its slot
        # when the parser hung it on another verb ("свалить вину за это на американцев", на американцев <- вышли)
        tokens = sentence.tokens
        for slot in trigger.slots:
            if not slot.preposition:
                continue
            for mention in ctx.mentions:
                token = tokens[mention.head]
                start = max(positions)
                between = tokens[start + 1 : token.index]
                if (
                    token.index > start and token.rel in ("obl", "nmod") and _fills(sentence, token, slot)
                    and not any(t.pos in ("VERB", "AUX") or t.text in (",", ";", ":", "—") for t in between)
                    and token.head not in heads and token.head >= 0 and tokens[token.head].pos in ("VERB", "AUX")
                ):  # fmt: skip
                    units = [u for u in self._units_at(ctx, token.index, f"slot {slot}") if u.actors[0].code not in avoid]
                    if units:
                        return units, f"slot {slot}: '{token.text}' (right after the trigger in the words)"
        # a weak trigger needs its own target; a statement is addressed to nobody in particular
        if not trigger.flags & {"speech", "weak"} and not _is_statement(trigger):
            # a country named as a place is where, not whom ("подпишет договоры ... и проблемы в Косово"),
            # unless force is used there
            places = self.cameo[trigger.code].quad_class == 4
            units = self._nearest_other_actor(ctx, predicate, avoid, places=places)
            if units:
                return units, f"{NEAREST} '{units[0].mention.text}'"
        return [], "no target slot filled" if trigger.slots else "trigger takes no target"

    def _condition_subject(self, ctx: SentenceContext, predicate: int, avoid: set[str]) -> list[Unit]:
        """The actor an если-clause of the trigger (or of the verb it depends on) has as subject."""
        sentence = ctx.sentence
        tokens = sentence.tokens
        ancestor = predicate
        for _ in range(8):  # a trigger inside a condition is not aimed at the condition's subject
            if ancestor < 0:
                break
            if _is_condition(sentence, ancestor):
                return []
            ancestor = tokens[ancestor].head
        current = predicate if tokens[predicate].pos == "VERB" else _nearest_verb(tokens, predicate)
        for _ in range(3):
            if current is None or current < 0:
                return []
            for clause in sentence.children(current):
                if not _is_condition(sentence, clause.index):
                    continue
                subject = next((c for c in sentence.children(clause.index) if c.rel == "nsubj"), None)
                if subject is not None:
                    units = [u for u in self._units_at(ctx, subject.index, CONDITIONAL) if u.actors[0].code not in avoid]
                    if units:
                        return units
            if tokens[current].rel not in ("xcomp", "conj"):
                return []
            current = tokens[current].head
        return []

    def _evaluation(self, ctx: SentenceContext, predicate: int, avoid: set[str]) -> tuple[str, list[Unit], str, str] | None:
        """A statement that judges somebody ("заявил, что визит вызывает сожаление", "назвал решение
        безответственным"): the evaluative word in what was said decides the code, the actor it is
        about (named in the content, else the nearest actor of another country) is the target."""
        sentence = ctx.sentence
        content = _content_of(sentence, predicate)
        if not any(sentence.tokens[i].pos != "PUNCT" for i in content):
            # the parse left the verb of saying alone: what follows it, up to the next verb of saying
            content = set()
            for token in sentence.tokens[predicate + 1 :]:
                if token.lemma in self.speech_verbs:
                    break
                content.add(token.index)
        judgement = self._judgement(sentence, sorted(content))
        if judgement is None:
            return None
        word, code, where = judgement
        countries = {c[:3] for c in avoid}  # one's own side is not whom one judges
        said = [
            m for m in ctx.mentions
            if m.head in content and (m.actor or m.pair) and not (m.actor and m.actor.country in countries)
        ]  # fmt: skip
        # whom a judgement is aimed at acts: "разгон митинга полицией, закрытие телеканалов — неприемлемо" judges
        # the police, not the channels closed
        said.sort(key=lambda m: (bool(m.actor) and m.actor.sector in VICTIMS, abs(m.head - word)))
        units = self._units_at(ctx, said[0].head, "judged in the statement") if said else []
        how = f"'{units[0].mention.text}' judged in the statement" if units else ""
        if not units:
            units = self._nearest_other_actor(ctx, predicate, avoid)
            how = f"nearest other actor '{units[0].mention.text}'" if units else ""
        opposition = sorted(c for c in avoid if c.endswith("OPP") and len(c) == 6)
        if not units and opposition:
            # "лидер оппозиции назвал итоги выборов подтасованными": the opposition judges its government
            actor = Actor.of(opposition[0][:3], "GOV")
            units = [Unit((actor,), _implicit(sentence, 0), "its government")]
            how = f"the opposition's own government: {actor.code}"
        if not units:
            return None
        note = f"evaluation: '{sentence.tokens[word].text}' -> {code} <- {where}"
        return code, units, how, note

    def _nearest_other_actor(self, ctx: SentenceContext, predicate: int, avoid: set[str], places: bool = True) -> list[Unit]:
        """Fallback target: the closest actor mention of another country in the sentence."""
        sources = {code[:3] for code in avoid}
        tokens = ctx.sentence.tokens
        # a noun in a phrase of reason or time ("ввиду отказа Израиля ...") looks no further than its phrase
        bounded = tokens[predicate].pos == "NOUN" and any(
            c.rel == "case" and c.lemma in BACKGROUND_PREPOSITIONS for c in ctx.sentence.children(predicate)
        )  # fmt: skip
        phrase = _subtree(ctx.sentence, predicate, skip=set()) if bounded else None
        best = None
        for mention in ctx.mentions:
            if phrase is not None and mention.head not in phrase:
                continue
            if not places and mention.place and mention.kind == "country" or mention.kind == "adjective":
                continue  # "в Косово": where; a capital stays a host ("подписал в Белграде"); "российский газ": a thing
            actors = mention.pair or ((mention.actor,) if mention.actor else ())
            if len(actors) != 1 or actors[0].code in avoid or actors[0].country in sources:
                continue
            head = tokens[mention.head]
            for _ in range(4):  # "Agence France-Presse": the name's phrase is what has a role (the parse may loop)
                if not head.rel.startswith(("flat", "appos", "compound")) or head.head < 0:
                    break
                head = tokens[head.head]
            if head.rel in ("nsubj", "nsubj:pass") and head.head != predicate and not _gives_reason(ctx.sentence, head.head, predicate):
                continue  # the subject of another clause does its own thing ("..., а Браун отказался")
            distance = abs(mention.head - predicate) + (0 if mention.head > predicate else 2)
            if best is None or distance < best[0]:
                best = (distance, mention, actors[0])
        return [Unit((best[2],), best[1], "nearest other actor")] if best else []

    def _units_at(self, ctx: SentenceContext, index: int, how: str) -> list[Unit]:
        """The actor mention at a token and the mentions coordinated with it ("X и Y")."""
        mention = ctx.at.get(index)
        if mention is None:  # "с г-ном Трампом": the actor is the title's apposition
            inner = next((c.index for c in ctx.sentence.children(index) if c.rel in ("appos", "flat:name") and c.index in ctx.at), None)
            mention = ctx.at.get(inner) if inner is not None else None
        if mention is None and ctx.sentence.tokens[index].lemma in ORGANISATION_NOUNS:
            # "Международная федерация футбола ФИФА объявила", "компания «Газпром» пообещала": the body named
            inner = next(
                (c.index for c in ctx.sentence.children(index)
                 if c.rel in ("appos", "nmod", "flat:foreign") and c.index in ctx.at
                 and ctx.at[c.index].kind in ("organisation", "group") and c.pos in ("PROPN", "X", "NOUN")),
                None,
            )  # fmt: skip
            mention = ctx.at.get(inner) if inner is not None else None
        if mention is None and ctx.sentence.tokens[index].lemma in QUANTITIES:
            # "тысячи демонстрантов", "группа депутатов": the people counted
            inner = next((c.index for c in ctx.sentence.children(index) if c.rel == "nmod" and c.index in ctx.at), None)
            mention = ctx.at.get(inner) if inner is not None else None
        if mention is None:
            return []
        found = [mention]
        tokens = ctx.sentence.tokens
        frontier = [mention]
        while frontier:
            current = frontier.pop()
            for other in ctx.mentions:
                if other in found:
                    continue
                anchor = tokens[other.head]
                joined = anchor.rel == "conj" and current.first <= anchor.head <= current.last
                # the parser hung the second of "X и Y" far away: still "X и Y" in the words, in one case
                adjacent = (
                    other.first == current.last + 2 and tokens[current.last + 1].lemma == "и"
                    and anchor.feats.get("Case", "-") == tokens[current.head].feats.get("Case")
                )  # fmt: skip
                if joined and _same_case(anchor, tokens[anchor.head]) or adjacent:
                    found.append(other)
                    frontier.append(other)
        units = []
        for m in sorted(found, key=lambda m: m.first):
            if m.pair:
                units.append(Unit(m.pair, m, how))
            elif m.actor:
                units.append(Unit((_shared_sector(m, found, tokens),), m, how))
        return units

    def _pairs(self, sources: list[Unit], targets: list[Unit], trigger: Trigger) -> list[tuple[Actor, Actor | None]]:
        if not sources:
            return []
        pair_unit = next((u for u in sources if u.is_pair), None)
        if pair_unit is not None and all(u.is_pair for u in sources):  # "стороны"; not "Обама, а также главы ..."
            first, second = pair_unit.actors
            target = next((a for u in targets for a in u.actors), None)
            if target is not None and not trigger.symmetric:
                # "они попытались свалить вину на американцев": the pair acts on a third party
                if target.country == second.country:
                    return [(first, target)]
                if target.country == first.country:
                    return [(second, target)]
                return [(first, target)]
            return [(first, second)]
        source_actors = [u.actors[0] for u in sources if not u.is_pair]
        target_actors = [_in_country_of(a, u, source_actors[0]) for u in targets for a in u.actors]
        if trigger.symmetric:
            first = source_actors[0]
            # "провёл переговоры с лидерами Франции и Германии": one event with each partner named
            # (not when the subject already names both sides: "Лавров и Фидан обсудили Украину")
            partners = _each_country([a for a in target_actors if a.country != first.country])
            if partners and all(a.country == first.country for a in source_actors):
                return [(first, partner) for partner in partners]
            ordered = source_actors + target_actors
            other = next((a for a in ordered[1:] if a.country != first.country), None)
            other = other or next((a for a in ordered[1:] if _distinct(a, first)), None)
            return [(first, other)]
        first_country = source_actors[0].country
        targets_named = _each_country([a for a in target_actors if a.country != first_country]) or [
            a for a in target_actors[:1] if _distinct(a, source_actors[0])
        ]
        countries = list(dict.fromkeys(a.country for a in source_actors))
        if not targets_named and len(countries) > 1 and self.cameo[trigger.code].quad_class in (1, 2) and not _is_statement(trigger):
            # "Лавров и Рубио подтвердили готовность к сотрудничеству": with each other
            return [(source_actors[0], next(a for a in source_actors if a.country != source_actors[0].country))]
        pairs = []
        for source in source_actors:
            if all(p[0].code != source.code for p in pairs):
                # "осудил Россию и Китай": one event for each target named
                pairs.extend((source, target) for target in targets_named or [None])
        return pairs

    # ----------------------------------------------------------------- date
    def _date(self, ctx: SentenceContext, predicate: int, positions: tuple[int, ...], modality: str = "asserted") -> tuple[str | None, str, str]:
        sentence = ctx.sentence
        tokens = sentence.tokens
        owners = set(positions) | {predicate}
        verb = _nearest_verb(tokens, predicate) if tokens[predicate].pos != "VERB" else None
        if verb is not None:
            owners.add(verb)
        # "состоялся в январе, когда Фидан приезжал в Москву": a когда-clause is dated by its main clause
        clause = verb if verb is not None else predicate
        if tokens[clause].rel.startswith(("advcl", "acl")) and tokens[clause].head >= 0 and any(
            c.rel == "mark" and c.lemma == "когда" for c in sentence.children(clause)
        ):
            main = tokens[tokens[clause].head]
            for mention in ctx.dates:  # "в январе, когда ...": the clause hangs on the date itself
                if mention.value and mention.start <= main.start < mention.end:
                    return mention.value, "text", f"'{mention.text}' ({mention.rule}), of the когда-clause"
            owners.add(main.index)
        for mention in ctx.dates:
            if mention.value and _clause_of(tokens, mention.start, mention.end, owners):
                value, why = event_date(mention, tokens, modality)
                return value, "text", why
        if ctx.stated and any(t.lemma in THEN and t.rel == "advmod" and t.head in owners for t in tokens):
            return ctx.stated, "text", f"'тогда': the date stated before ({ctx.stated})"
        if ctx.published:
            return ctx.published.isoformat(), "published", "no date in the sentence: publication date"
        return None, "published", "no date in the sentence and no publication date"


# ------------------------------------------------------------------ helpers
def _top(tokens: list[Token], positions: tuple[int, ...]) -> int:
    inside = set(positions)
    for i in positions:
        if tokens[i].head not in inside:
            return i
    return positions[0]


def _is_passive(sentence: Sentence, predicate: int) -> bool:
    token = sentence.tokens[predicate]
    if token.feats.get("Voice") == "Pass":
        return True
    # "будет введён комендантский час" with its subject hung elsewhere: the passive auxiliary still says it
    return any(c.rel in ("nsubj:pass", "aux:pass") for c in sentence.children(predicate))


def _instrumental(sentence: Sentence, index: int) -> Token | None:
    """The doer in the instrumental without a preposition ("задержан полицией", "обстрел ... войсками")."""
    return next(
        (c for c in sentence.children(index)
         if c.rel in ("obl", "obl:agent", "nmod") and c.feats.get("Case") == "Ins" and not sentence.prepositions(c.index)),
        None,
    )  # fmt: skip


def _fills(sentence: Sentence, child: Token, slot: Slot) -> bool:
    if child.rel in ("punct", "cc", "case", "advmod", "nsubj", "nsubj:pass"):
        return False
    case = child.feats.get("Case")
    preps = sentence.prepositions(child.index)
    if slot.preposition:
        if not preps or preps[0] != slot.preposition[0]:
            return False
        # the preposition is the strong signal; names (США, Косово) often carry a wrong case, and the
        # accusative of animate plurals is the genitive's form ("на американцев")
        animate_accusative = slot.case == "Acc" and case == "Gen" and child.feats.get("Animacy") == "Anim"
        return case == slot.case or case is None or child.pos == "PROPN" or animate_accusative
    if preps:
        return False
    if case == slot.case:
        return True
    # indeclinable names (Рубио, США) carry unreliable case: accept by relation
    return slot.case == "Acc" and child.rel == "obj" or slot.case == "Dat" and child.rel == "iobj"


def _content_of(sentence: Sentence, predicate: int) -> set[int]:
    """What a verb of saying says: its dependents but the subject; for «...», — заявил X the quote it hangs on."""
    tokens = sentence.tokens
    if "»" in [t.text for t in tokens[max(0, predicate - 3) : predicate]]:
        # «...», — заявил X: the quotation before the verb, however the parser hung its words
        opening = max((t.index for t in tokens[:predicate] if t.text == "«"), default=-1)
        return set(range(opening + 1, predicate))
    if tokens[predicate].rel == "parataxis" and tokens[predicate].head >= 0:
        return _subtree(sentence, tokens[predicate].head, skip={predicate})
    skip = {c.index for c in sentence.children(predicate) if c.rel in ("nsubj", "nsubj:pass")}
    content = _subtree(sentence, predicate, skip=skip) - {predicate}
    # words the parse left in a cycle, cut off from the root, after the verb: part of what was said
    roots = [t.index for t in tokens if t.head < 0]
    reachable = set().union(*(_subtree(sentence, r, skip=set()) for r in roots)) if roots else set()
    return content | {t.index for t in tokens if t.index > predicate and t.index not in reachable}


def _subtree(sentence: Sentence, index: int, skip: set[int]) -> set[int]:
    found, frontier = {index}, [index]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.index not in skip and child.index not in found:
                found.add(child.index)
                frontier.append(child.index)
    return found


def _indefinite_personal(sentence: Sentence, verb: int) -> bool:
    """A finite plural verb without a subject ("взяли под арест", "арестовали")."""
    token = sentence.tokens[verb]
    return (
        token.pos == "VERB"
        and token.feats.get("Number") == "Plur"
        and token.feats.get("VerbForm") == "Fin"
        and token.feats.get("Person", "3") == "3"
        and not any(c.rel in ("nsubj", "nsubj:pass") for c in sentence.children(verb))
    )


def _future_subject(sentence: Sentence, predicate: int) -> bool:
    """Is the trigger noun the subject of a verb in the future ("удары будут продолжены", "давление
    будет усиливаться")?"""
    token = sentence.tokens[predicate]
    if token.pos != "NOUN" or token.rel not in ("nsubj", "nsubj:pass") or token.head < 0:
        return False
    verb = sentence.tokens[token.head]
    return verb.feats.get("Tense") == "Fut" or any(
        c.rel in ("aux", "aux:pass") and c.lemma == "быть" and c.feats.get("Tense") in ("Fut", "Pres") and c.text.lower().startswith("буд")
        for c in sentence.children(verb.index)
    )


def _implicit(sentence: Sentence, index: int, token: Token | None = None) -> Mention:
    """A mention standing for an actor the sentence implies rather than names, anchored at ``index``
    (on ``token``'s words when given: "разогнала акцию протеста" -> its protesters)."""
    if token is None:
        return Mention(sentence.index, index, index, index, "", 0, 0, "implicit")
    return Mention(sentence.index, index, index, index, token.text, token.start, token.end, "implicit")


def _threat_code(code: str) -> str:
    """The threat (13) of the act ``code``: to break relations 1313, to cut aid 1311, of sanctions 1312,
    pressure of no stated kind 130, a curfew or state of emergency 1323, 1324 (as 1721-1724 map to 1321-1324)."""
    if code in ("1721", "1722", "1723", "1724"):
        return "132" + code[3]
    return {"161": "1313", "162": "1311", "163": "1312", "170": "130"}.get(code[:3], THREATS[code[:2]])


def _as_state(unit: Unit) -> Unit:
    """A people named by its demonym, acting in diplomacy, is its state: "палестинцы отказываются от
    возобновления переговоров", "свалить вину на американцев" (not where people protest, suffer or are helped)."""
    if unit.mention.kind != "demonym" or not unit.mention.plural:
        return unit
    actors = tuple(Actor.of(a.country, "GOV", a.text) if a.country and a.sector == "CVL" else a for a in unit.actors)
    return Unit(actors, unit.mention, f"{unit.how}; a people acting in diplomacy: its state")


def _as_place(unit: Unit) -> Unit:
    """A country or capital a trigger names as a place ("ввоз мяса из Германии") is the country itself."""
    if unit.mention.kind not in ("country", "capital"):
        return unit
    actors = tuple(Actor(a.country, a.country, None, None, None, a.text) if a.country else a for a in unit.actors)
    return Unit(actors, unit.mention, f"{unit.how}; a place: the country itself")


def _distinct(one: Actor, other: Actor) -> bool:
    """Two actors an event can join: other codes, or two named people of one government (Медведев -> Путину)."""
    return one.code != other.code or bool(one.name and other.name and one.name != other.name)


def _nearest_verb(tokens: list[Token], index: int) -> int | None:
    current = tokens[index].head
    for _ in range(4):
        if current < 0:
            return None
        token = tokens[current]
        if token.pos in ("VERB", "AUX") or token.pos == "ADJ" and token.feats.get("Variant") == "Short":
            return current  # a short adjective is a predicate too ("Иран согласен на переговоры")
        current = token.head
    return None


def _event(entry, source: Actor, target: Actor | None, when: tuple[str | None, str], modality: str, attribution,
           evidence: Evidence, confidence: float, trace: list[str]) -> Event:  # fmt: skip
    """One Event record with the CAMEO fields of ``entry``."""
    return Event(
        source=source, target=target, code=entry.code, root=entry.root, quad_class=entry.quad_class,
        goldstein=entry.goldstein, plover=entry.plover, date=when[0], date_from=when[1], modality=modality,
        attribution=attribution, evidence=evidence, confidence=confidence, trace=trace,
    )  # fmt: skip


def _shared_sector(mention: Mention, found: list[Mention], tokens: list[Token]) -> Actor:
    """"органами Китая, Малайзии и Таиланда": a country coordinated with the country inside an agent
    phrase has that agent too (MYSCOP, THACOP), not its government."""
    actor = mention.actor
    anchor = tokens[mention.head]
    if mention.kind != "country" or anchor.rel != "conj":
        return actor
    for other in found:
        if other is mention or other.actor is None or not other.actor.sector or other.kind != "agent":
            continue
        if anchor.head in other.tokens and anchor.head != other.head:
            return Actor.of(actor.country, other.actor.sector, actor.text)
    return actor


REASONS = frozenset({"поскольку", "так как", "потому что", "ведь", "так"})


def _gives_reason(sentence: Sentence, clause: int, predicate: int) -> bool:
    """Is ``clause`` the reason given for the predicate ("отказываются от переговоров, поскольку Израиль
    отказывается ...")? Its subject is then whom the act answers."""
    tokens = sentence.tokens
    if clause < 0 or tokens[clause].rel != "advcl" or tokens[clause].head != predicate:
        return False
    return any(c.rel == "mark" and c.lemma in REASONS for c in sentence.children(clause))


# officials a state sends somewhere ("выслал в Грузию сотрудника": sent, not expelled)
ENVOYS = frozenset("сотрудник представитель посланник спецпосланник эмиссар делегация советник".split())
# what relations are made better by, as an aim: "шаги для укрепления диалога"
BETTERING = frozenset("укрепление развитие восстановление улучшение расширение углубление налаживание".split())


def _is_aim(sentence: Sentence, noun: int) -> bool:
    """Is the noun (or the noun phrase it is in) what something is for: "для укрепления диалога",
    "в целях восстановления диалога", "с целью поставок оружия"?"""
    tokens = sentence.tokens
    current = noun
    for _ in range(3):
        token = tokens[current]
        cases = [c.lemma for c in sentence.children(current) if c.rel == "case"]
        if "для" in cases and token.lemma in BETTERING or token.lemma == "цель" and {"с", "в"} & set(cases):
            return True  # (not "применили силу для разгона": a "для" of an act may well have happened)
        if token.pos != "NOUN" or token.rel not in ("nmod", "obl") or token.head < 0:
            return False
        current = token.head
    return False


def _is_condition(sentence: Sentence, clause: int) -> bool:
    """Is the token the head of an если-clause ("..., если Минск продолжит ...") or of a пока-не clause
    ("давление будет расти, пока Россия не согласится")?"""
    if sentence.tokens[clause].rel != "advcl":
        return False
    children = sentence.children(clause)
    marks = {c.lemma for c in children if c.rel == "mark"}
    return "если" in marks or "пока" in marks and any(c.lemma == "не" for c in children)


def _same_case(one: Token, other: Token) -> bool:
    """Can two nouns be coordinated ("гражданина Германии, а также канадец ...": accusative and
    nominative are not)? Names often carry a wrong case and are not judged."""
    if one.pos != "NOUN" or other.pos != "NOUN":
        return True
    a, b = one.feats.get("Case"), other.feats.get("Case")
    return a is None or b is None or a == b


def _in_subject(tokens: list[Token], inner: int, outer: int) -> bool:
    """Does the way up from ``inner`` to ``outer`` pass through the subject ("глава делегации на переговорах призвал")?"""
    current = inner
    for _ in range(8):
        if current < 0 or current == outer:
            return False
        if tokens[current].rel in ("nsubj", "nsubj:pass"):
            return True
        current = tokens[current].head
    return False


def _each_country(actors: list[Actor]) -> list[Actor]:
    """The first actor of each country (or organisation), in order."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.country or actor.code, actor)
    return list(seen.values())


def _in_country_of(actor: Actor, unit: Unit, source: Actor) -> Actor:
    """'Журналист был задержан полицией Белоруссии': a target named by its sector alone is of the source's country."""
    cue = unit.mention.cue
    slavic_abroad = unit.mention.slavic and unit.mention.surname and source.country not in SLAVIC_COUNTRIES
    if cue and cue[0] == "member" and source.country and actor.sector and not slavic_abroad:
        return Actor.of(source.country, actor.sector, actor.text, actor.role, actor.name)
    return actor


def _is_statement(trigger: Trigger) -> bool:
    """Verbs and nouns of saying carry the events they report ("заявил, что", "заявление с осуждением")."""
    return "speech" in trigger.flags or trigger.code.startswith("01")


def _noun_dependents(sentence: Sentence, index: int, depth: int) -> list[int]:
    """Nominal dependents of a noun, breadth first (genitives and prepositional phrases), also through a
    participle that describes it ("по объектам, обеспечивающим работу украинского ВПК")."""
    found: list[int] = []
    frontier = [index]
    for _ in range(depth):
        nxt = []
        for current in frontier:
            for child in sentence.children(current):
                if child.rel in ("nmod", "nmod:poss", "amod", "appos", "obl", "det", "conj") and child.pos in ("NOUN", "PROPN", "ADJ", "DET", "PRON"):
                    found.append(child.index)
                    nxt.append(child.index)
                elif child.rel == "acl" and child.feats.get("VerbForm") == "Part" and sentence.tokens[current].pos == "NOUN":
                    nxt.extend(c.index for c in sentence.children(child.index) if c.rel == "obj")
        frontier = nxt
    return found


def _topic_of(tokens: list[Token], predicate: int, owners: dict[int, int], own: int, candidates: list) -> str | None:
    """The talks (04) whose "о"-phrase holds this noun ("обсудили ситуацию ... и угрозы", "обменяться
    мнениями о перспективах ..., угрозах ..."), if any: the noun is a topic of them."""
    current, about = predicate, False
    for _ in range(6):
        token = tokens[current]
        if any(t.head == current and t.rel == "case" and t.lemma == "о" for t in tokens):
            about = True
        if token.head < 0:
            return None
        current = token.head
        other = owners.get(current)
        if other is not None and other != own:
            payload = candidates[other][0].payload
            return payload.pattern[0] if about and payload.code.startswith("04") else None
    return None


def _enclosing_trigger(tokens: list[Token], predicate: int, owners: dict[int, int], own: int) -> int | None:
    """The candidate whose trigger words dominate ``predicate`` in the parse, if any.

    Circumstances are not content: "в ходе визита договорился", "после встречи заявил" keep
    the visit and the meeting as events of their own.
    """
    if tokens[predicate].feats.get("VerbForm") == "Conv":
        return None  # "..., требуя отставки": a gerund adds an act of its own, not content
    current = tokens[predicate].head
    previous = predicate
    for _ in range(6):
        if current < 0:
            return None
        # the occasion of the trigger right above it ("обсудили в разговоре"); taking part in a summit is not one
        occasion = previous == predicate and current in owners and tokens[current].lemma not in NOT_OCCASIONS
        if _circumstance(tokens, previous, occasion=occasion):
            return None
        previous = current
        other = owners.get(current)
        if other is not None and other != own:
            return other
        current = tokens[current].head
    return None


# verbs whose в + locative is what they are about: "обвинил в ударах", "участие в саммите"
NOT_OCCASIONS = frozenset(
    "участие участвовать принять обвинить обвинять подозревать заподозрить упрекнуть упрекать уличить".split()
)
CIRCUMSTANCE_NOUNS = frozenset({"ход", "время", "рамка", "итог", "поле", "преддверие", "канун", "период", "день", "кулуары", "завершение", "окончание"})
CIRCUMSTANCE_PREPOSITIONS = frozenset({"после", "накануне", "перед", "до", "вслед"})
BACKGROUND_PREPOSITIONS = CIRCUMSTANCE_PREPOSITIONS | {"ввиду", "из-за", "вследствие", "несмотря", "благодаря"}


def _circumstance(tokens: list[Token], index: int, occasion: bool = False) -> bool:
    """Is this word the head of a phrase of time or occasion ("в ходе ...", "после ...")?"""
    cases = [t for t in tokens if t.head == index and t.rel == "case"]
    if not cases:
        return False
    if tokens[index].lemma in CIRCUMSTANCE_NOUNS or any(c.lemma in CIRCUMSTANCE_PREPOSITIONS for c in cases):
        return True
    if occasion and tokens[index].feats.get("Case") == "Loc" and any(c.lemma in ("в", "на") for c in cases):
        return True  # the trigger noun itself: "обсудили в телефонном разговоре", "заявил на встрече"
    # "в ходе визита" parsed as one preposition: в <-fixed- ходе
    return any(t.rel == "fixed" and t.head == c.index and t.lemma in CIRCUMSTANCE_NOUNS for c in cases for t in tokens)


def _clause_of(tokens: list[Token], start: int, end: int, owners: set[int]) -> bool:
    """Does the date at chars ``start:end`` hang on the trigger (not on another verb or noun)?"""
    inside = [t.index for t in tokens if start <= t.start < end]
    if not inside:
        return False
    head = next((i for i in inside if tokens[i].head not in inside), inside[0])
    current = tokens[head].head
    for hop in range(12):
        if current < 0:
            return False
        if current in owners:
            return True
        if tokens[current].pos in ("VERB", "AUX"):
            return False
        if hop == 0 and tokens[current].pos in ("NOUN", "PROPN"):
            return False  # "разговор 12 февраля": the date of that noun, not of the trigger
        current = tokens[current].head
    return False


def _dedup_key(event: Event) -> tuple:
    codes = (event.source.code if event.source else None, event.target.code if event.target else None)
    if event.root in SYMMETRIC_ROOTS:
        codes = tuple(sorted(c or "" for c in codes))
    return (*codes, event.root)


def _confidence(how_source: str, how_target: str, trigger: Trigger) -> float:
    score = 0.9
    if "genitive" in how_source or "noun phrase" in how_source:
        score -= 0.1
    if "weak" in trigger.flags:
        score -= 0.15
    if how_target.startswith("no target"):
        score -= 0.05
    return max(0.1, score)
