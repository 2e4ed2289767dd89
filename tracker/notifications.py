"""Outbox vocabulary: what a claimed notification carries, what a sender reports back, and
Stats ↔ JSON (weekly summaries store last week's figures). Standard library only (and the pure
tracker.news snapshots a feed's messages carry)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from tracker.domain import Commitment, Kind, Rate, Stats
from tracker.news import FeedBatch, Link
from tracker.stats import TOP_ACTORS, sum_rates


class NoticeKind(StrEnum):
    """The kinds of message the outbox sends: follow-ups, and what feed polls bring."""

    CHECKIN = "checkin"
    DIGEST = "digest"
    SUMMARY = "summary"
    NEWS = "news"  # one feed poll's batch for one chat
    EVIDENCE = "evidence"  # a report from a later article, offered as suggested evidence


class NoticeState(StrEnum):
    """Life of an outbox row: pending (maybe claimed) → sent | cancelled | failed."""

    PENDING = "pending"
    SENT = "sent"
    CANCELLED = "cancelled"  # chat blocked the bot, or the check-in was answered first
    FAILED = "failed"  # gave up: a permanent error or too many attempts


@dataclass(frozen=True, slots=True)
class Digest:
    """A chat's digest: due in the coming week, overdue and unchecked, resolved since last."""

    today: date
    coming: tuple[Commitment, ...]
    overdue: tuple[Commitment, ...]
    overdue_total: int  # `overdue` may be cut short; this is the full count
    resolved: tuple[Commitment, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """A weekly summary: this week's figures and last week's (None the first time)."""

    stats: Stats
    previous: Stats | None


@dataclass(frozen=True, slots=True)
class Notification:
    """One claimed outbox row with everything needed to render it."""

    id: int
    chat_id: int
    kind: NoticeKind
    key: str
    attempts: int
    timezone: str
    ambiguous: int = 0  # earlier sends that timed out (maybe delivered)
    commitment: Commitment | None = None  # check-ins
    digest: Digest | None = None
    summary: Summary | None = None
    news: FeedBatch | None = None
    link: Link | None = None  # suggested evidence


@dataclass(frozen=True, slots=True)
class Delivered:
    """The message went out; `message_id` is the (last) Telegram message id."""

    message_id: int


@dataclass(frozen=True, slots=True)
class RetryLater:
    """A transient failure (flood control, network, 5xx): try again after `after`."""

    error: str
    after: timedelta | None = None  # None: the dispatcher's backoff decides


@dataclass(frozen=True, slots=True)
class ChatGone:
    """The chat blocked the bot or no longer exists: stop sending to it."""

    error: str


@dataclass(frozen=True, slots=True)
class ChatMoved:
    """The chat has a new id (a group upgraded to a supergroup): move it, then send there."""

    error: str
    new_chat_id: int


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """No answer came (a read timeout): Telegram may or may not have delivered it."""

    error: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A permanent error for this message only (it will not be retried)."""

    error: str


Delivery = Delivered | RetryLater | ChatGone | ChatMoved | Rejected | Ambiguous


def rate_to_json(rate: Rate) -> dict[str, int]:
    """A Rate as a plain dict of its counts."""
    return asdict(rate)


def rate_from_json(data: dict[str, Any]) -> Rate:
    """The inverse of rate_to_json; unknown keys are ignored, missing ones count 0."""
    names = {f.name for f in fields(Rate)}
    return Rate(**{k: int(v) for k, v in data.items() if k in names})


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """Stats as JSON-safe data."""
    return {
        "today": stats.today.isoformat(),
        "overall": rate_to_json(stats.overall),
        "by_actor": [[name, rate_to_json(r)] for name, r in stats.by_actor.items()],
        "by_kind": [[kind.value, rate_to_json(r)] for kind, r in stats.by_kind.items()],
        "others": rate_to_json(stats.others),
        "no_actor": rate_to_json(stats.no_actor),
    }


def stats_from_json(data: dict[str, Any]) -> Stats:
    """The inverse of stats_to_json (actor order kept). Figures stored before `others` was
    kept get, as an upper bound, the sum of the remaining actors (a commitment shared by two of
    them counts twice) and no `no_actor`."""
    by_actor = {name: rate_from_json(r) for name, r in data["by_actor"]}
    rest = list(by_actor.values())[TOP_ACTORS:]
    others = data.get("others")
    return Stats(
        today=date.fromisoformat(data["today"]),
        overall=rate_from_json(data["overall"]),
        by_actor=by_actor,
        by_kind={Kind(kind): rate_from_json(r) for kind, r in data["by_kind"]},
        others=sum_rates(rest) if others is None else rate_from_json(others),
        no_actor=rate_from_json(data.get("no_actor", {})),
    )
