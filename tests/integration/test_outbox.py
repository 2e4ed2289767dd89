"""The notification outbox on SQLite and PostgreSQL: idempotent planning, leases, crash and
restart, racing dispatchers, old-article roll-up, inactive chats. Time is a fake clock."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain import Status
from tracker.errors import InvalidInput
from tracker.notifications import (
    ChatGone,
    Delivered,
    Delivery,
    NoticeKind,
    Notification,
    Rejected,
    RetryLater,
)
from tracker.services import Tracker
from tracker.services.dispatch import run_pass
from tracker.store.db import make_engine, make_sessionmaker, migrate
from tracker.store.models import CommitmentRow
from tracker.store.queue import NotificationRow

CHAT = 500
OTHER = 501
CREATED = datetime(2026, 3, 29, 20, tzinfo=UTC)  # Sunday evening, after the summary hour
MONDAY_0901 = datetime(2026, 3, 30, 9, 1, tzinfo=UTC)  # the chats here use UTC
LEASE = timedelta(minutes=5)


def seed(tracker: Tracker, chat_id: int, dues: list[date], *, now: datetime = CREATED) -> None:
    """Import one commitment per due date (as an old ledger or an old article would arrive)."""
    rows = [
        {"quote": f"Item {i} will be done.", "actors": ["Mayor"], "due": d.isoformat()}
        for i, d in enumerate(dues)
    ]
    assert tracker.import_rows(chat_id, rows, by="test", now=now) == len(dues)


def outbox(sessions: sessionmaker[Session]) -> list[tuple[str, str, int]]:
    """(key, state, attempts) of every outbox row, by id."""
    with sessions() as session:
        query = select(NotificationRow).order_by(NotificationRow.id)
        return [(r.key, r.state, r.attempts) for r in session.scalars(query)]


class Killed(BaseException):
    """The process dies here (nothing in the pass may catch it)."""


class Recorder:
    """A fake Send port: records every key it 'sent'; optional outcome per chat."""

    def __init__(self, outcomes: dict[int, Delivery] | None = None) -> None:
        self.keys: list[str] = []
        self.outcomes = outcomes or {}
        self._lock = threading.Lock()

    async def __call__(self, note: Notification) -> Delivery:
        result = self.outcomes.get(note.chat_id)
        if result is not None:
            return result
        with self._lock:
            self.keys.append(note.key)
            return Delivered(len(self.keys))


class TestPlanning:
    def test_planning_twice_adds_nothing_the_second_time(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30), date(2026, 4, 2)])
        assert tracker.plan_notifications(now=MONDAY_0901) == 2
        first = outbox(sessions)
        assert tracker.plan_notifications(now=MONDAY_0901) == 0
        assert tracker.plan_notifications(now=MONDAY_0901 + timedelta(minutes=1)) == 0
        (item,) = [c for c in tracker.list(CHAT).items if c.due == date(2026, 3, 30)]
        assert (outbox(sessions), first) == (
            first,
            [
                ("digest:500:2026-03-30T09:00Z", "pending", 0),
                (f"checkin:500:{item.id}:2026-03-30T09:00Z", "pending", 0),
            ],
        )

    def test_nothing_before_the_local_hour(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, timezone="Europe/Berlin", digest_time="11:00")
        tracker.plan_notifications(now=datetime(2026, 3, 30, 8, 59, tzinfo=UTC))  # 10:59 CEST
        assert [k for k, _, _ in outbox(sessions) if k.startswith("checkin")] == []
        assert tracker.plan_notifications(now=datetime(2026, 3, 30, 9, 0, tzinfo=UTC)) == 2

    def test_cap_per_tick_rolls_the_rest_into_the_digest(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)] * 8)
        tracker.plan_notifications(now=MONDAY_0901)
        kinds = Counter(k.split(":")[0] for k, _, _ in outbox(sessions))
        (digest,) = tracker.claim_notifications(worker="w", now=MONDAY_0901, limit=1)
        assert (kinds, digest.kind, len(digest.digest.coming)) == (  # type: ignore[union-attr]
            {"checkin": 5, "digest": 1},
            NoticeKind.DIGEST,
            8,
        )

    def test_old_article_goes_into_one_digest(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2019, 12, 31)] * 300)
        assert tracker.plan_notifications(now=MONDAY_0901) == 1
        (note,) = tracker.claim_notifications(worker="w", now=MONDAY_0901)
        digest = note.digest
        assert digest is not None
        with sessions() as session:
            asks = set(session.scalars(select(CommitmentRow.next_checkin_at)))
        assert (len(digest.overdue), digest.overdue_total, digest.coming, asks) == (
            50,
            300,
            (),
            {datetime(2026, 4, 6, 9, tzinfo=UTC)},  # asked again a week later, 5 at a time
        )

    def test_unanswered_checkin_is_asked_again_after_the_interval(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        tracker.set_checkin_interval(CHAT, 3, now=CREATED)
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        for day in range(30, 32 + 4):
            tracker.plan_notifications(now=datetime(2026, 3, 1, 9, 1, tzinfo=UTC) + timedelta(
                days=day - 1))  # fmt: skip
        stamps = [k.rsplit(":", 2)[-2][:10] for k, _, _ in outbox(sessions)]
        assert stamps == ["2026-03-30", "2026-04-02"]

    def test_the_interval_is_part_of_the_chats_settings(self, tracker: Tracker) -> None:
        assert tracker.settings(CHAT).checkin_every_days == 7
        tracker.set_checkin_interval(CHAT, 14, now=CREATED)
        assert tracker.settings(CHAT).checkin_every_days == 14
        assert tracker.update_settings(CHAT, checkin_every_days=30).checkin_every_days == 30
        with pytest.raises(InvalidInput):
            tracker.update_settings(CHAT, checkin_every_days=0)
        assert tracker.settings(CHAT).checkin_every_days == 30

    def test_answered_items_are_not_asked(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        (item,) = tracker.list(CHAT).items
        tracker.plan_notifications(now=MONDAY_0901)
        tracker.record_verdict(CHAT, item.number, Status.FULFILLED, by="u", now=MONDAY_0901)
        claimed = tracker.claim_notifications(worker="w", now=MONDAY_0901)
        assert ([n.kind for n in claimed], sorted(s for _, s, _ in outbox(sessions))) == (
            [NoticeKind.DIGEST],
            ["cancelled", "pending"],
        )

    def test_snooze_moves_the_next_checkin(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        (item,) = tracker.list(CHAT).items
        tracker.plan_notifications(now=MONDAY_0901)
        snoozed, again = tracker.snooze(CHAT, item.number, "in 30 days", by="u", now=MONDAY_0901)
        for days in (7, 29, 30):
            tracker.plan_notifications(now=MONDAY_0901 + timedelta(days=days))
        asked = [k[-17:] for k, _, _ in outbox(sessions) if k.startswith("checkin")]
        assert (snoozed.status, again, asked) == (
            Status.IN_PROGRESS,
            datetime(2026, 4, 29, 9, tzinfo=UTC),
            ["2026-03-30T09:00Z", "2026-04-29T09:00Z"],
        )

    def test_resolved_since_the_last_digest(self, tracker: Tracker) -> None:
        seed(tracker, CHAT, [date(2026, 3, 28), date(2026, 3, 29)])
        first, second = tracker.list(CHAT).items
        tracker.record_verdict(
            CHAT, first.number, Status.FULFILLED, by="u", now=CREATED + timedelta(hours=1)
        )
        tracker.plan_notifications(now=MONDAY_0901)  # the 09:00 digest: one overdue item
        tracker.record_verdict(CHAT, second.number, Status.PARTLY, by="u", now=MONDAY_0901)
        tracker.plan_notifications(now=MONDAY_0901 + timedelta(days=1))
        notes = tracker.claim_notifications(worker="w", now=MONDAY_0901 + timedelta(days=1))
        digests = [n.digest for n in notes if n.digest is not None]
        assert [([c.id for c in d.overdue], [c.id for c in d.resolved]) for d in digests] == [
            ([second.id], [first.id]),
            ([], [second.id]),
        ]

    def test_weekly_summary_keeps_last_weeks_figures(self, tracker: Tracker) -> None:
        friday = datetime(2026, 3, 27, 12, tzinfo=UTC)
        seed(tracker, CHAT, [date(2026, 3, 25), date(2026, 3, 26), date(2026, 6, 1)], now=friday)
        tracker.update_settings(CHAT, digest_days=[])
        sunday = datetime(2026, 3, 29, 18, 0, tzinfo=UTC)
        tracker.plan_notifications(now=sunday)
        first_item = tracker.list(CHAT).items[0]
        tracker.record_verdict(CHAT, first_item.number, Status.FULFILLED, by="u", now=sunday)
        tracker.plan_notifications(now=sunday + timedelta(days=7))
        notes = tracker.claim_notifications(worker="w", now=sunday + timedelta(days=7))
        summaries = [n.summary for n in notes if n.summary is not None]
        figures = [(s.stats.overall.fulfilled, s.stats.overall.overdue_unchecked,
                    s.stats.overall.not_yet_due, s.previous) for s in summaries]  # fmt: skip
        assert figures[0] == (0, 2, 1, None)
        assert figures[1][:3] == (1, 1, 1)
        assert figures[1][3] == summaries[0].stats


class TestClaims:
    def test_a_lease_keeps_others_out_until_it_expires(self, tracker: Tracker) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.plan_notifications(now=MONDAY_0901)
        a = tracker.claim_notifications(worker="a", now=MONDAY_0901, lease=LEASE)
        b = tracker.claim_notifications(worker="b", now=MONDAY_0901 + timedelta(minutes=4))
        c = tracker.claim_notifications(worker="c", now=MONDAY_0901 + timedelta(minutes=6))
        assert (len(a), b, [n.id for n in c], [n.attempts for n in c]) == (
            2,
            [],
            [n.id for n in a],
            [2, 2],
        )

    def test_released_rows_wait_for_their_retry_time(self, tracker: Tracker) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        tracker.plan_notifications(now=MONDAY_0901)
        (note,) = tracker.claim_notifications(worker="a", now=MONDAY_0901)
        retry_at = MONDAY_0901 + timedelta(seconds=30)
        tracker.release(note.id, now=MONDAY_0901, error="429", retry_at=retry_at)
        early = tracker.claim_notifications(worker="a", now=retry_at - timedelta(seconds=1))
        late = tracker.claim_notifications(worker="a", now=retry_at)
        assert (early, [n.id for n in late]) == ([], [note.id])

    def test_sent_rows_are_never_claimed_again(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.plan_notifications(now=MONDAY_0901)
        for note in tracker.claim_notifications(worker="a", now=MONDAY_0901):
            tracker.mark_sent(note.id, message_id=7, now=MONDAY_0901)
        later = MONDAY_0901 + timedelta(hours=1)
        assert tracker.claim_notifications(worker="b", now=later) == []
        assert {s for _, s, _ in outbox(sessions)} == {"sent"}


class TestDispatchPass:
    async def test_a_second_pass_sends_nothing(self, tracker: Tracker) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        seed(tracker, OTHER, [date(2026, 3, 31)])
        send = Recorder()
        first = await run_pass(tracker, send, clock=lambda: MONDAY_0901, worker="w", chat_gap=0)
        second = await run_pass(tracker, send, clock=lambda: MONDAY_0901, worker="w", chat_gap=0)
        assert ((first.planned, first.sent), (second.planned, second.sent)) == ((3, 3), (0, 0))
        assert sorted(k.split(":")[0] for k in send.keys) == ["checkin", "digest", "digest"]

    async def test_killed_mid_pass_and_restarted(self, tracker: Tracker, sessions: Any) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)] * 3)
        tracker.update_settings(CHAT, digest_days=[])
        delivered: list[str] = []

        async def dies_after_the_second(note: Notification) -> Delivery:
            delivered.append(note.key)  # Telegram got it...
            if len(delivered) == 2:
                raise Killed  # ...and the process died before recording it
            return Delivered(len(delivered))

        with pytest.raises(Killed):
            await run_pass(
                tracker, dies_after_the_second, clock=lambda: MONDAY_0901, worker="a", chat_gap=0
            )
        states = sorted(s for _, s, _ in outbox(sessions))
        restart = Recorder()
        early = await run_pass(tracker, restart, clock=lambda: MONDAY_0901, worker="b", chat_gap=0)
        later = MONDAY_0901 + LEASE + timedelta(seconds=1)
        after = await run_pass(tracker, restart, clock=lambda: later, worker="b", chat_gap=0)
        everything = Counter(delivered + restart.keys)
        assert (states, early.sent, after.sent) == (["pending", "pending", "sent"], 0, 2)
        assert (len(everything), sorted(everything.values())) == (3, [1, 1, 2])
        assert everything[delivered[1]] == 2  # only the in-flight message was repeated
        assert {s for _, s, _ in outbox(sessions)} == {"sent"}

    async def test_blocked_chat_is_deactivated_and_left_alone(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)] * 2)
        seed(tracker, OTHER, [date(2026, 3, 30)])
        send = Recorder({CHAT: ChatGone("Forbidden: bot was blocked by the user")})
        report = await run_pass(tracker, send, clock=lambda: MONDAY_0901, worker="w", chat_gap=0)
        tomorrow = MONDAY_0901 + timedelta(days=1)
        again = await run_pass(tracker, Recorder(), clock=lambda: tomorrow, worker="w", chat_gap=0)
        with sessions() as session:
            states = Counter(
                session.execute(select(NotificationRow.chat_id, NotificationRow.state)).all()
            )
        assert (report.chats_gone, tracker.settings(CHAT).active, again.planned) == (1, False, 1)
        # Only the other chat's next digest: nothing more was planned for the blocked one.
        assert states == {(CHAT, "cancelled"): 3, (OTHER, "sent"): 3}

    async def test_a_rejected_message_is_failed_not_retried(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        bad = Recorder({CHAT: Rejected("Bad Request: message is too long")})
        report = await run_pass(tracker, bad, clock=lambda: MONDAY_0901, worker="w")
        later = MONDAY_0901 + timedelta(days=1)
        again = await run_pass(tracker, Recorder(), clock=lambda: later, worker="w")
        assert (report.rejected, again.sent, [s for _, s, _ in outbox(sessions)]) == (
            1,
            0,
            ["failed"],
        )

    async def test_a_bug_in_the_sender_fails_that_row_only(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        seed(tracker, OTHER, [date(2026, 3, 30)])
        ok = Recorder()

        async def buggy(note: Notification) -> Delivery:
            if note.chat_id == CHAT:
                raise ValueError("cannot render")
            return await ok(note)

        report = await run_pass(tracker, buggy, clock=lambda: MONDAY_0901, worker="w", chat_gap=0)
        with sessions() as session:
            states = Counter(
                session.execute(select(NotificationRow.chat_id, NotificationRow.state)).all()
            )
        assert (report.rejected, report.sent) == (2, 2)
        assert states == {(CHAT, "failed"): 2, (OTHER, "sent"): 2}

    def test_a_row_whose_leases_keep_expiring_is_failed(
        self, tracker: Tracker, sessions: Any
    ) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        tracker.plan_notifications(now=MONDAY_0901)
        claims = []
        for attempt in range(10):  # the process dies after each claim
            at = MONDAY_0901 + attempt * (LEASE + timedelta(seconds=1))
            claims.append(len(tracker.claim_notifications(worker="w", now=at)))
        assert (claims, outbox(sessions)[0][1:]) == ([1] * 8 + [0, 0], ("failed", 8))

    async def test_flood_control_retries_later_without_losing(self, tracker: Tracker) -> None:
        seed(tracker, CHAT, [date(2026, 3, 30)])
        tracker.update_settings(CHAT, digest_days=[])
        flooded = Recorder({CHAT: RetryLater("429", after=timedelta(seconds=40))})
        first = await run_pass(tracker, flooded, clock=lambda: MONDAY_0901, worker="w", chat_gap=0)
        ok = Recorder()
        soon = await run_pass(tracker, ok, clock=lambda: MONDAY_0901 + timedelta(seconds=39),
                              worker="w")  # fmt: skip
        late = await run_pass(tracker, ok, clock=lambda: MONDAY_0901 + timedelta(seconds=41),
                              worker="w")  # fmt: skip
        assert (first.retried, soon.sent, late.sent, len(ok.keys)) == (1, 0, 1, 1)


def _race(tracker: Tracker, workers: int, now: datetime) -> list[str]:
    """Run `workers` dispatch passes at once in threads; every key each one sent."""
    send = Recorder()
    barrier = threading.Barrier(workers)

    def one(name: str) -> None:
        barrier.wait()
        asyncio.run(run_pass(tracker, send, clock=lambda: now, worker=name, batch=10, chat_gap=0))

    threads = [threading.Thread(target=one, args=(f"w{i}",)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return send.keys


def _racing_tracker(engine: Any) -> Tracker:
    migrate(engine)
    tracker = Tracker(make_sessionmaker(engine))
    for chat in range(1, 41):
        seed(tracker, chat, [date(2026, 3, 30)] * 3)
    return tracker


class TestRacingDispatchers:
    def test_postgresql_skip_locked_sends_each_once(self, pg_schema_factory: Any) -> None:
        engine = pg_schema_factory()
        tracker = _racing_tracker(engine)
        keys = _race(tracker, 4, MONDAY_0901)
        with engine.connect() as connection:
            rows = connection.scalar(select(func.count()).select_from(NotificationRow))
        engine.dispose()
        assert (len(keys), len(set(keys)), rows) == (160, 160, 160)  # 3 check-ins + 1 digest

    def test_sqlite_file_sends_each_once(self, tmp_path: Path) -> None:
        engine = make_engine(f"sqlite:///{tmp_path / 'race.db'}")
        tracker = _racing_tracker(engine)
        keys = _race(tracker, 4, MONDAY_0901)
        engine.dispose()
        assert (len(keys), len(set(keys))) == (160, 160)
