"""User stories: judging a commitment from its card, with an evidence link or note."""

from __future__ import annotations

from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.conftest import NOW
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send
from tracker.domain import Status


async def press_verdict(
    app: Any,
    bot_api: FakeBotApi,
    tracker: Any,
    code: str,
    *,
    chat_id: int = u.ALICE,
    user_id: int | None = None,
) -> tuple[int, dict[str, Any]]:
    """Add a commitment, show its card, press a verdict button; return (id, prompt message)."""
    cid = tracker.add(
        chat_id, "The city will open the bridge", deadline="by 2027-06-30", by="tg:1", now=NOW
    ).id
    await send(app, u.message(f"/verdict {cid}", chat_id=chat_id, user_id=user_id))
    card_id = max(m for _, m in bot_api.messages)
    await send(
        app, u.callback(f"vd:{cid}:{code}", chat_id=chat_id, user_id=user_id, message_id=card_id)
    )
    prompt = bot_api.last()
    return cid, prompt | {"message_id": max(m for _, m in bot_api.messages)}


class TestVerdict:
    async def test_button_asks_for_evidence_then_records_it(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "f")
        assert prompt["reply_markup"] == {
            "force_reply": True,
            "selective": True,
            "input_field_placeholder": "link or note, or skip",
        }
        assert prompt["text"].endswith(views.evidence_prompt(cid, Status.FULFILLED))
        assert tracker.get(u.ALICE, cid).status == Status.OPEN  # nothing until answered
        reply_to = u.bot_message(u.ALICE, prompt["message_id"], prompt["text"])
        await send(app, u.message("opened today https://news.example/opened", reply_to=reply_to))
        item = tracker.get(u.ALICE, cid)
        assert (
            item.status,
            item.verdicts[-1].evidence_url,
            item.verdicts[-1].note,
            item.verdicts[-1].by,
        ) == (Status.FULFILLED, "https://news.example/opened", "opened today", f"tg:{u.ALICE}")
        assert bot_api.texts()[-1] == "Recorded: " + views.line(item)

    async def test_skip_records_without_evidence(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "n")
        await send(app, u.message("skip", reply_to=u.bot_message(u.ALICE, prompt["message_id"])))
        item = tracker.get(u.ALICE, cid)
        assert (item.status, item.verdicts[-1].evidence_url, item.verdicts[-1].note) == (
            Status.NOT_FULFILLED,
            None,
            None,
        )

    async def test_cant_judge_needs_a_reason(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "u")
        reply_to = u.bot_message(u.ALICE, prompt["message_id"])
        await send(app, u.message("skip", reply_to=reply_to))
        assert tracker.get(u.ALICE, cid).status == Status.OPEN
        assert "note is required" in bot_api.texts()[-1]
        await send(app, u.message("the project was cancelled", reply_to=reply_to))  # still pending
        item = tracker.get(u.ALICE, cid)
        assert (item.status, item.verdicts[-1].note) == (
            Status.UNJUDGEABLE,
            "the project was cancelled",
        )

    async def test_cancel_drops_the_question(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "p")
        await send(app, u.message("/cancel"))
        await send(
            app,
            u.message(
                "https://news.example/x", reply_to=u.bot_message(u.ALICE, prompt["message_id"])
            ),
        )
        assert bot_api.texts()[-2] == views.CANCELLED
        assert tracker.get(u.ALICE, cid).verdicts == ()

    async def test_only_the_presser_answers_in_a_group(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(
            app, bot_api, tracker, "y", chat_id=u.GROUP, user_id=u.ALICE
        )
        assert f'<a href="tg://user?id={u.ALICE}">' in prompt["text"]
        reply_to = u.bot_message(u.GROUP, prompt["message_id"])
        await send(app, u.message("skip", chat_id=u.GROUP, user_id=u.BOB, reply_to=reply_to))
        assert tracker.get(u.GROUP, cid).verdicts == ()
        await send(app, u.message("skip", chat_id=u.GROUP, user_id=u.ALICE, reply_to=reply_to))
        assert tracker.get(u.GROUP, cid).status == Status.IN_PROGRESS
