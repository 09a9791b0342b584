"""The throwaway PostgreSQL server of the tests (.ci/pg, started by .ci/run): fresh databases for tests,
and loud skips when there is none (the reason in the skip and in a line of the summary).

GRANT_ASSISTANT_TEST_PG: a postgresql+psycopg URL of a maintenance database on that server (loopback
only); GRANT_ASSISTANT_TEST_PG_SKIP: why no server could be started. Each test gets its own database,
made from a template migrated once per run (CREATE DATABASE ... TEMPLATE: milliseconds)."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from desktop.storage.database import Database, open_database

ENV = "GRANT_ASSISTANT_TEST_PG"
LOOPBACK = {"127.0.0.1", "localhost", "::1", None, ""}
_skipped: list[str] = []
_names = itertools.count(1)
_template: list[str] = []


def server_url() -> URL | None:
    raw = os.environ.get(ENV)
    if not raw:
        return None
    url = make_url(raw)
    if url.host not in LOOPBACK:  # the tests never reach another machine
        raise RuntimeError(f"{ENV} must name a loopback server (127.0.0.1 or a socket), not {url.host}")
    return url


def skip_reason() -> str:
    return os.environ.get(f"{ENV}_SKIP") or (
        f"no PostgreSQL server for the tests ({ENV} is not set: run the suite with `bash .ci/run`, which starts one)"
    )


def require_server() -> URL:
    url = server_url()
    if url is None:
        reason = skip_reason()
        _skipped.append(reason)
        pytest.skip(f"PostgreSQL test skipped: {reason}")
    return url


def _admin(url: URL):
    return create_engine(url, isolation_level="AUTOCOMMIT")


def _template_name(url: URL) -> str:
    """A database migrated to the head once per run, copied for every test."""
    if not _template:
        name = f"ga_template_{os.getpid()}"
        admin = _admin(url)
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        open_database(url.set(database=name).render_as_string(hide_password=False)).close()
        _template.append(name)
    return _template[0]


def fresh_url(migrated: bool = True) -> str:
    """The URL of a new, empty database on the test server (with our schema when `migrated`)."""
    url = require_server()
    name = f"ga_test_{os.getpid()}_{next(_names)}"
    source = f' TEMPLATE "{_template_name(url)}"' if migrated else ""
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{source}'))
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop(url_text: str) -> None:
    url = make_url(url_text)
    admin = _admin(url.set(database=server_url().database if server_url() else "postgres"))  # type: ignore[union-attr]
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def location(kind: str, folder: Path, name: str = "drafts.sqlite3") -> str:
    """Where a fresh database of `kind` ("sqlite" or "postgresql") is: a file in `folder`, or a new
    migrated database on the test server."""
    return fresh_url() if kind == "postgresql" else str(folder / name)


def open_backend(kind: str, folder: Path, name: str = "drafts.sqlite3") -> tuple[Database, str]:
    """A fresh database of `kind` ("sqlite" or "postgresql") and its location."""
    where = location(kind, folder, name)
    return open_database(where, today=date(2026, 6, 1)), where


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Which database a storage test runs on: each such test runs on both."""
    return str(request.param)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh migrated database on the test server (skipped loudly without one)."""
    url = fresh_url()
    yield url
    drop(url)


@pytest.fixture
def backend_db(backend: str, tmp_path: Path) -> Iterator[Database]:
    db, location = open_backend(backend, tmp_path)
    yield db
    db.close()
    if backend == "postgresql":
        drop(location)


@pytest.fixture
def db(backend_db: Database) -> Database:
    """The storage tests' database: each test taking it runs on SQLite and on PostgreSQL."""
    return backend_db


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database, for the tests of what only a file database has (each says why)."""
    database, _ = open_backend("sqlite", tmp_path)
    yield database
    database.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _skipped:
        terminalreporter.write_line(
            f"NOTE: {len(_skipped)} PostgreSQL tests were SKIPPED: {_skipped[0]}", yellow=True, bold=True
        )


def pytest_sessionfinish(session, exitstatus) -> None:
    url = server_url()
    if url is not None and _template:
        with contextlib.suppress(Exception):  # the throwaway server goes at the end anyway
            drop(url.set(database=_template[0]).render_as_string(hide_password=False))
