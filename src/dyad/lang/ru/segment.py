"""Split Russian text into sentences and tokens with document offsets (razdel)."""

from __future__ import annotations

import re

from razdel import sentenize, tokenize

from dyad.model import Sentence, Token

LINE = re.compile(r"[^\n]+")
MAX_SENTENCE_CHARS = 2000  # longer "sentences" (tables, lists without stops) are cut


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the text; a line break always ends a sentence (headlines, captions)."""
    sentences: list[Sentence] = []
    for line in LINE.finditer(text):
        base = line.start()
        for part in sentenize(line.group()):
            chunk = part.text
            if not chunk.strip():
                continue
            for offset in range(0, len(chunk), MAX_SENTENCE_CHARS):
                piece = chunk[offset : offset + MAX_SENTENCE_CHARS]
                start = base + part.start + offset
                sentence = Sentence(len(sentences), start, start + len(piece), piece)
                sentence.tokens = [
                    Token(i, tok.text, start + tok.start, start + tok.stop)
                    for i, tok in enumerate(tokenize(piece))
                ]
                if sentence.tokens:
                    sentences.append(sentence)
    return sentences
