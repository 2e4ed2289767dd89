"""User story: a card's history names who judged or changed an item by the name they go by
in the chat (the latest one, escaped), while the ledger keeps the stable `tg:<id>` label."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.e2e import updates as u
from tests.e2e.conftest import NOW
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send

EVIDENCE = "https://news.example/opened"
ODD_NAME = "Ann <b>& Co</b>"


async def judge(app: Any, bot_api: FakeBotApi, tracker: Any, *, name: str) -> int:
    """Alice adds an item in the group, presses "fulfilled" and sends the evidence."""
    number = tracker.add(u.GROUP, "The city will open the bridge", by="tg:1", now=NOW).number
    await send(app, u.message(f"/show {number}", chat_id=u.GROUP, name=name))
    card_id = max(m for _, m in bot_api.messages)
    press = u.callback(f"v:{number}:f", chat_id=u.GROUP, message_id=card_id, name=name)
    await send(app, press)
    await send(app, u.message(f"opened {EVIDENCE}", chat_id=u.GROUP, name=name))
    return number


async def card_text(app: Any, bot_api: FakeBotApi, number: int, **sender: Any) -> str:
    await send(app, u.message(f"/show {number}", chat_id=u.GROUP, **sender))
    return bot_api.texts(chat_id=u.GROUP)[-1]


class TestNamesInHistory:
    async def test_verdict_shows_the_judges_name_escaped(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        number = await judge(app, bot_api, tracker, name=ODD_NAME)
        card = await card_text(app, bot_api, number, name=ODD_NAME)
        assert "fulfilled (Ann &lt;b&gt;&amp; Co&lt;/b&gt;) — " in card
        assert f"tg:{u.ALICE}" not in card
        assert tracker.get(u.GROUP, number).verdicts[-1].by == f"tg:{u.ALICE}"  # audit label

    async def test_the_latest_name_is_shown(
        self, app: Any, make_app: Callable[..., Any], bot_api: FakeBotApi, tracker: Any
    ) -> None:
        number = await judge(app, bot_api, tracker, name="Alice")
        await send(app, u.message("hello", chat_id=u.GROUP, name="Alicia"))
        other = make_app()  # another process: the name comes from the database
        async with other:
            card = await card_text(other, bot_api, number, user_id=u.BOB, name="Bob")
        assert "fulfilled (Alicia) — " in card and "(Alice)" not in card

    async def test_edits_show_the_editors_name(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        number = tracker.add(u.GROUP, "The city will open the bridge", by="tg:1", now=NOW).number
        edit = f"/edit {number} actor City council"
        await send(app, u.message(edit, chat_id=u.GROUP, user_id=u.BOB, name="Bob"))
        card = await card_text(app, bot_api, number)
        assert "“City council” (Bob)" in card
        assert tracker.get(u.GROUP, number).edits[-1].by == f"tg:{u.BOB}"

    async def test_unknown_people_keep_their_label(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        number = tracker.add(u.GROUP, "The city will open the bridge", by="tg:1", now=NOW).number
        tracker.record_verdict(u.GROUP, number, "fulfilled", by="tg:999", now=NOW)
        tracker.record_verdict(u.GROUP, number, "not_fulfilled", by="cli <me>", now=NOW)
        card = await card_text(app, bot_api, number)
        assert "fulfilled (tg:999)" in card and "not fulfilled (cli &lt;me&gt;)" in card

    async def test_names_are_per_chat(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        await send(app, u.message("/help", chat_id=u.OTHER_GROUP, name="Secret alias"))
        number = tracker.add(u.GROUP, "The city will open the bridge", by="tg:1", now=NOW).number
        tracker.record_verdict(u.GROUP, number, "fulfilled", by=f"tg:{u.ALICE}", now=NOW)
        card = await card_text(app, bot_api, number, user_id=u.BOB)
        assert f"fulfilled (tg:{u.ALICE})" in card and "Secret alias" not in card
