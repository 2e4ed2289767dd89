"""Short leases on the outbox: renewed while the sender lives, taken over within a lease after
it dies, never while it lives; SQLite writers wait for a lock with one log line."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tracker.errors import Busy
from tracker.notifications import Delivered, Delivery, Notification
from tracker.services import Tracker
from tracker.services.dispatch import run_pass
from tracker.store.db import make_engine, make_sessionmaker, migrate

LEASE = timedelta(seconds=0.9)


def _now() -> datetime:
    return datetime.now(UTC)


def _tracker(tmp_path: Path, **engine: float) -> Tracker:
    db = make_engine(f"sqlite:///{tmp_path / 'leases.db'}", **engine)  # type: ignore[arg-type]
    migrate(db)
    return Tracker(make_sessionmaker(db))


def _seed(tracker: Tracker, chats: int) -> None:
    """One check-in due now in each chat (no digest or summary slot since the chat began)."""
    yesterday = (_now() - timedelta(days=1)).date()
    for chat in range(1, chats + 1):
        tracker.import_rows(chat, [{"quote": "The bridge opens.", "due": yesterday.isoformat()}],
                            by="t", now=_now())  # fmt: skip
        tracker.update_settings(chat, digest_days=[])


class Slow:
    """A Send port taking `seconds` per message; records every key it delivered."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.keys = seconds, []  # type: ignore[var-annotated]

    async def __call__(self, note: Notification) -> Delivery:
        await asyncio.sleep(self.seconds)
        self.keys.append(note.key)
        return Delivered(len(self.keys))


def test_a_live_sender_keeps_its_rows_past_the_lease(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path)
    _seed(tracker, 3)
    first, second = Slow(2.0), Slow(0.0)  # a sends for longer than two leases

    async def both() -> None:
        one = asyncio.create_task(run_pass(tracker, first, clock=_now, worker="a",
                                           lease=LEASE, chat_gap=0, batch=1))  # fmt: skip
        await asyncio.sleep(0.3)  # a claimed its first row and is sending it, slowly
        await run_pass(tracker, second, clock=_now, worker="b", lease=LEASE, chat_gap=0,
                       batch=1, await_leases=True)  # fmt: skip
        await one

    asyncio.run(both())
    # b waited past a's first lease, found it renewed, and sent only what a had not claimed.
    assert not set(first.keys) & set(second.keys)
    assert len(first.keys) + len(second.keys) == 3


def test_a_dead_senders_rows_are_sent_within_a_lease(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path)
    _seed(tracker, 4)
    tracker.plan_notifications(now=_now())
    dead = tracker.claim_notifications(worker="dead", now=_now(), limit=2, lease=LEASE)
    started, rescuer = time.monotonic(), Slow(0.0)
    report = asyncio.run(run_pass(tracker, rescuer, clock=_now, worker="b", lease=LEASE,
                                  chat_gap=0, await_leases=True))  # fmt: skip
    took = time.monotonic() - started
    assert (report.sent, len(set(rescuer.keys))) == (4, 4)
    assert {n.key for n in dead} <= set(rescuer.keys)
    assert LEASE.total_seconds() * 0.5 < took < LEASE.total_seconds() + 2


def test_renewal_only_extends_the_workers_own_pending_rows(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path)
    _seed(tracker, 2)
    tracker.plan_notifications(now=_now())
    mine = tracker.claim_notifications(worker="a", now=_now(), limit=1, lease=LEASE)
    theirs = tracker.claim_notifications(worker="b", now=_now(), limit=1, lease=LEASE)
    ids = {mine[0].id, theirs[0].id}
    assert tracker.renew_leases(ids, worker="a", now=_now(), lease=LEASE) == 1
    tracker.mark_sent(mine[0].id, message_id=1, now=_now())
    assert tracker.renew_leases(ids, worker="a", now=_now(), lease=LEASE) == 0


def _hold_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    connection.execute("COMMIT")
    connection.close()


def test_a_locked_sqlite_file_is_waited_for_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    tracker = _tracker(tmp_path, busy_timeout_ms=100, lock_patience=10)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(tmp_path / "leases.db", 0.8, ready))
    holder.start()
    ready.wait()
    with caplog.at_level(logging.WARNING, logger="tracker.store.db"):
        added = tracker.add(1, "The mayor will open the bridge.", by="t", now=_now())
    holder.join()
    assert added.id == 1
    assert Counter(r.getMessage().split(";")[0] for r in caplog.records) == {
        "database locked by another writer": 1
    }


def test_a_lock_held_past_patience_is_a_polite_busy_error(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path, busy_timeout_ms=100, lock_patience=0.3)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(tmp_path / "leases.db", 1.5, ready))
    holder.start()
    ready.wait()
    with pytest.raises(Busy, match="try again"):
        tracker.add(1, "The mayor will open the bridge.", by="t", now=_now())
    holder.join()
    assert tracker.list(1).total == 0
