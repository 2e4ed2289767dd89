"""Claiming outbox rows and recording what the sender reports back (mixed into `Tracker`).

A claim is a short lease (LEASE) that the sending pass renews while it works, so a crashed
sender's rows come back within a lease, and a live sender's rows never do. A send whose answer
never came is ambiguous (Telegram may have delivered it): the row waits AMBIGUITY_WINDOW before
it is sent again, and `ambiguous` counts how often that happened.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from tracker import checks as check
from tracker.errors import NotFound
from tracker.notifications import NoticeState, Notification
from tracker.services.base import TrackerBase
from tracker.services.feed_outbox import FEED_KINDS, feed_notification
from tracker.store import followup as fr
from tracker.store.outbox import notification_of, outbox
from tracker.store.queue import NotificationRow
from tracker.store.repository import Repository

logger = logging.getLogger(__name__)
LEASE = timedelta(seconds=30)  # renewed every LEASE / 3 while the claimer is alive
MAX_ATTEMPTS = 8  # then the row is marked failed (kept for inspection, never silently lost)
AMBIGUITY_WINDOW = timedelta(minutes=15)  # no resend of a maybe-delivered message before this


class ClaimsMixin(TrackerBase):
    """Leases on outbox rows and the outcomes of sends."""

    def claim_notifications(
        self, *, worker: str, now: datetime, limit: int = 50, lease: timedelta = LEASE
    ) -> list[Notification]:
        """Lease up to `limit` due rows to `worker`; answered check-ins (and feed messages with
        nothing left to say) are cancelled instead."""
        now = check.aware(now)
        with self._tx() as session:
            claimed = []
            for row in fr.claimable(session, now=now, limit=limit):
                if row.attempts >= MAX_ATTEMPTS:  # its leases kept expiring: a crash loop
                    row.state, row.lease_until = NoticeState.FAILED.value, None
                    continue
                note = (
                    feed_notification(Repository(session), row)
                    if row.kind in FEED_KINDS
                    else notification_of(session, row)
                )
                if note is None:
                    row.state, row.error = (
                        NoticeState.CANCELLED.value,
                        "answered or gone before sent",
                    )
                    continue
                row.claimed_by, row.lease_until = worker, now + lease
                row.attempts += 1
                claimed.append(note)
            return claimed

    def renew_leases(
        self, ids: Collection[int], *, worker: str, now: datetime, lease: timedelta = LEASE
    ) -> int:
        """Extend `worker`'s leases on these pending rows to now + lease; returns how many it
        still held (a row another worker took over is left alone)."""
        if not ids:
            return 0
        n = NotificationRow
        stmt = (
            update(n)
            .where(n.id.in_(sorted(ids)), n.claimed_by == worker)
            .where(n.state == NoticeState.PENDING.value, n.lease_until.is_not(None))
            .values(lease_until=check.aware(now) + lease)
        )
        with self._tx() as session:
            return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]

    def lease_expiry(self, *, now: datetime) -> datetime | None:
        """When the first live lease on a row due by `now` ends (None: no such lease)."""
        n = NotificationRow
        query = select(func.min(n.lease_until)).where(
            n.state == NoticeState.PENDING.value, n.due_at <= now, n.lease_until >= now
        )
        with self._tx() as session:
            found = session.scalar(query)
        return None if found is None else check.aware(found)

    def mark_sent(self, notification_id: int, *, message_id: int, now: datetime) -> None:
        """Record that the row's message went out."""
        n = NotificationRow
        stmt = (
            update(n)
            .where(n.id == notification_id)
            .values(
                state=NoticeState.SENT.value, sent_at=now, message_id=message_id, lease_until=None
            )
        )
        with self._tx() as session:  # one statement: the next send waits for this record
            if not session.execute(stmt).rowcount:  # type: ignore[attr-defined]
                raise NotFound(f"There is no notification #{notification_id}.")

    def mark_ambiguous(self, notification_id: int, *, now: datetime, error: str) -> datetime:
        """The send timed out: maybe delivered. Keep the row, count it, and hold it back for
        the ambiguity window; returns when it may be sent again."""
        retry_at = check.aware(now) + AMBIGUITY_WINDOW
        with self._tx() as session:
            row = outbox(session, notification_id)
            row.ambiguous += 1
            row.claimed_by, row.lease_until, row.due_at = None, None, retry_at
            row.error = f"ambiguous: {error}"
        return retry_at

    def release(
        self, notification_id: int, *, now: datetime, error: str, retry_at: datetime
    ) -> None:
        """Give a claimed row back after a transient error, to be retried at `retry_at`."""
        with self._tx() as session:
            row = outbox(session, notification_id)
            if row.state != NoticeState.PENDING.value:
                return
            row.claimed_by, row.lease_until, row.due_at, row.error = None, None, retry_at, error
            if row.attempts >= MAX_ATTEMPTS:
                row.state = NoticeState.FAILED.value
                logger.warning("notification %s failed after %d attempts", row.key, row.attempts)

    def reject(self, notification_id: int, *, now: datetime, error: str) -> None:
        """Mark a row failed for good (a permanent error for this message only)."""
        with self._tx() as session:
            row = outbox(session, notification_id)
            row.state, row.error, row.lease_until = NoticeState.FAILED.value, error, None
