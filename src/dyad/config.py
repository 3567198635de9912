"""Config: every option of the engine in one immutable place, validated once."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.errors import ConfigError


@dataclass(frozen=True)
class Config:
    """Engine options (defaults are what ``dyad code`` uses)."""

    targetless: bool = False  # also emit events whose target is not an actor ("X заявил", "X осудил насилие")
    max_chars: int = 1_000_000  # documents longer than this are refused (bounded memory)
    batch_sentences: int = 64  # sentences parsed per model call
    # users' own dictionaries in PETRARCH's text format (English), loaded on top of the bundled ones
    user_actors: tuple[str, ...] = ()
    user_agents: tuple[str, ...] = ()
    user_verbs: tuple[str, ...] = ()
    user_gazetteers: tuple[str, ...] = ()  # users' own places (TSV, dyad.geo.gazetteer.read_user_places), on top of the embedded ones

    def __post_init__(self) -> None:
        if self.max_chars < 1:
            raise ConfigError(f"max_chars must be positive, got {self.max_chars}")
        if self.batch_sentences < 1:
            raise ConfigError(f"batch_sentences must be positive, got {self.batch_sentences}")
