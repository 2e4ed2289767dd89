"""SQLAlchemy 2 models of the ledger (sources, proposals, commitments, verdicts, due changes,
chat settings) the outbox and pending verdict questions are in `queue`, the
base class and column types in `base`. Rows become domain snapshots here."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker import domain as d
from tracker.store.base import Base, UTCDateTime, enum_check


class SourceRow(Base):
    """A stored article; the same normalised text is stored once per database."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_basis: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (enum_check("published_basis", d.PublishedBasis),)

    def snapshot(self) -> d.Source:
        """The frozen domain view of this source (without its text)."""
        return d.Source(
            id=self.id,
            url=self.url,
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            published_basis=d.PublishedBasis(self.published_basis),
            content_hash=self.content_hash,
        )


class ProposalRow(Base):
    """Candidates extracted from a source for one chat, kept until the user picks."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_by: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Saved or dropped: later presses of its old buttons change nothing.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    source: Mapped[SourceRow] = relationship(lazy="joined")


class CommitmentRow(Base):
    """A tracked commitment; `status` caches the latest verdict for indexed queries."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # The chat's own number (#1 is a chat's first item); set on flush (store.numbering).
    number: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    actors: Mapped[list[str]] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    deadline_value: Mapped[str | None] = mapped_column(String(64))
    due: Mapped[date] = mapped_column(Date)
    due_basis: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20), default=d.Status.OPEN.value)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    next_checkin_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    untracked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # hidden, kept

    source: Mapped[SourceRow | None] = relationship(lazy="joined")
    verdicts: Mapped[list[VerdictRow]] = relationship(
        order_by="VerdictRow.id", lazy="selectin", back_populates="commitment"
    )
    due_changes: Mapped[list[DueChangeRow]] = relationship(
        order_by="DueChangeRow.id", lazy="select", back_populates="commitment"
    )
    edits: Mapped[list[EditRow]] = relationship(
        order_by="EditRow.id", lazy="selectin", back_populates="commitment"
    )

    __table_args__ = (
        UniqueConstraint("chat_id", "number"),
        # One commitment per quoted span of a source in a chat: accepting twice is a no-op.
        UniqueConstraint("chat_id", "source_id", "span_start", "span_end"),
        Index(None, "chat_id", "due", "id"),
        Index(None, "chat_id", "status", "due"),
        Index(None, "chat_id", "status", "next_checkin_at"),
        # The follow-up planner's cross-chat scan: open items by reschedule, then by due date.
        Index(None, "status", "next_checkin_at", "due"),
        enum_check("kind", d.Kind),
        enum_check("status", d.Status),
        enum_check("due_basis", d.DueBasis),
    )

    def snapshot(self) -> d.Commitment:
        """The frozen domain view of this commitment with its source and verdict history."""
        span = None if self.span_start is None else (self.span_start, self.span_end or 0)
        return d.Commitment(
            id=self.id,
            chat_id=self.chat_id,
            actors=tuple(self.actors),
            action=self.action,
            kind=d.Kind(self.kind),
            quote=self.quote,
            due=self.due,
            due_basis=d.DueBasis(self.due_basis),
            status=d.Status(self.status),
            created_by=self.created_by,
            created_at=self.created_at,
            span=span,
            deadline=self.deadline,
            deadline_text=self.deadline_text,
            deadline_value=self.deadline_value,
            source=None if self.source is None else self.source.snapshot(),
            verdicts=tuple(v.snapshot() for v in self.verdicts),
            number=self.number,
            untracked=self.untracked_at is not None,
            edits=tuple(e.snapshot() for e in self.edits),
        )


class VerdictRow(Base):
    """One append-only entry of a commitment's audit trail."""

    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(String(2048))
    note: Mapped[str | None] = mapped_column(Text)

    commitment: Mapped[CommitmentRow] = relationship(back_populates="verdicts")

    __table_args__ = (enum_check("status", d.Status),)

    def snapshot(self) -> d.Verdict:
        """The frozen domain view of this verdict."""
        return d.Verdict(
            id=self.id,
            status=d.Status(self.status),
            at=self.at,
            by=self.by,
            evidence_url=self.evidence_url,
            note=self.note,
        )


class DueChangeRow(Base):
    """Audit of a due-date change: the old date and basis are never lost."""

    __tablename__ = "due_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text)
    old_due: Mapped[date] = mapped_column(Date)
    old_basis: Mapped[str] = mapped_column(String(16))
    new_due: Mapped[date] = mapped_column(Date)

    commitment: Mapped[CommitmentRow] = relationship(back_populates="due_changes")


class EditRow(Base):
    """Audit of a correction (actor, action) or of untracking and tracking again."""

    __tablename__ = "commitment_edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    commitment: Mapped[CommitmentRow] = relationship(back_populates="edits")

    __table_args__ = (enum_check("field", d.EditField),)

    def snapshot(self) -> d.Edit:
        """The frozen domain view of this edit."""
        return d.Edit(
            field=d.EditField(self.field),
            at=self.at,
            by=self.by,
            old=self.old_value,
            new=self.new_value,
        )


class ChatRow(Base):
    """Per-chat settings plus the bookkeeping the follow-up scheduler will need."""

    __tablename__ = "chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    timezone: Mapped[str] = mapped_column(String(64))
    digest_time: Mapped[time] = mapped_column(Time)
    digest_days: Mapped[str] = mapped_column(String(16))  # "0,1,2,3,4,5,6"; 0 = Monday
    summary_day: Mapped[int] = mapped_column(Integer)
    summary_time: Mapped[time] = mapped_column(Time)
    verdicts_by: Mapped[str] = mapped_column(String(16))
    horizons: Mapped[str] = mapped_column(String(200))  # JSON object: kind -> days
    active: Mapped[bool] = mapped_column(Boolean)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_summary_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checkin_every_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    summary_figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # last week's Stats
    # Next planned slots, so a tick finds due chats by index; NULL = recompute (new settings).
    next_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_summary_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        enum_check("verdicts_by", d.VerdictsBy),
        Index(None, "active", "next_digest_at"),
        Index(None, "active", "next_summary_at"),
    )

    def snapshot(self) -> d.ChatSettings:
        """The frozen domain view of these settings."""
        days = frozenset(int(x) for x in self.digest_days.split(",") if x)
        return d.ChatSettings(
            chat_id=self.chat_id,
            timezone=self.timezone,
            digest_time=self.digest_time,
            digest_days=days,
            summary_day=self.summary_day,
            summary_time=self.summary_time,
            verdicts_by=d.VerdictsBy(self.verdicts_by),
            horizons=d.Horizons(**json.loads(self.horizons)),
            checkin_every_days=self.checkin_every_days,
            active=self.active,
        )

    def apply(self, settings: d.ChatSettings) -> None:
        """Copy a (validated) settings snapshot into this row."""
        self.timezone = settings.timezone
        self.digest_time = settings.digest_time
        self.digest_days = ",".join(str(x) for x in sorted(settings.digest_days))
        self.summary_day = settings.summary_day
        self.summary_time = settings.summary_time
        self.verdicts_by = settings.verdicts_by.value
        self.horizons = json.dumps({k.value: settings.horizons.days(k) for k in d.Kind})
        self.checkin_every_days = settings.checkin_every_days
        self.active = settings.active


__all__ = [
    "ChatRow",
    "CommitmentRow",
    "DueChangeRow",
    "EditRow",
    "ProposalRow",
    "SourceRow",
    "VerdictRow",
]
