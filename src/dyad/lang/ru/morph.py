"""Russian lemmas and grammemes from pymorphy3, cached per word form."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

# natasha (Universal Dependencies) POS -> pymorphy3 (OpenCorpora) POS tags
UD_TO_OC = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADJ": {"ADJF", "ADJS", "COMP", "PRTF", "PRTS"},
    "DET": {"ADJF", "NPRO"},
    "PRON": {"NPRO"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR", "ADJF"},
}
UD_CASE_TO_OC = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


class Lemmatizer:
    """Word form -> lemma, picking the pymorphy3 parse that agrees with the tagger's POS and case."""

    def __init__(self) -> None:
        self._morph = pymorphy3.MorphAnalyzer()
        self.lemma = lru_cache(maxsize=200_000)(self._lemma)
        self.plain = lru_cache(maxsize=200_000)(self._plain)
        self.parses = lru_cache(maxsize=100_000)(self._parses)

    def _parses(self, word: str) -> tuple:
        return tuple(self._morph.parse(word))

    def _plain(self, word: str) -> str:
        """The lemma of the most likely parse, without context (used before tagging)."""
        if not any(ch.isalpha() for ch in word):
            return word.lower()
        return normalise(self.parses(word.lower())[0].normal_form)

    def _lemma(self, word: str, pos: str = "", case: str = "") -> str:
        lowered = word.lower()
        if not any(ch.isalpha() for ch in lowered):
            return lowered
        parses = self.parses(lowered)
        wanted = UD_TO_OC.get(pos)
        oc_case = UD_CASE_TO_OC.get(case)
        best = None
        for parse in parses:
            tag = parse.tag
            if wanted and tag.POS not in wanted:
                continue
            if oc_case and tag.case and tag.case != oc_case and not (
                oc_case in ("gent", "accs", "loct") and tag.case in ("gen2", "acc2", "loc2")
            ):
                continue
            best = parse
            break
        if best is None:
            best = next((p for p in parses if wanted and p.tag.POS in wanted), parses[0])
        if pos in ("VERB", "AUX") and best.tag.POS in ("PRTF", "PRTS", "GRND"):
            # participles and gerunds lemmatise to their verb (natasha calls them VERB)
            return normalise(best.inflect({"INFN"}).word if best.inflect({"INFN"}) else best.normal_form)
        return normalise(best.normal_form)

    def can_be_subject(self, word: str, number: str = "") -> bool:
        """Has the word a nominative parse (agreeing in number with a verb of ``number``)?"""
        wanted = {"Plur": "plur", "Sing": "sing"}.get(number)
        for parse in self.parses(word.lower()):
            if parse.tag.case == "nomn" and (wanted is None or parse.tag.number in (wanted, None)):
                return True
        return False

    def tags(self, word: str) -> set[str]:
        """All grammemes of the word's parses (Name, Surn, Patr, Geox, Abbr ...)."""
        found: set[str] = set()
        for parse in self.parses(word.lower())[:3]:
            found |= set(parse.tag.grammemes)
        return found


def normalise(lemma: str) -> str:
    """One spelling for matching: ё -> е, lower case."""
    return lemma.replace("ё", "е").lower()
