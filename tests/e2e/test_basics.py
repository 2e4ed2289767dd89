"""User stories: first contact, help, hints, cancel; private and group chats."""

from __future__ import annotations

from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send


class TestFirstContact:
    async def test_start_welcomes(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/start"))
        assert bot_api.texts() == [views.WELCOME]

    async def test_start_deep_link_to_help(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/start help"))
        assert bot_api.texts() == [views.help_text()]

    async def test_start_deep_link_to_a_card(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        await send(app, u.message("/add The council will publish the audit by March 2027"))
        cid = tracker.list(u.ALICE).items[0].number
        await send(app, u.message(f"/start show-{cid}"))
        assert bot_api.texts()[-1].startswith(f"<b>#{cid}</b>")

    async def test_help_lists_every_command(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/help", chat_id=u.GROUP))
        text = bot_api.last()["text"]
        assert [line.split(" — ")[0] for line in text.split("\n") if line.startswith("/")] == [
            f"/{name}" for name, _, _ in views.COMMANDS
        ]


class TestHints:
    async def test_unknown_command_in_private_gets_a_hint(
        self, app: Any, bot_api: FakeBotApi
    ) -> None:
        await send(app, u.message("/frobnicate"))
        assert bot_api.texts() == [views.HINT]

    async def test_stray_short_text_gets_a_hint(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("hello there"))
        assert bot_api.texts() == [views.HINT]

    async def test_groups_stay_quiet_about_chatter(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/frobnicate", chat_id=u.GROUP))
        await send(app, u.message("lunch? https://food.example/menu", chat_id=u.GROUP))
        assert bot_api.texts() == []

    async def test_cancel_with_nothing_pending(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/cancel"))
        assert bot_api.texts() == [views.NOTHING_TO_CANCEL]
