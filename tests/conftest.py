"""Shared fixtures: one real engine per test session (models load once), and databases for the
store and API tests: a SQLite file, and a real PostgreSQL server started for the session.

PostgreSQL comes from ``DYAD_TEST_PG`` (a URL) or is started here from the server binaries on the
PATH or in ``/usr/lib/postgresql/*/bin`` (``initdb``, ``pg_ctl``; as the ``postgres`` user when
running as root). Without them the PostgreSQL cases are skipped, unless ``DYAD_REQUIRE_PG=1`` (set
by CI), which makes that a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    given = os.environ.get("DYAD_TEST_PG")
    if given:
        yield given
        return
    # on the PATH, else where Debian's postgresql package puts them
    path = os.pathsep.join([os.environ.get("PATH", ""), *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)])
    initdb, pg_ctl = shutil.which("initdb", path=path), shutil.which("pg_ctl", path=path)
    if not (initdb and pg_ctl):
        if os.environ.get("DYAD_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    root = tempfile.mkdtemp(prefix="dyad-pg-")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(root, "postgres", "postgres")
    data, port = os.path.join(root, "data"), _free_port()
    subprocess.run([*as_user, initdb, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([*as_user, pg_ctl, "-D", data, "-l", os.path.join(root, "pg.log"), "-w",
                    "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def postgres_database(base: str, name: str):
    """A fresh database ``name`` on the server of ``base``, dropped afterwards; yields its URL."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    with postgres_database(base, f"t_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}") as url:
        yield url


@pytest.fixture(scope="session")
def new_postgres_database():
    """``postgres_database`` for fixtures of a wider scope than ``db_url`` (a context manager)."""
    return postgres_database
