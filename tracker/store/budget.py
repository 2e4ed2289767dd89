"""The shared flood budget's rows (one per bot token, one per chat it sends to) and the locked
read-modify-write of a reservation: `SELECT … FOR UPDATE` on PostgreSQL; on SQLite the
transaction's BEGIN IMMEDIATE already serialises writers. No transactions here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, delete
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.store.base import Base, UTCDateTime
from tracker.store.upsert import skipping_insert


class SendBudgetRow(Base):
    """When the next message through this bucket may go."""

    __tablename__ = "send_budget"

    bucket: Mapped[str] = mapped_column(String(80), primary_key=True)
    next_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


def locked(session: Session, bucket: str, *, now: datetime) -> SendBudgetRow:
    """The bucket's row, created at `now` when missing, locked until the transaction ends."""
    row = session.get(SendBudgetRow, bucket, with_for_update=True)
    if row is not None:
        return row
    stmt = skipping_insert(session, SendBudgetRow, keys=["bucket"])
    session.execute(stmt.values(bucket=bucket, next_at=now))
    row = session.get(SendBudgetRow, bucket, with_for_update=True, populate_existing=True)
    assert row is not None  # inserted just now, or by a racing reservation
    return row


def prune(session: Session, *, before: datetime) -> int:
    """Forget buckets idle since `before` (their next send would be free anyway)."""
    stmt = delete(SendBudgetRow).where(SendBudgetRow.next_at < before)
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]
