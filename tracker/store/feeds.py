"""Queries of followed news: feeds (per chat, claimable for a poll), the entries already read,
and links from later articles. No transactions here; the services own them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain import RESOLVED
from tracker.links.model import Relation
from tracker.news import Feed, Link
from tracker.store.models import CommitmentRow
from tracker.store.news import FeedEntryRow, FeedRow, LinkRow

_FINAL = sorted(s.value for s in RESOLVED)
_CLAIM_LOCKS = 0x66656564 << 31  # "feed": advisory keys of feed claims, apart from others


def feed_rows(session: Session, chat_id: int) -> list[FeedRow]:
    """A chat's feeds in the order they were followed (their numbers are 1-based positions)."""
    query = select(FeedRow).where(FeedRow.chat_id == chat_id).order_by(FeedRow.id)
    return list(session.scalars(query).all())


def snapshot(row: FeedRow, number: int) -> Feed:
    """The frozen view of a feed row."""
    return Feed(
        id=row.id, chat_id=row.chat_id, url=row.url, auto=row.auto, number=number,
        last_checked_at=row.last_checked_at, last_ok_at=row.last_ok_at,
        failures=row.failures, last_error=row.last_error,
    )  # fmt: skip


def number_of(session: Session, row: FeedRow) -> int:
    """A feed's number in its chat."""
    query = select(func.count()).where(FeedRow.chat_id == row.chat_id, FeedRow.id <= row.id)
    return int(session.scalar(query) or 0)


def unfollow(session: Session, row: FeedRow) -> None:
    """Forget a feed and the entries read from it."""
    session.execute(delete(FeedEntryRow).where(FeedEntryRow.feed_id == row.id))
    session.delete(row)


def _due(now: datetime) -> Any:
    f = FeedRow
    return and_(f.next_poll_at <= now, or_(f.lease_until.is_(None), f.lease_until < now))


def due_chats(session: Session, *, now: datetime, limit: int) -> list[int]:
    """Chats with feeds due at `now` (no live lease), the longest waiting first."""
    waited = func.min(FeedRow.next_poll_at)
    query = (
        select(FeedRow.chat_id)
        .where(_due(now))
        .group_by(FeedRow.chat_id)
        .order_by(waited, FeedRow.chat_id)
        .limit(limit)
    )
    return list(session.scalars(query).all())


def lock_chat(session: Session, chat_id: int) -> bool:
    """Take the chat's feed claim until the transaction ends; False when another process
    holds it. PostgreSQL: an advisory lock; SQLite's BEGIN IMMEDIATE serialises claims."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    key = chat_id ^ _CLAIM_LOCKS  # stays a signed 64-bit key
    return bool(session.scalar(select(func.pg_try_advisory_xact_lock(key))))


def chat_due(session: Session, chat_id: int, *, now: datetime) -> Sequence[FeedRow]:
    """A chat's feeds due at `now`, locked, in id order (as the poll records them)."""
    query = (
        select(FeedRow)
        .where(FeedRow.chat_id == chat_id, _due(now))
        .order_by(FeedRow.id)
        .with_for_update()
    )
    return session.scalars(query).all()


def busy_hosts(session: Session, hosts: set[str], *, since: datetime) -> set[str]:
    """Of `hosts`, those fetched after `since` (a polite interval per host)."""
    if not hosts:
        return set()
    query = select(FeedRow.host).where(FeedRow.host.in_(hosts), FeedRow.last_checked_at > since)
    return set(session.scalars(query).all())


def seen(session: Session, feed_id: int, keys: Sequence[str]) -> set[str]:
    """Which entry keys of a feed were read before."""
    if not keys:
        return set()
    query = select(FeedEntryRow.key).where(
        FeedEntryRow.feed_id == feed_id, FeedEntryRow.key.in_(keys)
    )
    return set(session.scalars(query).all())


def open_commitments(session: Session, chat_id: int) -> list[CommitmentRow]:
    """A chat's tracked commitments without a final verdict, oldest first (the linker's
    ledger; untracked ones are hidden from follow-ups)."""
    query = (
        select(CommitmentRow)
        .where(CommitmentRow.chat_id == chat_id, CommitmentRow.status.not_in(_FINAL))
        .where(CommitmentRow.untracked_at.is_(None))
        .order_by(CommitmentRow.id)
    )
    return list(session.scalars(query).unique().all())


def link_rows(session: Session, commitment_ids: Sequence[int]) -> list[LinkRow]:
    """The links of these commitments, oldest first."""
    if not commitment_ids:
        return []
    query = select(LinkRow).where(LinkRow.commitment_id.in_(commitment_ids)).order_by(LinkRow.id)
    return list(session.scalars(query).unique().all())


def link_snapshot(row: LinkRow) -> Link:
    """The frozen view of a link row, with its source."""
    return Link(
        id=row.id, commitment_id=row.commitment_id, number=row.commitment.number,
        relation=Relation(row.relation),
        quote=row.quote, span=(row.span_start, row.span_end), new_deadline=row.new_deadline,
        confidence=row.confidence, source=row.source.snapshot(), created_at=row.created_at,
    )  # fmt: skip


def commitments_from(
    session: Session, ids: Sequence[int], *, source_id: int
) -> Sequence[CommitmentRow]:
    """Of these commitments, those taken from the source `source_id`."""
    query = select(CommitmentRow).where(
        CommitmentRow.id.in_(list(ids)), CommitmentRow.source_id == source_id
    )
    return session.scalars(query).unique().all() if ids else []


def links_by_id(session: Session, ids: Sequence[int]) -> Sequence[LinkRow]:
    """These link rows."""
    return session.scalars(select(LinkRow).where(LinkRow.id.in_(list(ids)))).unique().all()


def unoffered_reports(session: Session, *, limit: int = 200) -> Sequence[LinkRow]:
    """Reports (done, partly, not done) on open commitments not yet offered, oldest first."""
    reports = [r.value for r in Relation if r.reports]
    query = (
        select(LinkRow)
        .join(CommitmentRow, CommitmentRow.id == LinkRow.commitment_id)
        .where(LinkRow.offered_at.is_(None), LinkRow.relation.in_(reports))
        .where(CommitmentRow.status.not_in(_FINAL), CommitmentRow.untracked_at.is_(None))
        .order_by(LinkRow.id)
        .limit(limit)
    )
    return session.scalars(query).unique().all()
