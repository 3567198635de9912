"""dyad.actors.translit: transliteration, phonetic name keys and the Russian->English matcher."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from dyad.actors.translit import NameMatcher, deinflect, name_key, transliterate

PHOENIX = Path(__file__).parents[2] / "src" / "dyad" / "data" / "common" / "phoenix_actors.tsv"

# (Russian, expected Latin)
TRANSLITERATIONS = [
    ("Щукин", "shchukin"),
    ("Жириновский", "zhirinovskiy"),
    ("Хуснуллин", "khusnullin"),
    ("Цыганков", "tsygankov"),
    ("Чечня", "chechnya"),
    ("Юрий Ёлкин", "yuriy yolkin"),
    ("Эльвира Набиуллина", "elvira nabiullina"),
    ("Объединённые", "obedinyonnye"),
    ("Шойгу и NATO", "shoygu i nato"),
]

# (one spelling, another spelling): the same name, so the same key
SAME_KEY = [
    ("Trump", "Tramp"),
    ("Zelensky", "Zelenskyy"),
    ("Zelensky", "Zelenskiy"),
    ("Erdogan", "Erdoğan"),
    ("Scholz", "Sholts"),
    ("Netanyahu", "Netanyakhu"),
    ("Biden", "Bayden"),
    ("Xi", "Si"),
    ("Jinping", "Tszinpin"),
    ("Johnson", "Dzhonson"),
    ("Hu", "Khu"),
    ("Fidan", "Fidan"),
    ("Merkel", "Merkel'"),
    ("Sarkozy", "Sarkozi"),
    ("Blinken", "Blinken"),
    ("Çavuşoğlu", "Чавушоглу"),
    ("McCarthy", "Маккарти"),
    ("Witkoff", "Уиткофф"),
    ("Pence", "Пенс"),
    ("Zakharova", "Захарова"),
]

# (Russian name as it appears in text, English full name it must find)
MATCHES = [
    ("Трамп", "Donald Trump"),
    ("Рубио", "Marco Rubio"),
    ("Лавров", "Sergey Lavrov"),
    ("Эрдоган", "Recep Tayyip Erdogan"),
    ("Шольц", "Olaf Scholz"),
    ("Макрон", "Emmanuel Macron"),
    ("Нетаньяху", "Benjamin Netanyahu"),
    ("Зеленский", "Volodymyr Zelensky"),
    ("Си Цзиньпин", "Xi Jinping"),
    ("Байден", "Joe Biden"),
    ("Блинкен", "Antony Blinken"),
    ("Меркель", "Angela Merkel"),
    ("Обама", "Barack Obama"),
    ("Саркози", "Nicolas Sarkozy"),
    ("Ху Цзиньтао", "Hu Jintao"),
    ("Фидан", "Hakan Fidan"),
    ("Джонсон", "Boris Johnson"),
    ("Асад", "Bashar Al-Assad"),
    # inflected forms, found by de-inflection
    ("Трампа", "Donald Trump"),
    ("Шольцем", "Olaf Scholz"),
    ("Зеленского", "Volodymyr Zelensky"),
    ("Захаровой", "Maria Zakharova"),
    ("Обаме", "Barack Obama"),
]

# (Russian name, English full name of a different person it must NOT match)
NON_MATCHES = [
    ("Лавров", "Alexander Lavrentiev"),
    ("Путин", "Robert Pattinson"),
    ("Медведев", "Viktor Medvedchuk"),
    ("Трамп", "John Tramper"),
    ("Обама", "Shinzo Abe"),
    ("Шойгу", "Ivan Shugaev"),
    ("Меркель", "Jeff Merkley"),
    ("Макрон", "Mauricio Macri"),
    ("Джонсон", "Gary Johnston"),
    ("Зеленский", "Yuri Zelenko"),
    ("Шольц", "Sophie Scholl"),
    ("Рубио", "Robert Rubin"),
    ("Саркози", "Serzh Sargsyan"),
    ("Нетаньяху", "Netanel Cohen"),
    ("Эрдоган", "Erdem Basci"),
    ("Блинкен", "Alan Blinder"),
]

# (Russian surname, Russian given name, English name to find, English name to exclude)
GIVEN_NAMES = [
    ("Джонсон", "Борис", "Boris Johnson", "Lyndon Johnson"),
    ("Джонсона", "Бориса", "Boris Johnson", "Lyndon Johnson"),
    ("Буш", "Джордж", "George Bush", "Laura Bush"),
    ("Клинтон", "Хиллари", "Hillary Clinton", "Bill Clinton"),
    ("Ын", "Ким Чен", "Kim Jong Un", "Ban Ki-moon"),  # Korean order: the caller's last word
    ("Вэнс", "Джей Ди", "JD Vance", "Cyrus Vance"),
]


@pytest.mark.parametrize(("russian", "latin"), TRANSLITERATIONS)
def test_translit_transliterate(russian: str, latin: str) -> None:
    assert transliterate(russian) == latin


@pytest.mark.parametrize(("one", "other"), SAME_KEY)
def test_translit_same_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("russian", "english"), MATCHES)
def test_translit_matches_the_right_person(russian: str, english: str) -> None:
    everyone = [name for _, name in MATCHES + NON_MATCHES]
    matcher = NameMatcher((name, name) for name in everyone)
    assert matcher.match(russian)[:1] == [english]


@pytest.mark.parametrize(("russian", "english"), NON_MATCHES)
def test_translit_does_not_match_another_person(russian: str, english: str) -> None:
    assert name_key(russian) != name_key(english.split()[-1])
    assert NameMatcher([(english, english)]).match(russian) == []


@pytest.mark.parametrize(("surname", "given", "wanted", "excluded"), GIVEN_NAMES)
def test_translit_given_name_filters(surname: str, given: str, wanted: str, excluded: str) -> None:
    matcher = NameMatcher([(excluded, excluded), (wanted, wanted)])
    found = matcher.match(surname, given)
    assert found[0] == wanted
    assert excluded not in found


def test_translit_ranks_exact_spelling_first() -> None:
    matcher = NameMatcher([("Anatoly Patin", "patin"), ("Vladimir Putin", "putin")])
    assert matcher.match("Путин") == ["putin", "patin"]
    assert matcher.match("Путин", "Владимир") == ["putin"]


def test_translit_variants_and_payload_identity() -> None:
    putin = {"code": "RUSGOV"}
    matcher = NameMatcher([("Vladimir Putin|Vladimir Vladimirovich Putin|Putin", putin)])
    found = matcher.match("Путин", "Владимир")
    assert len(found) == 1 and found[0] is putin


def test_translit_deinflect_keeps_nominatives_out_of_latin() -> None:
    assert deinflect("Трампа")[0] == "трамп"
    assert "шольц" in deinflect("Шольцем")
    assert deinflect("Trump") == []
    assert NameMatcher([("Marco Rubio", 1)]).match("Рубио") == [1]


@pytest.mark.skipif(not PHOENIX.exists(), reason="phoenix_actors.tsv not generated")
def test_translit_key_collisions_on_phoenix_surnames() -> None:
    """Guard against a key that lumps too many different surnames together."""
    surnames = set()
    for line in PHOENIX.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) == 7 and fields[5] == "person":
            surnames.add(fields[0].split()[-1].lower())
    by_key: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        by_key[name_key(surname)].add(surname)
    long_keys = {k: v for k, v in by_key.items() if len(k) >= 8}
    shared_long = sum(len(v) for v in long_keys.values() if len(v) > 1)
    assert len(surnames) > 10_000
    assert len(by_key) / len(surnames) > 0.6  # on average < 1.7 surnames per key
    assert shared_long / sum(map(len, long_keys.values())) < 0.1
