"""Paths of the data files shipped with dyad (dictionaries and lexicons, each with its source)."""

from pathlib import Path

DATA_DIR = Path(__file__).parent
COMMON = DATA_DIR / "common"
RU = DATA_DIR / "ru"
EN = DATA_DIR / "en"

CAMEO_EVENT_CODES = COMMON / "cameo_event_codes.tsv"
CAMEO_COUNTRY_CODES = COMMON / "cameo_country_codes.tsv"
CAMEO_REGION_CODES = COMMON / "cameo_region_codes.tsv"
PLOVER_MAP = COMMON / "plover.tsv"
REGIONS = COMMON / "regions.tsv"
OFFICE_HOLDERS = COMMON / "office_holders.tsv"
PHOENIX_ACTORS = COMMON / "phoenix_actors.tsv"

RU_ACTORS = RU / "actors.tsv"
RU_ORGANISATIONS = RU / "organisations.tsv"
RU_AGENTS = RU / "agents.tsv"
RU_TRIGGERS = RU / "triggers.tsv"
RU_CUES = RU / "cues.tsv"
RU_EVALUATIONS = RU / "evaluations.tsv"
RU_SLAVIC_NAMES = RU / "slavic_names.tsv"

EN_AGENTS = EN / "agents.tsv"
EN_CUES = EN / "cues.tsv"
EN_NOUNS = EN / "nouns.tsv"
EN_VERB_PATTERNS_DYAD = EN / "verb_patterns.dyad.tsv"
EN_VERBS_DYAD = EN / "verbs.dyad.tsv"
EN_AGENTS_DYAD = EN / "agents.dyad.tsv"
EN_ACTORS_DYAD = EN / "actors.dyad.tsv"
