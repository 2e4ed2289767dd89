"""Engines, sessions and migrations: SQLite by default (WAL, foreign keys, busy timeout),
PostgreSQL through psycopg 3 when a `postgresql://` URL is given."""

from __future__ import annotations

import logging
import sqlite3
import time
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from tracker.errors import Busy, InvalidInput

logger = logging.getLogger(__name__)
BUSY_MESSAGE = "The ledger is busy with a large change. Please try again in a minute."

DEFAULT_DATA_DIR = Path("data")
DB_FILENAME = "tracker.db"
BUSY_TIMEOUT_MS = 5000
LOCK_PATIENCE = 120.0  # seconds a transaction waits for another writer before giving up
READ_ONLY = "tracker_read_only"  # execution option of a transaction that only reads
SUPPORTED = frozenset({"sqlite", "postgresql"})
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalise_url(url: str | None, *, data_dir: Path = DEFAULT_DATA_DIR) -> URL:
    """The SQLAlchemy URL to use: the SQLite file under data_dir, or psycopg 3 for PostgreSQL.
    Any other database is refused (InvalidInput)."""
    if not url:
        return make_url(f"sqlite:///{data_dir / DB_FILENAME}")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput("the database URL is not a URL (e.g. sqlite:///file.db)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in SUPPORTED:
        raise InvalidInput(
            f"unsupported database {parsed.get_backend_name()!r}; use sqlite or postgresql"
        )
    return parsed


def sqlite_file(url: str | None, *, data_dir: Path = DEFAULT_DATA_DIR) -> Path | None:
    """The file of an SQLite database URL (None for PostgreSQL or an in-memory one)."""
    parsed = normalise_url(url, data_dir=data_dir)
    if parsed.get_backend_name() != "sqlite" or _is_memory(parsed) or not parsed.database:
        return None
    return Path(parsed.database)


def _is_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def make_engine(
    url: str | None = None,
    *,
    data_dir: Path = DEFAULT_DATA_DIR,
    echo: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    lock_patience: float = LOCK_PATIENCE,
) -> Engine:
    """Create the engine for `url` (None: ./data/tracker.db, created with its directory); on
    SQLite a transaction waits `lock_patience` seconds for another writer, then raises Busy."""
    parsed = normalise_url(url, data_dir=data_dir)
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    if _is_memory(parsed):
        # One shared connection, so every session sees the same in-memory database.
        kwargs |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif parsed.database and not url:  # the default file: its data folder is made
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    elif parsed.database and not Path(parsed.database).parent.is_dir():
        raise InvalidInput(f"no folder {str(Path(parsed.database).parent)!r} for the database")
    engine = create_engine(parsed, **kwargs)
    on_disk = not _is_memory(parsed)
    event.listen(engine, "connect", _sqlite_pragmas(on_disk=on_disk, busy_ms=busy_timeout_ms))
    if on_disk:
        event.listen(engine, "begin", partial(_begin_immediate, patience=lock_patience))
    return engine


def _begin_immediate(connection: Any, *, patience: float) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is
    # locked" when another writer got in between (busy_timeout cannot help); taking the
    # write lock at BEGIN makes concurrent writers queue for up to busy_timeout instead.
    # Nothing has happened yet when BEGIN fails, so a long writer (an import) costs a wait
    # and one log line, never an error, until `patience` runs out (then Busy, a polite one).
    if connection.get_execution_options().get(READ_ONLY):
        # A read-only transaction (an export, a listing) reads a WAL snapshot: it takes no
        # lock, so writers go on while it runs and it never waits for them.
        connection.exec_driver_sql("BEGIN DEFERRED")
        return
    started, waited = time.monotonic(), False
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as err:
            if not _locked(err):
                raise
            if time.monotonic() - started >= patience:
                raise Busy(BUSY_MESSAGE) from err
            if not waited:  # one line per wait, however many busy timeouts it takes
                logger.warning("database locked by another writer; waiting up to %.0f s", patience)
                waited = True


def _locked(err: OperationalError) -> bool:
    orig = err.orig
    return isinstance(orig, sqlite3.OperationalError) and "locked" in str(orig).lower()


def _sqlite_pragmas(*, on_disk: bool, busy_ms: int) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        if on_disk:  # BEGIN comes from _begin_immediate, not from pysqlite's deferred one
            dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        if on_disk:  # WAL: readers never block the writer; the bot reads while a job writes
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return on_connect


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (services return snapshots)."""
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Any:
    """An Alembic Config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, *, revision: str = "head") -> None:
    """Apply Alembic migrations up to `revision` (default: upgrade head)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    logger.info("database migrated to %s", revision)


def downgrade(engine: Engine, *, revision: str) -> None:
    """Revert Alembic migrations down to `revision` ("base" removes every table)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
