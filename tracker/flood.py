"""Telegram's flood limits as one schedule per bot token, shared by every process that sends
with it: about 30 messages a second overall, one a second per chat, 20 a minute per group.

Each send reserves the earliest instant that keeps every limit (a generic cell rate algorithm:
a bucket stores when its next send may go, and a reservation moves it on by one gap); a chat
that is not free yet reserves nothing and asks again when it is. Pure:
the store keeps the instants, the caller passes `now`. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Limits:
    """Gaps between two sends: overall (per token), to one private chat, to one group. The
    margins over Telegram's figures absorb the jitter between a slot and the request arriving."""

    per_second: float = 28.0
    chat_gap: timedelta = timedelta(seconds=1.05)
    group_gap: timedelta = timedelta(seconds=3.05)  # 20 per minute

    @property
    def gap(self) -> timedelta:
        return timedelta(seconds=1 / self.per_second)

    def chat(self, chat_id: int) -> timedelta:
        """The gap between two sends to this chat (negative ids are groups and channels)."""
        return self.group_gap if chat_id < 0 else self.chat_gap


TELEGRAM = Limits()
UNPACED = Limits(per_second=1e6, chat_gap=timedelta(0), group_gap=timedelta(0))


@dataclass(frozen=True, slots=True)
class Slot:
    """A reservation answer: send at `at` if `taken`; otherwise the chat is busy until `at`,
    nothing was reserved, and the caller asks again then (a busy chat never holds up the
    others' share of the overall budget)."""

    at: datetime
    taken: bool = True
    overall_next: datetime | None = None
    chat_next: datetime | None = None


def admit(
    now: datetime,
    *,
    overall: datetime | None,
    chat: datetime | None,
    chat_id: int | None,
    limits: Limits = TELEGRAM,
) -> Slot:
    """The earliest send at or after `now` that both buckets allow (None: never used), and
    where each bucket moves to. Without a chat only the overall bucket counts."""
    at = max(now, overall or now)
    if chat is not None and chat > at:
        return Slot(at=chat, taken=False)
    chat_next = None if chat_id is None else at + limits.chat(chat_id)
    return Slot(at=at, overall_next=at + limits.gap, chat_next=chat_next)


def bucket_names(bot_id: str, chat_id: int | None) -> tuple[str, str | None]:
    """The overall bucket of a token (named by the bot's public id) and the chat's bucket."""
    overall = f"bot{bot_id}"
    return overall, (None if chat_id is None else f"{overall}:{chat_id}")
