"""Every query that moves one chat's rows to another chat id (a Telegram group upgraded to a
supergroup): settings, commitments, proposals, pending verdict questions and the outbox, then
the outbox's clean-up (rows failed only because the chat moved are revived, two pending rows
for one slot are folded into one). No transactions here; tracker.services.migrate runs them all
in one."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from tracker.notifications import NoticeKind, NoticeState
from tracker.store.models import ChatRow, CommitmentRow, ProposalRow
from tracker.store.outbox import merged_digest
from tracker.store.queue import NotificationRow, PendingVerdictRow

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
    # Numbered after the new chat's own items, in one statement so no two rows ever share a
    # (chat, number) key on the way.
    offset = int(session.scalar(select(func.max(c.number)).where(c.chat_id == new)) or 0)
    stmt = update(c).where(c.chat_id == old).values(chat_id=new, number=c.number + offset)
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


# PTB's ChatMigrated says "Group migrated to supergroup. New chat id: <id>" (stored as is since
# ChatMoved, with a "ChatMigrated: " prefix by the first outbox build, which retried it until
# the row failed); the Bot API's own description is "group chat was upgraded to a supergroup
# chat". Matched on the text, because `error` is all a failed row keeps of its cause.
_MOVED = re.compile(r"(?:migrated|upgraded) to a? ?supergroup", re.IGNORECASE)
_NAMED = re.compile(r"new chat id: *(-?\d+)", re.IGNORECASE)
_PENDING, _FAILED = NoticeState.PENDING.value, NoticeState.FAILED.value


def failed_by_move(error: str | None, new: int) -> bool:
    """Whether a failed row's `error` says that its chat became supergroup `new` (a text naming
    another id is another chat's move; a text naming none is taken as this one)."""
    named = _NAMED.search(error or "")
    moved = _MOVED.search(error or "") is not None
    return moved and (named is None or int(named.group(1)) == new)


def revive_moved(session: Session, new: int, *, now: datetime) -> int:
    """Give back to the outbox every row of chat `new` (moved just now or earlier) that failed
    only because the chat had become supergroup `new`: pending, due now, no lease, attempts
    reset (they were spent on an id that could no longer take messages, and a row at the limit
    would be failed again at its next claim, unsent). Returns how many."""
    n = NotificationRow
    failed = session.scalars(select(n).where(n.chat_id == new, n.state == _FAILED).order_by(n.id))
    revived = [row for row in failed if failed_by_move(row.error, new)]
    for row in revived:
        row.state, row.due_at, row.attempts = _PENDING, now, 0
        row.claimed_by, row.lease_until = None, None
    return len(revived)


def _base_key(key: str, old: int) -> str | None:
    """The key a ":from:<old>[:<n>]" suffix was added to (see moved_key), or None."""
    base, found, extra = key.rpartition(f":from:{old}")
    return base if found and re.fullmatch(r"(?::\d+)?", extra) else None


def _free(row: NotificationRow, now: datetime) -> bool:
    """Pending, and not leased to a sender (one may be sending it right now)."""
    return row.state == _PENDING and (row.lease_until is None or row.lease_until <= now)


def fold_outbox(session: Session, old: int, new: int, *, now: datetime) -> int:
    """Fold each pending row moved from `old` under a suffixed key into the new chat's pending
    row of that key (same kind and slot; for a check-in, same commitment), so a merged chat
    gets one digest, summary or card per slot: a digest's commitment ids join the kept row's
    payload (a summary's figures hold no ids, and a check-in only its commitment), and the
    moved row is cancelled, kept as history. Rows held by a sender are left alone: it may be
    sending them, so both are sent, as before. Returns how many rows were folded."""
    n = NotificationRow
    # Locked: a claim in progress is waited for (then the row is seen leased and left alone),
    # and a later one skips them (SKIP LOCKED) until this commits.
    query = select(n).where(n.chat_id == new, n.state == _PENDING).with_for_update()
    moved = session.scalars(query.where(n.key.like(f"%:from:{old}%")).order_by(n.id)).all()
    bases = {row.id: _base_key(row.key, old) for row in moved}
    wanted = {key for key in bases.values() if key is not None}
    kept = {r.key: r for r in session.scalars(query.where(n.key.in_(wanted)).order_by(n.id))}
    folded = 0
    for row in moved:
        into = kept.get(bases[row.id] or "")
        if into is None or not (_free(row, now) and _free(into, now)):
            continue
        if (into.kind, into.commitment_id) != (row.kind, row.commitment_id):
            continue
        if row.kind == NoticeKind.DIGEST:
            dues = _dues(session, [into.payload, row.payload])
            into.payload = merged_digest(into.payload, row.payload, dues)
        into.due_at = min(into.due_at, row.due_at)
        row.state, row.error = NoticeState.CANCELLED.value, f"merged into {into.key}"
        folded += 1
    return folded


def _dues(session: Session, payloads: Collection[dict[str, Any]]) -> dict[int, date]:
    """The due dates of the commitments these digest payloads list as coming or overdue."""
    ids = {cid for p in payloads for name in ("coming", "overdue") for cid in p[name]}
    c = CommitmentRow
    found = session.execute(select(c.id, c.due).where(c.id.in_(sorted(ids))))
    return {cid: due for cid, due in found}
