"""bot.keyboards: the callback-data grammar round-trips, rejects forgeries, stays ≤ 64 bytes."""

from __future__ import annotations

from datetime import date

import pytest

from bot import keyboards
from bot.keyboards import PageAction, SettingAction, SnoozeAction, TrackAction, VerdictAction
from tracker.domain import Candidate, DueBasis, Kind, Proposal, PublishedBasis, Source, Status

BIG = 10**18 - 1  # the largest id the grammar accepts (18 digits)


def proposal(count: int, *, pid: int = 7) -> Proposal:
    cand = Candidate(
        quote="q",
        start=0,
        end=1,
        actors=("A",),
        kind=Kind.PROMISE,
        action="act",
        due=date(2027, 1, 1),
        due_basis=DueBasis.DEFAULT,
    )
    source = Source(1, None, None, None, None, PublishedBasis.UNKNOWN, "h")
    return Proposal(id=pid, chat_id=1, source=source, candidates=(cand,) * count)


def all_data(markup: keyboards.InlineKeyboardMarkup) -> list[str]:
    return [str(b.callback_data) for row in markup.inline_keyboard for b in row]


class TestGrammar:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (keyboards.track_data(7, "a"), TrackAction(7, "a")),
            (keyboards.track_data(7, "d"), TrackAction(7, "d")),
            (keyboards.track_data(7, "p", size=3, mask=5), TrackAction(7, "p", 3, 5)),
            (
                keyboards.track_data(BIG, "s", size=50, mask=2**50 - 1),
                TrackAction(BIG, "s", 50, 2**50 - 1),
            ),
            (keyboards.page_data("overdue", 20), PageAction("overdue", 20)),
            (
                keyboards.verdict_data(BIG, Status.UNJUDGEABLE),
                VerdictAction(BIG, Status.UNJUDGEABLE),
            ),
            (keyboards.setting_data("vb", "admins"), SettingAction("vb", "admins")),
            (keyboards.setting_data("dd", "weekdays"), SettingAction("dd", "weekdays")),
            (keyboards.snooze_data(BIG, "m"), SnoozeAction(BIG, "m")),
        ],
    )
    def test_round_trip(self, data: str, expected: keyboards.Action) -> None:
        assert keyboards.parse(data) == expected
        assert len(data.encode()) <= 64

    @pytest.mark.parametrize(
        "data",
        [
            None,
            "",
            "tr:0:a",
            "tr:7:x",
            "tr:-7:a",
            "tr:7:a:1",
            "tr:7:p:3:8",
            "tr:7:p:0:0",
            "tr:12345678901234567890:a",
            "ls:secret:0",
            "ls:open:-10",
            "ls:open:01",
            "v:7:z",
            "v:7:f:extra",
            "st:vb:root",
            "st:xx:admins",
            "sh:7",
            "sn:7:8",
            "x" * 65,
            "tr:7:a\n",
            "ls:open:0 ",
        ],
    )
    def test_forged_data_is_rejected(self, data: str | None) -> None:
        assert keyboards.parse(data) is None

    def test_every_verdict_status_round_trips(self) -> None:
        for status in keyboards.VERDICT_CODES.values():
            assert keyboards.parse(keyboards.verdict_data(3, status)) == VerdictAction(3, status)

    def test_picks_are_one_based_bits(self) -> None:
        assert keyboards.picks(0b1011) == [1, 2, 4]


class TestKeyboards:
    def test_no_buttons_without_candidates(self) -> None:
        assert keyboards.proposal(proposal(0)) is None

    def test_single_candidate_has_no_pick(self) -> None:
        assert all_data(keyboards.proposal(proposal(1))) == ["tr:7:a", "tr:7:d"]  # type: ignore[arg-type]

    def test_proposal_buttons(self) -> None:
        assert all_data(keyboards.proposal(proposal(3))) == ["tr:7:a", "tr:7:p:3:0", "tr:7:d"]  # type: ignore[arg-type]

    def test_picker_toggles_and_saves(self) -> None:
        markup = keyboards.picker(7, size=3, mask=0b010)
        assert all_data(markup) == [
            "tr:7:p:3:3",
            "tr:7:p:3:0",
            "tr:7:p:3:6",
            "tr:7:s:3:2",
            "tr:7:d",
        ]
        texts = [b.text for row in markup.inline_keyboard for b in row]
        assert texts[:4] == ["⬜ 1", "✅ 2", "⬜ 3", "Track 1 picked"]

    def test_biggest_picker_fits_64_bytes(self) -> None:
        markup = keyboards.picker(BIG, size=keyboards.PICK_LIMIT, mask=2**50 - 1)
        assert max(len(d.encode()) for d in all_data(markup)) <= 64

    @pytest.mark.parametrize(
        ("offset", "total", "expected"),
        [
            (0, 5, None),
            (0, 25, ["ls:all:10"]),
            (10, 25, ["ls:all:0", "ls:all:20"]),
            (20, 25, ["ls:all:10"]),
        ],
    )
    def test_pager(self, offset: int, total: int, expected: list[str] | None) -> None:
        markup = keyboards.pager("all", offset=offset, limit=10, total=total)
        assert (all_data(markup) if markup else None) == expected

    def test_encoder_refuses_oversized_data(self) -> None:
        with pytest.raises(ValueError):
            keyboards.setting_data("vb", "x" * 70)

    def test_verdict_buttons(self) -> None:
        markup = keyboards.verdicts(7)
        texts = [[b.text for b in row] for row in markup.inline_keyboard]
        assert texts == [
            ["Fulfilled", "Partly", "Not fulfilled"],
            ["Not yet", "Can't be judged"],
            ["🗑 Untrack"],
        ]
        assert all_data(markup) == ["v:7:f", "v:7:p", "v:7:n", "v:7:y", "v:7:u", "it:7:x"]
        assert keyboards.parse("it:7:x") == keyboards.ItemAction(7, "x")
        assert all_data(keyboards.undo(7)) == ["it:7:u"]

    def test_checkin_buttons_snooze_instead_of_not_yet(self) -> None:
        markup = keyboards.checkin(7)
        texts = [[b.text for b in row] for row in markup.inline_keyboard]
        assert texts == [
            ["Fulfilled", "Partly", "Not fulfilled"],
            ["Can't be judged"],
            ["⏰ Tomorrow", "⏰ Next week", "⏰ In a month"],
        ]
        assert all_data(markup)[:4] == ["v:7:f", "v:7:p", "v:7:n", "v:7:u"]
        assert all_data(markup)[4:] == ["sn:7:t", "sn:7:w", "sn:7:m"]
