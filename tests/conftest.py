"""Shared fixtures: one real engine per test session (models load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def engine():
    from dyad.pipeline import Engine

    return Engine()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
