"""Find lemma phrases of a dictionary in a lemma sequence (longest match, optional gaps)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

Payload = TypeVar("Payload")


@dataclass(frozen=True)
class PhraseMatch(Generic[Payload]):
    positions: tuple[int, ...]  # token indices of the phrase's words
    payload: Payload

    @property
    def first(self) -> int:
        return self.positions[0]

    @property
    def last(self) -> int:
        return self.positions[-1]


class PhraseIndex(Generic[Payload]):
    """Phrases (tuples of lemmas) indexed by their first lemma.

    >>> index = PhraseIndex(); index.add(("белый", "дом"), "USAGOV")
    >>> [m.positions for m in index.find(["у", "белый", "дом"])]
    [(1, 2)]
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = defaultdict(list)
        self.first_words: set[str] = set()

    def add(self, lemmas: tuple[str, ...], payload: Payload) -> None:
        if not lemmas:
            return
        self._by_first[lemmas[0]].append((lemmas, payload))
        self._by_first[lemmas[0]].sort(key=lambda entry: -len(entry[0]))
        self.first_words.add(lemmas[0])

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def single_words(self) -> dict[str, Payload]:
        """One-word phrases and their payloads."""
        return {phrase[0]: payload for entries in self._by_first.values() for phrase, payload in entries if len(phrase) == 1}

    def find(self, lemmas: list[str], max_gap: int = 0, blocked: set[int] | None = None) -> list[PhraseMatch]:
        """All matches, longest first at each start; later matches never reuse a word of an earlier one."""
        found: list[PhraseMatch] = []
        used: set[int] = set(blocked or ())
        present = set(lemmas)
        for start, lemma in enumerate(lemmas):
            if start in used or lemma not in self._by_first:
                continue
            for phrase, payload in self._by_first[lemma]:
                if len(phrase) > 1 and not all(word in present for word in phrase[1:]):
                    continue  # a word of it is nowhere in the sentence
                positions = _match_at(phrase, lemmas, start, max_gap, used)
                if positions is not None:
                    found.append(PhraseMatch(positions, payload))
                    used.update(positions)
                    break
        return found


def _match_at(
    phrase: tuple[str, ...], lemmas: list[str], start: int, max_gap: int, used: set[int]
) -> tuple[int, ...] | None:
    positions = [start]
    cursor = start
    for word in phrase[1:]:
        limit = min(len(lemmas), cursor + 2 + max_gap)
        nxt = next((i for i in range(cursor + 1, limit) if lemmas[i] == word and i not in used), None)
        if nxt is None:
            return None
        positions.append(nxt)
        cursor = nxt
    return tuple(positions)
