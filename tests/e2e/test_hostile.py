"""Hostile messages to the bot (issue 14): a pathological text is answered, not a freeze,
and the next user is served; a NUL character gets a message, not "Sorry"."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send

SENTENCE = "The city will build a new bridge by 2027"
ARTICLE = (
    "The mayor promised that the city will open the new bridge by June 2027, officials said. "
    "The minister said the government will build 40 new stations within two years."
)


async def test_a_run_of_periods_is_answered_and_the_next_user_served(
    app: Any, bot_api: FakeBotApi
) -> None:
    hostile = u.message("/track " + SENTENCE + "." * 200, chat_id=u.ALICE)
    # 60 periods took over a minute before the fix; the bound only keeps a regression finite
    await asyncio.wait_for(send(app, hostile), timeout=120)
    assert bot_api.texts(chat_id=u.ALICE)
    await send(app, u.message("/help", chat_id=u.BOB))
    assert bot_api.texts(chat_id=u.BOB)


async def test_a_nul_character_in_add_gets_a_message_not_sorry(
    app: Any, bot_api: FakeBotApi, tracker: Any
) -> None:
    await send(app, u.message("/add The city will build \x00 a bridge", chat_id=u.ALICE))
    [reply] = bot_api.texts(chat_id=u.ALICE)
    assert "NUL character" in reply and "Sorry" not in reply
    assert tracker.list(u.ALICE).total == 0


async def test_a_forged_drop_of_another_chats_proposal_says_nothing_was_dropped(
    app: Any, bot_api: FakeBotApi, tracker: Any
) -> None:
    await send(app, u.message("/track " + ARTICLE, chat_id=u.ALICE))
    params = bot_api.sent(chat_id=u.ALICE)[-1].params
    pid = int(params["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1])
    await send(app, u.message("/help", chat_id=u.BOB))
    mid = max(message_id for _, message_id in bot_api.messages)
    await send(app, u.callback(f"tr:{pid}:d", chat_id=u.BOB, message_id=mid))
    last = bot_api.texts(chat_id=u.BOB)[-1]
    assert "Dropped" not in last and f"no proposal #{pid}" in last
    assert tracker.get_proposal(u.ALICE, pid).candidates
