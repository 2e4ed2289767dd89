"""Use cases of feeds: follow, list and unfollow a chat's feeds, and one poll pass that claims
due feeds through the database (so several processes never fetch a feed twice in an interval),
reads new entries like /track input and batches what they brought per chat."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from tracker import checks as check
from tracker.domain import Article, PublishedBasis
from tracker.errors import InvalidInput, NotFound, TrackerError, UnsafeURL
from tracker.fetch.feed import Entry, FeedPage
from tracker.fetch.policy import is_public, parse_url
from tracker.news import (
    HOST_GAP,
    MAX_FEEDS_PER_CHAT,
    POLL_EVERY,
    REPORT_AFTER_FAILURES,
    Feed,
    FeedBatch,
    backoff,
)
from tracker.services.links import LinksMixin
from tracker.store import feeds as q
from tracker.store.news import FeedEntryRow, FeedRow

logger = logging.getLogger(__name__)

# (url, etag, last_modified) → the feed; tracker.fetch.fetch_feed with the edge's settings
FetchFeed = Callable[[str, str | None, str | None], FeedPage]


@dataclass(frozen=True, slots=True)
class _Claim:
    id: int
    chat_id: int
    url: str
    auto: bool
    etag: str | None
    last_modified: str | None


def _private_literal(host: str) -> bool:
    """A numeric host that is not public (names are vetted when fetched, every time)."""
    try:
        return not is_public(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return False


class FeedsMixin(LinksMixin):
    """Feeds per chat and the poll pass (mixed into `Tracker`)."""

    def follow(
        self, chat_id: int, url: str, *, auto: bool = False, by: str, now: datetime
    ) -> Feed:
        """Follow a feed (its first poll is due at once); following it again changes `auto`."""
        parsed, by, now = parse_url(url.strip()), check.label(by), check.aware(now)
        if _private_literal(parsed.host):
            raise UnsafeURL("That address is on a private network; only public feeds are read.")
        with self._tx() as session:
            rows = q.feed_rows(session, chat_id)
            row = next((r for r in rows if r.url == str(parsed)), None)
            if row is None and len(rows) >= MAX_FEEDS_PER_CHAT:
                raise InvalidInput(f"A chat can follow at most {MAX_FEEDS_PER_CHAT} feeds.")
            if row is None:
                row = FeedRow(
                    chat_id=chat_id, url=str(parsed), host=parsed.host, auto=auto,
                    created_by=by, created_at=now, next_poll_at=now, failures=0,
                    error_reported=False, fetches=0,
                )  # fmt: skip
                session.add(row)
                session.flush()
            row.auto = auto
            return q.snapshot(row, q.number_of(session, row))

    def feeds(self, chat_id: int) -> list[Feed]:
        """The chat's feeds, numbered 1, 2, ... in the order they were followed."""
        with self._tx() as session:
            return [q.snapshot(r, n) for n, r in enumerate(q.feed_rows(session, chat_id), 1)]

    def unfollow(self, chat_id: int, number: int) -> Feed:
        """Stop following the chat's feed number `number` (1-based)."""
        with self._tx() as session:
            rows = q.feed_rows(session, chat_id)
            if not 1 <= number <= len(rows):
                raise NotFound(f"No feed {number}: /feeds lists this chat's feeds.")
            row = rows[number - 1]
            gone = q.snapshot(row, number)
            q.unfollow(session, row)
            return gone

    def poll_feeds(
        self,
        fetch: FetchFeed,
        *,
        now: datetime,
        worker: str,
        limit: int = 20,
        lease: timedelta = timedelta(minutes=5),
    ) -> list[FeedBatch]:
        """One pass: fetch the feeds due now (claimed, one per host), read their new entries,
        and return one batch per chat with something to say."""
        now = check.aware(now)
        batches: dict[int, FeedBatch] = {}
        for claim in self._claim_feeds(now=now, worker=worker, limit=limit, lease=lease):
            batch = batches.setdefault(claim.chat_id, FeedBatch(claim.chat_id))
            batches[claim.chat_id] = self._poll_one(claim, batch, fetch, now=now)
        return [b for b in batches.values() if not b.empty]

    def _claim_feeds(
        self, *, now: datetime, worker: str, limit: int, lease: timedelta
    ) -> list[_Claim]:
        with self._tx() as session:
            rows = q.claimable(session, now=now, limit=limit * 2)
            busy = q.busy_hosts(session, {r.host for r in rows}, since=now - HOST_GAP)
            chosen: list[_Claim] = []
            for row in rows:
                if row.host in busy or len(chosen) >= limit:
                    continue
                busy.add(row.host)
                row.claimed_by, row.lease_until, row.last_checked_at = worker, now + lease, now
                row.next_poll_at, row.fetches = now + POLL_EVERY, row.fetches + 1
                chosen.append(
                    _Claim(row.id, row.chat_id, row.url, row.auto, row.etag, row.last_modified)
                )
            return chosen

    def _poll_one(
        self, claim: _Claim, batch: FeedBatch, fetch: FetchFeed, *, now: datetime
    ) -> FeedBatch:
        try:
            page = fetch(claim.url, claim.etag, claim.last_modified)
        except TrackerError as err:
            failing = self._failed(claim, str(err), now=now)
            return replace(batch, failing=batch.failing + failing)
        entries = self._fresh(claim, page, now=now)
        for entry in entries:
            batch = self._read_entry(claim, entry, batch, now=now)
        return batch

    def _failed(self, claim: _Claim, error: str, *, now: datetime) -> tuple[Feed, ...]:
        """Back the feed off; report it once when it has failed REPORT_AFTER_FAILURES times."""
        with self._tx() as session:
            row = session.get(FeedRow, claim.id)
            if row is None:  # unfollowed meanwhile
                return ()
            row.failures += 1
            row.last_error, row.lease_until = error[:500], None
            row.next_poll_at = now + backoff(row.failures)
            report = row.failures >= REPORT_AFTER_FAILURES and not row.error_reported
            row.error_reported = row.error_reported or report
            logger.info("feed %s failed (%d): %s", row.id, row.failures, error)
            return (q.snapshot(row, q.number_of(session, row)),) if report else ()

    def _fresh(self, claim: _Claim, page: FeedPage, *, now: datetime) -> list[Entry]:
        """Record the fetch and return the entries never read before (marked read now)."""
        with self._tx() as session:
            row = session.get(FeedRow, claim.id)
            if row is None:
                return []
            row.failures, row.last_error, row.error_reported = 0, None, False
            row.last_ok_at, row.lease_until = now, None
            row.etag, row.last_modified = page.etag, page.last_modified
            keys = [e.key for e in page.entries]
            old = q.seen(session, claim.id, keys)
            new = [e for e in page.entries if e.key not in old]
            records = [{"feed_id": claim.id, "key": e.key, "seen_at": now} for e in new]
            fresh = q.insert_ignore(session, FeedEntryRow, records, keys=["feed_id", "key"])
            return new if fresh == len(new) else new[:fresh]

    def _read_entry(
        self, claim: _Claim, entry: Entry, batch: FeedBatch, *, now: datetime
    ) -> FeedBatch:
        basis = PublishedBasis.METADATA if entry.published else PublishedBasis.FETCHED
        article = Article(
            text=entry.text, url=entry.url, title=entry.title,
            published=entry.published or now.date(), published_basis=basis,
        )  # fmt: skip
        proposal, links = self.read(claim.chat_id, article, now=now)
        auto: tuple[int, ...] = ()
        picks = [i for i, c in enumerate(proposal.candidates, 1) if c.deadline is not None]
        if claim.auto and picks:  # the per-feed rule: explicit deadlines are tracked at once
            done = self.accept(claim.chat_id, proposal.id, picks, by="feed", now=now)
            auto = tuple(c.number for c in done)
        keep = (proposal,) if proposal.candidates else ()
        return replace(
            batch, proposals=batch.proposals + keep, auto_tracked=batch.auto_tracked + auto,
            links=batch.links + tuple(links),
        )  # fmt: skip
