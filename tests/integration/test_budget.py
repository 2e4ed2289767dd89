"""The flood budget in the database (SQLite and PostgreSQL): slots are spaced by the limits for
every caller, even racing ones in other threads; a 429 holds everyone back; idle buckets go."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker.flood import Limits
from tracker.services import Tracker
from tracker.store.db import make_engine, make_sessionmaker, migrate

T0 = datetime(2026, 3, 30, 9, tzinfo=UTC)
LIMITS = Limits(per_second=25.0, chat_gap=timedelta(seconds=1), group_gap=timedelta(seconds=3))
GAP = timedelta(seconds=0.04)


def test_slots_keep_the_overall_and_the_per_chat_gaps(tracker: Tracker) -> None:
    slots = [tracker.reserve_send("1", chat, now=T0, limits=LIMITS) for chat in (7, 8, 7, -9, -9)]
    assert [(s.at, s.taken) for s in slots] == [
        (T0, True),
        (T0 + GAP, True),
        (T0 + timedelta(seconds=1), False),  # chat 7 is busy: nothing reserved
        (T0 + 2 * GAP, True),  # so the next chat keeps its place
        (T0 + 2 * GAP + timedelta(seconds=3), False),
    ]
    again = tracker.reserve_send("1", 7, now=T0 + timedelta(seconds=1), limits=LIMITS)
    assert (again.at, again.taken) == (T0 + timedelta(seconds=1), True)


def test_tokens_have_separate_budgets(tracker: Tracker) -> None:
    first = tracker.reserve_send("1", 7, now=T0, limits=LIMITS)
    other = tracker.reserve_send("2", 7, now=T0, limits=LIMITS)
    assert first.at == other.at == T0


def test_a_hold_after_429_delays_every_chat(tracker: Tracker) -> None:
    tracker.hold_sends("1", until=T0 + timedelta(seconds=5), now=T0)
    assert tracker.reserve_send("1", 42, now=T0, limits=LIMITS).at == T0 + timedelta(seconds=5)


def test_idle_buckets_are_pruned(tracker: Tracker) -> None:
    tracker.reserve_send("1", 7, now=T0, limits=LIMITS)
    later = T0 + timedelta(hours=2)
    assert (tracker.prune_budget(now=T0), tracker.prune_budget(now=later)) == (0, 2)
    assert tracker.reserve_send("1", 7, now=later, limits=LIMITS).at == later


def _race(tracker: Tracker, threads: int, each: int) -> list[datetime]:
    """`threads` threads reserve `each` slots at once; every slot they got."""
    slots: list[datetime] = []
    barrier = threading.Barrier(threads)

    def reserve(worker: int) -> None:
        barrier.wait()
        for i in range(each):
            slots.append(tracker.reserve_send("1", 1000 * worker + i, now=T0, limits=LIMITS).at)

    pool = [threading.Thread(target=reserve, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sorted(slots)


def _spaced(slots: list[datetime]) -> bool:
    return all(b - a >= GAP - timedelta(microseconds=1) for a, b in itertools.pairwise(slots))


def test_racing_processes_share_one_budget_on_postgresql(pg_schema_factory: Any) -> None:
    engine = pg_schema_factory()
    migrate(engine)
    slots = _race(Tracker(make_sessionmaker(engine)), 4, 10)
    engine.dispose()
    assert (len(slots), _spaced(slots), slots[-1]) == (40, True, T0 + 39 * GAP)


def test_racing_processes_share_one_budget_on_a_sqlite_file(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'budget.db'}")
    migrate(engine)
    slots = _race(Tracker(make_sessionmaker(engine)), 4, 10)
    engine.dispose()
    assert (len(slots), _spaced(slots), slots[-1]) == (40, True, T0 + 39 * GAP)
