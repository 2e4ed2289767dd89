"""Per-chat numbers: a new commitment gets the next number of its chat when it is flushed, so
every way of creating one through a session (typed, accepted) numbers it the same way; an
import's bulk INSERTs bypass this and keep the file's numbers where free (services.numbers).

Two writers racing for a chat's next number clash on the unique (chat, number) key; the
services' `_run(..., retry=True)` then tries once more with the number taken.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from tracker.store.models import CommitmentRow


def top_number(session: Session, chat_id: int) -> int:
    """The chat's highest item number (0 when it has none)."""
    query = select(func.max(CommitmentRow.number)).where(CommitmentRow.chat_id == chat_id)
    return int(session.scalar(query) or 0)


def number_new_commitments(session: Session, flush_context: Any, instances: Any) -> None:
    """Give each new, unnumbered commitment its chat's next number, in the order added."""
    new = [o for o in session.new if isinstance(o, CommitmentRow) and o.number is None]
    if not new:
        return
    top: dict[int, int] = {}
    with session.no_autoflush:
        for row in new:
            if row.chat_id not in top:
                top[row.chat_id] = top_number(session, row.chat_id)
            top[row.chat_id] += 1
            row.number = top[row.chat_id]


event.listen(Session, "before_flush", number_new_commitments)
