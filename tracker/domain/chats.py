"""A chat's preferences: follow-up horizons, who records verdicts, digest and summary times.
Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from tracker.domain.reading import Kind

MAX_HORIZON_DAYS = 36500  # a default follow-up horizon is 1 day to 100 years


@dataclass(frozen=True, slots=True)
class Horizons:
    """Default follow-up horizons in days, used when a statement gives no deadline."""

    promise: int = 365
    plan: int = 180
    agreement: int = 365
    prediction: int = 365

    def days(self, kind: Kind) -> int:
        return int(getattr(self, kind.value))


class VerdictsBy(StrEnum):
    """Who may record verdicts in a group chat."""

    EVERYONE = "everyone"
    ADMINS = "admins"


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """Per-chat (per-ledger) preferences. Times are local to `timezone`."""

    chat_id: int
    timezone: str = "UTC"
    digest_time: time = time(9, 0)
    digest_days: frozenset[int] = frozenset(range(7))  # 0 = Monday
    summary_day: int = 6  # Sunday
    summary_time: time = time(18, 0)
    verdicts_by: VerdictsBy = VerdictsBy.EVERYONE
    horizons: Horizons = Horizons()
    checkin_every_days: int = 7  # an unanswered check-in is asked again after this many days
    active: bool = True
