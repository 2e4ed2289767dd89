"""The base every `Tracker` mixin shares: the session factory, the chat defaults, and `_run`,
which owns each use case's transaction (and its one retry after a unique-key race)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Connection, Dialect, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from tracker import checks as check
from tracker.domain import ChatSettings, Horizons
from tracker.extract.budget import Deadline
from tracker.schedule import local_today
from tracker.store.db import READ_ONLY
from tracker.store.repository import Repository

logger = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_HORIZONS = Horizons()  # frozen, so one shared default is safe
EXTRACT_SECONDS = 20.0  # time budget of reading one article or statement
# A long SQLite writer pauses this long between its transactions: a writer queued on the lock
# polls it every 100 ms (SQLite's busy handler), so one pause is enough for it to get in.
WRITER_TURN_SECONDS = 0.12


class TrackerBase:
    """Session factory, defaults and the transaction runner of `Tracker`."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        horizons: Horizons = DEFAULT_HORIZONS,
        timezone: str = "UTC",
        extract_seconds: float = EXTRACT_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        check.zone(timezone)  # fail at start, not on the first message
        self._sessions = sessions
        self._horizons = horizons
        self._timezone = timezone
        # Sessions over one shared connection (in-memory SQLite, a test's PostgreSQL
        # connection) must take turns: the bot's sends and a dispatch pass use them at once.
        one = _one_connection(sessions)
        self._turns: AbstractContextManager[object] = threading.RLock() if one else nullcontext()
        self._extract_seconds = extract_seconds
        self._monotonic = monotonic
        self._pause = pause

    def _dialect(self) -> Dialect:
        """The SQL dialect of the database these sessions talk to."""
        bind = self._sessions.kw["bind"]
        return bind.dialect  # type: ignore[no-any-return]

    def _give_writers_a_turn(self) -> None:
        """Between the transactions of a long write on SQLite (one writer at a time), let a
        writer waiting for the lock in another process take it (PostgreSQL locks rows)."""
        if self._dialect().name == "sqlite":
            self._pause(WRITER_TURN_SECONDS)

    def _deadline(self) -> Deadline:
        """The time budget of reading one text (a stopwatch, not the wall clock)."""
        return Deadline(self._extract_seconds, clock=self._monotonic)

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """The one way a use case opens a transaction: committed when the block ends, rolled
        back if it raises."""
        with self._turns, self._sessions.begin() as session:
            yield session

    @contextmanager
    def _read_tx(self) -> Iterator[Session]:
        """A transaction that only reads: on SQLite a snapshot that holds no lock, so writers
        are not kept waiting while it runs (a long export)."""
        with self._tx() as session:
            session.connection(execution_options={READ_ONLY: True})
            yield session

    def _read(self, work: Callable[[Repository], T]) -> T:
        """Run `work`, which only reads, in one read-only transaction."""
        with self._read_tx() as session:
            return work(Repository(session))

    def _run(self, work: Callable[[Repository], T], *, retry: bool = False) -> T:
        """Run `work` in one transaction; retry once after a unique-key race if asked."""
        try:
            with self._tx() as session:
                return work(Repository(session))
        except IntegrityError:
            if not retry:
                raise
            logger.info("unique-key race; retrying once")
            with self._tx() as session:
                return work(Repository(session))

    def dispose(self) -> None:
        """Close the database connections this tracker holds (its engine's pool)."""
        engine = self._sessions.kw.get("bind")
        if engine is not None:
            engine.dispose()

    def _defaults(self, chat_id: int) -> ChatSettings:
        """The settings of a chat that never changed any."""
        return ChatSettings(chat_id=chat_id, timezone=self._timezone, horizons=self._horizons)

    def _chat(self, repo: Repository, chat_id: int) -> ChatSettings:
        row = repo.chat(chat_id)
        return self._defaults(chat_id) if row is None else row.snapshot()

    def _today(self, chat: ChatSettings, now: datetime) -> date:
        """Today's date in the chat's time zone."""
        return local_today(chat.timezone, now=now)


def _one_connection(sessions: sessionmaker[Session]) -> bool:
    """Whether every session of this factory shares one database connection."""
    bind = sessions.kw.get("bind")
    if isinstance(bind, Connection):
        return True
    return isinstance(bind, Engine) and isinstance(bind.pool, StaticPool)
