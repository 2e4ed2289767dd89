"""User stories: judging a commitment from its card, with an evidence link or note."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot import views
from bot.app import build_application
from bot.settings import Settings
from tests.e2e import updates as u
from tests.e2e.conftest import NOW, Clock, fake_fetch
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.updates import send
from tracker.domain import Status, VerdictsBy
from tracker.services import Tracker


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
    ).number
    await send(app, u.message(f"/verdict {cid}", chat_id=chat_id, user_id=user_id))
    card_id = max(m for _, m in bot_api.messages)
    await send(
        app, u.callback(f"v:{cid}:{code}", chat_id=chat_id, user_id=user_id, message_id=card_id)
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


ADMIN, MEMBER = 501, 502
EVIDENCE = "https://news.example/opened"


def in_group(text: str, prompt_id: int, **sender: int) -> dict[str, Any]:
    """A reply in the group to the question `prompt_id`, by `user_id` or `sender_chat`."""
    return u.message(text, chat_id=u.GROUP, reply_to=u.bot_message(u.GROUP, prompt_id), **sender)


class TestRace:
    async def test_a_reply_racing_the_question_into_the_ledger_is_still_recorded(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, monkeypatch: Any
    ) -> None:
        release = threading.Event()
        real_ask = tracker.ask_verdict

        def slow_ask(*args: Any, **kwargs: Any) -> Any:
            release.wait(5)  # the database is slow to store the question
            return real_ask(*args, **kwargs)

        monkeypatch.setattr(tracker, "ask_verdict", slow_ask)
        cid = tracker.add(u.ALICE, "The city will open the bridge", by="tg:1", now=NOW).number
        await send(app, u.message(f"/verdict {cid}"))
        card_id = max(m for _, m in bot_api.messages)
        press = asyncio.create_task(send(app, u.callback(f"v:{cid}:f", message_id=card_id)))
        for _ in range(200):  # until the prompt is out (its storing still pending)
            if views.EVIDENCE_ASK in bot_api.texts()[-1]:
                break
            await asyncio.sleep(0.01)
        prompt_id = max(m for _, m in bot_api.messages)
        reply_to = u.bot_message(u.ALICE, prompt_id, bot_api.texts()[-1])
        answer = asyncio.create_task(
            send(app, u.message("https://news.example/opened", reply_to=reply_to))
        )
        await asyncio.sleep(0.1)
        release.set()
        await asyncio.gather(press, answer)
        item = tracker.get(u.ALICE, cid)
        assert (item.status, item.verdicts[-1].evidence_url) == (
            Status.FULFILLED,
            "https://news.example/opened",
        )
        assert bot_api.texts()[-1] == "Recorded: " + views.line(item)


class TestAnonymousAdmins:
    """An anonymous admin's messages come from the group itself, not from their user id."""

    async def test_an_admins_question_answered_anonymously_is_recorded(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        tracker.update_settings(u.GROUP, verdicts_by=VerdictsBy.ADMINS)
        cid, prompt = await press_verdict(
            app, bot_api, tracker, "f", chat_id=u.GROUP, user_id=ADMIN
        )
        await send(app, in_group(f"opened {EVIDENCE}", prompt["message_id"], sender_chat=u.GROUP))
        item = tracker.get(u.GROUP, cid)
        v = item.verdicts[-1]
        assert (item.status, v.evidence_url, v.note, v.by) == (
            Status.FULFILLED,
            EVIDENCE,
            "opened",
            "tg:anonymous-admin",
        )
        assert bot_api.texts()[-1] == "Recorded: " + views.line(item)
        await send(app, u.message(f"/show {cid}", chat_id=u.GROUP, user_id=ADMIN))
        assert bot_api.texts()[-1] == views.card(item, tz="UTC")
        assert (
            f'fulfilled (an anonymous admin) — <a href="{EVIDENCE}">evidence</a> — opened'
            in bot_api.texts()[-1]
        )
        assert [c.params for c in bot_api.sent("getChatMember")] == [
            {"chat_id": u.GROUP, "user_id": ADMIN}  # the press's check, reused for the answer
        ]

    async def test_a_non_admins_question_is_not_answered_anonymously(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}  # anyone may judge here (the default)
        theirs, asked_member = await press_verdict(
            app, bot_api, tracker, "n", chat_id=u.GROUP, user_id=MEMBER
        )
        ours, asked_admin = await press_verdict(
            app, bot_api, tracker, "n", chat_id=u.GROUP, user_id=ADMIN
        )
        for prompt in (asked_member, asked_admin):
            await send(app, in_group("skip", prompt["message_id"], sender_chat=u.GROUP))
        assert (tracker.get(u.GROUP, theirs).verdicts, tracker.get(u.GROUP, ours).status) == (
            (),
            Status.NOT_FULFILLED,
        )
        await send(app, in_group("skip", asked_member["message_id"], user_id=MEMBER))
        item = tracker.get(u.GROUP, theirs)  # still open for the member who pressed
        assert (item.status, item.verdicts[-1].by) == (Status.NOT_FULFILLED, f"tg:{MEMBER}")

    async def test_a_reply_on_behalf_of_another_chat_answers_nothing(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        bot_api.admins[u.GROUP] = {ADMIN}
        cid, prompt = await press_verdict(
            app, bot_api, tracker, "p", chat_id=u.GROUP, user_id=ADMIN
        )
        channel = in_group(EVIDENCE, prompt["message_id"], sender_chat=u.LINKED_CHANNEL)
        await send(app, channel)
        assert tracker.get(u.GROUP, cid).verdicts == ()
        await send(app, in_group(EVIDENCE, prompt["message_id"], sender_chat=u.GROUP))
        v = tracker.get(u.GROUP, cid).verdicts
        assert [(x.status, x.evidence_url, x.by) for x in v] == [
            (Status.PARTLY, EVIDENCE, "tg:anonymous-admin")
        ]


def other_process(bot_api: FakeBotApi, sessions: sessionmaker[Session], clock: Clock) -> Any:
    """A second Application with its own Tracker and memory over the same database."""
    settings = Settings(bot_token=TOKEN, api_base_url=bot_api.base_url)
    return build_application(settings, Tracker(sessions), clock=clock, fetch=fake_fetch)


class TestAcrossProcesses:
    async def test_answer_after_a_restart_is_recorded(
        self,
        make_app: Callable[..., Any],
        bot_api: FakeBotApi,
        tracker: Any,
        sessions: sessionmaker[Session],
    ) -> None:
        async with make_app() as before:
            cid, prompt = await press_verdict(before, bot_api, tracker, "f")
        later = NOW + timedelta(hours=2)
        async with other_process(bot_api, sessions, Clock(later)) as after:
            reply_to = u.bot_message(u.ALICE, prompt["message_id"], prompt["text"])
            await send(after, u.message("opened https://news.example/opened", reply_to=reply_to))
        item = tracker.get(u.ALICE, cid)
        v = item.verdicts[-1]
        assert (item.status, len(item.verdicts), v.evidence_url, v.note, v.by, v.at) == (
            Status.FULFILLED,
            1,
            "https://news.example/opened",
            "opened",
            f"tg:{u.ALICE}",
            later,
        )
        assert bot_api.texts()[-1] == "Recorded: " + views.line(item)

    async def test_a_refused_answer_stays_open_for_either_process(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, sessions: sessionmaker[Session]
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "u", chat_id=u.GROUP)
        reply_to = u.bot_message(u.GROUP, prompt["message_id"])
        async with other_process(bot_api, sessions, Clock()) as second:
            await send(second, u.message("skip", chat_id=u.GROUP, reply_to=reply_to))
            assert "note is required" in bot_api.texts()[-1]
            await send(
                second, u.message("shrug", chat_id=u.GROUP, user_id=u.BOB, reply_to=reply_to)
            )
        await send(app, u.message("no budget figures", chat_id=u.GROUP, reply_to=reply_to))
        item = tracker.get(u.GROUP, cid)
        assert [(v.status, v.note) for v in item.verdicts] == [
            (Status.UNJUDGEABLE, "no budget figures")
        ]

    async def test_cancel_in_another_process(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, sessions: sessionmaker[Session]
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "p")
        async with other_process(bot_api, sessions, Clock()) as second:
            await send(second, u.message("/cancel"))
        await send(app, u.message("skip", reply_to=u.bot_message(u.ALICE, prompt["message_id"])))
        assert (bot_api.texts()[-2:], tracker.get(u.ALICE, cid).verdicts) == (
            [views.CANCELLED, views.HINT],
            (),
        )
