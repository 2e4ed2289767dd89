"""Every query that moves one chat's rows to another chat id (a Telegram group upgraded to a
supergroup): settings, commitments, proposals, pending verdict questions and the outbox. No
transactions here; services_migrate runs them all in one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session, aliased

from tracker.models import ChatRow, CommitmentRow, NotificationRow, PendingVerdictRow, ProposalRow

_SYNC: dict[str, Any] = {"synchronize_session": False}  # no moved row is loaded in the session


def _rowcount(result: Any) -> int:
    return int(result.rowcount or 0)


def move_settings(session: Session, old: int, new: int) -> bool:
    """The old chat's settings row becomes the new chat's unless the new chat has its own (then
    the old one is dropped); True when the old row was moved."""
    if session.get(ChatRow, new) is not None:
        session.execute(delete(ChatRow).where(ChatRow.chat_id == old).execution_options(**_SYNC))
        return False
    stmt = update(ChatRow).where(ChatRow.chat_id == old).values(chat_id=new)
    return _rowcount(session.execute(stmt.execution_options(**_SYNC))) > 0


def move_commitments(session: Session, old: int, new: int) -> tuple[int, int]:
    """Move the old chat's commitments (ids, verdicts and due changes stay with them); returns
    (moved, twins). A twin quotes a span of a source the new chat tracks too: it keeps its own
    history and quote but gives up its span, which the unique (chat, source, span) key allows
    only once per chat."""
    mine, theirs = aliased(CommitmentRow), aliased(CommitmentRow)
    same_span = and_(
        theirs.chat_id == new,
        theirs.source_id == mine.source_id,
        theirs.span_start == mine.span_start,
        theirs.span_end == mine.span_end,
    )
    twins = list(
        session.scalars(select(mine.id).join(theirs, same_span).where(mine.chat_id == old))
    )
    c = CommitmentRow
    if twins:
        stmt = update(c).where(c.id.in_(twins)).values(span_start=None, span_end=None)
        session.execute(stmt.execution_options(**_SYNC))
    stmt = update(c).where(c.chat_id == old).values(chat_id=new)
    return _rowcount(session.execute(stmt.execution_options(**_SYNC))), len(twins)


def move_proposals(session: Session, old: int, new: int) -> int:
    """Move the old chat's proposals (their picks can still be accepted in the new chat)."""
    stmt = update(ProposalRow).where(ProposalRow.chat_id == old).values(chat_id=new)
    return _rowcount(session.execute(stmt.execution_options(**_SYNC)))


def move_questions(session: Session, old: int, new: int) -> tuple[int, int]:
    """Move the open evidence questions; returns (moved, dropped). A question whose prompt
    message id the new chat already uses is dropped: a reply there answers the new chat's."""
    q = PendingVerdictRow
    taken = select(q.prompt_message_id).where(q.chat_id == new).scalar_subquery()
    clash = delete(q).where(q.chat_id == old, q.prompt_message_id.in_(taken))
    dropped = _rowcount(session.execute(clash.execution_options(**_SYNC)))
    stmt = update(q).where(q.chat_id == old).values(chat_id=new)
    return _rowcount(session.execute(stmt.execution_options(**_SYNC))), dropped


def moved_key(key: str, old: int, new: int, taken: set[str]) -> str:
    """`key` with the old chat id replaced by the new one ("digest:<chat>:<slot>"), made unique
    against `taken` (the new chat's keys) with a ":from:<old>" suffix; `taken` is updated."""
    kind, found, rest = key.partition(f":{old}:")
    candidate = f"{kind}:{new}:{rest}" if found and ":" not in kind else key
    base, extra = candidate, 0
    while candidate in taken:
        extra += 1
        candidate = f"{base}:from:{old}" + (f":{extra}" if extra > 1 else "")
    taken.add(candidate)
    return candidate


def move_outbox(session: Session, old: int, new: int) -> tuple[int, int]:
    """Move every outbox row of the old chat (history and pending alike, states and leases
    kept) under a rewritten key; returns (moved, suffixed)."""
    n = NotificationRow
    taken = set(session.scalars(select(n.key).where(n.chat_id == new)))
    rows = session.execute(select(n.id, n.key).where(n.chat_id == old).order_by(n.id)).all()
    keys = [moved_key(key, old, new, taken) for _, key in rows]
    if rows:
        pairs = zip(rows, keys, strict=True)
        changes = [{"id": row.id, "chat_id": new, "key": key} for row, key in pairs]
        session.execute(update(NotificationRow), changes)  # bulk UPDATE by primary key
    return len(rows), sum(1 for key in keys if f":from:{old}" in key)
