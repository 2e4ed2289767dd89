"""Outbox rows ↔ snapshots: the dict a planned row is inserted from, and the renderable
`Notification` a claimed row becomes (check-in, digest or summary contents loaded by id)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker import repository_followup as fr
from tracker.domain import Commitment, Status
from tracker.errors import NotFound
from tracker.models import ChatRow, CommitmentRow, NotificationRow
from tracker.notifications import (
    Digest,
    NoticeKind,
    NoticeState,
    Notification,
    Summary,
    stats_from_json,
)


def outbox_row(
    key: str,
    chat_id: int,
    kind: NoticeKind,
    payload: dict[str, Any],
    now: datetime,
    commitment_id: int | None = None,
) -> dict[str, Any]:
    """The insert values of a new pending outbox row, due at once."""
    return {
        "key": key,
        "chat_id": chat_id,
        "kind": kind.value,
        "state": NoticeState.PENDING.value,
        "commitment_id": commitment_id,
        "payload": payload,
        "due_at": now,
        "created_at": now,
        "attempts": 0,
    }


def outbox(session: Session, notification_id: int) -> NotificationRow:
    """The outbox row with this id, or NotFound."""
    row = session.get(NotificationRow, notification_id)
    if row is None:
        raise NotFound(f"There is no notification #{notification_id}.")
    return row


def notification_of(session: Session, row: NotificationRow) -> Notification | None:
    """The renderable snapshot of an outbox row; None for a check-in already answered."""
    chat = session.get(ChatRow, row.chat_id)
    tz = chat.timezone if chat is not None else "UTC"
    base: dict[str, Any] = {
        "id": row.id,
        "chat_id": row.chat_id,
        "kind": NoticeKind(row.kind),
        "key": row.key,
        "attempts": row.attempts + 1,
        "timezone": tz,
    }
    p = row.payload
    if row.kind == NoticeKind.CHECKIN:
        item = session.get(CommitmentRow, row.commitment_id)
        if item is None or Status(item.status).resolved:
            return None
        return Notification(**base, commitment=item.snapshot())
    if row.kind == NoticeKind.DIGEST:
        return Notification(**base, digest=_digest(session, p))
    previous = None if p["previous"] is None else stats_from_json(p["previous"])
    return Notification(**base, summary=Summary(stats_from_json(p["stats"]), previous))


def _digest(session: Session, p: dict[str, Any]) -> Digest:
    def snaps(ids: list[int]) -> tuple[Commitment, ...]:
        return tuple(r.snapshot() for r in fr.commitments(session, ids))

    return Digest(
        today=datetime.fromisoformat(p["today"]).date(),
        coming=snaps(p["coming"]),
        overdue=snaps(p["overdue"]),
        overdue_total=int(p["overdue_total"]),
        resolved=snaps(p["resolved"]),
    )
