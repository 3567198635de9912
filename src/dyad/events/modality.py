"""Modality of an event: asserted, intended, negated, hypothetical or denied, read from the syntax."""

from __future__ import annotations

from dyad.model import Sentence

INTENT_HEADS = frozenset(
    "договориться договариваться намереваться намерен намеренный планировать собираться обещать пообещать "
    "решить согласиться соглашаться готовый готов хотеть предложить предлагать условиться "
    "запланировать наметить намечать рассчитывать".split()
)
HYPOTHETICAL_HEADS = frozenset("мочь смочь возможно возможный способный".split())
DENIAL_HEADS = frozenset("отрицать опровергнуть опровергать отвергнуть".split())
CONDITIONAL_MARKS = frozenset({"если", "бы", "б", "ли"})
HEDGES = frozenset({"возможно", "вероятно", "видимо", "по-видимому"})  # "Китай, возможно, направит ..."
CLIMB_RELS = frozenset({"xcomp", "csubj", "ccomp", "acl", "nmod", "obj", "obl"})


def modality_of(sentence: Sentence, predicate: int, intent_trigger: bool) -> tuple[str, str]:
    """(modality, reason) for the event whose trigger's top word is ``predicate``."""
    tokens = sentence.tokens
    current = predicate
    for _ in range(4):
        token = tokens[current]
        for child in sentence.children(current):
            if child.lemma == "не" and child.rel == "advmod":
                return "negated", f"'не' on '{token.text}'"
            if child.lemma in CONDITIONAL_MARKS and child.rel in ("mark", "advmod", "discourse", "aux"):
                return "hypothetical", f"'{child.text}' on '{token.text}'"
            if child.lemma in HEDGES or child.text.lower() in HEDGES:
                return "hypothetical", f"'{child.text}' on '{token.text}'"
            if child.lemma == "быть" and child.rel == "aux" and child.feats.get("Tense") == "Fut":
                return "intended", f"future 'будет {token.text}'"
        if token.feats.get("Tense") == "Fut":
            return "intended", f"future tense '{token.text}'"
        if current != predicate:
            if token.lemma in DENIAL_HEADS:
                return "denied", f"under '{token.text}'"
            if token.lemma in HYPOTHETICAL_HEADS:
                return "hypothetical", f"under '{token.text}'"
            if token.lemma in INTENT_HEADS:
                return "intended", f"under '{token.text}'"
        # climb to the governing verb, also through nouns ("опроверг сообщения о подготовке визита")
        if token.rel not in CLIMB_RELS or token.head < 0 or tokens[token.head].pos not in ("VERB", "ADJ", "AUX", "NOUN"):
            break
        current = token.head
    if intent_trigger:
        return "intended", "the trigger states an intention"
    return "asserted", "no marker"


# ------------------------------------------------------------------ English
EN_INTENT_HEADS = frozenset(
    "agree plan intend promise pledge vow decide want seek hope expect prepare aim propose offer "
    "schedule set threaten consider about ready poised due".split()
)
EN_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should"})
EN_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
EN_DENIAL_HEADS = frozenset({"deny", "reject", "dismiss", "refute"})
EN_NEGATIONS = frozenset({"not", "n't", "never", "no"})
EN_CONDITIONAL_MARKS = frozenset({"if", "unless"})
EN_CLIMB_RELS = frozenset({"xcomp", "ccomp", "acl", "advcl", "relcl", "conj", "pcomp", "pobj", "prep", "dobj"})


def english_modality_of(sentence: Sentence, predicate: int) -> tuple[str, str]:
    """(modality, reason) for an English event whose trigger is ``predicate`` (spaCy relations)."""
    tokens = sentence.tokens
    current = predicate
    coordinated = False  # reached from a verb coordinated with this one ("denied the claim and accused Baku")
    for _ in range(4):
        token = tokens[current]
        # a negation outranks the auxiliary before it ("would not provide", "will not meet")
        for child in sentence.children(current):
            if child.rel == "neg" or (child.text.lower() in EN_NEGATIONS and child.rel in ("advmod", "det")):
                return "negated", f"'{child.text}' on '{token.text}'"
        for child in sentence.children(current):
            word = child.text.lower()
            if child.rel == "mark" and word in EN_CONDITIONAL_MARKS:
                return "hypothetical", f"'{child.text}' on '{token.text}'"
            if child.rel == "aux" and word == "would" and _reported(sentence, current):
                return "intended", f"'would {token.text}' reported ('said they would')"
            if child.rel == "aux" and word in EN_HYPOTHETICAL_AUX:
                return "hypothetical", f"'{child.text} {token.text}'"
            if child.rel == "aux" and word in EN_FUTURE_AUX:
                return "intended", f"future '{child.text} {token.text}'"
            if child.rel == "aux" and word == "to" and current == predicate and token.rel == "xcomp":
                pass  # "agreed to meet": the head says which
        if current != predicate and not coordinated:
            if token.lemma in EN_DENIAL_HEADS:
                return "denied", f"under '{token.text}'"
            if token.lemma in EN_INTENT_HEADS:
                return "intended", f"under '{token.text}'"
        if token.rel == "amod" or token.rel not in EN_CLIMB_RELS or token.head < 0:
            break
        if token.rel == "ccomp" and current != predicate:
            break
        coordinated = token.rel == "conj" and token.pos in ("VERB", "AUX") and tokens[token.head].pos in ("VERB", "AUX")
        current = token.head
    return "asserted", "no marker"


def _reported(sentence: Sentence, verb: int) -> bool:
    """Is the clause the content of a verb of saying ("said they would meet")?"""
    token = sentence.tokens[verb]
    return token.rel == "ccomp" and token.head >= 0 and sentence.tokens[token.head].lemma in ("say", "announce", "state", "tell", "add")
