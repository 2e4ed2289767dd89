"""Feeds and later-article links through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tracker.domain import Article, PublishedBasis
from tracker.errors import FetchError, InvalidInput, NotFound
from tracker.fetch.feed import Entry, FeedPage
from tracker.links import Relation
from tracker.news import CLI_LEDGER, MAX_FEEDS_PER_CHAT, POLL_EVERY, REPORT_AFTER_FAILURES
from tracker.services import Tracker

CHAT = 42
FIRST = "Airbus will deliver the first A380 superjumbo to Singapore Airlines by the end of 2006."
LATER = (
    "Airbus now expects to deliver the first A380 superjumbo to Singapore Airlines in "
    "October 2007, a delay of almost a year."
)


def article(text: str, day: date, url: str | None = None) -> Article:
    return Article(text=text, url=url, published=day, published_basis=PublishedBasis.GIVEN)


def track_first(tracker: Tracker, now: datetime) -> int:
    proposal = tracker.propose(CHAT, article(FIRST, date(2006, 1, 10)), now=now)
    return tracker.accept(CHAT, proposal.id, None, by="t", now=now)[0].number


class Feeds:
    """A fake feed server at the FetchFeed port: entries by URL, errors, validators seen."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}
        self.failing: set[str] = set()
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, url: str, etag: str | None, last_modified: str | None) -> FeedPage:
        self.calls.append((url, etag))
        if url in self.failing:
            raise FetchError("the server answered 500 Internal Server Error")
        return FeedPage(True, tuple(self.entries.get(url, [])), etag='"v1"')


class TestLinks:
    def test_a_later_article_moves_the_deadline_and_is_stored_with_its_source(
        self, tracker: Tracker, now: datetime
    ) -> None:
        item = track_first(tracker, now)
        published, links = tracker.link(
            CHAT, article(LATER, date(2006, 6, 14), "https://n/2"), now=now
        )
        assert (published, [(k.number, k.relation) for k in links]) == (
            date(2006, 6, 14),
            [(item, Relation.MOVES_DEADLINE)],
        )
        assert links[0].new_deadline == date(2007, 10, 31)
        assert [k.source.url for k in tracker.links(CHAT, item)] == ["https://n/2"]

    def test_linking_twice_stores_once_and_tracks_nothing(
        self, tracker: Tracker, now: datetime
    ) -> None:
        item = track_first(tracker, now)
        for _ in range(2):
            tracker.link(CHAT, article(LATER, date(2006, 6, 14)), now=now)
        assert (len(tracker.links(CHAT, item)), tracker.list(CHAT).total) == (1, 1)

    def test_another_chats_links_are_not_found(self, tracker: Tracker, now: datetime) -> None:
        item = track_first(tracker, now)
        with pytest.raises(NotFound):
            tracker.links(CHAT + 1, item)

    def test_tracking_a_later_article_links_it_too(self, tracker: Tracker, now: datetime) -> None:
        item = track_first(tracker, now)
        tracker.propose(CHAT, article(LATER, date(2006, 6, 14)), now=now)
        assert [k.relation for k in tracker.links(CHAT, item)] == [Relation.MOVES_DEADLINE]


