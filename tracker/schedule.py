"""Pure scheduling decisions: which digest/summary slot and which check-ins are due at `now`.

No I/O and no clock: the caller passes `now` (aware UTC). Local wall-clock slots are computed
with zoneinfo, so 09:00 Europe/Berlin stays 09:00 local across a DST change.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CHECKIN_CAP = 5  # separate check-in cards per chat per tick; the rest go into the digest
STALE_AFTER = timedelta(days=2)  # a check-in slot older than this is rolled into the digest
REASK_DAYS = 7  # default interval before an unanswered check-in is asked again


def slot_at(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of local wall-clock time `at` on `day` in `tz`.

    A time that does not exist (spring forward) resolves with the offset before the change,
    i.e. one hour later on the wall clock; an ambiguous one (fall back) is its first occurrence.
    """
    local = datetime.combine(day, at.replace(tzinfo=None), tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def latest_slot(days: Collection[int], at: time, tz: str, *, now: datetime) -> datetime | None:
    """The latest slot (local `at` on a weekday in `days`, 0 = Monday) not after `now`."""
    today = local_today(tz, now=now)
    for back in range(8):
        day = today - timedelta(days=back)
        if day.weekday() in days:
            slot = slot_at(day, at, tz)
            if slot <= now:
                return slot
    return None


def slot_due(
    days: Collection[int], at: time, tz: str, *, last: datetime | None, now: datetime
) -> datetime | None:
    """The slot to send now, or None: only the latest missed slot, and only once.

    `last` is the slot already planned (None: never). A bot that was down for days sends
    one message for the latest slot, not one per missed slot.
    """
    slot = latest_slot(days, at, tz, now=now)
    if slot is None or (last is not None and slot <= last):
        return None
    return slot


def next_slot(days: Collection[int], at: time, tz: str, *, after: datetime) -> datetime | None:
    """The first slot strictly after `after`; None when `days` is empty."""
    today = local_today(tz, now=after)
    for ahead in range(9):
        day = today + timedelta(days=ahead)
        if day.weekday() in days:
            slot = slot_at(day, at, tz)
            if slot > after:
                return slot
    return None


@dataclass(frozen=True, slots=True)
class Open:
    """An unresolved commitment as the check-in planner sees it."""

    id: int
    due: date
    next_checkin_at: datetime | None


@dataclass(frozen=True, slots=True)
class CheckinPlan:
    """Check-ins of one chat at one tick: cards to send now, items rolled into the digest."""

    send: tuple[tuple[Open, datetime], ...]  # (commitment, its ask slot)
    rolled: tuple[Open, ...]
    next_ask: datetime  # when everything planned now is asked again if still unanswered


def ask_at(item: Open, *, at: time, tz: str) -> datetime:
    """When a commitment is (next) asked about: its reschedule, else its due day's slot."""
    if item.next_checkin_at is not None:
        return item.next_checkin_at
    return slot_at(item.due, at, tz)


def plan_checkins(
    items: Sequence[Open],
    *,
    at: time,
    tz: str,
    now: datetime,
    cap: int = CHECKIN_CAP,
    reask_days: int = REASK_DAYS,
    stale_after: timedelta = STALE_AFTER,
) -> CheckinPlan:
    """Which of one chat's open commitments get a check-in card now.

    Due ones whose slot is recent (within `stale_after`) are sent, newest slot first, up to
    `cap`; the rest (old-article imports, a backlog after downtime) are rolled into the
    digest. Both are asked again `reask_days` later at the chat's local hour.
    """
    due = [(item, ask_at(item, at=at, tz=tz)) for item in items]
    due = [(item, when) for item, when in due if when <= now]
    recent = [(i, w) for i, w in due if w > now - stale_after]
    fresh = sorted(recent, key=lambda p: (-p[1].timestamp(), p[0].id))
    send = tuple(fresh[:cap])
    chosen = {item.id for item, _ in send}
    rolled = tuple(item for item, _ in due if item.id not in chosen)
    today = local_today(tz, now=now)
    return CheckinPlan(send, rolled, slot_at(today + timedelta(days=reask_days), at, tz))


def local_today(tz: str, *, now: datetime) -> date:
    """The calendar date at `now` in time zone `tz`."""
    return now.astimezone(ZoneInfo(tz)).date()
