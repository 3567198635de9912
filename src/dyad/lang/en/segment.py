"""Split English text into sentences and tokens with document offsets (spaCy's rule tokenizer).

A sentence ends at ., ! or ? (with any closing quotes or brackets after it) when the next
word starts a sentence (capital letter, digit, opening quote); a line break ends one unless it
only wraps a line (``dyad.lang.paragraphs``).
The tokenizer keeps abbreviations ("U.S.", "Mr.", "Feb.") as one token, so their stop is
not an end. Text without any stop is cut at ``MAX_SENTENCE_CHARS`` on a word boundary.
"""

from __future__ import annotations

from dyad.lang.paragraphs import joined, paragraphs
from dyad.model import Sentence, Token

MAX_SENTENCE_CHARS = 2000
ENDS = frozenset({".", "!", "?", "...", "…"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENERS = frozenset({'"', "“", "‘", "(", "[", "«", "'", "-", "—"})


class EnglishSegmenter:
    """Sentences of a text; ``tokenizer`` is the English pipeline's tokenizer (same tokens as the parse)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        for base, end in paragraphs(text):
            words = [piece for t in self.tokenizer(joined(text, base, end)) if not t.is_space for piece in _joined(t.text, base + t.idx)]
            for chunk in _chunks(words):
                start, end = chunk[0][1], chunk[-1][1] + len(chunk[-1][0])
                sentence = Sentence(len(sentences), start, end, text[start:end])
                sentence.tokens = [Token(i, w, s, s + len(w)) for i, (w, s) in enumerate(chunk)]
                sentences.append(sentence)
        return sentences


def _chunks(words: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    chunks: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        current.append(words[i])
        word = words[i][0]
        if word in ENDS:
            while i + 1 < len(words) and words[i + 1][0] in CLOSERS:
                i += 1
                current.append(words[i])
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            if not nxt or nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in OPENERS:
                chunks.append(current)
                current = []
        elif current and words[i][1] + len(word) - current[0][1] > MAX_SENTENCE_CHARS:
            chunks.append(current)  # no stop for too long: cut here
            current = []
        i += 1
    if current:
        chunks.append(current)
    return chunks


def _joined(word: str, start: int) -> list[tuple[str, int]]:
    """A name written with underscores for spaces ("Dol_Amroth", "Costa_Rica", as PETRARCH's texts and
    dictionaries write compounds) is its words; a word with an underscore at an edge stays whole."""
    parts = word.split("_")
    if len(parts) == 1 or not all(parts):
        return [(word, start)]
    pieces, at = [], start
    for part in parts:
        pieces.append((part, at))
        at += len(part) + 1
    return pieces
