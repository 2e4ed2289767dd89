"""Feeds end to end: a chat follows a feed served on loopback (through tracker.fetch with the
test-only allowance), new articles arrive as one batched message, a later article moves a
tracked item's deadline (one tap) and another is offered as evidence; failing feeds back off;
two processes on PostgreSQL never fetch a feed twice in one interval."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.jobs import dispatch
from bot.news.poll import poll
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.feed_site import Site, loopback, two_processes_engines
from tests.e2e.updates import send
from tracker.domain import Article, PublishedBasis, Status
from tracker.news import POLL_EVERY, REPORT_AFTER_FAILURES, FeedBatch
from tracker.services import Tracker
from tracker.store.db import make_sessionmaker

FIRST = "Airbus will deliver the first A380 superjumbo to Singapore Airlines by the end of 2006."
NEW = "Boeing said it will open a new assembly plant in Texas by March 2008, the company said."
MOVED = (
    "Airbus now expects to deliver the first A380 superjumbo to Singapore Airlines in "
    "October 2007, a delay of almost a year."
)
DONE = "Airbus delivered the first A380 superjumbo to Singapore Airlines on Monday in Toulouse."


async def poll_and_send(app: Any, tracker: Tracker, clock: Any) -> int:
    """What one tick does with feeds: poll them (messages queued), then a dispatch pass; the
    chats with news."""
    chats = await poll(tracker, clock=clock, fetch=loopback)
    await dispatch(app.bot, tracker, clock=clock, chat_gap=0)
    return chats


def buttons(params: dict[str, Any]) -> list[str]:
    rows = params.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


def track_first(tracker: Tracker, now: datetime) -> int:
    """Alice's item #1 (another chat's items first, so its row id is not 1)."""
    for n in range(2):
        tracker.add(u.BOB, f"We will open library {n} by 2030", by="t", now=now)
    first = Article(FIRST, published=date(2006, 1, 10), published_basis=PublishedBasis.GIVEN)
    proposal = tracker.propose(u.ALICE, first, now=now)
    item = tracker.accept(u.ALICE, proposal.id, None, by="t", now=now)[0]
    assert item.number == 1 and item.id != item.number  # the button must carry the number
    return item.number


async def test_following_a_feed_batches_news_moves_a_deadline_and_offers_evidence(
    make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Any, site: tuple[Site, int]
) -> None:
    served, port = site
    item = track_first(tracker, clock())
    app = make_app(fetch_feed=loopback)
    async with app:
        await send(app, u.message(f"/follow http://feeds.test:{port}/feed.xml"))
        assert "Following feed 1" in bot_api.last()["text"]
        served.items["/feed.xml"] = [
            ("new", NEW, date(2006, 5, 1)),
            ("moved", MOVED, date(2006, 6, 14)),
        ]
        before = len(bot_api.sent(chat_id=u.ALICE))
        assert await poll_and_send(app, tracker, clock) == 1
        [batch] = bot_api.sent(chat_id=u.ALICE)[before:]
        move = [d for d in buttons(batch.params) if d.startswith("mv:")]
        assert ("From your feeds" in batch.params["text"], len(move)) == (True, 1)
        assert any(d.startswith("tr:") for d in buttons(batch.params))
        labels = [
            b["text"] for row in batch.params["reply_markup"]["inline_keyboard"] for b in row
        ]
        assert "Move #1 due to 2007-10-31" in labels  # the chat's number, not the row id
        assert "#1: deadline moved" in batch.params["text"]
        await send(app, u.callback(move[0], chat_id=u.BOB, message_id=1))  # forged elsewhere
        assert tracker.get(u.ALICE, item).due != date(2007, 10, 31)
        await send(app, u.callback(move[0], message_id=1))
        assert tracker.get(u.ALICE, item).due == date(2007, 10, 31)
        await send(app, u.message(f"/show {item}"))
        assert "Deadline moved 2006-12-31 → 2007-10-31" in bot_api.last()["text"]

        clock.now += POLL_EVERY  # unchanged feed: a conditional GET, 304, nothing sent
        assert await poll_and_send(app, tracker, clock) == 0
        assert served.requests[-1][1] is not None

        served.items["/feed.xml"].append(("done", DONE, date(2007, 10, 16)))
        clock.now += POLL_EVERY  # the item is overdue in 2026: its evidence is offered at once
        before = len(bot_api.sent(chat_id=u.ALICE))
        await poll_and_send(app, tracker, clock)
        offer = bot_api.sent(chat_id=u.ALICE)[before:][-1].params
        assert offer["text"].startswith("Possibly fulfilled")
        verdict = next(d for d in buttons(offer) if d.endswith(":f"))
        await send(app, u.callback(verdict, message_id=2))
        kept = tracker.get(u.ALICE, item)
        assert (kept.status, kept.verdicts[-1].evidence_url) == (
            Status.FULFILLED,
            "http://feeds.test/done",
        )


async def test_a_failing_feed_backs_off_and_is_reported_once(
    make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Any, site: tuple[Site, int]
) -> None:
    served, port = site
    tracker.follow(u.ALICE, f"http://feeds.test:{port}/broken", by="t", now=clock())
    app = make_app(fetch_feed=loopback)
    async with app:
        for _ in range(REPORT_AFTER_FAILURES + 2):
            await poll_and_send(app, tracker, clock)
            await poll_and_send(app, tracker, clock)  # backed off: no fetch
            clock.now += timedelta(days=3)
    texts = [c.params["text"] for c in bot_api.sent(chat_id=u.ALICE)]
    assert (sum("keeps failing" in t for t in texts), len(served.requests)) == (
        1,
        REPORT_AFTER_FAILURES + 2,
    )


def at_once(run: Callable[[Tracker, str], None], trackers: list[Tracker]) -> None:
    """`run(tracker, worker)` for each tracker in its own thread, all starting together."""
    start = threading.Barrier(len(trackers))

    def go(tracker: Tracker, worker: str) -> None:
        start.wait()
        run(tracker, worker)

    threads = [threading.Thread(target=go, args=(t, f"w{i}")) for i, t in enumerate(trackers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_two_processes_on_postgresql_fetch_a_feed_once_per_interval(
    pg_schema_factory: Any, site: tuple[Site, int]
) -> None:
    served, port = site
    first, second = two_processes_engines(pg_schema_factory)
    trackers = [Tracker(make_sessionmaker(e)) for e in (first, second)]
    now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    for n in range(3):  # three hosts, so the per-host gap does not hold any of them back
        url = f"http://feeds-{n}.test:{port}/feed.xml?n={n}"
        trackers[0].follow(u.ALICE, url, by="t", now=now)
        served.items[f"/feed.xml?n={n}"] = [("x", NEW, date(2006, 5, 1))]

    def run(tracker: Tracker, worker: str) -> None:
        for minute in range(0, 30, 5):
            tracker.poll_feeds(loopback, now=now + timedelta(minutes=minute), worker=worker)

    at_once(run, trackers)
    second.dispose()
    assert sorted(p for p, _ in served.requests) == [f"/feed.xml?n={n}" for n in range(3)]


def test_two_processes_on_postgresql_send_a_chat_one_batch_per_poll(
    pg_schema_factory: Any, site: tuple[Site, int]
) -> None:
    """Each process claims a few feeds per pass; a chat's due feeds go to one of them, so each
    chat gets one batch with every feed's article, never one per process."""
    served, port = site
    first, second = two_processes_engines(pg_schema_factory)
    trackers = [Tracker(make_sessionmaker(e)) for e in (first, second)]
    now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    chats = [u.ALICE, u.BOB, u.ALICE + 7, u.BOB + 7]
    for c, chat in enumerate(chats):
        for n in range(3):  # one host per feed: the per-host gap holds none of them back
            path = f"/feed.xml?c={c}&n={n}"
            text = NEW.replace("Texas", f"town {c}-{n}")
            served.items[path] = [(f"x{c}-{n}", text, date(2006, 5, 1))]
            trackers[0].follow(chat, f"http://f{c}-{n}.test:{port}{path}", by="t", now=now)
    found: list[FeedBatch] = []

    def run(tracker: Tracker, worker: str) -> None:
        while batches := tracker.poll_feeds(loopback, now=now, worker=worker, limit=2):
            found.extend(batches)  # list.extend is atomic under the GIL

    at_once(run, trackers)
    second.dispose()
    assert len(served.requests) == 12
    assert sorted((b.chat_id, len(b.proposals)) for b in found) == sorted((c, 3) for c in chats)


