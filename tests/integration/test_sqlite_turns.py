"""Writers and readers taking turns: a large import is written a chunk per transaction (other
writers get in between, an import cut short is completed by running it again, validation still
refuses the whole file); exports and reads take no lock on SQLite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import InvalidInput
from tracker.services import Tracker, bulk
from tracker.services import tracker as tracker_module
from tracker.services.base import WRITER_TURN_SECONDS
from tracker.store.db import make_engine, make_sessionmaker, migrate

CHAT = 7


def rows(count: int) -> list[dict[str, Any]]:
    return [{"quote": f"The council will repair road {n}", "actors": ["A"]} for n in range(count)]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(tracker_module, "IMPORT_CHUNK", 3)
    return 3


def file_sessions(path: Path, **engine: Any) -> sessionmaker[Session]:
    built = make_engine(f"sqlite:///{path}", **engine)
    migrate(built)
    return make_sessionmaker(built)


def numbers(tracker: Tracker) -> list[int]:
    return sorted(c.number for c in tracker.list(CHAT, limit=100).items)


def test_rows_across_chunks_are_numbered_in_order_and_doubles_skipped(
    tracker: Tracker, now: datetime, small_chunks: int
) -> None:
    data = rows(7) + rows(2)  # the last two repeat rows of the first chunk
    assert tracker.import_rows(CHAT, data, by="csv", now=now) == 7
    assert numbers(tracker) == list(range(1, 8))
    assert tracker.import_rows(CHAT, data, by="csv", now=now) == 0


def test_an_import_cut_short_is_completed_by_running_it_again(
    tracker: Tracker, now: datetime, small_chunks: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bulk.import_into
    calls = []

    def failing_third(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(tracker_module, "import_into", failing_third)
    with pytest.raises(OSError):
        tracker.import_rows(CHAT, rows(8), by="csv", now=now)
    assert numbers(tracker) == list(range(1, 7))  # two chunks were stored
    monkeypatch.setattr(tracker_module, "import_into", real)
    assert tracker.import_rows(CHAT, rows(8), by="csv", now=now) == 2
    assert numbers(tracker) == list(range(1, 9))


def test_a_bad_row_in_the_last_chunk_writes_nothing(
    tracker: Tracker, now: datetime, small_chunks: int
) -> None:
    data = [*rows(8), {"quote": "x", "due": "not a date"}]
    with pytest.raises(InvalidInput, match="Row 9"):
        tracker.import_rows(CHAT, data, by="csv", now=now)
    assert tracker.list(CHAT).total == 0


def test_another_writer_gets_in_between_chunks_on_sqlite(
    tmp_path: Path, now: datetime, small_chunks: int
) -> None:
    """The bot's write, tried while the import pauses, finds the file free at once (inside
    one import transaction it would wait out its patience and be told the ledger is busy)."""
    path = tmp_path / "ledger.db"
    bot = Tracker(file_sessions(path, busy_timeout_ms=50, lock_patience=0.2))
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        bot.add(99, f"Added during pause {len(pauses)}", by="tg:1", now=now)

    importer = Tracker(file_sessions(path), pause=pause)
    assert importer.import_rows(CHAT, rows(7), by="csv", now=now) == 7
    assert pauses == [WRITER_TURN_SECONDS] * 2
    assert bot.list(99).total == 2


def test_no_pause_for_one_chunk_or_on_postgresql(
    sessions: sessionmaker[Session], now: datetime, small_chunks: int
) -> None:
    pauses: list[float] = []
    tracker = Tracker(sessions, pause=pauses.append)
    tracker.import_rows(CHAT, rows(3), by="csv", now=now)
    assert pauses == []
    tracker.import_rows(CHAT + 1, rows(7), by="csv", now=now)
    on_sqlite = sessions.kw["bind"].dialect.name == "sqlite"
    assert pauses == ([WRITER_TURN_SECONDS] * 2 if on_sqlite else [])


def test_an_export_in_progress_does_not_hold_the_write_lock(tmp_path: Path, now: datetime) -> None:
    """An export reads in one deferred transaction (a WAL snapshot), so the bot can write while
    a long export streams; the export still sees the ledger as it was when it began."""
    path = tmp_path / "ledger.db"
    exporter = Tracker(file_sessions(path))
    exporter.import_rows(CHAT, rows(3), by="csv", now=now)
    bot = Tracker(file_sessions(path, busy_timeout_ms=50, lock_patience=0.2))
    stream = exporter.iter_export(CHAT)
    first = next(stream)
    bot.add(CHAT, "Added while the export runs", by="tg:1", now=now)
    rest = list(stream)
    assert [first["quote"], *(r["quote"] for r in rest)] == [r["quote"] for r in rows(3)]
    assert bot.list(CHAT).total == 4


def test_reads_do_not_wait_for_a_writer(tmp_path: Path, now: datetime) -> None:
    """While another process holds the write lock, /list, /show, /stats and the settings are
    read at once from the last committed state."""
    path = tmp_path / "ledger.db"
    reader = Tracker(file_sessions(path, busy_timeout_ms=50, lock_patience=0.2))
    reader.import_rows(CHAT, rows(2), by="csv", now=now)
    writer = file_sessions(path)
    with writer.begin() as session:  # BEGIN IMMEDIATE: the write lock, held
        session.connection()
        assert reader.list(CHAT).total == 2
        assert reader.get(CHAT, 1).quote == rows(1)[0]["quote"]
        assert reader.stats(CHAT, today=now.date()).overall.total == 2
        assert reader.settings(CHAT).chat_id == CHAT
