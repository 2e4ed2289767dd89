"""One dispatch pass (`run`: plan what is due, claim it in batches, hand each row to a `Send`
port, record the outcome) and its ports and records (`ports`). The bot implements `Send`."""

from __future__ import annotations

from tracker.services.dispatch.ports import (
    BACKOFF_BASE,
    BACKOFF_CAP,
    BATCH,
    CHAT_GAP,
    Clock,
    Outbox,
    PassReport,
    Reserve,
    Send,
    Ticket,
    backoff,
    worker_id,
)
from tracker.services.dispatch.run import run_pass

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "BATCH",
    "CHAT_GAP",
    "Clock",
    "Outbox",
    "PassReport",
    "Reserve",
    "Send",
    "Ticket",
    "backoff",
    "run_pass",
    "worker_id",
]
