"""Match people named in Russian text against English-keyed actor lists.

``transliterate`` turns Russian Cyrillic into the practical Latin of news agencies
(Шольц -> sholts). ``name_key`` reduces a name, Latin or Cyrillic, to a phonetic key that
survives the usual differences between an English spelling and a transliteration: consonant
clusters are unified (дж = j = zh, х = kh = h, ц = ts = tz, ш = sh = sch, цз = j as in
pinyin), silent English letters dropped (h after a vowel, final e after a consonant, an
initial w/v before a vowel, which Russian renders as у or в), and every run of vowels
(a e i o u y) becomes one ``a``: Trump/Трамп -> ``tramp``, Biden/Байден -> ``badan``,
Zelenskyy/Зеленский -> ``zalanska``. Vowel quality is given up on purpose: English spelling
does not predict it (Trump -> Трамп, Blair -> Блэр), but the syllable count is kept, so
Lavrov/Lavrentiev or Shoigu/Shugaev stay apart. ``NameMatcher`` indexes full names by the
key of their surname and of the whole name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
# Latin letters whose diacritic changes the sound (NFKD would only strip the mark)
LATIN_SPECIAL = {
    "č": "ch", "ć": "ch", "ç": "ch", "š": "sh", "ş": "sh", "ș": "sh", "ž": "zh", "ł": "l",
    "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "đ": "d", "ð": "d", "þ": "th",
}  # fmt: skip
# (pattern, replacement), applied in order to a lower-case Latin word; capitals are
# one-letter symbols for clusters: J = дж/j/zh, S = ш/sh/sch, C = ч/ch
CLUSTERS = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"^mc", "mak"), (r"shch", "S"), (r"chzh", "J"), (r"tsch", "C"), (r"dzh|dj|tsz|zh|j", "J"),
        (r"sch|sh", "S"), (r"tch|ch|cz", "C"), (r"kh", "h"), (r"gh", "g"), (r"ph", "f"),
        (r"th", "t"), (r"ts|tz", "z"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"[cq]", "k"),
        (r"^x", "s"), (r"x", "ks"), (r"^ks", "s"), (r"(?<=[aeiouy])w(?![aeiouy])", "u"),
        (r"w", "v"), (r"(?<=[aeiouy])h(?![aeiouy])", ""), (r"ng$", "n"),
        (r"(?<=[^aeiouy])e$", ""),
    )
)  # fmt: skip
VOWEL_RUN = re.compile(r"[aeiouy]+")
DOUBLE = re.compile(r"(.)\1+")
INITIAL_VW = re.compile(r"^[vw](?=[aeiouy])")
# first letters of given names that are taken as compatible (Walter/Уолтер, George/Джордж)
INITIAL_GROUPS = (frozenset("aeiouyw"), frozenset("vw"), frozenset("gJh"), frozenset("Jy"))
# Russian case endings -> nominative, tried in order when a surname matches nothing
CASE_ENDINGS = (
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий"),
    ("ой", "а"), ("ой", ""), ("ом", ""), ("ем", ""), ("ым", ""), ("им", ""), ("ых", ""),
    ("ей", "ь"), ("ем", "ь"), ("ем", "й"), ("ы", "а"), ("е", "а"), ("у", "а"), ("ю", "я"),
    ("а", ""), ("у", ""), ("е", ""), ("ы", ""), ("я", "ь"), ("я", "й"), ("ю", "ь"),
)  # fmt: skip
PARTICLES = ("al", "el", "ad", "as", "ar", "ash", "at", "an", "ul", "bin", "ben", "abu")


def is_cyrillic(text: str) -> bool:
    """True if text contains at least one Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def transliterate(text: str) -> str:
    """Russian Cyrillic -> lower-case Latin, news style (Щукин -> shchukin); Latin is kept."""
    return "".join(CYRILLIC.get(ch, ch) for ch in text.lower())


def _latin(text: str) -> str:
    """Lower-case plain Latin: transliterated, special letters spelled out, marks dropped."""
    text = "".join(LATIN_SPECIAL.get(ch, ch) for ch in transliterate(text))
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _parts(word: str) -> list[str]:
    """The letter runs of one word: "Al-Assad" -> ["al", "assad"]; apostrophes vanish."""
    return re.findall(r"[a-z]+", _latin(word).replace("'", "").replace("’", ""))


def _clusters(part: str) -> str:
    """Apply CLUSTERS: one symbol per sound cluster, silent letters dropped."""
    for pattern, repl in CLUSTERS:
        part = pattern.sub(repl, part)
    return part


def _key(part: str) -> str:
    """Phonetic key of one letter run (see the module docstring)."""
    part = INITIAL_VW.sub("", _clusters(part))
    return DOUBLE.sub(r"\1", VOWEL_RUN.sub("a", part))


def name_key(text: str) -> str:
    """Phonetic key of a name, one key per word, space-separated ("Ban Ki-moon" -> "ban kaman")."""
    words = ("".join(_parts(word)) for word in text.split())
    return " ".join(key for key in map(_key, words) if key)