class TestFeeds:
    def test_follow_list_unfollow(self, tracker: Tracker, now: datetime) -> None:
        tracker.follow(CHAT, "https://news.example/a.xml", by="t", now=now)
        tracker.follow(CHAT, "https://news.example/b.xml", auto=True, by="t", now=now)
        assert [(f.number, f.auto) for f in tracker.feeds(CHAT)] == [(1, False), (2, True)]
        assert tracker.unfollow(CHAT, 1).url == "https://news.example/a.xml"
        assert [f.url for f in tracker.feeds(CHAT)] == ["https://news.example/b.xml"]
        with pytest.raises(NotFound):
            tracker.unfollow(CHAT, 5)

    def test_at_most_n_feeds_and_no_hostile_urls(self, tracker: Tracker, now: datetime) -> None:
        for i in range(MAX_FEEDS_PER_CHAT):
            tracker.follow(CHAT, f"https://h{i}.example/feed", by="t", now=now)
        with pytest.raises(InvalidInput):
            tracker.follow(CHAT, "https://more.example/feed", by="t", now=now)
        with pytest.raises(InvalidInput):
            tracker.follow(CHAT + 1, "file:///etc/passwd", by="t", now=now)
        assert len(tracker.feeds(CHAT + 1)) == 0

    def test_new_entries_batch_once_and_auto_tracks_dated_candidates(
        self, tracker: Tracker, now: datetime
    ) -> None:
        feeds = Feeds()
        url = "https://news.example/feed"
        feeds.entries[url] = [
            Entry("e1", "https://news.example/1", "A380", FIRST, date(2006, 1, 10))
        ]
        tracker.follow(CHAT, url, auto=True, by="t", now=now)
        [batch] = tracker.poll_feeds(feeds, now=now, worker="w1")
        assert (len(batch.proposals), len(batch.auto_tracked)) == (1, 1)
        assert tracker.poll_feeds(feeds, now=now + POLL_EVERY, worker="w1") == []
        assert feeds.calls[-1] == (url, '"v1"')  # conditional GET with the stored ETag

    def test_a_feed_is_fetched_once_per_interval(self, tracker: Tracker, now: datetime) -> None:
        feeds = Feeds()
        tracker.follow(CHAT, "https://news.example/feed", by="t", now=now)
        tracker.poll_feeds(feeds, now=now, worker="w1")
        tracker.poll_feeds(feeds, now=now + timedelta(minutes=1), worker="w2")
        assert len(feeds.calls) == 1

    def test_one_fetch_per_host_in_a_pass(self, tracker: Tracker, now: datetime) -> None:
        feeds = Feeds()
        tracker.follow(CHAT, "https://news.example/a", by="t", now=now)
        tracker.follow(CHAT, "https://news.example/b", by="t", now=now)
        tracker.poll_feeds(feeds, now=now, worker="w1")
        assert len(feeds.calls) == 1

    def test_a_pass_claims_a_chats_due_feeds_together(
        self, tracker: Tracker, now: datetime
    ) -> None:
        """The limit counts feeds but never splits a chat: the other chat waits a pass."""
        feeds = Feeds()
        for chat, hosts in ((CHAT, "abc"), (CHAT + 1, "d")):
            for h in hosts:
                tracker.follow(chat, f"https://{h}.example/feed", by="t", now=now)
        first = tracker.poll_feeds(feeds, now=now, worker="w1", limit=2)
        assert (len(feeds.calls), [b.chat_id for b in first]) == (3, [])  # no entries
        tracker.poll_feeds(feeds, now=now, worker="w1", limit=2)
        assert [url for url, _ in feeds.calls] == [f"https://{h}.example/feed" for h in "abcd"]

    def test_the_cli_ledger_gets_no_message_a_chats_ledger_does(
        self, tracker: Tracker, now: datetime
    ) -> None:
        """Ledger 0 (the command line's) is no Telegram chat: its batch is returned, not queued."""
        feeds = Feeds()
        for chat, host in ((CLI_LEDGER, "cli"), (CHAT, "chat")):
            url = f"https://{host}.example/feed"
            feeds.entries[url] = [Entry("e", f"https://{host}.example/1", "A380", FIRST, None)]
            tracker.follow(chat, url, by="t", now=now)
        batches = tracker.poll_feeds(feeds, now=now, worker="w")
        sent = tracker.claim_notifications(worker="w", now=now)
        assert sorted(b.chat_id for b in batches) == [CLI_LEDGER, CHAT]
        assert [(n.chat_id, n.news is not None) for n in sent] == [(CHAT, True)]

    def test_a_failing_feed_backs_off_and_is_reported_once(
        self, tracker: Tracker, now: datetime
    ) -> None:
        feeds = Feeds()
        url = "https://down.example/feed"
        feeds.failing.add(url)
        tracker.follow(CHAT, url, by="t", now=now)
        reported, at = [], now
        for _ in range(REPORT_AFTER_FAILURES + 2):
            reported += [
                f for b in tracker.poll_feeds(feeds, now=at, worker="w") for f in b.failing
            ]
            at += timedelta(days=2)
        [feed] = tracker.feeds(CHAT)
        assert (len(reported), feed.failures, "500" in (feed.last_error or "")) == (
            1,
            REPORT_AFTER_FAILURES + 2,
            True,
        )
        assert tracker.poll_feeds(feeds, now=at - timedelta(days=2) + POLL_EVERY, worker="w") == []
