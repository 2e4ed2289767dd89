"""Follow-up text and buttons: check-in card leads, digest sections, summary caption and
change, the snooze callback grammar, and Stats ↔ JSON. No DB, no Application."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot import keyboards
from bot.views import followup as views_followup
from tracker.domain import Commitment, DueBasis, Kind, Rate, Stats, Status
from tracker.notifications import Digest, Summary, stats_from_json, stats_to_json

TODAY = date(2026, 11, 27)


def item(cid: int = 3, *, due: date = TODAY) -> Commitment:
    return Commitment(
        id=cid + 100, number=cid, chat_id=1, actors=("Mayor",), action="open the bridge",
        kind=Kind.PROMISE,
        quote="We will open the bridge.", due=due, due_basis=DueBasis.DEADLINE,
        status=Status.OPEN, created_by="t", created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip


def stats(**overall: int) -> Stats:
    return Stats(today=TODAY, overall=Rate(**overall), by_actor={}, by_kind={}, others=Rate(),
                 no_actor=Rate())  # fmt: skip


class TestCheckinCard:
    @pytest.mark.parametrize(
        ("due", "lead"),
        [
            (TODAY, "<b>Due today:</b>"),
            (date(2026, 11, 20), "<b>Overdue since 2026-11-20:</b>"),
            (date(2026, 12, 1), "<b>Check-in (due 2026-12-01):</b>"),
        ],
    )
    def test_lead(self, due: date, lead: str) -> None:
        text = views_followup.checkin(item(due=due), today=TODAY)
        assert text.split(" Mayor")[0] == lead


class TestSnoozeGrammar:
    @pytest.mark.parametrize(
        ("code", "phrase"), [("t", "tomorrow"), ("w", "next week"), ("m", "in a month")]
    )
    def test_round_trip(self, code: str, phrase: str) -> None:
        action = keyboards.parse(keyboards.snooze_data(12, code))
        assert (action, getattr(action, "when", None)) == (
            keyboards.SnoozeAction(12, code),
            phrase,
        )

    @pytest.mark.parametrize("data", ["sn:12:8", "sn:12:7", "sn:0:t", "sn:12:t:1", "sn:x:t"])
    def test_anything_else_is_rejected(self, data: str) -> None:
        assert keyboards.parse(data) is None

    def test_only_offered_codes_can_be_encoded(self) -> None:
        with pytest.raises(ValueError, match="snooze code"):
            keyboards.snooze_data(12, "y")


class TestDigestText:
    def test_overdue_beyond_the_shown_ones_is_counted(self) -> None:
        report = Digest(today=TODAY, coming=(), overdue=(item(1), item(2)), overdue_total=5,
                        resolved=())  # fmt: skip
        assert views_followup.digest(report).splitlines()[-1] == "…and 3 more: /list overdue"


class TestSummaryText:
    def test_change_since_last_week(self) -> None:
        now, before = stats(fulfilled=3, not_fulfilled=1), stats(fulfilled=1, not_fulfilled=1)
        assert views_followup.change(now, before) == (
            "Since last week: kept +25 pts, judged +2, overdue unchecked +0, in all +2"
        )

    def test_no_judged_items_has_no_rate(self) -> None:
        assert views_followup.change(stats(not_yet_due=2), stats()) == (
            "Since last week: kept n/a, judged +0, overdue unchecked +0, in all +2"
        )

    def test_caption_stays_under_the_limit(self) -> None:
        many = {f"Actor {i}": Rate(fulfilled=i) for i in range(500)}
        report = Summary(
            Stats(TODAY, Rate(fulfilled=10**9), many, {}, Rate(), Rate()), previous=None
        )
        assert len(views_followup.summary_caption(report)) < 1024

    def test_stats_json_round_trip(self) -> None:
        figures = Stats(TODAY, Rate(fulfilled=2, partly=1), {"Mayor": Rate(fulfilled=2)},
                        {Kind.PLAN: Rate(partly=1)}, Rate(), Rate(partly=1))  # fmt: skip
        assert stats_from_json(stats_to_json(figures)) == figures

    def test_figures_stored_before_others_sum_the_remaining_actors(self) -> None:
        actors = {f"A{i}": Rate(fulfilled=1) for i in range(8)}
        figures = Stats(TODAY, Rate(fulfilled=8), actors, {}, Rate(fulfilled=2), Rate())
        old = {k: v for k, v in stats_to_json(figures).items() if k not in ("others", "no_actor")}
        assert stats_from_json(old) == figures  # A6 and A7 alone: an upper bound
