"""Shared fixtures: `sessions` on SQLite and PostgreSQL (migrated schema), `tracker`, `now`,
`empty_engine`; and a terminal line saying whether the PostgreSQL runs happened."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from tracker.services import Tracker
from tracker.store.db import make_engine, migrate, normalise_url

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]
_pg_runs: dict[str, Any] = {"passed": 0, "failed": 0, "skipped": 0, "reason": None}


def _pg_reason() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    try:
        engine = create_engine(normalise_url(PG_URL), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as err:  # any failure means "skip", with the reason shown
        detail = " ".join(str(err).split())[:160]
        return f"{PG_URL} not reachable ({type(err).__name__}: {detail})"
    return None


@pytest.fixture(scope="session")
def pg_reason() -> str | None:
    return _pg_reason()


def _schema_engine(schema: str) -> Engine:
    return create_engine(
        normalise_url(PG_URL), connect_args={"options": f"-csearch_path={schema}"}
    )


@pytest.fixture(scope="session")
def pg_schema_factory(pg_reason: str | None) -> Iterator[Any]:
    """Creates private schemas (never touching public) and drops them all at the end."""
    if pg_reason:
        pytest.skip(f"PostgreSQL runs SKIPPED: {pg_reason}")
    admin = create_engine(normalise_url(PG_URL))
    made: list[str] = []

    def make() -> Engine:
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        made.append(schema)
        return _schema_engine(schema)

    yield make
    for schema in made:  # one transaction each: dropping them all at once runs out of locks
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_engine(pg_schema_factory: Any) -> Iterator[Engine]:
    """One migrated schema for the whole run; each test rolls its changes back."""
    engine: Engine = pg_schema_factory()
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template() -> Iterator[sqlite3.Connection]:
    """A migrated in-memory SQLite database that each test copies (faster than migrating)."""
    engine = make_engine("sqlite://")
    migrate(engine)
    raw = engine.raw_connection()
    yield raw.driver_connection  # type: ignore[misc]
    raw.close()
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest) -> Iterator[sessionmaker[Session]]:
    """A session factory on a freshly migrated database of each backend."""
    if request.param == "sqlite":
        engine = make_engine("sqlite://")
        raw = engine.raw_connection()
        request.getfixturevalue("sqlite_template").backup(raw.driver_connection)
        raw.close()
        yield sessionmaker(engine, expire_on_commit=False)
        engine.dispose()
        return
    engine = request.getfixturevalue("pg_engine")
    connection = engine.connect()
    outer = connection.begin()
    # Services commit; here a commit only releases a savepoint inside `outer`.
    yield sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    outer.rollback()
    connection.close()


@pytest.fixture(params=BACKENDS)
def empty_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on an empty database (no tables) of each backend."""
    if request.param == "sqlite":
        engine = make_engine("sqlite://")
    else:
        engine = request.getfixturevalue("pg_schema_factory")()
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def any_db(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A ledger URL on each backend: a SQLite file, or a private PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = request.getfixturevalue("pg_schema_factory")()
    with engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    engine.dispose()
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@pytest.fixture
def tracker(sessions: sessionmaker[Session]) -> Tracker:
    return Tracker(sessions)


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 3, 15, 10, 30, tzinfo=UTC)


def _on_postgresql(nodeid: str) -> bool:
    params = nodeid.rpartition("[")[2].rstrip("]")
    return "[" in nodeid and "postgresql" in params.split("-")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not _on_postgresql(report.nodeid):
        return
    if report.when == "call" and report.passed:
        _pg_runs["passed"] += 1
    elif report.failed:
        _pg_runs["failed"] += 1
    elif report.skipped:
        _pg_runs["skipped"] += 1
        if isinstance(report.longrepr, tuple):
            _pg_runs["reason"] = str(report.longrepr[2]).removeprefix("Skipped: ")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    runs = _pg_runs
    if not (runs["passed"] or runs["failed"] or runs["skipped"]):
        return
    if runs["skipped"] and not (runs["passed"] or runs["failed"]):
        reason = str(runs["reason"] or "").removeprefix("PostgreSQL runs SKIPPED: ")
        terminalreporter.write_line(f"PostgreSQL runs SKIPPED: {reason}")
        return
    line = f"PostgreSQL runs: {runs['passed']} passed"
    if runs["failed"]:
        line += f", {runs['failed']} failed"
    if runs["skipped"]:
        line += f", {runs['skipped']} skipped"
    terminalreporter.write_line(line)
