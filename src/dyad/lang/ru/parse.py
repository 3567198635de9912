"""Russian morphology and dependency syntax (natasha's slovnet models) for chosen sentences, batched."""

from __future__ import annotations

from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

from dyad.lang.ru.morph import Lemmatizer
from dyad.model import Sentence

BATCH = 32


class RussianParser:
    """Fills ``pos``, ``feats``, ``head``, ``rel`` and ``lemma`` of the tokens of the given sentences."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        embedding = NewsEmbedding()
        self.tagger = NewsMorphTagger(embedding)
        self.parser = NewsSyntaxParser(embedding)
        self.tagger.batch_size = BATCH
        self.parser.batch_size = BATCH
        self.lemmatizer = lemmatizer

    def __call__(self, sentences: list[Sentence]) -> None:
        todo = [s for s in sentences if not s.parsed]
        if not todo:
            return
        words = [[t.text for t in s.tokens] for s in todo]
        for sentence, markup in zip(todo, self.tagger.map(words), strict=True):
            for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
                token.pos = tagged.pos
                token.feats = dict(tagged.feats)
        for sentence, markup in zip(todo, self.parser.map(words), strict=True):
            for token, parsed in zip(sentence.tokens, markup.tokens, strict=True):
                token.head = int(parsed.head_id) - 1
                token.rel = parsed.rel
            for token in sentence.tokens:
                _mended_pronoun(token)
                token.lemma = self.lemmatizer.lemma(token.text, token.pos, token.feats.get("Case", ""))
            sentence.parsed = True


# oblique forms of он/она/они after a preposition ("в отношении неё", "против них"), which the tagger
# now and then reads as adverbs: gender and number are the form's own
OBLIQUE_PRONOUNS = {
    **dict.fromkeys(("неё", "нее", "ней", "нею"), {"Gender": "Fem", "Number": "Sing"}),
    **dict.fromkeys(("него", "нему", "нём", "нем"), {"Gender": "Masc", "Number": "Sing"}),
    **dict.fromkeys(("них", "ними"), {"Number": "Plur"}),
}


def _mended_pronoun(token) -> None:
    feats = OBLIQUE_PRONOUNS.get(token.text.lower())
    if feats is None or token.pos not in ("ADV", "ADJ", "X"):
        return
    token.pos = "PRON"
    token.feats = {**feats, "Person": "3"}
    if token.rel == "advmod":
        token.rel = "obl"
