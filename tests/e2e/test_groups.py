"""User stories in groups: per-chat ledgers, admin-only settings and verdicts, forged buttons."""

from __future__ import annotations

from datetime import time
from typing import Any

from bot import views
from bot.context import AdminCache
from tests.e2e import updates as u
from tests.e2e.conftest import NOW
from tests.e2e.fake_bot_api import BOT_USERNAME, FakeBotApi
from tests.e2e.updates import send
from tracker.domain import Status, VerdictsBy

ADMIN, MEMBER = 501, 502


def answers(bot_api: FakeBotApi) -> list[str | None]:
    return [c.params.get("text") for c in bot_api.sent("answerCallbackQuery")]


class TestSettings:
    async def test_show_settings_to_anyone(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        await send(app, u.message("/settings", chat_id=u.GROUP, user_id=MEMBER))
        assert bot_api.texts() == [views.chat_settings(tracker.settings(u.GROUP))]
        assert bot_api.sent("getChatMember") == []

    async def test_typed_forms_in_private(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        for form in (
            "timezone Europe/Berlin",
            "digest 07:30 mon-fri",
            "summary fri 17:00",
            "verdicts admins",
        ):
            await send(app, u.message(f"/settings {form}"))
        prefs = tracker.settings(u.ALICE)
        assert (
            prefs.timezone,
            prefs.digest_time,
            prefs.digest_days,
            prefs.summary_day,
            prefs.summary_time,
            prefs.verdicts_by,
        ) == ("Europe/Berlin", time(7, 30), frozenset(range(5)), 4, time(17), VerdictsBy.ADMINS)
        assert bot_api.texts()[-1] == views.chat_settings(prefs)

    async def test_bad_form_explains(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        await send(app, u.message("/settings timezone Mars/Base"))
        assert bot_api.texts() == ["Unknown time zone “Mars/Base”; use a name like Europe/Berlin."]
        assert tracker.settings(u.ALICE).timezone == "UTC"

    async def test_only_admins_change_group_settings(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        await send(
            app, u.message("/settings timezone Asia/Tokyo", chat_id=u.GROUP, user_id=MEMBER)
        )
        assert bot_api.texts() == [views.ADMINS_ONLY]
        assert tracker.settings(u.GROUP).timezone == "UTC"
        await send(app, u.message("/settings timezone Asia/Tokyo", chat_id=u.GROUP, user_id=ADMIN))
        assert tracker.settings(u.GROUP).timezone == "Asia/Tokyo"

    async def test_settings_buttons_are_reauthorised(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        await send(app, u.message("/settings", chat_id=u.GROUP, user_id=MEMBER))
        mid = max(m for _, m in bot_api.messages)
        await send(
            app, u.callback("st:vb:admins", chat_id=u.GROUP, user_id=MEMBER, message_id=mid)
        )
        assert tracker.settings(u.GROUP).verdicts_by == VerdictsBy.EVERYONE
        refusal = bot_api.last("answerCallbackQuery")
        assert (refusal["text"], refusal["show_alert"]) == (views.ADMINS_ONLY, True)
        await send(app, u.callback("st:vb:admins", chat_id=u.GROUP, user_id=ADMIN, message_id=mid))
        assert tracker.settings(u.GROUP).verdicts_by == VerdictsBy.ADMINS
        assert bot_api.last("editMessageText")["text"] == views.chat_settings(
            tracker.settings(u.GROUP)
        )
        await send(
            app, u.callback("st:vb:admins", chat_id=u.GROUP, user_id=ADMIN, message_id=mid)
        )  # unchanged
        assert "Sorry" not in bot_api.texts()[-1]

    async def test_admin_checks_are_cached(self, app: Any, bot_api: FakeBotApi) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        await send(app, u.message("/settings digest 08:00", chat_id=u.GROUP, user_id=ADMIN))
        await send(app, u.message("/settings digest 09:00", chat_id=u.GROUP, user_id=ADMIN))
        assert [c.params for c in bot_api.sent("getChatMember")] == [
            {"chat_id": u.GROUP, "user_id": ADMIN}
        ]


class TestVerdictRule:
    async def test_admins_only_verdicts(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        tracker.update_settings(u.GROUP, verdicts_by=VerdictsBy.ADMINS)
        cid = tracker.add(u.GROUP, "The council will publish the audit", by="tg:1", now=NOW).number
        await send(app, u.message(f"/show {cid}", chat_id=u.GROUP, user_id=MEMBER))
        mid = max(m for _, m in bot_api.messages)
        shown = len(bot_api.texts())
        await send(app, u.callback(f"v:{cid}:f", chat_id=u.GROUP, user_id=MEMBER, message_id=mid))
        # A refusal is an alert toast to the member, not a message to the whole group.
        assert bot_api.last("answerCallbackQuery") | {"callback_query_id": ""} == {
            "callback_query_id": "",
            "text": "Only the chat's admins may record verdicts here.",
            "show_alert": True,
        }
        assert len(bot_api.texts()) == shown
        await send(app, u.callback(f"v:{cid}:f", chat_id=u.GROUP, user_id=ADMIN, message_id=mid))
        prompt_id = max(m for _, m in bot_api.messages)
        await send(
            app,
            u.message(
                "skip", chat_id=u.GROUP, user_id=ADMIN, reply_to=u.bot_message(u.GROUP, prompt_id)
            ),
        )
        assert tracker.get(u.GROUP, cid).status == Status.FULFILLED


class TestForgedButtons:
    async def test_unknown_or_malformed_data(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        before = len(bot_api.calls)
        for data in ("admin:grant", "tr:1:p:3:ff", "v:1:x", "ls:open:-5", "st:vb:root", "x" * 64):
            await send(app, u.callback(data, message_id=1))
        assert [c.method for c in bot_api.calls[before:]] == ["answerCallbackQuery"] * 6
        assert answers(bot_api) == [views.STALE_BUTTON] * 6

    async def test_buttons_on_inaccessible_messages(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid = tracker.add(u.ALICE, "The port will reopen", by="tg:1", now=NOW).number
        await send(app, u.callback(f"v:{cid}:f", message_id=5, inaccessible=True))
        assert answers(bot_api) == [views.STALE_BUTTON]
        assert [c.method for c in bot_api.calls[1:]] == ["answerCallbackQuery"]

    async def test_another_chats_ids_change_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        theirs = tracker.add(u.OTHER_GROUP, "The port will reopen", by="tg:9", now=NOW).number
        bot_api.remember(u.GROUP, 77, "card")
        await send(app, u.callback(f"v:{theirs}:f", chat_id=u.GROUP, message_id=77))
        await send(app, u.message(f"/show {theirs}", chat_id=u.GROUP))
        assert (
            bot_api.texts(chat_id=u.GROUP)
            == [f"There is no item #{theirs} in this chat; see /list."] * 2
        )
        assert tracker.get(u.OTHER_GROUP, theirs).verdicts == ()

    async def test_another_chats_proposal(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        await send(
            app,
            u.message(
                "/track The minister said the government will build 40 new stations by 2028.",
                chat_id=u.OTHER_GROUP,
            ),
        )
        data = bot_api.last()["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        bot_api.remember(
            u.GROUP,
            78,
            "proposal",
            markup={"inline_keyboard": [[{"text": "x", "callback_data": data}]]},
        )
        await send(app, u.callback(data, chat_id=u.GROUP, message_id=78))
        assert tracker.list(u.GROUP).total == 0 and tracker.list(u.OTHER_GROUP).total == 0
        assert (
            bot_api.texts(chat_id=u.GROUP)[-1]
            == f"There is no proposal #{data.split(':')[1]} in this chat."
        )

    async def test_every_callback_is_answered_once(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid = tracker.add(u.ALICE, "The city will open the bridge", by="tg:1", now=NOW).number
        await send(app, u.message(f"/show {cid}"))
        await send(app, u.callback(f"v:{cid}:f", message_id=max(m for _, m in bot_api.messages)))
        await send(app, u.callback("ls:all:0", message_id=max(m for _, m in bot_api.messages)))
        assert [c.status for c in bot_api.calls if c.method == "answerCallbackQuery"] == [200, 200]


class TestAdminCache:
    async def test_a_demoted_admin_loses_rights_after_the_ttl(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        ticks = [0.0]
        app.bot_data["admins"] = AdminCache(ttl=60, monotonic=lambda: ticks[0])
        bot_api.admins[u.GROUP] = {ADMIN}
        await send(app, u.message("/settings digest 08:00", chat_id=u.GROUP, user_id=ADMIN))
        bot_api.admins[u.GROUP] = set()
        ticks[0] = 59.0  # still trusted
        await send(app, u.message("/settings digest 08:30", chat_id=u.GROUP, user_id=ADMIN))
        ticks[0] = 61.0  # asks Telegram again
        await send(app, u.message("/settings digest 09:30", chat_id=u.GROUP, user_id=ADMIN))
        assert tracker.settings(u.GROUP).digest_time == time(8, 30)
        assert bot_api.texts()[-1] == views.ADMINS_ONLY
        assert len(bot_api.sent("getChatMember")) == 2


class TestPrivacyMode:
    async def test_commands_addressed_to_the_bot(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message(f"/help@{BOT_USERNAME}", chat_id=u.GROUP))
        await send(app, u.message("/help@some_other_bot", chat_id=u.GROUP))
        assert bot_api.texts() == [views.help_text(group=True)]
        assert "reply /track to a forwarded article" in bot_api.texts()[0]
