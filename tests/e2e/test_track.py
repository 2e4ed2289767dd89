"""User stories: tracking an article (pasted, forwarded, linked) and settling its proposal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send
from tracker.domain import PublishedBasis

ARTICLE = (
    "The mayor promised that the city will open the new bridge by June 2027, officials said. "
    "The transport minister said the government will build 40 new stations within two years. "
    "Critics said the budget was too small."
)


def buttons(params: dict[str, Any]) -> list[str]:
    """Callback data of every button of a sent message, row by row."""
    rows = params.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row]


async def offer(app: Any, bot_api: FakeBotApi, *, chat_id: int = u.ALICE) -> dict[str, Any]:
    """Send ARTICLE with /track and return the proposal message the bot sent."""
    await send(app, u.message("/track " + ARTICLE, chat_id=chat_id))
    params = bot_api.sent(chat_id=chat_id)[-1].params
    pid = int(buttons(params)[0].split(":")[1])
    return params | {"message_id": _last_id(bot_api), "pid": pid}


def _last_id(bot_api: FakeBotApi) -> int:
    return max(message_id for _, message_id in bot_api.messages)


class TestOffer:
    async def test_track_text_lists_candidates_with_buttons(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        assert [c.method for c in bot_api.calls[1:]] == ["sendChatAction", "sendMessage"]
        assert bot_api.last("sendChatAction") == {"chat_id": u.ALICE, "action": "typing"}
        pid = sent["pid"]
        proposal = tracker.get_proposal(u.ALICE, pid)
        assert sent["text"] == views.proposal(proposal)
        assert sent["text"].startswith(f"<b>Found {len(proposal.candidates)} commitments</b>")
        assert "due 2027-06-30" in sent["text"]
        assert buttons(sent) == [
            f"tr:{pid}:a",
            f"tr:{pid}:p:{len(proposal.candidates)}:0",
            f"tr:{pid}:d",
        ]

    async def test_track_without_text_explains_usage(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/track"))
        assert bot_api.texts() == [views.TRACK_USAGE]

    async def test_pasted_article_without_command(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message(ARTICLE))
        assert bot_api.texts()[0].startswith("<b>Found 2 commitments</b>")

    async def test_forwarded_article_in_a_group_is_dated_by_its_post(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        update = u.message(ARTICLE, chat_id=u.GROUP, forwarded=True)
        await send(app, update)
        sent = bot_api.sent(chat_id=u.GROUP)[-1].params
        assert sent["text"].startswith("<b>Found 2 commitments</b>")
        pid = int(buttons(sent)[0].split(":")[1])
        posted = datetime.fromtimestamp(update["message"]["forward_origin"]["date"], UTC).date()
        source = tracker.get_proposal(u.GROUP, pid).source
        assert (source.published, source.published_basis) == (posted, PublishedBasis.GIVEN)

    async def test_track_in_reply_to_an_article(self, app: Any, bot_api: FakeBotApi) -> None:
        article = u.message(ARTICLE, chat_id=u.GROUP, user_id=u.BOB)["message"]
        await send(app, u.message("/track", chat_id=u.GROUP, reply_to=article))
        assert bot_api.texts(chat_id=u.GROUP)[0].startswith("<b>Found 2 commitments</b>")

    async def test_link_is_fetched(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("have a look: https://news.example/bridge"))
        assert bot_api.texts()[0].startswith("<b>Found 2 commitments</b> in <i>Bridge plans</i>")

    async def test_private_address_is_refused_politely(
        self, app: Any, bot_api: FakeBotApi
    ) -> None:
        await send(app, u.message("/track http://127.0.0.1:8080/admin"))
        assert bot_api.texts() == [
            "I won't fetch that link: 127.0.0.1 points to a private or reserved network address"
            " (127.0.0.1)"
        ]

    async def test_missing_page_is_explained(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/track https://news.example/gone"))
        assert bot_api.texts()[0].startswith("I couldn't fetch that link: ")


class TestSettle:
    async def test_track_all(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        sent = await offer(app, bot_api)
        await send(app, u.callback(f"tr:{sent['pid']}:a", message_id=sent["message_id"]))
        assert "reply_markup" not in bot_api.last("editMessageReplyMarkup")
        assert bot_api.last("editMessageReplyMarkup")["message_id"] == sent["message_id"]
        first, second = tracker.list(u.ALICE).items
        assert (
            bot_api.texts()[-1]
            == f"Tracking 2 new commitments: #{first.number}, #{second.number}. See /list."
        )

    async def test_pick_toggle_and_save(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        sent = await offer(app, bot_api)
        mid, t = sent["message_id"], f"tr:{sent['pid']}"
        await send(app, u.callback(f"{t}:p:2:0", message_id=mid))
        assert buttons(bot_api.last("editMessageReplyMarkup")) == [
            f"{t}:p:2:1",
            f"{t}:p:2:2",
            f"{t}:s:2:0",
            f"{t}:d",
        ]
        await send(app, u.callback(f"{t}:p:2:2", message_id=mid))
        assert buttons(bot_api.last("editMessageReplyMarkup")) == [
            f"{t}:p:2:3",
            f"{t}:p:2:0",
            f"{t}:s:2:2",
            f"{t}:d",
        ]
        await send(app, u.callback(f"{t}:s:2:2", message_id=mid))
        items = tracker.list(u.ALICE).items
        assert [c.action for c in items] == ["build 40 new stations within two years"]
        assert bot_api.texts()[-1] == f"Tracking 1 new commitment: #{items[0].number}. See /list."

    async def test_saving_nothing_is_refused(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        await send(app, u.callback(f"tr:{sent['pid']}:s:2:0", message_id=sent["message_id"]))
        assert bot_api.last("answerCallbackQuery")["text"] == views.PICK_SOME
        assert tracker.list(u.ALICE).total == 0

    async def test_drop(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        sent = await offer(app, bot_api)
        await send(app, u.callback(f"tr:{sent['pid']}:d", message_id=sent["message_id"]))
        assert bot_api.texts()[-1] == views.DROPPED
        assert tracker.list(u.ALICE).total == 0

    async def test_track_all_twice_tracks_once(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        sent = await offer(app, bot_api)
        data = f"tr:{sent['pid']}:a"
        bot_api.remember(
            u.ALICE,
            999,
            "old copy",
            markup={"inline_keyboard": [[{"text": "x", "callback_data": data}]]},
        )
        await send(app, u.callback(data, message_id=sent["message_id"]))
        await send(app, u.callback(data, message_id=999))
        assert tracker.list(u.ALICE).total == 2
