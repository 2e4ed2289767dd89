"""tracker.schedule: local digest/summary slots across DST, missed slots collapsing to one,
check-in selection with the per-tick cap and old-article roll-up. Pure: no DB, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from tracker.schedule import (
    Open,
    latest_slot,
    next_slot,
    plan_checkins,
    slot_at,
    slot_due,
)

BERLIN = "Europe/Berlin"
DAILY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
NINE = time(9, 0)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def run_clock(days: frozenset[int], at: time, tz: str, start: datetime, end: datetime,
              *, step: timedelta = timedelta(minutes=1)) -> list[datetime]:  # fmt: skip
    """Tick a fake clock from start to end, the slot before `start` already sent; return the
    slots sent after it."""
    sent: list[datetime] = []
    now, last = start, latest_slot(days, at, tz, now=start)
    while now < end:
        slot = slot_due(days, at, tz, last=last, now=now)
        if slot is not None:
            sent.append(slot)
            last = slot
        now += step
    return sent


class TestSlots:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (date(2026, 3, 28), utc(2026, 3, 28, 8)),  # CET, UTC+1
            (date(2026, 3, 29), utc(2026, 3, 29, 7)),  # CEST from 02:00 that night
            (date(2026, 10, 24), utc(2026, 10, 24, 7)),  # CEST
            (date(2026, 10, 25), utc(2026, 10, 25, 8)),  # back to CET
        ],
    )
    def test_nine_local_across_dst(self, day: date, expected: datetime) -> None:
        assert slot_at(day, NINE, BERLIN) == expected

    def test_a_time_skipped_by_spring_forward_is_an_hour_later_on_the_wall(self) -> None:
        assert slot_at(date(2026, 3, 29), time(2, 30), BERLIN) == utc(2026, 3, 29, 1, 30)

    def test_an_ambiguous_time_is_its_first_occurrence(self) -> None:
        assert slot_at(date(2026, 10, 25), time(2, 30), BERLIN) == utc(2026, 10, 25, 0, 30)


class TestDigestDue:
    def test_daily_at_local_nine_across_spring_forward(self) -> None:
        sent = run_clock(DAILY, NINE, BERLIN, utc(2026, 3, 27, 9), utc(2026, 3, 31))
        assert sent == [utc(2026, 3, 28, 8), utc(2026, 3, 29, 7), utc(2026, 3, 30, 7)]

    def test_daily_at_local_nine_across_fall_back(self) -> None:
        sent = run_clock(DAILY, NINE, BERLIN, utc(2026, 10, 23, 9), utc(2026, 10, 27))
        assert sent == [utc(2026, 10, 24, 7), utc(2026, 10, 25, 8), utc(2026, 10, 26, 8)]

    def test_sent_at_the_first_tick_after_the_slot(self) -> None:
        ticks = run_clock(
            DAILY, NINE, BERLIN, utc(2026, 3, 30, 6, 59, 30), utc(2026, 3, 30, 7, 3),
            step=timedelta(seconds=60),
        )  # fmt: skip
        assert ticks == [utc(2026, 3, 30, 7)]

    def test_missed_slots_collapse_to_the_latest_one(self) -> None:
        last = utc(2026, 3, 23, 8)  # Monday 09:00 Berlin; the bot was down until Thursday 15:00
        now = utc(2026, 3, 26, 14)
        assert slot_due(DAILY, NINE, BERLIN, last=last, now=now) == utc(2026, 3, 26, 8)
        assert slot_due(DAILY, NINE, BERLIN, last=utc(2026, 3, 26, 8), now=now) is None

    def test_weekdays_only(self) -> None:
        sent = run_clock(WEEKDAYS, NINE, "UTC", utc(2026, 3, 5, 10), utc(2026, 3, 11),
                         step=timedelta(minutes=15))  # fmt: skip
        assert sent == [utc(2026, 3, d, 9) for d in (6, 9, 10)]  # Fri, Mon, Tue

    def test_never_sent_means_the_latest_slot(self) -> None:
        assert slot_due(DAILY, NINE, "UTC", last=None, now=utc(2026, 3, 5, 8)) == utc(
            2026, 3, 4, 9
        )

    def test_no_days_no_slot(self) -> None:
        assert latest_slot(frozenset(), NINE, "UTC", now=utc(2026, 3, 5)) is None
        assert next_slot(frozenset(), NINE, "UTC", after=utc(2026, 3, 5)) is None

    def test_next_slot_skips_the_weekend(self) -> None:
        friday_ten = utc(2026, 3, 6, 10)
        assert next_slot(WEEKDAYS, NINE, "UTC", after=friday_ten) == utc(2026, 3, 9, 9)
        assert next_slot(WEEKDAYS, NINE, "UTC", after=utc(2026, 3, 6, 8)) == utc(2026, 3, 6, 9)


class TestSummaryDue:
    SUNDAY = frozenset({6})
    SIX_PM = time(18, 0)

    @pytest.mark.parametrize(
        ("now", "expected"),
        [
            (utc(2026, 3, 22, 16, 59), None),  # Sunday 17:59 Berlin: last week's slot was sent
            (utc(2026, 3, 22, 17, 0), utc(2026, 3, 22, 17)),  # Sunday 18:00 CET
            (utc(2026, 3, 25, 12), utc(2026, 3, 22, 17)),  # missed: sent late, once
            (utc(2026, 3, 29, 16), utc(2026, 3, 29, 16)),  # 18:00 CEST after the change
        ],
    )
    def test_sunday_six_pm(self, now: datetime, expected: datetime | None) -> None:
        last = utc(2026, 3, 15, 17)
        assert slot_due(self.SUNDAY, self.SIX_PM, BERLIN, last=last, now=now) == expected

    def test_weekly_over_four_weeks(self) -> None:
        sent = run_clock(self.SUNDAY, self.SIX_PM, BERLIN, utc(2026, 3, 16), utc(2026, 4, 13),
                         step=timedelta(minutes=30))  # fmt: skip
        assert sent == [utc(2026, 3, 22, 17), utc(2026, 3, 29, 16), utc(2026, 4, 5, 16),
                        utc(2026, 4, 12, 16)]  # fmt: skip


class TestCheckins:
    NOW = utc(2026, 3, 30, 7, 1)  # Monday 09:01 Berlin

    def plan(self, items: list[Open], **kwargs: object) -> tuple[list[int], list[int]]:
        plan = plan_checkins(items, at=NINE, tz=BERLIN, now=self.NOW, **kwargs)  # type: ignore[arg-type]
        return [i.id for i, _ in plan.send], [i.id for i in plan.rolled]

    def test_due_today_after_the_local_hour(self) -> None:
        assert self.plan([Open(1, date(2026, 3, 30), None)]) == ([1], [])

    def test_due_today_before_the_local_hour_waits(self) -> None:
        early = plan_checkins(
            [Open(1, date(2026, 3, 30), None)], at=NINE, tz=BERLIN, now=utc(2026, 3, 30, 6, 59)
        )
        assert (early.send, early.rolled) == ((), ())

    def test_due_tomorrow_waits(self) -> None:
        assert self.plan([Open(1, date(2026, 3, 31), None)]) == ([], [])

    def test_rescheduled_items_follow_next_checkin_at(self) -> None:
        items = [
            Open(1, date(2026, 1, 1), utc(2026, 3, 30, 7)),  # asked again now
            Open(2, date(2026, 3, 30), utc(2026, 4, 6, 7)),  # snoozed: not yet
        ]
        assert self.plan(items) == ([1], [])

    def test_cap_sends_the_newest_and_rolls_the_rest(self) -> None:
        items = [Open(i, date(2026, 3, 29 + i % 2), None) for i in range(1, 9)]
        sent, rolled = self.plan(items, cap=5)
        assert (sent, sorted(rolled)) == ([1, 3, 5, 7, 2], [4, 6, 8])  # today's (odd) first

    def test_old_article_items_are_rolled_into_the_digest(self) -> None:
        items = [Open(i, date(2019, 12, 31), None) for i in range(1, 301)]
        plan = plan_checkins(items, at=NINE, tz=BERLIN, now=self.NOW)
        assert (len(plan.send), len(plan.rolled)) == (0, 300)

    def test_everything_handled_is_asked_again_after_the_interval(self) -> None:
        plan = plan_checkins([Open(1, date(2026, 3, 30), None)], at=NINE, tz=BERLIN,
                             now=self.NOW, reask_days=14)  # fmt: skip
        assert plan.next_ask == utc(2026, 4, 13, 7)

    def test_a_snooze_day_lands_on_the_local_hour(self) -> None:
        assert slot_at(date(2026, 4, 19), NINE, BERLIN) == utc(2026, 4, 19, 7)
