"""Every follow-up query: due chats, open commitments to check in on, digest contents, and the
notification outbox (insert-or-ignore by key, claim with SKIP LOCKED, cancel). No transactions."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, union, union_all, update
from sqlalchemy.orm import Session

from tracker.domain import RESOLVED, Status
from tracker.notifications import NoticeState
from tracker.schedule import Open
from tracker.store.models import ChatRow, CommitmentRow, VerdictRow
from tracker.store.queue import NotificationRow
from tracker.store.upsert import insert_ignore

_FINAL = sorted(s.value for s in RESOLVED)
_OPEN = sorted(s.value for s in Status if s not in RESOLVED)
OVERDUE_SHOWN = 50  # a digest lists this many overdue items, then says how many more


def missing_chat_ids(session: Session) -> list[int]:
    """Chats that have commitments but no settings row yet."""
    known = select(ChatRow.chat_id)
    query = select(CommitmentRow.chat_id).where(CommitmentRow.chat_id.not_in(known)).distinct()
    return list(session.scalars(query))


def due_chat_ids(session: Session, *, now: datetime) -> list[int]:
    """Active chats whose next digest or summary slot has come (or must be recomputed)."""
    ids = select(ChatRow.chat_id).where(ChatRow.active.is_(True))
    # One index range per condition: an OR across columns would scan every chat.
    due = union(
        ids.where(ChatRow.next_digest_at <= now),
        ids.where(ChatRow.next_digest_at.is_(None)),
        ids.where(ChatRow.next_summary_at <= now),
        ids.where(ChatRow.next_summary_at.is_(None)),
    )
    return sorted(session.scalars(due))


def active_chats(session: Session, ids: Collection[int]) -> Sequence[ChatRow]:
    """The settings rows of the active chats among `ids`, by chat id."""
    query = select(ChatRow).where(ChatRow.chat_id.in_(sorted(ids)), ChatRow.active.is_(True))
    # One order for every planner, so concurrent planners take row locks without deadlocks.
    return session.scalars(query.order_by(ChatRow.chat_id)).all()


def open_for_checkin(
    session: Session, *, now: datetime, chats: Collection[int] | None = None
) -> dict[int, list[Open]]:
    """Unresolved commitments that may need a check-in at `now`, by chat (of `chats` only, if
    given; active or not: the caller keeps the active chats' ones).

    A due date counts from the chat's local hour, so take everything due by tomorrow (UTC)
    and let tracker.schedule decide exactly. Two ranges of the (status, next_checkin_at, due)
    index; joining chats here instead made SQLite probe every chat (bench/tick_bench.py).
    """
    c = CommitmentRow
    base = select(c.chat_id, c.id, c.due, c.next_checkin_at).where(
        c.status.in_(_OPEN), c.untracked_at.is_(None)
    )
    if chats is not None:
        base = base.where(c.chat_id.in_(sorted(chats)))
    horizon = now.date() + timedelta(days=1)
    query = union_all(
        base.where(c.next_checkin_at <= now),
        base.where(c.next_checkin_at.is_(None), c.due <= horizon),
    )
    found: dict[int, list[Open]] = {}
    for chat_id, cid, due, next_at in session.execute(query):
        found.setdefault(chat_id, []).append(Open(cid, due, next_at))
    return found


def reschedule(session: Session, ids: Collection[int], *, at: datetime) -> None:
    """Set next_checkin_at of these commitments."""
    if ids:
        stmt = update(CommitmentRow).where(CommitmentRow.id.in_(sorted(ids)))
        session.execute(stmt.values(next_checkin_at=at))


def digest_ids(
    session: Session, chat_id: int, *, today: date, since: datetime, until: datetime
) -> dict[str, Any]:
    """Ids for a digest: due within a week, overdue (first 50 and the count), resolved since."""
    c = CommitmentRow
    unresolved = (c.chat_id == chat_id, c.status.in_(_OPEN), c.untracked_at.is_(None))
    coming = select(c.id).where(*unresolved, c.due >= today, c.due < today + timedelta(days=7))
    overdue = select(c.id).where(*unresolved, c.due < today)
    resolved = (
        select(c.id)
        .join(VerdictRow, VerdictRow.commitment_id == c.id)
        .where(c.chat_id == chat_id, c.status.in_(_FINAL), c.untracked_at.is_(None))
        .where(VerdictRow.at > since, VerdictRow.at <= until)
        .distinct()
    )
    return {
        "today": today.isoformat(),
        "coming": _ids(session, coming.order_by(c.due, c.id)),
        "overdue": _ids(session, overdue.order_by(c.due.desc(), c.id).limit(OVERDUE_SHOWN)),
        "overdue_total": _count(session, overdue),
        "resolved": sorted(_ids(session, resolved)),
    }


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _ids(session: Session, query: Select[Any]) -> list[int]:
    return list(session.scalars(query))


def commitments(session: Session, ids: Sequence[int]) -> list[CommitmentRow]:
    """These commitments, in the order of `ids`."""
    if not ids:
        return []
    rows = session.scalars(select(CommitmentRow).where(CommitmentRow.id.in_(ids))).all()
    by_id = {r.id: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def enqueue(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert outbox rows, silently skipping keys already present; returns how many were new."""
    return insert_ignore(session, NotificationRow, rows, keys=["key"])


def claimable(session: Session, *, now: datetime, limit: int) -> Sequence[NotificationRow]:
    """Pending rows due at `now` with no live lease, locked (PostgreSQL skips locked rows)."""
    n = NotificationRow
    query = (
        select(n)
        .where(n.state == NoticeState.PENDING.value, n.due_at <= now)
        .where(or_(n.lease_until.is_(None), n.lease_until < now))
        .order_by(n.due_at, n.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # SQLite ignores it; BEGIN IMMEDIATE serialises
    )
    return session.scalars(query).all()


def cancel_pending(session: Session, chat_id: int, *, reason: str) -> int:
    """Cancel every pending row of a chat; returns how many."""
    n = NotificationRow
    stmt = (
        update(n)
        .where(n.chat_id == chat_id, n.state == NoticeState.PENDING.value)
        .values(state=NoticeState.CANCELLED.value, error=reason, lease_until=None)
    )
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]
