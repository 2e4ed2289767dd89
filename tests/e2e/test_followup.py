"""User stories of the follow-up engine through the fake Bot API, with a fake clock moved
across days and weeks: check-ins, snoozes, digests, weekly summaries, blocked chats, flood
control and server errors, and `tracker-bot dispatch` run twice."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from telegram.ext import AIORateLimiter

from bot import keyboards, views
from bot.jobs import dispatch
from tests.e2e import updates as u
from tests.e2e.conftest import Clock
from tests.e2e.fake_bot_api import BOT_USERNAME, TOKEN, FakeBotApi
from tracker.domain import Status
from tracker.services import Tracker
from tracker.store.db import make_engine, make_sessionmaker, migrate

BERLIN = "Europe/Berlin"
THURSDAY = datetime(2026, 11, 26, 12, tzinfo=UTC)
FRIDAY_0859_BERLIN = datetime(2026, 11, 27, 7, 59, tzinfo=UTC)  # CET = UTC+1
FRIDAY_0901_BERLIN = datetime(2026, 11, 27, 8, 1, tzinfo=UTC)
SOURCE = {
    "source_url": "https://news.example/bridge",
    "source_title": "Bridge plans",
    "source_published": "2026-11-20",
    "source_text": "The mayor promised that the city will open the new bridge.",
}


def seed(
    tracker: Tracker, dues: list[date], *, chat_id: int = u.ALICE, **settings: Any
) -> list[int]:
    """Commitments due on `dues` (imported on Thursday), in a Berlin chat; their ids."""
    rows = [
        {"quote": f"The city will open bridge {i}.", "action": f"open bridge {i}",
         "actors": ["Mayor"], "due": d.isoformat(), **SOURCE}
        for i, d in enumerate(dues, start=1)
    ]  # fmt: skip
    tracker.import_rows(chat_id, rows, by="tg:1", now=THURSDAY)
    tracker.update_settings(chat_id, timezone=BERLIN, **settings)
    return sorted(c.number for c in tracker.list(chat_id).items)  # in the order of `dues`


def cards(bot_api: FakeBotApi) -> list[str]:
    """Texts of the check-in cards sent so far."""
    return [text for text in bot_api.texts() if text.endswith("Was it kept?")]


async def tick(app: Any, tracker: Tracker, clock: Clock, at: datetime) -> Any:
    """Move the clock and run one dispatch pass, as the JobQueue tick does."""
    clock.now = at
    return await dispatch(app.bot, tracker, clock=clock, chat_gap=0)  # gaps: own test


class TestCheckin:
    async def test_card_on_the_due_day_at_the_local_hour(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        (cid,) = seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await tick(app, tracker, clock, FRIDAY_0859_BERLIN)
        assert bot_api.sent() == []
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        (card,) = bot_api.sent()
        assert card.params["text"] == (
            "<b>Due today:</b> Mayor — open bridge 1\n“The city will open bridge 1.”\n"
            'Source: <a href="https://news.example/bridge">Bridge plans</a>, 2026-11-20\n'
            f"#{cid} · promise · due 2026-11-27\nWas it kept?"
        )
        assert card.params["reply_markup"] == keyboards.checkin(cid).to_dict()
        labels = [b["text"] for row in card.params["reply_markup"]["inline_keyboard"] for b in row]
        assert labels == ["Fulfilled", "Partly", "Not fulfilled", "Can't be judged",
                          "⏰ Tomorrow", "⏰ Next week", "⏰ In a month"]  # fmt: skip

    async def test_verdict_button_on_the_card_records_it(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        (cid,) = seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        card_id = max(m for _, m in bot_api.messages)
        await u.send(app, u.callback(f"v:{cid}:f", message_id=card_id))
        prompt_id = max(m for _, m in bot_api.messages)
        await u.send(app, u.message("skip", reply_to=u.bot_message(u.ALICE, prompt_id)))
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=7, minutes=1))
        assert (tracker.get(u.ALICE, cid).status, len(cards(bot_api))) == (Status.FULFILLED, 1)

    async def test_snooze_seven_days_then_asked_again(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        (cid,) = seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        card_id = max(m for _, m in bot_api.messages)
        await u.send(app, u.callback(f"sn:{cid}:w", message_id=card_id))
        assert bot_api.texts()[-1] == f"#{cid}: not yet. I'll ask again on Fri 04 Dec 2026, 09:00."
        assert tracker.get(u.ALICE, cid).status == Status.IN_PROGRESS
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=6, hours=23))
        assert len(cards(bot_api)) == 1
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=7))
        assert cards(bot_api)[-1].startswith(
            "<b>Overdue since 2026-11-27:</b> Mayor — open bridge 1"
        )

    async def test_unanswered_is_asked_again_after_the_interval(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)], digest_days=[])
        for day in range(15):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=day))
        assert [text[:12] for text in cards(bot_api)] == ["<b>Due today"] + [
            "<b>Overdue s"
        ] * 2  # days 0, 7 and 14

    async def test_the_interval_is_a_chat_setting(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await u.send(app, u.message("/settings checkins 3"))
        assert bot_api.texts() == ["Unanswered check-ins will be asked again every 3 days."]
        for day in range(8):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=day))
        assert len(cards(bot_api)) == 3  # days 0, 3 and 6


class TestDigest:
    async def test_at_local_nine_with_coming_overdue_and_resolved(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        late, coming, done = seed(tracker, [date(2026, 11, 20), date(2026, 12, 1),
                                            date(2026, 11, 25)])  # fmt: skip
        later = THURSDAY + timedelta(hours=1)  # after the chat's last (first) digest slot
        tracker.record_verdict(u.ALICE, done, Status.FULFILLED, by="tg:1", now=later)
        await tick(app, tracker, clock, FRIDAY_0859_BERLIN)
        assert bot_api.sent() == []
        await tick(app, tracker, clock, FRIDAY_0859_BERLIN + timedelta(minutes=1))
        line = {
            c: views.line(tracker.get(u.ALICE, c), bot=BOT_USERNAME) for c in (late, coming, done)
        }
        assert bot_api.texts() == [
            "<b>Digest for Fri 27 Nov 2026</b>\n"
            f"\n<b>Due in the coming week</b> (1)\n{line[coming]}\n"
            f"\n<b>Overdue, not yet checked</b> (1)\n{line[late]}\n"
            f"\n<b>Resolved since the last digest</b> (1)\n{line[done]}"
        ]
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(hours=5))
        assert len(bot_api.texts()) == 1

    async def test_nothing_to_say_sends_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2027, 6, 30)])
        for day in range(3):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=day))
        assert bot_api.sent() == []

    async def test_hundreds_of_old_items_make_one_split_digest(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2019, 12, 31)] * 120)
        report = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        texts = bot_api.texts()
        assert (report.planned, report.sent, texts[0].splitlines()[2]) == (
            1,
            1,
            "<b>Overdue, not yet checked</b> (120)",
        )
        assert texts[-1].endswith("…and 70 more: /list overdue")


class TestWeeklySummary:
    async def test_chart_and_figures_then_the_change_a_week_later(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        ids = seed(tracker, [date(2026, 11, d) for d in (2, 3, 4, 5, 6)] + [date(2027, 1, 1)],
                   digest_days=[], summary_day=4, summary_time="10:00")  # fmt: skip
        verdicts = [Status.FULFILLED, Status.PARTLY, Status.NOT_FULFILLED, Status.UNJUDGEABLE]
        for cid, status in zip(ids, verdicts, strict=False):
            tracker.record_verdict(u.ALICE, cid, status, by="tg:1", now=THURSDAY, note="n")
        await tick(app, tracker, clock, datetime(2026, 11, 27, 9, 0, tzinfo=UTC))  # 10:00 CET
        photo = bot_api.last("sendPhoto")
        assert photo["photo"]["content"][:8] == b"\x89PNG\r\n\x1a\n"
        assert photo["caption"] == (
            "<b>Weekly summary</b> · 2026-11-27\n"
            "Overall: 50% kept of 3 judged (1 fulfilled, 1 partly, 1 not) · 1 can't be judged"
            " · 1 overdue unchecked · 0 not yet · 1 not yet due\n"
            "First weekly summary: no change to show yet."
        )
        assert bot_api.texts()[-1].startswith("<b>By actor</b>\nMayor: 50% kept of 3 judged")
        tracker.record_verdict(u.ALICE, ids[4], Status.FULFILLED, by="tg:1", now=THURSDAY)
        await tick(app, tracker, clock, datetime(2026, 12, 4, 9, 0, tzinfo=UTC))
        assert bot_api.last("sendPhoto")["caption"].splitlines()[1:] == [
            "Overall: 62% kept of 4 judged (2 fulfilled, 1 partly, 1 not) · 1 can't be judged"
            " · 0 overdue unchecked · 0 not yet · 1 not yet due",
            "Since last week: kept +12 pts, judged +1, overdue unchecked -1, in all +0",
        ]
        assert len(bot_api.sent("sendPhoto")) == 2

    async def test_chart_names_the_rate_and_keeps_every_actor(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        actors = [["Mayor", "Council"], ["Mayor"]] + [[f"Agency {i}"] for i in range(7)]
        rows = [
            {"quote": f"We will do thing {i}.", "action": f"do thing {i}", "actors": names,
             "due": "2026-11-02", **SOURCE}
            for i, names in enumerate(actors, start=1)
        ]  # fmt: skip
        tracker.import_rows(u.ALICE, rows, by="tg:1", now=THURSDAY)
        tracker.update_settings(u.ALICE, timezone=BERLIN, digest_days=[], summary_day=4,
                                summary_time="10:00")  # fmt: skip
        numbers = sorted(c.number for c in tracker.list(u.ALICE).items)
        for number, status in zip(numbers, [Status.FULFILLED, Status.NOT_FULFILLED], strict=False):
            tracker.record_verdict(u.ALICE, number, status, by="tg:1", now=THURSDAY, note="n")
        await tick(app, tracker, clock, datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
        photo = bot_api.last("sendPhoto")
        chart = Image.open(io.BytesIO(photo["photo"]["content"])).text["Description"]
        caption = photo["caption"].splitlines()[1]
        assert (caption.startswith("Overall: 50% kept of 2 judged"), chart.splitlines()[0]) == (
            True,
            "Kept 50% of 2 judged · 7 overdue unchecked",
        )
        bars = [line.split(":")[0] for line in chart.splitlines()[2:-1]]
        assert bars == ["All items", "Mayor", "Agency 0", "Agency 1", "Agency 2", "Agency 3",
                        "Agency 4", "Others (3 actors)"]  # fmt: skip
        assert chart.splitlines()[-1].startswith("An item with several actors counts in each")


class TestDeliveryErrors:
    @pytest.mark.parametrize(("gone", "status"), [("blocked", 403), ("missing", 400)])
    async def test_a_gone_chat_is_deactivated_and_left_alone(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock, gone: str, status: int
    ) -> None:
        seed(tracker, [date(2026, 11, 27), date(2026, 11, 27)])
        seed(tracker, [date(2026, 11, 27)], chat_id=u.BOB)
        getattr(bot_api, gone).add(u.ALICE)
        report = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        getattr(bot_api, gone).discard(u.ALICE)
        for day in range(1, 8):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=day))
        to_alice = [c.status for c in bot_api.calls if c.params.get("chat_id") == u.ALICE]
        active = tracker.settings(u.ALICE).active
        assert (report.chats_gone, active, to_alice) == (1, False, [status])
        assert len(bot_api.sent(chat_id=u.BOB)) >= 2  # the other chat is unaffected

    async def test_start_after_unblocking_resumes_follow_ups(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)])
        bot_api.blocked.add(u.ALICE)
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        bot_api.blocked.discard(u.ALICE)
        await u.send(app, u.message("/start"))
        assert tracker.settings(u.ALICE).active is True
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=1))
        assert bot_api.texts()[-1].startswith("<b>Digest for Sat 28 Nov 2026</b>")

    async def test_flood_control_is_retried_later_and_not_lost(
        self, make_app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)], digest_days=[])
        bot_api.flood("sendMessage", retry_after=5)
        async with make_app(rate_limiter=AIORateLimiter(max_retries=0)) as app:
            first = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
            soon = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(seconds=4))
            later = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(seconds=6))
        statuses = [c.status for c in bot_api.calls if c.method == "sendMessage"]
        assert ((first.retried, soon.sent, later.sent), statuses) == ((1, 0, 1), [429, 200])

    async def test_server_errors_back_off_and_retry(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)], digest_days=[])
        bot_api.fail("sendMessage", status=502, times=2)
        sent = []
        for seconds in (0, 29, 31, 31 + 59, 31 + 61):  # backoff: 30 s, then 60 s
            report = await tick(
                app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(seconds=seconds)
            )
            sent.append((report.retried, report.sent))
        assert sent == [(1, 0), (0, 0), (1, 0), (0, 0), (0, 1)]

    async def test_one_message_per_second_per_chat(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27)] * 2, digest_days=[])
        clock.now = FRIDAY_0901_BERLIN
        await dispatch(app.bot, tracker, clock=clock)  # the production gap
        first, second = bot_api.sent()
        assert second.at - first.at >= 1.0

    async def test_dispatch_twice_sends_nothing_the_second_time(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27), date(2026, 11, 20)])
        first = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        calls = len(bot_api.calls)
        second = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        # The card for today's item and one digest; last week's item is in the digest only.
        assert ((first.planned, first.sent), (second.planned, second.sent)) == ((2, 2), (0, 0))
        assert len(bot_api.calls) == calls


def test_one_repeating_job_is_registered(make_app: Any) -> None:
    app = make_app()
    assert [(j.name, j.job.trigger.interval) for j in app.job_queue.jobs()] == [
        ("dispatch", timedelta(seconds=60))
    ]


async def test_dispatch_command_twice_sends_once(bot_api: FakeBotApi, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    engine = make_engine(url)
    migrate(engine)
    tracker = Tracker(make_sessionmaker(engine))
    yesterday = datetime.now(UTC).date() - timedelta(days=1)  # the command reads the real clock
    tracker.import_rows(u.ALICE, [{"quote": "The bridge opens.", "due": yesterday.isoformat()}],
                        by="t", now=datetime.now(UTC))  # fmt: skip
    # No digest or summary slot can fall between seeding and the runs: only the check-in.
    tracker.update_settings(u.ALICE, digest_days=[], summary_day=yesterday.weekday())
    engine.dispose()
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": bot_api.base_url,
        "DATABASE_URL": url,
    }
    outputs = []
    for _ in range(2):
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "dispatch", "--env-file", str(tmp_path / "none.env"),
            env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(process.communicate(), timeout=60)
        assert (process.returncode, b"Traceback" in err) == (0, False), err.decode()[-2000:]
        outputs.append(out.decode().strip())
    assert outputs == [
        "planned 1, sent 1, retry later 0, rejected 0, chats gone 0",
        "planned 0, sent 0, retry later 0, rejected 0, chats gone 0",
    ]
    assert [c.params["text"].split("\n")[0] for c in bot_api.sent()] == [
        "<b>Overdue since " + yesterday.isoformat() + ":</b> <i>someone</i> — The bridge opens."
    ]
