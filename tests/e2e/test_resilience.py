"""Stories about the Bot API's limits: blocked chats, flood control, long messages, bad HTML."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot import views
from bot.errors import APOLOGY
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi, parse_html, utf16_len
from tests.e2e.updates import send


class TestBlockedChat:
    async def test_forbidden_marks_the_chat_inactive(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        assert tracker.settings(u.BOB).active is True
        bot_api.blocked.add(u.BOB)
        await send(app, u.message("/help", chat_id=u.BOB))
        assert [c.status for c in bot_api.calls if c.method == "sendMessage"] == [403]
        assert tracker.settings(u.BOB).active is False
        assert tracker.settings(u.ALICE).active is True


class TestFloodControl:
    async def test_retry_after_is_honoured(self, app: Any, bot_api: FakeBotApi) -> None:
        bot_api.flood("sendMessage", retry_after=1)
        await send(app, u.message("/start"))
        first, second = (c for c in bot_api.calls if c.method == "sendMessage")
        assert (first.status, second.status) == (429, 200)
        assert second.at - first.at >= 1.0
        assert bot_api.texts() == [views.WELCOME]

    async def test_gives_up_after_three_retries(self, app: Any, bot_api: FakeBotApi) -> None:
        bot_api.flood("sendMessage", retry_after=1, times=4)  # 1 try + max_retries=3
        await send(app, u.message("/start"))
        statuses = [c.status for c in bot_api.calls if c.method == "sendMessage"]
        assert statuses == [429, 429, 429, 429, 200]
        assert bot_api.texts() == [APOLOGY]  # RetryAfter reached the error handler


class TestLongMessages:
    async def test_long_proposal_is_split_below_4096(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        towns = [f"Town{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
        article = " ".join(
            f"The minister promised that the government will build a hospital in {town} by 2030."
            for town in towns
        )
        await send(app, u.message("/track " + article))
        sent = bot_api.sent("sendMessage")
        assert len(sent) >= 2
        assert all(utf16_len(parse_html(c.params["text"])) <= 4096 for c in sent)
        assert [("reply_markup" in c.params) for c in sent] == [False] * (len(sent) - 1) + [True]
        joined = "\n".join(c.params["text"] for c in sent)
        pid = int(
            sent[-1].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1]
        )
        assert joined == views.proposal(tracker.get_proposal(u.ALICE, pid))


class TestFakeServerEnforcesLimits:
    """The fake is only useful if it refuses what Telegram refuses."""

    async def test_text_over_4096(self, app: Any) -> None:
        await app.bot.send_message(u.ALICE, "x" * 4096)
        with pytest.raises(BadRequest, match="too long"):
            await app.bot.send_message(u.ALICE, "x" * 4097)

    async def test_entities_do_not_count(self, app: Any) -> None:
        await app.bot.send_message(u.ALICE, "<b>" + "&amp;" * 4096 + "</b>")

    @pytest.mark.parametrize(
        "text", ["a < b", "fish & chips", "<b>open", "<b><i>x</b></i>", "<script>x</script>"]
    )
    async def test_invalid_html(self, app: Any, text: str) -> None:
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await app.bot.send_message(u.ALICE, text)

    async def test_callback_data_over_64_bytes(self, app: Any) -> None:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="é" * 33)]])
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await app.bot.send_message(u.ALICE, "hi", reply_markup=markup)

    async def test_caption_over_1024(self, app: Any) -> None:
        with pytest.raises(BadRequest, match="too long"):
            await app.bot.send_document(u.ALICE, b"data", filename="a.txt", caption="c" * 1025)
