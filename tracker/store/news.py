"""SQLAlchemy models of followed news: feeds a chat follows (with their poll schedule, lease and
failures), the feed entries already read, and links from later articles to commitments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.links.model import Relation
from tracker.store.base import Base, UTCDateTime, enum_check
from tracker.store.models import CommitmentRow, SourceRow


class FeedRow(Base):
    """A feed one chat follows; the database is its poll schedule (`next_poll_at`, lease)."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    url: Mapped[str] = mapped_column(String(2048))
    host: Mapped[str] = mapped_column(String(255))
    auto: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    next_poll_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    error_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    fetches: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("chat_id", "url"),
        Index(None, "next_poll_at"),
        Index(None, "host", "last_checked_at"),
    )


class FeedEntryRow(Base):
    """An entry of a feed already read (by its id or link), so it is read once."""

    __tablename__ = "feed_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(500))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("feed_id", "key"),)


class LinkRow(Base):
    """A sentence of a later article about a tracked commitment, with its relation."""

    __tablename__ = "links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    relation: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # asked or shown once

    source: Mapped[SourceRow] = relationship(lazy="joined")
    commitment: Mapped[CommitmentRow] = relationship(lazy="joined")

    __table_args__ = (
        UniqueConstraint("commitment_id", "source_id", "relation"),
        enum_check("relation", Relation),
    )
