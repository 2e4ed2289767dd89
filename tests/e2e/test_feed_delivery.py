"""Feed messages are delivered like digests, through the outbox, by the bot's own tick: a batch
whose send failed (502, a dropped connection) or was flood-limited arrives on a later pass,
exactly once, and two bots on one PostgreSQL database deliver it once between them."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import pytest

from bot.app import build_application
from bot.settings import Settings
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.feed_site import Site, loopback, two_processes_engines
from tracker.flood import UNPACED
from tracker.news import POLL_EVERY
from tracker.services import Tracker
from tracker.store.db import make_sessionmaker

NEW = "Boeing said it will open a new assembly plant in Texas by March 2008, the company said."
BATCH = "From your feeds"


async def tick(app: Any) -> None:
    """One run of the bot's own dispatch job: feeds polled, then a dispatch pass."""
    [job] = app.job_queue.jobs()
    await job.run(app)


def batch_statuses(bot_api: FakeBotApi) -> list[int]:
    """The status of every attempt to send the chat a feed batch (0: no answer)."""
    return [
        c.status
        for c in bot_api.calls
        if c.method == "sendMessage"
        and c.params.get("chat_id") == u.ALICE
        and BATCH in c.params["text"]
    ]


def follow(tracker: Tracker, served: Site, port: int, now: Any) -> None:
    served.items["/feed.xml"] = [("new", NEW, date(2006, 5, 1))]
    tracker.follow(u.ALICE, f"http://feeds.test:{port}/feed.xml", by="t", now=now)


class TestFailedSends:
    @pytest.mark.parametrize("failure", ["502", "dropped connection"])
    async def test_a_batch_whose_send_failed_arrives_on_a_later_pass_once(
        self, failure: str, make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Any,
        site: tuple[Site, int],
    ) -> None:  # fmt: skip
        follow(tracker, *site, clock())
        if failure == "502":
            bot_api.fail("sendMessage")
        else:
            bot_api.drop("sendMessage")
        async with make_app(fetch_feed=loopback) as app:
            await tick(app)
            failed = batch_statuses(bot_api)
            for _ in range(3):  # past the retry backoff, then the feed's next poll
                clock.now += POLL_EVERY / 3
                await tick(app)
        lost = 0 if failure == "dropped connection" else 502  # 0: no answer came
        assert (failed, batch_statuses(bot_api)) == ([lost], [lost, 200])

    async def test_retry_after_on_a_batch_is_honoured(
        self, make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Any,
        site: tuple[Site, int],
    ) -> None:  # fmt: skip
        follow(tracker, *site, clock())
        bot_api.flood("sendMessage", retry_after=2, times=4)  # outlasts the limiter's retries
        async with make_app(fetch_feed=loopback) as app:
            await tick(app)
            flooded = batch_statuses(bot_api)
            clock.now += timedelta(seconds=1)  # inside retry_after: held back
            await tick(app)
            early = batch_statuses(bot_api)
            clock.now += timedelta(seconds=1.5)
            await tick(app)
        assert (flooded, early) == ([429] * 4, [429] * 4)
        assert batch_statuses(bot_api) == [429] * 4 + [200]


async def test_two_bots_on_postgresql_deliver_a_polled_batch_once(
    pg_schema_factory: Any, bot_api: FakeBotApi, clock: Any, site: tuple[Site, int]
) -> None:
    first, second = two_processes_engines(pg_schema_factory)
    trackers = [Tracker(make_sessionmaker(e)) for e in (first, second)]
    follow(trackers[0], *site, clock())
    settings = Settings(bot_token=TOKEN, api_base_url=bot_api.base_url, dispatch_lease_seconds=3)
    apps = [
        build_application(settings, t, clock=clock, fetch_feed=loopback, limits=UNPACED)
        for t in trackers
    ]
    bot_api.fail("sendMessage")  # the first attempt fails: whoever retries, it arrives once
    try:
        async with apps[0], apps[1]:
            for _ in range(4):
                await asyncio.gather(*(tick(app) for app in apps))
                clock.now += POLL_EVERY / 3
    finally:
        second.dispose()
    assert batch_statuses(bot_api) == [502, 200]
