"""User stories of the bot as a daily tool: per-chat numbers, fixing and untracking items,
snoozing by phrase, times and zones as typed, verdicts typed in one go, exports that keep
texts once, and pointers for what the bot does not do."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time
from typing import Any

from bot import views
from tests.e2e import updates as u
from tests.e2e.conftest import Clock
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_track import offer
from tests.e2e.updates import send
from tracker.domain import EditField, Status
from tracker.services import Tracker


def last_buttons(bot_api: FakeBotApi) -> list[str]:
    rows = bot_api.sent()[-1].params.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row]


class TestNumbers:
    async def test_a_new_chat_starts_at_one_whatever_other_chats_hold(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        for n in range(3):
            await send(app, u.message(f"/add Other chat item {n} by 2027", chat_id=u.BOB))
        await send(app, u.message("/add The port will reopen by June 2027"))
        assert bot_api.texts()[-1].startswith("Added: <b>#1</b>")
        assert last_buttons(bot_api)[0] == "v:1:f"
        await send(app, u.message("/show 1"))
        assert bot_api.texts()[-1].startswith("<b>#1</b> <i>someone</i> — The port will reopen")
        await send(app, u.message("/verdict 1 fulfilled https://news.example/port"))
        assert tracker.get(u.ALICE, 1).status is Status.FULFILLED
        assert tracker.get(u.BOB, 1).status is Status.OPEN  # Bob's #1 is another item

    async def test_tracked_articles_are_numbered_in_order(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        sent = await offer(app, bot_api, chat_id=u.GROUP)
        await send(app, u.callback(f"tr:{sent['pid']}:a", chat_id=u.GROUP,
                                   message_id=sent["message_id"]))  # fmt: skip
        assert bot_api.texts(chat_id=u.GROUP)[-1].startswith("Tracking 2 new commitments: #1, #2")


class TestEditAndUntrack:
    async def test_edit_actor_action_and_due_keeps_the_old_values(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/add The port will reopen by June 2027"))
        await send(app, u.message("/edit 1 actor Port authority, City"))
        await send(app, u.message("/edit 1 action reopen the north port"))
        await send(app, u.message("/edit 1 due 2027-09-30"))
        item = tracker.get(u.ALICE, 1)
        assert (item.actors, item.action, item.due) == (
            ("Port authority", "City"),
            "reopen the north port",
            date(2027, 9, 30),
        )
        assert [(e.field, e.old) for e in item.edits] == [
            (EditField.ACTOR, ""),
            (EditField.ACTION, "The port will reopen"),
        ]
        await send(app, u.message("/show 1"))
        card = bot_api.texts()[-1]
        assert "action “The port will reopen” → “reopen the north port”" in card
        await send(app, u.message("/export"))
        json_doc = bot_api.sent("sendDocument")[-1].params["document"]["content"]
        (row,) = json.loads(json_doc)
        assert [e["field"] for e in row["edits"]] == ["actor", "action"]
        assert row["due_changes"][0]["old_due"] == "2027-06-30"

    async def test_untrack_hides_undo_brings_back(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/add The port will reopen by June 2027"))
        await send(app, u.message("/add The bridge will open by May 2027"))
        await send(app, u.message("/untrack 1"))
        assert bot_api.texts()[-1].startswith("#1 untracked")
        assert last_buttons(bot_api) == ["it:1:u"]
        undo_id = max(m for _, m in bot_api.messages)
        assert [i.number for i in tracker.list(u.ALICE).items] == [2]
        assert tracker.stats(u.ALICE, today=date(2026, 11, 27)).overall.total == 1
        await send(app, u.message("/list all"))
        assert "#1" not in bot_api.texts()[-1]
        await send(app, u.callback("it:1:u", message_id=undo_id))
        assert bot_api.texts()[-1].startswith("Tracking again: <b>#1</b>")
        await send(app, u.message("/untrack 1"))
        await send(app, u.message("/track 1"))
        assert [i.number for i in tracker.list(u.ALICE).items] == [2, 1]  # by due date
        assert [e.new for e in tracker.get(u.ALICE, 1).edits] == ["no", "yes", "no", "yes"]
        await send(app, u.message("/export"))
        assert len(json.loads(bot_api.sent("sendDocument")[-1].params["document"]["content"])) == 2

    async def test_an_untracked_item_gets_no_check_in(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        from tests.e2e.test_followup import FRIDAY_0901_BERLIN, cards, seed, tick

        (number,) = seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await send(app, u.message(f"/untrack {number}"))
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        assert cards(bot_api) == []


class TestSnooze:
    async def test_snooze_by_phrase_and_by_button(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        clock.now = datetime(2026, 12, 7, 12, tzinfo=UTC)  # a Monday
        await send(app, u.message("/add The port will reopen by June 2027"))
        await send(app, u.message("/snooze 1 next monday"))
        assert bot_api.texts()[-1] == "#1: not yet. I'll ask again on Mon 14 Dec 2026, 09:00."
        await send(app, u.message("/snooze 1 in 3 days"))
        assert "Thu 10 Dec 2026" in bot_api.texts()[-1]
        await send(app, u.message("/snooze 1 yesterday"))
        assert bot_api.texts()[-1] == "2026-12-06 is not after today; pick a later day."
        bot_api.remember(u.ALICE, 50, "card")
        await send(app, u.callback("sn:1:t", message_id=50))
        assert "Tue 08 Dec 2026" in bot_api.texts()[-1]
        assert tracker.get(u.ALICE, 1).status is Status.IN_PROGRESS


class TestTimesAndZones:
    async def test_cities_offsets_and_clock_times(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/start"))
        assert "/settings timezone Berlin" in bot_api.texts()[-1]
        await send(app, u.message("/settings timezone new york"))
        assert tracker.settings(u.ALICE).timezone == "America/New_York"
        await send(app, u.message("/settings timezone UTC+2"))
        assert tracker.settings(u.ALICE).timezone == "Etc/GMT-2"
        assert "Time zone: UTC+2" in bot_api.texts()[-1]
        await send(app, u.message("/settings digest 8am"))
        await send(app, u.message("/settings summary sun 6:30pm"))
        prefs = tracker.settings(u.ALICE)
        assert (prefs.digest_time, prefs.summary_time) == (time(8), time(18, 30))
        await send(app, u.message("/settings digest off"))
        assert "Digest: off" in bot_api.texts()[-1]
        await send(app, u.message("/settings digest on"))
        assert len(tracker.settings(u.ALICE).digest_days) == 7


class TestVerdictTyped:
    async def test_status_is_taken_and_bare_verdict_explains(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/verdict"))
        assert bot_api.texts()[-1] == views.VERDICT_USAGE
        await send(app, u.message("/add The port will reopen by June 2027"))
        await send(app, u.message("/verdict 1 cant-judge"))
        assert bot_api.texts()[-1] == (
            "Say why it can't be judged: a note is required for that verdict."
        )
        await send(app, u.message("/verdict 1 wonderful"))
        assert "fulfilled, partly, broken, not-yet, stalled, cant-judge" in bot_api.texts()[-1]
        await send(app, u.message("/verdict 1 partly only the south half"))
        (verdict,) = tracker.get(u.ALICE, 1).verdicts
        assert (verdict.status, verdict.note) == (Status.PARTLY, "only the south half")


class TestExport:
    async def test_numbers_and_each_text_once_and_it_round_trips(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        sent = await offer(app, bot_api, chat_id=u.GROUP)
        await send(app, u.callback(f"tr:{sent['pid']}:a", chat_id=u.GROUP,
                                   message_id=sent["message_id"]))  # fmt: skip
        await send(app, u.message("/export", chat_id=u.GROUP))
        csv_doc, json_doc = (c.params["document"] for c in bot_api.sent("sendDocument"))
        assert csv_doc["filename"] == f"ledger-{-u.GROUP}-2026-11-27.csv"
        rows = list(csv.DictReader(io.StringIO(csv_doc["content"].decode())))
        assert [r["number"] for r in rows] == ["1", "2"]
        assert [bool(r["source_text"]) for r in rows] == [True, False]
        assert rows[1]["source_text_in"] == "1"
        exported = json.loads(json_doc["content"])
        assert tracker.import_rows(u.OTHER_GROUP, exported, by="i", now=datetime.now(UTC)) == 2
        copy = tracker.list(u.OTHER_GROUP).items
        assert {c.source.content_hash for c in copy if c.source} == {
            c.source.content_hash for c in tracker.list(u.GROUP).items if c.source
        }


class TestPointers:
    async def test_a_reminder_request_points_to_add(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("remind me tomorrow at 9 to call mom"))
        assert bot_api.texts() == [views.REMINDER_HINT]
        assert tracker.list(u.ALICE).total == 0

    async def test_group_start_says_reply_track(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/start", chat_id=u.GROUP))
        assert "reply <code>/track</code>" in bot_api.texts(chat_id=u.GROUP)[0]

    async def test_past_due_dates_are_flagged(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/add The port will reopen by June 2020"))
        assert "⚠️ 2020-06-30 is already past" in bot_api.texts()[-1]
        await send(app, u.message("/due 1 2021-01-01"))
        assert "⚠️ 2021-01-01 is already past" in bot_api.texts()[-1]


class TestAnsweredCards:
    async def test_a_check_in_card_loses_its_buttons_once_answered(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        from tests.e2e.test_followup import FRIDAY_0901_BERLIN, seed, tick

        (number,) = seed(tracker, [date(2026, 11, 27)], digest_days=[])
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        card = bot_api.sent()[-1]
        card_id = max(m for _, m in bot_api.messages)
        press = u.callback(f"v:{number}:f", message_id=card_id)
        press["callback_query"]["message"]["reply_markup"] = card.params["reply_markup"]
        await send(app, press)
        assert bot_api.last("answerCallbackQuery")["text"] == "Noted"
        assert bot_api.messages[(u.ALICE, card_id)].get("reply_markup") is None


class TestDigestLinks:
    async def test_each_digest_item_links_to_its_card(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker, clock: Clock
    ) -> None:
        from tests.e2e.fake_bot_api import BOT_USERNAME
        from tests.e2e.test_followup import FRIDAY_0901_BERLIN, seed, tick

        (number,) = seed(tracker, [date(2026, 12, 1)])
        await tick(app, tracker, clock, FRIDAY_0901_BERLIN)
        (digest,) = [t for t in bot_api.texts() if t.startswith("<b>Digest")]
        link = f'<a href="https://t.me/{BOT_USERNAME}?start=item_{number}"><b>#{number}</b></a>'
        assert link in digest
        await send(app, u.message(f"/start item_{number}"))
        assert bot_api.texts()[-1].startswith(f"<b>#{number}</b> Mayor — open bridge 1")


class TestOtherSchemes:
    async def test_an_ftp_link_is_refused_with_a_reason(
        self, app: Any, bot_api: FakeBotApi, tracker: Tracker
    ) -> None:
        await send(app, u.message("/track ftp://files.example/report.txt"))
        assert bot_api.texts() == [
            "I only read http(s) links; send an http:// or https:// address."
        ]
