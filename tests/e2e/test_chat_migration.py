"""A group upgraded to a supergroup keeps its ledger: the service messages move it, and a
follow-up or a reply sent to the old id (answered 400 with `migrate_to_chat_id`, as the real
Bot API does) moves it too and ends up in the new chat exactly once; a supergroup that already
had its own digest for the slot gets one, and follow-ups that failed only because the chat had
moved are sent after all."""

from __future__ import annotations

import logging
import time
from datetime import date, timedelta
from typing import Any

import pytest

from bot import views
from tests.e2e import updates as u
from tests.e2e.conftest import Clock
from tests.e2e.fake_bot_api import BOT_USERNAME, FakeBotApi
from tests.e2e.test_followup import FRIDAY_0901_BERLIN, seed, tick
from tracker.services import Tracker

OLD = -4012345  # a basic group
NEW = -1004012345  # the supergroup it became
UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"


def in_old_group(update: dict[str, Any]) -> dict[str, Any]:
    """`update` as sent in the basic group before its upgrade."""
    update["message"]["chat"] = {"id": OLD, "type": "group", "title": "Team"}
    return update


def service(update_id: int, chat_id: int, **field: int) -> dict[str, Any]:
    """The service message Telegram sends in each chat when the group is upgraded."""
    chat = {"id": chat_id, "type": "group" if chat_id == OLD else "supergroup", "title": "Team"}
    message = {"message_id": 77, "date": int(time.time()), "chat": chat, "from": u.user(u.ALICE)}
    return {"update_id": update_id, "message": message | field}


TO_NEW = service(900001, OLD, migrate_to_chat_id=NEW)  # in the old group
FROM_OLD = service(900002, NEW, migrate_from_chat_id=OLD)  # in the new supergroup


def to_chat(bot_api: FakeBotApi, chat_id: int) -> list[tuple[str, int]]:
    """(method, HTTP status) of every call addressed to `chat_id`."""
    return [(c.method, c.status) for c in bot_api.calls if c.params.get("chat_id") == chat_id]


class TestServiceMessage:
    @pytest.mark.parametrize(
        "messages", [[TO_NEW], [FROM_OLD], [TO_NEW, FROM_OLD], [FROM_OLD, TO_NEW]]
    )
    async def test_the_ledger_moves_to_the_supergroup(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, messages: list[dict[str, Any]]
    ) -> None:
        ids = seed(tracker, [date(2026, 12, 1), date(2026, 12, 2)], chat_id=OLD)
        for message in messages:
            await u.send(app, message)
        assert [c.method for c in bot_api.calls] == ["getMe"]  # quiet: nothing sent anywhere
        listing = tracker.list(NEW)
        assert ([item.number for item in listing.items], tracker.list(OLD).total) == (ids, 0)
        assert tracker.settings(NEW).timezone == "Europe/Berlin"
        await u.send(app, u.message("/list", chat_id=NEW))
        (text,) = bot_api.texts(chat_id=NEW)
        assert [views.line(item) in text for item in listing.items] == [True, True]


class TestFollowUps:
    async def test_a_digest_and_a_card_for_the_old_id_arrive_once_in_the_new_chat(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        card_id, late_id = seed(tracker, [date(2026, 11, 27), date(2026, 11, 20)], chat_id=OLD)
        bot_api.migrated[OLD] = NEW
        report = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        again = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(minutes=1))
        assert (report.planned, report.sent, report.chats_moved, report.retried) == (2, 2, 1, 0)
        assert (again.planned, again.sent) == (0, 0)
        # One refused attempt at the old id; the pass then sends everything to the new one.
        assert to_chat(bot_api, OLD) == [("sendMessage", 400)]
        assert [text.split("\n")[0] for text in bot_api.texts(chat_id=NEW)] == [
            "<b>Digest for Fri 27 Nov 2026</b>",
            "<b>Due today:</b> Mayor — open bridge 1",
        ]
        assert [item.number for item in tracker.list(NEW).items] == [late_id, card_id]

    async def test_the_next_days_follow_ups_go_straight_to_the_new_chat(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 27), date(2026, 11, 20)], chat_id=OLD)
        bot_api.migrated[OLD] = NEW
        for day in range(3):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=day))
        heads = [text.split("\n")[0] for text in bot_api.texts(chat_id=NEW)]
        assert [head for head in heads if head.startswith("<b>Digest")] == [
            "<b>Digest for Fri 27 Nov 2026</b>",
            "<b>Digest for Sat 28 Nov 2026</b>",
            "<b>Digest for Sun 29 Nov 2026</b>",
        ]
        assert to_chat(bot_api, OLD) == [("sendMessage", 400)]


