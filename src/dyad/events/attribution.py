"""Attribution: who says an event happened ("по данным МИД России", "как сообщает ТАСС", "X заявил, что")."""

from __future__ import annotations

from dyad.model import Attribution, Mention, Sentence

SOURCE_NOUNS = frozenset({"данные", "слово", "информация", "сообщение", "оценка", "мнение"})
SPEECH_VERBS = frozenset(
    "заявить заявлять сообщить сообщать сказать говорить отметить отмечать подчеркнуть подчеркивать "
    "добавить указать указывать пояснить уточнить написать передать объявить объявлять утверждать "
    "считать рассказать признать".split()
)


def attribution_of(sentence: Sentence, predicate: int, mentions: list[Mention]) -> tuple[Attribution | None, int | None]:
    """The attribution of the event at ``predicate`` and the speech verb index (None when none)."""
    tokens = sentence.tokens
    for token in tokens:
        if token.lemma in SOURCE_NOUNS and any(c.lemma == "по" and c.rel == "case" for c in sentence.children(token.index)):
            holder = next((c for c in sentence.children(token.index) if c.rel == "nmod"), None)
            if holder is not None:
                return _attribution(sentence, token.index - 1, holder.index, mentions), None
    current = predicate
    for _ in range(5):
        token = tokens[current]
        if current != predicate and token.lemma in SPEECH_VERBS:
            subject = next((c for c in sentence.children(current) if c.rel == "nsubj"), None)
            if subject is not None:
                return _attribution(sentence, None, subject.index, mentions), current
            return None, current
        if token.head < 0:
            break
        current = token.head
    for token in tokens:  # "..., как сообщает ТАСС" / "..., сообщил X"
        if token.lemma in SPEECH_VERBS and token.index != predicate and token.rel in ("parataxis", "advcl"):
            subject = next((c for c in sentence.children(token.index) if c.rel == "nsubj"), None)
            if subject is not None:
                return _attribution(sentence, None, subject.index, mentions), token.index
    return None, None


def _attribution(sentence: Sentence, first: int | None, holder: int, mentions: list[Mention]) -> Attribution:
    mention = next((m for m in mentions if m.covers(holder)), None)
    tokens = sentence.tokens
    last = _subtree_end(sentence, holder)
    start = tokens[first].start if first is not None and first >= 0 else tokens[holder].start
    if mention is not None:
        start = min(start, mention.start)
    text = sentence.text[start - sentence.start : tokens[last].end - sentence.start]
    actor = mention.actor if mention else None
    return Attribution(text, actor.code if actor else None)


def _subtree_end(sentence: Sentence, index: int) -> int:
    end = index
    stack = [index]
    while stack:
        current = stack.pop()
        for child in sentence.children(current):
            if child.rel not in ("punct", "acl", "acl:relcl", "parataxis"):
                end = max(end, child.index)
                stack.append(child.index)
    return end


# ------------------------------------------------------------------ English
EN_SPEECH_VERBS = frozenset(
    "say tell report announce state add claim confirm note stress write quote cite insist".split()
)
EN_ACCORDING = ("according", "to")


def english_attribution_of(sentence: Sentence, predicate: int, mentions: list[Mention]) -> tuple[Attribution | None, int | None]:
    """"..., the Russian Foreign Ministry said", "according to Reuters", "X told reporters that ..."."""
    tokens = sentence.tokens
    for token in tokens:  # "according to Reuters"
        if token.text.lower() == "according" and token.index + 2 < len(tokens) and tokens[token.index + 1].text.lower() == "to":
            holder = next((c for c in sentence.children(token.index + 1) if c.rel == "pobj"), None)
            if holder is not None:
                return _attribution(sentence, token.index, holder.index, mentions), None
    current = predicate
    for _ in range(5):
        token = tokens[current]
        if current != predicate and token.lemma in EN_SPEECH_VERBS:
            subject = next((c for c in sentence.children(current) if c.rel in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return _attribution(sentence, None, subject.index, mentions), current
            return None, current
        if token.head < 0:
            break
        current = token.head
    return None, None
