"""Split Russian text into sentences and tokens with document offsets (razdel)."""

from __future__ import annotations

from razdel import sentenize, tokenize

from dyad.lang.paragraphs import joined, paragraphs
from dyad.model import Sentence, Token

MAX_SENTENCE_CHARS = 2000  # longer "sentences" (tables, lists without stops) are cut


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the text; a line break ends a sentence (headlines, captions) unless it only
    wraps a line (``dyad.lang.paragraphs``)."""
    sentences: list[Sentence] = []
    for base, end in paragraphs(text):
        for part in sentenize(joined(text, base, end)):
            chunk = part.text
            if not chunk.strip():
                continue
            for offset in range(0, len(chunk), MAX_SENTENCE_CHARS):
                piece = chunk[offset : offset + MAX_SENTENCE_CHARS]
                start = base + part.start + offset
                sentence = Sentence(len(sentences), start, start + len(piece), text[start : start + len(piece)])
                sentence.tokens = [
                    Token(i, tok.text, start + tok.start, start + tok.stop)
                    for i, tok in enumerate(tokenize(piece))
                ]
                if sentence.tokens:
                    sentences.append(sentence)
    return sentences