async def test_link_buttons_follow_the_chats_rules(
    make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Any
) -> None:
    """A prefilled verdict under a link is a verdict: in a group where admins judge, a member's
    press is refused with an alert and records nothing; a press on a message too old to edit,
    or with forged data, is a stale button; moving the due date stays open to members."""
    from bot import views
    from bot.handlers.verdicts import JUDGES_ONLY
    from tracker.domain import VerdictsBy

    admin, member = 501, 502
    bot_api.admins[u.GROUP] = {admin}
    tracker.update_settings(u.GROUP, verdicts_by=VerdictsBy.ADMINS)
    first = Article(FIRST, published=date(2006, 1, 10), published_basis=PublishedBasis.GIVEN)
    item = tracker.accept(u.GROUP, tracker.propose(u.GROUP, first, now=clock()).id, None,
                          by="t", now=clock())[0]  # fmt: skip
    links = {}
    for text, day in ((MOVED, date(2006, 6, 14)), (DONE, date(2007, 10, 16))):
        later = Article(text, published=day, published_basis=PublishedBasis.GIVEN)
        links.update({x.relation.value: x for x in tracker.link(u.GROUP, later, now=clock())[1]})
    assert {"moves_deadline", "reports_done"} <= set(links)
    done, moved = links["reports_done"].id, links["moves_deadline"].id
    app = make_app()
    async with app:

        async def press(data: str, user: int, **extra: Any) -> dict[str, Any]:
            await send(app, u.callback(data, chat_id=u.GROUP, user_id=user, message_id=3,
                                       **extra))  # fmt: skip
            return bot_api.last("answerCallbackQuery")

        shown = len(bot_api.texts())
        refused = await press(f"ev:{done}:f", member)
        assert (refused["text"], refused["show_alert"]) == (JUDGES_ONLY, True)
        assert len(bot_api.texts()) == shown
        assert tracker.get(u.GROUP, item.number).status == Status.OPEN
        stale = await press(f"ev:{done}:f", admin, inaccessible=True)
        assert stale.get("text") == views.STALE_BUTTON
        assert (await press("ev:x:f", admin)).get("text") == views.STALE_BUTTON
        assert tracker.get(u.GROUP, item.number).status == Status.OPEN
        await press(f"mv:{moved}", member)
        assert tracker.get(u.GROUP, item.number).due == date(2007, 10, 31)
        await press(f"ev:{done}:f", admin)
        assert tracker.get(u.GROUP, item.number).status == Status.FULFILLED
