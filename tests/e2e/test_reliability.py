"""Reliability against the fake Bot API: a slow answer is not a failed send, an unanswered send
is held back, replies draw on the shared flood budget, chats are served concurrently in order,
and a dispatcher killed with SIGKILL midway leaves nothing undelivered for long."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import signal
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.request import HTTPXRequest

from bot.jobs import dispatch
from bot.ordering import PerChatProcessor
from tests.e2e import updates as u
from tests.e2e.conftest import NOW, Clock
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.flood_api import FloodControlledApi, seed_due_digests
from tests.e2e.test_webhook import wait_for
from tracker.flood import TELEGRAM
from tracker.services import Tracker
from tracker.services.claims import AMBIGUITY_WINDOW


def _due_today(tracker: Tracker) -> None:
    tracker.import_rows(u.ALICE, [{"quote": "The bridge opens.", "due": NOW.date().isoformat()}],
                        by="t", now=NOW - timedelta(days=3))  # fmt: skip
    tracker.update_settings(u.ALICE, digest_days=[])


class TestSlowAnswers:
    async def test_an_answer_after_the_usual_timeout_is_a_send(
        self, make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        _due_today(tracker)
        bot_api.delays["sendMessage"] = 0.8  # later than the bot's usual read timeout
        async with make_app(request=HTTPXRequest(read_timeout=0.3)) as app:
            first = await dispatch(app.bot, tracker, clock=clock, chat_gap=0, timeout=3.0)
            clock.now += timedelta(hours=1)
            again = await dispatch(app.bot, tracker, clock=clock, chat_gap=0, timeout=3.0)
        assert (first.sent, first.retried, first.ambiguous, again.sent) == (1, 0, 0, 0)
        assert len(bot_api.sent(chat_id=u.ALICE)) == 1

    async def test_an_unanswered_send_waits_for_the_ambiguity_window(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock,
        caplog: pytest.LogCaptureFixture,
    ) -> None:  # fmt: skip
        _due_today(tracker)
        bot_api.delays["sendMessage"] = 1.0
        first = await dispatch(app.bot, tracker, clock=clock, chat_gap=0, timeout=0.3)
        bot_api.delays.clear()
        clock.now += AMBIGUITY_WINDOW - timedelta(minutes=1)
        inside = await dispatch(app.bot, tracker, clock=clock, chat_gap=0)
        calls_inside = len(bot_api.sent(chat_id=u.ALICE))
        clock.now += timedelta(minutes=2)
        with caplog.at_level(logging.WARNING, logger="tracker.services.dispatch"):
            after = await dispatch(app.bot, tracker, clock=clock, chat_gap=0)
        assert (first.ambiguous, first.retried, inside.sent, calls_inside) == (1, 0, 0, 1)
        assert after.sent == 1  # maybe a repeat, and the log says so
        assert any("sending again after 1 unanswered" in r.getMessage() for r in caplog.records)


class TestSharedBudget:
    async def test_replies_in_one_chat_are_paced_by_the_budget(
        self, make_app: Any, bot_api: FakeBotApi
    ) -> None:
        async with make_app(limits=TELEGRAM) as app:
            for _ in range(3):
                await u.send(app, u.message("/start"))
        times = [c.at for c in bot_api.sent(chat_id=u.ALICE)]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        # Slots are 1.05 s apart (unpaced, the three replies arrive milliseconds apart). An
        # arrival can be late by a few hundred ms (the first opens the connection), which
        # shortens one gap but not the span of the three.
        assert len(times) == 3 and min(gaps) >= 0.7 and times[-1] - times[0] >= 1.8, gaps


class TestPerChatOrder:
    async def test_other_chats_run_while_one_chat_waits_in_order(self, app: Any) -> None:
        processor, done = PerChatProcessor(), []
        release = asyncio.Event()

        async def work(name: str, wait: asyncio.Event | None = None) -> None:
            if wait is not None:
                await wait.wait()
            done.append(name)

        def update(chat: int) -> Any:
            from telegram import Update

            return Update.de_json(u.message("/start", chat_id=chat), app.bot)

        tasks = [
            asyncio.create_task(processor.process_update(update(u.ALICE), work("a1", release))),
            asyncio.create_task(processor.process_update(update(u.ALICE), work("a2"))),
            asyncio.create_task(processor.process_update(update(u.BOB), work("b1"))),
        ]
        await asyncio.sleep(0.05)
        waiting = list(done)
        release.set()
        await asyncio.gather(*tasks)
        assert (waiting, done) == (["b1"], ["b1", "a1", "a2"])


async def test_a_killed_dispatcher_leaves_nothing_undelivered_for_long(tmp_path: Path) -> None:
    api = FloodControlledApi()
    await api.start()
    url, chats = f"sqlite:///{tmp_path / 'bot.db'}", 60
    seed_due_digests(url, [50_000 + i for i in range(chats)])
    env = os.environ | {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                        "DATABASE_URL": url, "TRACKER_DISPATCH_LEASE_SECONDS": "3"}  # fmt: skip

    async def dispatcher() -> Any:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "dispatch", "--env-file", str(tmp_path / "none.env"),
            env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip

    try:
        first = await dispatcher()
        await wait_for(lambda: len(api.sent()) >= 15, timeout=60)
        first.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        await first.wait()
        second = await dispatcher()
        _, err = await asyncio.wait_for(second.communicate(), timeout=90)
        done = time.monotonic() - killed
    finally:
        await api.stop()
    received = Counter(int(c.params["chat_id"]) for c in api.sent())
    assert (second.returncode, b"Traceback" in err) == (0, False), err.decode()[-2000:]
    assert len(received) == chats  # every chat has its digest
    assert sum(received.values()) - chats <= 1  # at most the message in flight, once
    assert done < 60 and api.too_many == 0
