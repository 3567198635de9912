"""One local Spark session for the Spark tests (it takes seconds to start). Without Java or
pyspark these tests are skipped, unless ``DYAD_REQUIRE_SPARK=1`` (set by CI) makes that a failure."""

from __future__ import annotations

import os
import shutil

import pytest


def _missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "Java is not installed"
    return None


@pytest.fixture(scope="session")
def spark():
    reason = _missing()
    if reason:
        if os.environ.get("DYAD_REQUIRE_SPARK") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from dyad.spark.jobs import session

    spark = session("local[2]", app="dyad-tests")
    yield spark
    spark.stop()
