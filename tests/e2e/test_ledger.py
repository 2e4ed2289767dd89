"""User stories: adding by hand, listing with pages, cards, due dates, stats and export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

import pytest

from bot import views
from tests.e2e import updates as u
from tests.e2e.conftest import NOW
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send
from tracker.domain import Status


def add_many(tracker: Any, count: int, *, chat_id: int = u.ALICE) -> list[int]:
    """Commitments added straight through the service, due one day apart."""
    return [
        tracker.add(
            chat_id,
            f"The agency will finish task {i}",
            deadline=f"by {date(2027, 1, 1).replace(day=1 + i % 28).isoformat()}",
            by="tg:1",
            now=NOW,
        ).number
        for i in range(count)
    ]


class TestAdd:
    async def test_add_with_deadline(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        await send(app, u.message("/add The city will open the bridge by June 2027"))
        item = tracker.list(u.ALICE).items[0]
        assert (item.due, item.quote) == (date(2027, 6, 30), "The city will open the bridge")
        assert bot_api.texts() == ["Added: " + views.line(item)]
        assert (
            bot_api.last()["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            == f"v:{item.number}:f"
        )

    async def test_add_without_statement(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/add"))
        assert bot_api.texts() == [views.ADD_USAGE]

    async def test_a_by_without_a_date_is_part_of_the_statement(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        clock_free = "The new law will be passed by parliament"
        await send(app, u.message("/add " + clock_free))
        (item,) = tracker.list(u.ALICE).items
        assert (item.quote, item.deadline_text) == (clock_free, None)
        assert bot_api.texts()[0].startswith("Added: <b>#1</b>")

    async def test_a_time_anywhere_in_the_statement_is_its_deadline(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, clock: Any
    ) -> None:
        await send(app, u.message("/add Ship v3 tomorrow at 9am"))
        (item,) = tracker.list(u.ALICE).items
        assert (item.due, item.due_basis.value) == (
            clock.now.date() + timedelta(days=1),
            "deadline",
        )


class TestList:
    async def test_pages_with_prev_and_next(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        ids = add_many(tracker, 25)
        await send(app, u.message("/list all"))
        first = bot_api.last()
        assert first["text"].split("\n")[0] == "<b>Commitments: all</b> (1–10 of 25)"
        assert first["reply_markup"] == {
            "inline_keyboard": [[{"text": "Next »", "callback_data": "ls:all:10"}]]
        }
        mid = max(m for _, m in bot_api.messages)
        await send(app, u.callback("ls:all:20", message_id=mid))
        page3 = bot_api.last("editMessageText")
        assert page3["text"].split("\n")[0] == "<b>Commitments: all</b> (21–25 of 25)"
        assert len(page3["text"].split("\n")) == 6
        assert [b["callback_data"] for b in page3["reply_markup"]["inline_keyboard"][0]] == [
            "ls:all:10"
        ]
        assert sorted(ids) == [
            c.number for c in sorted(tracker.list(u.ALICE, limit=500).items, key=lambda c: c.id)
        ]

    async def test_filters(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        kept, broken, _ = add_many(tracker, 3)
        tracker.record_verdict(u.ALICE, kept, Status.FULFILLED, by="tg:1", now=NOW)
        tracker.record_verdict(u.ALICE, broken, Status.NOT_FULFILLED, by="tg:1", now=NOW)
        await send(app, u.message("/list broken"))
        await send(app, u.message("/list fulfilled"))
        await send(app, u.message("/list"))
        broken_text, kept_text, open_text = bot_api.texts()
        assert broken_text.count("<b>#") == 1 and f"<b>#{broken}</b>" in broken_text
        assert kept_text.count("<b>#") == 1 and f"<b>#{kept}</b>" in kept_text
        assert open_text.split("\n")[0] == "<b>Commitments: open</b> (1–1 of 1)"

    async def test_overdue_uses_the_clock(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, clock: Any
    ) -> None:
        add_many(tracker, 2)
        await send(app, u.message("/list overdue"))
        clock.now = NOW.replace(year=2028)
        await send(app, u.message("/list overdue"))
        assert bot_api.texts()[0] == "<b>Commitments: overdue</b>\n" + views.EMPTY_LIST
        assert bot_api.texts()[1].split("\n")[0] == "<b>Commitments: overdue</b> (1–2 of 2)"

    async def test_unknown_filter(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/list secret"))
        assert bot_api.texts() == [views.LIST_USAGE]


class TestCard:
    async def test_show(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        (cid,) = add_many(tracker, 1)
        await send(app, u.message(f"/show {cid}"))
        assert bot_api.texts() == [views.card(tracker.get(u.ALICE, cid), tz="UTC")]
        codes = [
            b["callback_data"]
            for row in bot_api.last()["reply_markup"]["inline_keyboard"]
            for b in row
        ]
        assert codes == [f"v:{cid}:{c}" for c in "fpnyu"] + [f"it:{cid}:x"]

    async def test_another_chats_id_is_not_found(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        (cid,) = add_many(tracker, 1, chat_id=u.GROUP)
        await send(app, u.message(f"/show {cid}"))
        await send(app, u.message(f"/due {cid} 2030-01-01"))
        assert bot_api.texts() == [f"There is no item #{cid} in this chat; see /list."] * 2
        assert tracker.get(u.GROUP, cid).due == date(2027, 1, 1)

    async def test_bad_id(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/show twelve"))
        assert bot_api.texts() == ["“twelve” is not a commitment number, e.g. 12."]


class TestDue:
    async def test_set_due(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        (cid,) = add_many(tracker, 1)
        await send(app, u.message(f"/due {cid} 2028-03-31"))
        assert tracker.get(u.ALICE, cid).due == date(2028, 3, 31)
        assert bot_api.texts() == ["Due date changed: " + views.line(tracker.get(u.ALICE, cid))]

    async def test_unreadable_date(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        (cid,) = add_many(tracker, 1)
        await send(app, u.message(f"/due {cid} whenever"))
        assert bot_api.texts() == ["I can't read “whenever” as a date; try e.g. 2027-03-31."]
        assert tracker.get(u.ALICE, cid).due == date(2027, 1, 1)


class TestFigures:
    async def test_stats(self, app: Any, bot_api: FakeBotApi, tracker: Any) -> None:
        kept, _ = add_many(tracker, 2)
        tracker.record_verdict(u.ALICE, kept, Status.FULFILLED, by="tg:1", now=NOW)
        await send(app, u.message("/stats"))
        assert bot_api.texts() == [views.stats(tracker.stats(u.ALICE, today=NOW.date()))]
        assert "Overall: 100% kept of 1 judged" in bot_api.texts()[0]

    async def test_export_sends_csv_and_json(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        ids = add_many(tracker, 3)
        await send(app, u.message("/export"))
        csv_doc, json_doc = (c.params for c in bot_api.sent("sendDocument"))
        assert (csv_doc["document"]["filename"], json_doc["document"]["filename"]) == (
            f"ledger-{u.ALICE}-2026-11-27.csv",
            f"ledger-{u.ALICE}-2026-11-27.json",
        )
        assert (csv_doc["caption"], json_doc["caption"]) == (
            "3 commitments, CSV",
            "3 commitments, JSON",
        )
        rows = list(csv.DictReader(io.StringIO(csv_doc["document"]["content"].decode())))
        assert sorted(r["quote"] for r in rows) == sorted(
            tracker.get(u.ALICE, i).quote for i in ids
        )
        assert len(json.loads(json_doc["document"]["content"])) == 3

    async def test_an_export_over_telegrams_file_limit_is_explained(
        self, app: Any, bot_api: FakeBotApi, tracker: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from bot.handlers import ledger as handlers

        add_many(tracker, 3)
        monkeypatch.setattr(handlers, "MAX_DOCUMENT_BYTES", 500)
        await send(app, u.message("/export"))
        assert bot_api.sent("sendDocument") == []
        assert "over Telegram's 50 MB limit" in bot_api.texts()[0]
        assert "<code>tracker export</code>" in bot_api.texts()[0]


class TestLongCard:
    async def test_a_card_longer_than_a_message_is_split_into_valid_html(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        quote = ("Tom & Jerry <will> build it " * 200)[:3999]
        cid = tracker.add(u.ALICE, quote, by="tg:1", now=NOW).number
        tracker.record_verdict(u.ALICE, cid, Status.PARTLY, by="tg:1", now=NOW, note="n&" * 999)
        await send(app, u.message(f"/show {cid}"))
        sent = bot_api.sent()
        assert len(sent) >= 2 and [c.status for c in bot_api.calls[1:]] == [200] * len(sent)
        assert "".join(c.params["text"] for c in sent).replace("\n", "") == views.card(
            tracker.get(u.ALICE, cid), tz="UTC"
        ).replace("\n", "")