UPGRADED_TO_NEW = f"ChatMigrated: Group migrated to supergroup. New chat id: {NEW}"


def digests(bot_api: FakeBotApi, chat_id: int) -> list[str]:
    """The digests sent to `chat_id`, oldest first."""
    return [text for text in bot_api.texts(chat_id=chat_id) if text.startswith("<b>Digest")]


class TestMergedFollowUps:
    async def test_a_supergroup_with_its_own_digest_gets_one_for_the_slot(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 29)], chat_id=OLD)
        seed(tracker, [date(2026, 12, 1)], chat_id=NEW)  # the bot was used there already
        bot_api.fail("sendMessage", status=502, times=2)  # both digests wait for a retry
        first = await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        await u.send(app, FROM_OLD)  # the move, learnt late
        later = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(minutes=1))
        again = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(minutes=2))
        assert (first.retried, later.sent, again.sent) == (2, 1, 0)
        (digest,) = digests(bot_api, NEW)
        items = sorted(tracker.list(NEW).items, key=lambda item: item.due)  # the old group's first
        at = [digest.find(views.line(item, bot=BOT_USERNAME)) for item in items]
        assert (len(at), min(at) > 0, at == sorted(at)) == (2, True, True)  # both, in due order

    async def test_follow_ups_an_older_build_gave_up_on_reach_the_supergroup(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 30)], chat_id=OLD)
        # The first outbox build retried ChatMigrated until it failed the row, and moved nothing.
        tracker.plan_notifications(now=FRIDAY_0901_BERLIN)
        for note in tracker.claim_notifications(worker="old", now=FRIDAY_0901_BERLIN):
            tracker.reject(note.id, now=FRIDAY_0901_BERLIN, error=UPGRADED_TO_NEW)
        bot_api.migrated[OLD] = NEW
        report = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(days=1))
        # Saturday's digest finds the move; Friday's, failed before, follows in the same pass.
        assert (report.sent, report.chats_moved) == (2, 1)
        assert [text.split("\n")[0] for text in digests(bot_api, NEW)] == [
            "<b>Digest for Sat 28 Nov 2026</b>",
            "<b>Digest for Fri 27 Nov 2026</b>",
        ]

    async def test_a_follow_up_failed_at_the_supergroup_is_sent_when_the_move_is_learnt_again(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        seed(tracker, [date(2026, 11, 30)], chat_id=OLD)
        # Sends to the new id answer "migrated" too (the pass's "moved twice at once"), until
        # the row's 8 attempts are spent (the backoff is at most an hour).
        bot_api.migrated.update({OLD: NEW, NEW: NEW})
        for hour in range(8):
            await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(hours=hour))
        del bot_api.migrated[NEW]
        stuck = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(hours=8))
        await u.send(app, TO_NEW)  # the service message, processed late
        report = await tick(app, tracker, clock, FRIDAY_0901_BERLIN + timedelta(hours=8))
        assert (stuck.sent, report.sent) == (0, 1)
        assert [text.split("\n")[0] for text in digests(bot_api, NEW)] == [
            "<b>Digest for Fri 27 Nov 2026</b>"
        ]


class TestReplies:
    async def test_a_reply_refused_for_the_old_id_moves_the_ledger_without_an_error(
        self,
        app: Any,
        bot_api: FakeBotApi,
        tracker: Tracker,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        bot_api.migrated[OLD] = NEW
        with caplog.at_level(logging.INFO):
            await u.send(app, in_old_group(u.message("/add The port reopens by 2027")))
        (item,) = tracker.list(NEW).items
        assert (item.quote, tracker.list(OLD).total) == ("The port reopens", 0)
        assert to_chat(bot_api, OLD) == [("sendMessage", 400)]  # no apology to the old id
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
        assert f"chat {OLD} became supergroup {NEW}: 1 commitments moved" in caplog.messages