def surname_keys(word: str) -> set[str]:
    """Keys a surname is indexed under: the whole word and, if it is hyphenated, its last
    part when that part is long enough or follows an Arabic particle ("Al-Assad" -> {"alasad",
    "asad"}; "Ki-moon" -> {"kaman"} only)."""
    parts = _parts(word)
    keys = {_key("".join(parts))} if parts else set()
    if len(parts) > 1:
        last = _key(parts[-1])
        if len(last) >= 4 or parts[0] in PARTICLES:
            keys.add(last)
    return keys - {""}


def _initial(word: str) -> str:
    """First symbol of a word after cluster normalisation (no vowel folding)."""
    parts = _parts(word)
    return _clusters(parts[0])[:1] if parts else ""


def compatible_given(a: str, b: str) -> bool:
    """Given names are compatible if their keys are equal or their initials are alike."""
    if name_key(a) == name_key(b):
        return True
    x, y = _initial(a), _initial(b)
    return bool(x and y) and (x == y or any(x in g and y in g for g in INITIAL_GROUPS))


def deinflect(word: str) -> list[str]:
    """Candidate nominatives of a Russian surname in another case (Шольцем -> Шольц)."""
    low = word.lower()
    if not is_cyrillic(low):
        return []
    out: list[str] = []
    for ending, nominative in CASE_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 2 and stem + nominative not in out:
            out.append(stem + nominative)
    return out


Rank = tuple[bool, bool, float]  # (not an exact full name, other vowel pattern, -closeness)


class _Entry(NamedTuple, Generic[T]):
    given: str  # first word of a name of two or more words, else ""
    full_keys: frozenset[str]  # keys of the whole name and of its first + last word
    spelling: str  # the surname with clusters unified but vowels kept, for ranking
    payload: T


def spelling(word: str) -> str:
    """A finer form of a word than its key: clusters unified, vowels kept (Путин -> putin)."""
    return _clusters("".join(_parts(word)))


def vowel_pattern(spelt: str) -> str:
    """Front (F: ending in e, i, y) or back (B) for each vowel run: Biden/Байден -> "FF"."""
    return "".join("F" if run[-1] in "eiy" else "B" for run in VOWEL_RUN.findall(spelt))


class NameMatcher(Generic[T]):
    """Index of English full names by the phonetic keys of their surname and full name.

    Built from ``(full_name, payload)`` pairs; a full name may list variants separated by
    ``|``. The surname is the last word; a one-word name is a surname only. Candidates
    sharing a surname key are ranked: exact full-name key first, then the same pattern of
    front/back vowels (Байден: Biden before Boden), then the closest spelling with vowels
    (Путин: Putin before Patin).
    """

    def __init__(self, people: Iterable[tuple[str, T]]) -> None:
        self._by_surname: dict[str, list[_Entry[T]]] = defaultdict(list)
        for full_name, payload in people:
            for variant in full_name.split("|"):
                words = variant.split()
                if not words:
                    continue
                given = words[0] if len(words) > 1 else ""
                full = frozenset({name_key(variant), name_key(f"{given} {words[-1]}")})
                entry = _Entry(given, full, spelling(words[-1]), payload)
                for key in surname_keys(words[-1]):
                    self._by_surname[key].append(entry)

    def match(self, surname_ru: str, given_ru: str | None = None) -> list[T]:
        """Payloads whose surname key equals that of ``surname_ru``, best first; if
        ``given_ru`` is given, only those whose given name is compatible. The surname should
        be a nominative; its de-inflected forms (Путина -> Путин) are tried too, and their
        matches kept when the word as given matches nothing or only worse spellings. A full
        name in one argument ("Си Цзиньпин") is split: last word surname, first word given."""
        words = surname_ru.split()
        if not words:
            return []
        if len(words) > 1 and given_ru is None:
            given_ru = words[0]
        given = given_ru.split()[0] if given_ru else None
        scored: list[tuple[Rank, int, T]] = []
        for n, form in enumerate((words[-1], *deinflect(words[-1]))):
            best = min((rank for rank, _, _ in scored), default=None)  # a later form must beat it
            scored += [(r, n, p) for r, p in self._lookup(form, given) if best is None or r < best]
        out: list[T] = []
        for _, _, payload in sorted(scored, key=lambda item: item[:2]):
            if not any(payload is seen or payload == seen for seen in out):
                out.append(payload)
        return out

    def _lookup(self, surname: str, given: str | None) -> list[tuple[Rank, T]]:
        """(rank, payload) of the entries under the key of ``surname`` that fit ``given``."""
        entries = self._by_surname.get(name_key(surname), [])
        givens = [given, *deinflect(given)] if given else []
        exact = {name_key(f"{g} {surname}") for g in givens}
        if givens:  # keep one-word names, exact full names and compatible given names
            entries = [
                e for e in entries
                if not e.given or exact & e.full_keys
                or any(compatible_given(g, e.given) for g in givens)
            ]  # fmt: skip
        wanted = spelling(surname)

        def rank(e: _Entry[T]) -> Rank:
            same_vowels = vowel_pattern(e.spelling) == vowel_pattern(wanted)
            closeness = SequenceMatcher(None, wanted, e.spelling).ratio()
            return (not exact & e.full_keys, not same_vowels, -closeness)

        return [(rank(e), e.payload) for e in entries]
