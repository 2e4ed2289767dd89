"""Digests and summaries are owed only from when a chat's settings exist (or last changed), and
a week gets one summary even when its time moves; "the end of the quarter" is this quarter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.e2e import updates as u
from tests.e2e.conftest import Clock
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_followup import seed, tick
from tests.e2e.test_track import offer
from tests.e2e.updates import send
from tracker.services import Tracker

MONDAY_1830_BERLIN = datetime(2026, 12, 7, 17, 30, tzinfo=UTC)  # the 09:00 slot is 9½ h old
SUNDAY_1801_BERLIN = datetime(2026, 12, 13, 17, 1, tzinfo=UTC)


def heads(bot_api: FakeBotApi, *, chat_id: int = u.ALICE) -> list[str]:
    """First lines of the digests and weekly summaries the chat got."""
    sent = [c.params for c in bot_api.calls if c.method in ("sendMessage", "sendPhoto")]
    mine = [p for p in sent if int(p["chat_id"]) == chat_id]
    firsts = [(p.get("text") or p.get("caption") or "").split("\n")[0] for p in mine]
    return [h for h in firsts if h.startswith(("<b>Digest", "<b>Weekly summary"))]


class TestNewChat:
    async def test_no_late_digest_or_summary_for_slots_before_it_existed(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        clock.now = MONDAY_1830_BERLIN
        await send(app, u.message("/start"))
        await send(app, u.message("/settings timezone Europe/Berlin"))
        sent = await offer(app, bot_api)
        await send(app, u.callback(f"tr:{sent['pid']}:a", message_id=sent["message_id"]))
        before = len(heads(bot_api))
        await tick(app, tracker, clock, MONDAY_1830_BERLIN + timedelta(minutes=1))
        assert heads(bot_api)[before:] == []
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN)
        assert heads(bot_api)[before:] == ["<b>Weekly summary</b> · 2026-12-13"]


class TestSummaryTimeMoved:
    async def test_moving_the_summary_later_the_same_day_sends_no_second_one(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2027, 3, 1)], digest_days=[])
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN - timedelta(days=7))
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN)
        assert heads(bot_api)[-1] == "<b>Weekly summary</b> · 2026-12-13"
        clock.now = SUNDAY_1801_BERLIN + timedelta(hours=1)
        await send(app, u.message("/settings summary sun 20:00"))
        count = len(heads(bot_api))
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN + timedelta(hours=2))
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN + timedelta(days=1))
        assert heads(bot_api)[count:] == []
        await tick(app, tracker, clock, SUNDAY_1801_BERLIN + timedelta(days=7, hours=2))
        assert heads(bot_api)[count:] == ["<b>Weekly summary</b> · 2026-12-20"]

    async def test_moving_the_digest_earlier_today_sends_no_late_digest(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 12, 9)])  # due within the week: every digest mentions it
        monday_0901 = datetime(2026, 12, 7, 8, 1, tzinfo=UTC)
        await tick(app, tracker, clock, monday_0901 - timedelta(days=1))
        await tick(app, tracker, clock, monday_0901)
        assert "<b>Digest for Mon 07 Dec 2026</b>" in heads(bot_api)
        clock.now = monday_0901 + timedelta(hours=1)
        await send(app, u.message("/settings digest 09:30"))
        count = len(heads(bot_api))
        await tick(app, tracker, clock, monday_0901 + timedelta(hours=1, minutes=1))
        assert heads(bot_api)[count:] == []
        await tick(app, tracker, clock, monday_0901 + timedelta(days=1, minutes=30))
        assert heads(bot_api)[count:] == ["<b>Digest for Tue 08 Dec 2026</b>"]


class TestQuarter:
    async def test_by_the_end_of_the_quarter_is_this_quarter(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        clock.now = datetime(2026, 12, 7, 12, tzinfo=UTC)
        await send(app, u.message("/add We will close the deal by the end of the quarter"))
        (item,) = tracker.list(u.ALICE).items
        assert (item.due, item.deadline_value) == (date(2026, 12, 31), "2026-Q4")
