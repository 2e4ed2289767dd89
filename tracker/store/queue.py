"""SQLAlchemy models of rows that wait: follow-up messages in the outbox and verdict
questions awaiting their evidence answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker import domain as d
from tracker.notifications import NoticeKind, NoticeState
from tracker.store.base import Base, UTCDateTime, enum_check


class NotificationRow(Base):
    """One follow-up message in the outbox; `key` makes planning it twice impossible."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default=NoticeState.PENDING.value)
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # not before; retries move it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Sends whose answer never came (timed out): maybe delivered, so not resent at once.
    ambiguous: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "state", "due_at"),
        Index(None, "chat_id", "state"),
        enum_check("kind", NoticeKind),
        enum_check("state", NoticeState),
    )


class PendingVerdictRow(Base):
    """A verdict button pressed whose evidence question (a ForceReply) awaits its answer."""

    __tablename__ = "pending_verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    prompt_message_id: Mapped[int] = mapped_column(BigInteger)  # the ForceReply message
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int] = mapped_column(BigInteger)  # who pressed: only they may answer
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Until then the user's next plain message in the chat answers it, no Reply needed.
    next_message_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("chat_id", "prompt_message_id"),
        Index(None, "chat_id", "user_id"),  # /cancel
        enum_check("status", d.Status),
    )
