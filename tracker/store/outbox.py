"""Outbox rows ↔ snapshots: the dict a planned row is inserted from, the renderable
`Notification` a claimed row becomes (check-in, digest or summary contents loaded by id), and
one digest payload folded from two (a merged chat's slot)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain import Commitment, Status
from tracker.errors import NotFound
from tracker.notifications import (
    Digest,
    NoticeKind,
    NoticeState,
    Notification,
    Summary,
    stats_from_json,
)
from tracker.store import followup as fr
from tracker.store.models import ChatRow, CommitmentRow
from tracker.store.queue import NotificationRow


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


def notice_base(session: Session, row: NotificationRow) -> dict[str, Any]:
    """The fields every claimed row's snapshot has, whatever its kind."""
    chat = session.get(ChatRow, row.chat_id)
    return {
        "id": row.id,
        "chat_id": row.chat_id,
        "kind": NoticeKind(row.kind),
        "key": row.key,
        "attempts": row.attempts + 1,
        "ambiguous": row.ambiguous,
        "timezone": chat.timezone if chat is not None else "UTC",
    }


def notification_of(session: Session, row: NotificationRow) -> Notification | None:
    """The renderable snapshot of a follow-up row; None for a check-in already answered.
    (Feed messages are loaded by tracker.services.feed_outbox.)"""
    base = notice_base(session, row)
    p = row.payload
    if row.kind == NoticeKind.CHECKIN:
        item = session.get(CommitmentRow, row.commitment_id)
        if item is None or Status(item.status).resolved or item.untracked_at is not None:
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


def merged_digest(
    into: dict[str, Any], extra: dict[str, Any], dues: Mapping[int, date]
) -> dict[str, Any]:
    """The digest payload `into` with the commitment ids of `extra` added, in the order
    tracker.store.followup.digest_ids gives them (`dues`: each id's due date): coming soonest
    first, overdue latest first and cut at OVERDUE_SHOWN (the total counts both), resolved by
    id. `into` keeps its date: it is the row that will be sent."""

    def both(name: str, *, latest_first: bool = False) -> list[int]:
        def order(cid: int) -> tuple[int, int, int]:
            due = dues.get(cid)
            if due is None:  # no such commitment: rendering skips it, so it goes last
                return (1, 0, cid)
            return (0, -due.toordinal() if latest_first else due.toordinal(), cid)

        return sorted(dict.fromkeys([*into[name], *extra[name]]), key=order)

    return into | {
        "coming": both("coming"),
        "overdue": both("overdue", latest_first=True)[: fr.OVERDUE_SHOWN],
        "overdue_total": int(into["overdue_total"]) + int(extra["overdue_total"]),
        "resolved": sorted({*into["resolved"], *extra["resolved"]}),
    }
