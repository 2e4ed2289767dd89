"""Feed batches under stress: a poll process killed between fetching and recording leaves its
entries unread, so the next poll delivers them once; a batch longer than Telegram's 4,096
characters arrives in valid parts with the buttons under the last."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.settings import Settings
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.feed_site import Site, loopback
from tests.e2e.test_feeds import FIRST, NEW, poll_and_send
from tracker.flood import UNPACED
from tracker.news import POLL_EVERY
from tracker.services import open_tracker

DOOMED_POLL = """
import sys
from datetime import datetime
from pathlib import Path
from tests.e2e.feed_site import loopback
from tracker.services import open_tracker

tracker = open_tracker(sys.argv[1], data_dir=Path(sys.argv[2]))
tracker.poll_feeds(loopback, now=datetime.fromisoformat(sys.argv[3]), worker="doomed")
"""


def wait_until(done: Any, *, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def kill_mid_poll(db: str, tmp: Path, served: Site, now: Any, *, stall: str) -> None:
    """Run one poll in its own process and SIGKILL it while it fetches `stall`, after it has
    fetched and read the chat's first feed but before the chat's recording transaction."""
    served.stalled.add(stall)
    env = os.environ | {"PYTHONPATH": str(Path(__file__).parents[2])}
    args = [sys.executable, "-c", DOOMED_POLL, db, str(tmp), now.isoformat()]
    process = subprocess.Popen(args, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: any(p == stall for p, _ in served.requests), timeout=60)
    finally:
        process.kill()
        process.wait(timeout=30)
        served.stalled.clear()
        served.resume.set()


async def test_a_poll_killed_before_recording_is_read_again_and_delivered_once(
    any_db: str, tmp_path: Path, bot_api: FakeBotApi, clock: Any, site: tuple[Site, int]
) -> None:
    served, port = site
    tracker = open_tracker(any_db, data_dir=tmp_path)
    served.items |= {"/a.xml": [("alpha", FIRST, date(2006, 1, 10))],
                     "/b.xml": [("beta", NEW, date(2006, 5, 1))]}  # fmt: skip
    tracker.follow(u.ALICE, f"http://a.test:{port}/a.xml", auto=True, by="t", now=clock())
    tracker.follow(u.ALICE, f"http://b.test:{port}/b.xml", by="t", now=clock())
    kill_mid_poll(any_db, tmp_path, served, clock(), stall="/b.xml")
    assert tracker.list(u.ALICE).total == 1  # the dead poll had read feed 1 (auto-tracked)
    settings = Settings(bot_token=TOKEN, api_base_url=bot_api.base_url)
    app = build_application(settings, tracker, clock=clock, fetch_feed=loopback, limits=UNPACED)
    try:
        async with app:
            clock.now += POLL_EVERY
            await poll_and_send(app, tracker, clock)
            clock.now += POLL_EVERY  # nothing new: nothing more is sent
            await poll_and_send(app, tracker, clock)
    finally:
        tracker.dispose()
    [batch] = [c.params for c in bot_api.sent(chat_id=u.ALICE)]
    assert ("1. alpha" in batch["text"], "2. beta" in batch["text"]) == (True, True)
    assert "Tracked automatically (explicit deadline): #1\n" in batch["text"] + "\n"
    labels = [b["text"] for row in batch["reply_markup"]["inline_keyboard"] for b in row]
    assert (labels, tracker.list(u.ALICE).total) == (["Track all from article 2"], 1)


PROMISES = (
    "{co} said on Monday it will open a new train factory in {place} by March 2030, creating "
    "400 jobs for engineers, welders & fitters across the whole of the old industrial belt.",
    "{co} also plans to build 300 homes for its workers near the {place} site by the end of "
    "2029, its chief executive told reporters & analysts at a briefing in the town hall.",
    "The company promised to cut the carbon emissions of its {place} plants by half before "
    "2035, a target that environmental groups & unions have both welcomed this week.",
    "{co} said it would hire 200 apprentices from schools around {place} by September 2028 "
    "and train them on site, with wages & housing paid for by the regional government.",
)


def long_article(n: int) -> str:
    """Dated promises, most longer than the 200 characters a batch quotes of each."""
    return " ".join(p.format(co=f"Northern Rail Works {n}", place=f"Leeds {n}") for p in PROMISES)


async def test_a_long_batch_arrives_in_valid_parts_with_the_buttons_under_the_last(
    make_app: Any, bot_api: FakeBotApi, tracker: Any, clock: Any, site: tuple[Site, int]
) -> None:
    served, port = site
    served.items["/feed.xml"] = [
        (f"art-{n}", long_article(n), date(2026, 1, 5)) for n in range(20)
    ]
    tracker.follow(u.ALICE, f"http://feeds.test:{port}/feed.xml", by="t", now=clock())
    async with make_app(fetch_feed=loopback) as app:
        await poll_and_send(app, tracker, clock)
    tries = [c for c in bot_api.calls if c.method == "sendMessage"]
    parts = [c.params for c in bot_api.sent(chat_id=u.ALICE)]
    assert ([c.status for c in tries], len(parts) > 2) == ([200] * len(parts), True)
    assert all(len(p["text"]) <= 4096 and p["parse_mode"] == "HTML" for p in parts)
    assert ["reply_markup" in p for p in parts] == [False] * (len(parts) - 1) + [True]
    rows = parts[-1]["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in rows for b in row] == [
        f"Track all from article {n}" for n in range(1, 21)
    ]
    assert all(len(b["callback_data"].encode()) <= 64 for row in rows for b in row)
    text = "\n".join(p["text"] for p in parts)
    assert [f"{n + 1}. art-{n}:" in text for n in range(20)] == [True] * 20
