"""The gazetteer and the geocoder: names in every case, ambiguity, metonymy, look-alikes, event places."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.geo.evaluate import locate
from dyad.geo.gazetteer import Gazetteer, key, russian_key
from dyad.model import Document

DAY = dt.date(2025, 4, 2)


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


def places(engine, text, lang):
    _, found = locate(engine, Document(text=text, lang=lang, published=DAY))
    return [(f.text, f.place.name, f.place.country, f.place.feature) for f in found]


def events(engine, text, lang):
    coded = engine.code(Document(text=text, lang=lang, published=DAY))
    return [(e.code, e.geo.name if e.geo else None, e.geo_from) for e in coded.events]


def test_keys_and_russian_region_names(gazetteer):
    assert key("Нью-Йорк") == key("нью  йорк") == "нью йорк" and key("Орёл") == "орел"
    assert russian_key("Луганская область") == "луганский область"
    assert [p.name for p in gazetteer.lookup("Kiev")][:1] == [p.name for p in gazetteer.lookup("Киев")][:1] == ["Kyiv"]
    (region,) = [p for p in gazetteer.lookup("курский область") if p.feature == "region"]
    assert (region.country, region.adm1, region.lat is not None) == ("RUS", "RU-KRS", True)
    assert gazetteer.lookup("Kursk region")[0] == region
    moscow = gazetteer.lookup("Moscow")
    assert moscow[0].country == "RUS" and any(p.country == "USA" for p in moscow)
    assert gazetteer.country("GEO").feature == "country" and gazetteer.lookup("Georgia")[0].country == "GEO"


def test_russian_names_in_every_case(engine):
    found = places(engine, "Делегация прилетела из Минска в Новосибирск, а затем под Ростовом-на-Дону и в Нижнем Новгороде "
                           "провела встречи с жителями Екатеринбурга.", "ru")  # fmt: skip
    assert [(name, country) for _, name, country, _ in found] == [
        ("Minsk", "BLR"), ("Novosibirsk", "RUS"), ("Rostov-on-Don", "RUS"), ("Nizhniy Novgorod", "RUS"), ("Yekaterinburg", "RUS")]


def test_metonymy_is_the_place_in_the_country_the_actor_resolver_gave(engine):
    found = places(engine, "Анкара обвинила Тегеран в нарушении договорённостей.", "ru")
    assert [(name, country) for _, name, country, _ in found] == [("Ankara", "TUR"), ("Tehran", "IRN")]


def test_look_alikes_are_not_places(engine):
    assert places(engine, "The singer Paris Jackson said the Minsk agreements and the Geneva Conventions were discussed.", "en") == []
    assert places(engine, "Экипаж ледокола «Ямал» вернулся домой, рассказала Надежда Смирнова.", "ru") == []
    # a company the dictionary names is no place, though a town once took its name (Topeka as "Google")
    assert places(engine, "The European Commission fined Google on Tuesday.", "en") == []
    assert [name for _, name, _, _ in places(engine, "Israeli jets struck Gaza on Tuesday.", "en")] == ["Gaza"]  # a place the dictionary names


def test_a_qualified_name_is_the_place_the_text_says(engine):
    found = places(engine, "Thousands marched in Paris, Texas, and in Birmingham, Alabama, on Saturday.", "en")
    assert [(p[1], p[2]) for p in found if p[3] == "city"] == [("Paris", "USA"), ("Birmingham", "USA")]


def test_event_place_from_the_text_from_the_dateline_or_none(engine):
    assert events(engine, "Russian and Turkish diplomats held talks in Antalya on Tuesday.", "en") == [("046", "Antalya", "text")]
    # the scene is where the talks were held, not where a source spoke of them
    assert events(engine, "Переговоры России и Китая прошли в Шанхае, сообщили в Москве.", "ru")[0][1:] == ("Shanghai", "text")
    assert events(engine, "ANKARA, April 1 (Reuters) - Turkey accused Greece of violating its airspace.", "en") == [
        ("112", "Ankara", "dateline")]
    assert events(engine, "Япония выразила протест Китаю.", "ru")[0][1:] == (None, None)
    # force: where it struck, not where it was announced
    assert events(engine, "Российские войска нанесли ракетный удар по Харькову, заявили в Киеве.", "ru") == [("195", "Kharkiv", "text")]


def test_the_record_carries_the_place(engine):
    coded = engine.code(Document(text="Poland and Lithuania held talks in Vilnius on Monday.", lang="en", published=DAY))
    (event,) = coded.to_json()["events"]
    assert event["geo_from"] == "text"
    assert {k: event["geo"][k] for k in ("name", "country", "feature", "text")} == {
        "name": "Vilnius", "country": "LTU", "feature": "city", "text": "Vilnius"}
    assert -90 <= event["geo"]["lat"] <= 90 and event["geo"]["geonameid"] == 593116


def test_a_name_in_a_script_dyad_does_not_read_is_a_notice(engine):
    coded = engine.code(Document(text="Japan and China held talks in 東京 on Monday.", lang="en", published=DAY))
    assert coded.events and coded.events[0].geo is None
    assert any("東京" in note for note in coded.notices)


def test_a_users_gazetteer_adds_places_and_reports_bad_lines(gazetteer, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("\n".join([
        "# my places",
        "name\tnames\tcountry\tfeature\tlat\tlon\tgeonameid",
        "Camp Nord\tЛагерь Норд\tUKR\tcity\t50.1\t36.2\t",
        "Nowhere\t\tUKR\tcity\t95\t36.2\t",
        "Broken line\tUKR",
        "Tokyo\t東京\tJPN\tcity\t35.7\t139.7\t",
        "Fake Moscow\t\tUKR\tcity\t50\t30\t524901",
        "Hamlet\t\tXXX\tcity\t50\t30\t",
        "Farm\t\tUKR\tvillage\t50\t30\t",
        "Tiny\t\tUKR\tcity\t48.5\t35.1\t99999999",
    ]), encoding="utf-8")  # fmt: skip
    layered, problems = gazetteer.with_user([path])
    assert layered.lookup("Лагерь Норд")[0].name == "Camp Nord" and layered.lookup("Tiny")[0].geonameid == 99999999
    assert gazetteer.lookup("Camp Nord") == []  # the embedded gazetteer is untouched
    text = "\n".join(str(p) for p in problems)
    for line, words in ((4, "out of range"), (5, "2 fields"), (6, "script"), (7, "is Moscow, RUS"), (8, "'XXX'"),
                        (9, "'village'"), (10, "not in the embedded gazetteer")):  # fmt: skip
        assert f"mine.tsv:{line}: " in text and words in text, (line, text)
    assert [p.kept for p in problems] == [False] * 6 + [True]


def test_a_users_gazetteer_that_is_not_text_is_a_clear_error(gazetteer, tmp_path):
    from dyad.errors import DataFileError

    path = tmp_path / "bin.tsv"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DataFileError, match="not UTF-8"):
        gazetteer.with_user([path])
    path.write_text("place\tcountry\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="lacks the column"):
        gazetteer.with_user([path])


def test_a_city_no_dictionary_names_is_an_actor_of_its_country_when_it_is_a_party(engine):
    coded = engine.code(Document(text="Украинские беспилотники атаковали Курск.", lang="ru", published=DAY))
    assert [(e.source.code, e.root, e.target.code, e.geo.name) for e in coded.events] == [("UKRMIL", "19", "RUS", "Kursk")]
    # named as where things happen, a city is the place, not a party
    coded = engine.code(Document(text="Президент России прибыл в Новосибирск.", lang="ru", published=DAY))
    assert all(e.target is None or e.target.country != "RUS" for e in coded.events)
    # a region of the actor dictionary stands for its country too
    coded = engine.code(Document(text="Российские войска обстреляли Крым.", lang="ru", published=DAY))
    assert [(e.target.code, e.geo.name) for e in coded.events] == [("UKR", "Crimea")]
