"""The ports and records of a dispatch pass: the `Send` and `Reserve` ports the bot implements,
the `Outbox` part of `Tracker` a pass uses, a reserved `Ticket`, the `PassReport`, and the retry
back-off; the pass itself is tracker.services.dispatch.run."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from tracker.notifications import (
    Delivery,
    Notification,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")
Send = Callable[[Notification], Awaitable[Delivery]]
Reserve = Callable[[Notification], Awaitable["Ticket"]]
Clock = Callable[[], datetime]
BATCH = 50
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
CHAT_GAP = 1.0  # seconds between two messages to one chat (Telegram: about one per second)


class Outbox(Protocol):
    """The part of `Tracker` a dispatch pass uses."""

    def plan_notifications(self, *, now: datetime) -> int: ...
    def claim_notifications(
        self, *, worker: str, now: datetime, limit: int = ..., lease: timedelta = ...
    ) -> list[Notification]: ...
    def renew_leases(
        self, ids: Collection[int], *, worker: str, now: datetime, lease: timedelta = ...
    ) -> int: ...
    def lease_expiry(self, *, now: datetime) -> datetime | None: ...
    def prune_budget(self, *, now: datetime) -> int: ...
    def mark_sent(self, notification_id: int, *, message_id: int, now: datetime) -> None: ...
    def mark_ambiguous(self, notification_id: int, *, now: datetime, error: str) -> datetime: ...
    def release(
        self, notification_id: int, *, now: datetime, error: str, retry_at: datetime
    ) -> None: ...
    def reject(self, notification_id: int, *, now: datetime, error: str) -> None: ...
    def deactivate_chat(self, chat_id: int, *, now: datetime, reason: str = ...) -> int: ...
    def migrate_chat(self, old_chat_id: int, new_chat_id: int, *, now: datetime) -> int: ...


@dataclass(frozen=True, slots=True)
class Ticket:
    """A send slot reserved and waited for before the row's turn to be in flight: `send`
    sends through it; once `fresh()` is False the slot is stale and is dropped unused."""

    send: Send
    fresh: Callable[[], bool]


@dataclass
class PassReport:
    """What one pass did."""

    planned: int = 0
    sent: int = 0
    retried: int = 0
    rejected: int = 0
    ambiguous: int = 0  # sends that timed out: maybe delivered, held back
    chats_gone: int = 0
    chats_moved: int = 0


def worker_id() -> str:
    """A label unique to this process, stored in claimed_by."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def backoff(attempts: int) -> timedelta:
    """Wait before retry number `attempts` (1-based): 30 s doubling, at most an hour."""
    wait: timedelta = BACKOFF_BASE * 2 ** max(attempts - 1, 0)
    return min(wait, BACKOFF_CAP)
