"""Use cases of feeds: follow, list and unfollow a chat's feeds, and one poll pass that claims
due feeds through the database (so several processes never fetch a feed twice in an interval),
reads new entries like /track input and batches what they brought per chat: the batch is
queued in the outbox in the transaction that marks its entries read."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from tracker import checks as check
from tracker.domain import Article, Proposal, PublishedBasis
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
    Link,
    backoff,
)
from tracker.services.feed_outbox import queue_batch
from tracker.services.links import LinksMixin
from tracker.store import feeds as q
from tracker.store.news import FeedEntryRow, FeedRow
from tracker.store.repository import Repository
from tracker.store.upsert import insert_ignore

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


@dataclass(frozen=True, slots=True)
class _Read:
    """What one new entry brought: its proposal (if it has candidates), items tracked at
    once, links found."""

    key: str
    proposal: tuple[Proposal, ...]
    auto: tuple[int, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class _Polled:
    """One feed's fetch: the page and the reads of its unread entries, or the error."""

    claim: _Claim
    page: FeedPage | None
    error: str | None
    reads: tuple[_Read, ...] = ()


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
        and per chat record what the poll found and queue its one message in the outbox, in
        one transaction. Returns the batches queued or, for an inactive chat, found."""
        now = check.aware(now)
        by_chat: dict[int, list[_Claim]] = {}
        for claim in self._claim_feeds(now=now, worker=worker, limit=limit, lease=lease):
            by_chat.setdefault(claim.chat_id, []).append(claim)
        batches = [
            self._poll_chat(chat, claims, fetch, now=now) for chat, claims in by_chat.items()
        ]
        return [b for b in batches if not b.empty]

    def _claim_feeds(
        self, *, now: datetime, worker: str, limit: int, lease: timedelta
    ) -> list[_Claim]:
        """Claim whole chats: every due feed of a chat goes to one poller, so the chat gets one
        message per poll, until `limit` feeds (a first chat is taken whole). A feed whose host
        was fetched under HOST_GAP ago waits for the next pass."""
        with self._tx() as session:
            chosen: list[_Claim] = []
            for chat_id in q.due_chats(session, now=now, limit=limit):
                if len(chosen) >= limit or not q.lock_chat(session, chat_id):
                    continue
                rows = q.chat_due(session, chat_id, now=now)
                if chosen and len(chosen) + len(rows) > limit:
                    continue
                busy = q.busy_hosts(session, {r.host for r in rows}, since=now - HOST_GAP)
                chosen += _claim_rows(rows, busy, worker=worker, now=now, lease=lease)
            return chosen

    def _poll_chat(
        self, chat_id: int, claims: list[_Claim], fetch: FetchFeed, *, now: datetime
    ) -> FeedBatch:
        """Fetch and read a chat's claimed feeds, then record it all and queue its message.
        Nothing is marked read before that transaction: a crash before it leaves the entries
        (and the ETag) as they were, so the next poll reads them again."""
        polled = [self._fetch_one(claim, fetch, now=now) for claim in claims]
        return self._run(lambda repo: self._record(repo, chat_id, polled, now=now), retry=True)

    def _fetch_one(self, claim: _Claim, fetch: FetchFeed, *, now: datetime) -> _Polled:
        try:
            page = fetch(claim.url, claim.etag, claim.last_modified)
        except TrackerError as err:
            return _Polled(claim, None, str(err))
        entries = list({e.key: e for e in page.entries}.values())
        with self._tx() as session:
            old = q.seen(session, claim.id, [e.key for e in entries])
        reads = [self._read_entry(claim, e, now=now) for e in entries if e.key not in old]
        return _Polled(claim, page, None, tuple(reads))

    def _record(
        self, repo: Repository, chat_id: int, polled: list[_Polled], *, now: datetime
    ) -> FeedBatch:
        batch = FeedBatch(chat_id)
        for one in polled:
            row = repo.session.get(FeedRow, one.claim.id, with_for_update=True)
            if row is None:  # unfollowed meanwhile
                continue
            if one.page is None:
                failing = _failed(repo.session, row, one.error or "", now=now)
                batch = replace(batch, failing=batch.failing + failing)
                continue
            for read in _fresh(repo.session, row, one, now=now):
                batch = replace(
                    batch, proposals=batch.proposals + read.proposal,
                    auto_tracked=batch.auto_tracked + read.auto, links=batch.links + read.links,
                )  # fmt: skip
        if not batch.empty:
            queue_batch(repo, batch, feed_id=polled[0].claim.id, now=now)
        return batch

    def _read_entry(self, claim: _Claim, entry: Entry, *, now: datetime) -> _Read:
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
        return _Read(entry.key, keep, auto, tuple(links))


def _claim_rows(
    rows: Sequence[FeedRow], busy: set[str], *, worker: str, now: datetime, lease: timedelta
) -> list[_Claim]:
    """Lease the rows whose host is free (then busy) and move their next poll an interval on."""
    claims = []
    for row in rows:
        if row.host in busy:
            continue
        busy.add(row.host)
        row.claimed_by, row.lease_until, row.last_checked_at = worker, now + lease, now
        row.next_poll_at, row.fetches = now + POLL_EVERY, row.fetches + 1
        claims.append(_Claim(row.id, row.chat_id, row.url, row.auto, row.etag, row.last_modified))
    return claims


def _failed(session: Session, row: FeedRow, error: str, *, now: datetime) -> tuple[Feed, ...]:
    """Back the feed off; report it once when it has failed REPORT_AFTER_FAILURES times."""
    row.failures += 1
    row.last_error, row.lease_until = error[:500], None
    row.next_poll_at = now + backoff(row.failures)
    report = row.failures >= REPORT_AFTER_FAILURES and not row.error_reported
    row.error_reported = row.error_reported or report
    logger.info("feed %s failed (%d): %s", row.id, row.failures, error)
    return (q.snapshot(row, q.number_of(session, row)),) if report else ()


def _fresh(session: Session, row: FeedRow, polled: _Polled, *, now: datetime) -> list[_Read]:
    """Record the fetch and mark its entries read; the reads of entries nobody recorded first
    (the feed row is locked, so a poller whose lease ran out cannot record them twice)."""
    assert polled.page is not None  # a failed fetch is recorded by _failed
    row.failures, row.last_error, row.error_reported = 0, None, False
    row.last_ok_at, row.lease_until = now, None
    row.etag, row.last_modified = polled.page.etag, polled.page.last_modified
    keys = [e.key for e in polled.page.entries]
    old = q.seen(session, row.id, keys)
    records = [{"feed_id": row.id, "key": k, "seen_at": now} for k in dict.fromkeys(keys)]
    insert_ignore(session, FeedEntryRow, records, keys=["feed_id", "key"])
    return [r for r in polled.reads if r.key not in old]
