"""Followed news as the services return it: a feed a chat follows, a stored link from a later
article to a commitment, what one poll brought a chat; and the feed polling rules (interval,
back-off, when a failing feed is reported). Pure: no I/O, no clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tracker.domain import Proposal, Source
from tracker.links.model import Relation

__all__ = [
    "CLI_LEDGER",
    "MAX_FEEDS_PER_CHAT",
    "POLL_EVERY",
    "REPORT_AFTER_FAILURES",
    "Feed",
    "FeedBatch",
    "Link",
    "backoff",
    "reaches_telegram",
]

MAX_FEEDS_PER_CHAT = 20
POLL_EVERY = timedelta(minutes=30)  # one fetch of a feed per interval, whoever polls
HOST_GAP = timedelta(seconds=10)  # polite: one fetch per host this often, across feeds
REPORT_AFTER_FAILURES = 3  # a feed failing this many polls in a row is reported, once
_MAX_BACKOFF = timedelta(hours=24)
CLI_LEDGER = 0  # the command line's default ledger: no Telegram chat has this id


def reaches_telegram(chat_id: int) -> bool:
    """Whether a bot could send this ledger a message (the CLI's ledger 0 is no chat)."""
    return chat_id != CLI_LEDGER


def backoff(failures: int) -> timedelta:
    """Wait before the next poll of a feed after `failures` failures in a row (doubling)."""
    wait: timedelta = POLL_EVERY * 2 ** max(failures - 1, 0)
    return min(wait, _MAX_BACKOFF)


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed one chat follows, numbered per chat by position (`number`, 1-based)."""

    id: int
    chat_id: int
    url: str
    auto: bool
    number: int
    last_checked_at: datetime | None = None
    last_ok_at: datetime | None = None
    failures: int = 0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A stored link: a sentence of a later article about a tracked commitment."""

    id: int
    commitment_id: int  # the row id (internal)
    number: int  # the commitment's number in its chat: what users see and type
    relation: Relation
    quote: str
    span: tuple[int, int]
    new_deadline: date | None
    confidence: float
    source: Source
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """What one poll brought one chat: new articles' proposals, items tracked automatically,
    links found, and feeds now reported as failing."""

    chat_id: int
    proposals: tuple[Proposal, ...] = ()
    auto_tracked: tuple[int, ...] = ()
    links: tuple[Link, ...] = ()
    failing: tuple[Feed, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.proposals or self.auto_tracked or self.links or self.failing)
