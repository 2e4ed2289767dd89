"""User story: after a verdict button, the evidence is simply sent (no Reply) and is taken as
the answer, from that user in that chat, for ANSWER_WINDOW; everything else reads as before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_verdicts import press_verdict
from tests.e2e.updates import send
from tracker.domain import ANSWER_WINDOW, Status

LINK = "https://news.example/opened"
ARTICLE = "https://news.example/bridge"  # the fake news site's article


class TestNextMessageAnswers:
    async def test_plain_link_and_note_record_the_verdict(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "f")
        assert "no need to reply" in prompt["text"] and "“skip”" in prompt["text"]
        await send(app, u.message(f"opened today {LINK}"))
        item = tracker.get(u.ALICE, cid)
        verdict = item.verdicts[-1]
        assert (item.status, verdict.evidence_url, verdict.note, verdict.by) == (
            Status.FULFILLED, LINK, "opened today", f"tg:{u.ALICE}",
        )  # fmt: skip
        assert bot_api.texts()[-1] == "Recorded: " + views.line(item)
        assert bot_api.sent("sendChatAction") == []  # no article was read

    async def test_skip_records_without_evidence(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "n")
        await send(app, u.message("skip"))
        item = tracker.get(u.ALICE, cid)
        assert (item.status, item.verdicts[-1].evidence_url, item.verdicts[-1].note) == (
            Status.NOT_FULFILLED, None, None,
        )  # fmt: skip

    async def test_answered_once_then_links_are_articles_again(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f")
        await send(app, u.message(LINK))
        await send(app, u.message(ARTICLE))
        assert len(tracker.get(u.ALICE, cid).verdicts) == 1
        assert bot_api.texts()[-1].startswith("<b>Found 2 commitments</b>")

    async def test_another_process_takes_the_answer(
        self, app: Any, make_app: Callable[..., Any], bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f")
        other = make_app()  # a restarted or second bot process: nothing shared but the database
        async with other:
            await send(other, u.message(f"done {LINK}"))
        assert tracker.get(u.ALICE, cid).verdicts[-1].evidence_url == LINK

    async def test_latest_question_takes_the_next_message(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        first, first_prompt = await press_verdict(app, bot_api, tracker, "f")
        second, _ = await press_verdict(app, bot_api, tracker, "n")
        await send(app, u.message("skip"))
        assert tracker.get(u.ALICE, second).status == Status.NOT_FULFILLED
        assert tracker.get(u.ALICE, first).status == Status.OPEN
        await send(app, u.message(ARTICLE))  # the older question awaits a Reply only
        assert tracker.get(u.ALICE, first).status == Status.OPEN
        reply_to = u.bot_message(u.ALICE, first_prompt["message_id"])
        await send(app, u.message(LINK, reply_to=reply_to))
        assert tracker.get(u.ALICE, first).verdicts[-1].evidence_url == LINK

    async def test_refused_answer_keeps_waiting(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "u")  # can't judge: needs a note
        await send(app, u.message("skip"))
        assert tracker.get(u.ALICE, cid).status == Status.OPEN
        assert "note" in bot_api.texts()[-1]
        await send(app, u.message("the report is not public"))
        assert tracker.get(u.ALICE, cid).verdicts[-1].note == "the report is not public"


class TestEverythingElseAsBefore:
    async def test_other_users_messages_answer_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f", chat_id=u.GROUP, user_id=u.ALICE)
        await send(app, u.message(LINK, chat_id=u.GROUP, user_id=u.BOB))
        assert tracker.get(u.GROUP, cid).verdicts == ()
        await send(app, u.message(LINK, chat_id=u.GROUP, user_id=u.ALICE))
        item = tracker.get(u.GROUP, cid)
        assert (item.status, item.verdicts[-1].by) == (Status.FULFILLED, f"tg:{u.ALICE}")

    async def test_other_chats_messages_answer_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f", chat_id=u.GROUP, user_id=u.ALICE)
        await send(app, u.message(ARTICLE))  # Alice's private chat: an article to read
        assert bot_api.texts(chat_id=u.ALICE)[-1].startswith("<b>Found 2 commitments</b>")
        assert tracker.get(u.GROUP, cid).verdicts == ()

    async def test_after_the_window_a_link_is_an_article(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, clock: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "f")
        clock.now += ANSWER_WINDOW + timedelta(seconds=1)
        await send(app, u.message(ARTICLE))
        assert bot_api.texts()[-1].startswith("<b>Found 2 commitments</b>")
        assert tracker.get(u.ALICE, cid).verdicts == ()
        reply_to = u.bot_message(u.ALICE, prompt["message_id"])
        await send(app, u.message(LINK, reply_to=reply_to))  # a Reply still answers
        assert tracker.get(u.ALICE, cid).verdicts[-1].evidence_url == LINK

    async def test_commands_and_forwards_are_not_answers(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f")
        await send(app, u.message("/list"))
        await send(app, u.message(ARTICLE, forwarded=True))
        assert bot_api.texts()[-1].startswith("<b>Found 2 commitments</b>")
        assert tracker.get(u.ALICE, cid).verdicts == ()
        await send(app, u.message(LINK))
        assert tracker.get(u.ALICE, cid).verdicts[-1].evidence_url == LINK

    async def test_cancel_ends_the_wait(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        cid, _ = await press_verdict(app, bot_api, tracker, "f")
        await send(app, u.message("/cancel"))
        await send(app, u.message(ARTICLE))
        assert bot_api.texts()[-1].startswith("<b>Found 2 commitments</b>")
        assert tracker.get(u.ALICE, cid).verdicts == ()
