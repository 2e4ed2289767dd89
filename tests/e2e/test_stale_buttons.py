"""A proposal answers once: after Drop or Track, its old buttons (a double tap, a keyboard the
client has not refreshed) change nothing, say "Already handled" and edit nothing."""

from __future__ import annotations

from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_track import ARTICLE, offer
from tests.e2e.updates import send


def toasts(bot_api: FakeBotApi) -> list[str | None]:
    return [c.params.get("text") for c in bot_api.sent("answerCallbackQuery")]


def edits(bot_api: FakeBotApi) -> list[int]:
    """HTTP statuses of every edit the bot asked for (400 = "message is not modified" etc.)."""
    return [c.status for c in bot_api.calls if c.method.startswith("editMessage")]


class TestClosedProposal:
    async def test_track_all_after_drop_tracks_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        t, mid = f"tr:{sent['pid']}", sent["message_id"]
        await send(app, u.callback(f"{t}:d", message_id=mid))
        await send(app, u.callback(f"{t}:a", message_id=mid))  # the stale keyboard
        assert tracker.list(u.ALICE).total == 0
        assert bot_api.texts()[-1] == views.DROPPED
        assert toasts(bot_api) == ["Dropped", views.ALREADY_HANDLED]
        assert edits(bot_api) == [200]  # the drop removed the keyboard; the stale press nothing

    async def test_a_repeated_track_all_after_saving_picks_adds_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        t, mid = f"tr:{sent['pid']}", sent["message_id"]
        await send(app, u.callback(f"{t}:s:2:2", message_id=mid))
        await send(app, u.callback(f"{t}:a", message_id=mid))
        await send(app, u.callback(f"{t}:s:2:2", message_id=mid))
        await send(app, u.callback(f"{t}:p:2:3", message_id=mid))
        assert [c.action for c in tracker.list(u.ALICE).items] == [
            "build 40 new stations within two years"
        ]
        assert toasts(bot_api) == ["Tracked 1 new"] + [views.ALREADY_HANDLED] * 3
        assert edits(bot_api) == [200]
        assert len(bot_api.texts()) == 2  # the proposal and one confirmation

    async def test_repasting_a_tracked_article_says_so(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        await send(app, u.callback(f"tr:{sent['pid']}:s:2:1", message_id=sent["message_id"]))
        await send(app, u.message("/track " + ARTICLE))
        again = bot_api.sent()[-1].params
        assert again["text"].startswith("<b>Found 2 commitments</b> (1 already tracked)")
        assert "already tracked as #1" in again["text"]
        pid = int(again["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1])
        await send(app, u.callback(f"tr:{pid}:a", message_id=max(m for _, m in bot_api.messages)))
        assert bot_api.texts()[-1] == (
            "Tracking 1 new commitment: #2. Already tracked: #1. See /list."
        )
        await send(app, u.message("/track " + ARTICLE))
        last = bot_api.sent()[-1].params
        assert last["text"] == ("<b>Already tracking</b> all 2 commitments: #1, #2. See /list.")
        assert "reply_markup" not in last
        assert tracker.list(u.ALICE).total == 2
