"""bot.forms: what users type after /settings, /list, /add, /show."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot import forms
from tracker.checks import find_url
from tracker.domain import ChatSettings, Horizons, Status, VerdictsBy
from tracker.errors import InvalidInput

CURRENT = ChatSettings(chat_id=1)


class TestSettingsForms:
    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("timezone Europe/Berlin", {"timezone": "Europe/Berlin"}),
            ("digest 09:00 mon-fri", {"digest_time": time(9), "digest_days": frozenset(range(5))}),
            ("digest 7:30", {"digest_time": time(7, 30)}),
            (
                "digest 07:30 sat,sun",
                {"digest_time": time(7, 30), "digest_days": frozenset({5, 6})},
            ),
            (
                "digest 07:30 fri-mon",
                {"digest_time": time(7, 30), "digest_days": frozenset({4, 5, 6, 0})},
            ),
            ("digest off", {"digest_days": frozenset()}),
            ("summary sun 18:00", {"summary_day": 6, "summary_time": time(18)}),
            ("verdicts admins", {"verdicts_by": VerdictsBy.ADMINS}),
            ("horizon plan 90", {"horizons": Horizons(plan=90)}),
        ],
    )
    def test_forms(self, typed: str, expected: dict[str, object]) -> None:
        assert forms.settings_change(typed.split(), CURRENT) == expected

    @pytest.mark.parametrize(
        "typed",
        [
            "",
            "timezone",
            "timezone Mars/Base",
            "digest 25:00",
            "digest 09:00 funday",
            "summary sun",
            "verdicts root",
            "horizon promise 0",
            "horizon century 5",
            "horizon plan ²",  # a Unicode digit: isdigit() but no int()
            "horizon plan ٣",
            "digest 09:00 monkey",
            "colour blue",
        ],
    )
    def test_bad_forms_raise_user_safe_errors(self, typed: str) -> None:
        with pytest.raises(InvalidInput):
            forms.settings_change(typed.split(), CURRENT)

    def test_buttons(self) -> None:
        assert forms.setting_choice("vb", "everyone") == {"verdicts_by": VerdictsBy.EVERYONE}
        assert forms.setting_choice("dd", "weekdays") == {"digest_days": frozenset(range(5))}


class TestOtherForms:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The city will open the bridge by June 2027",
                ("The city will open the bridge", "by June 2027"),
            ),
            ("Stand by me by 2030", ("Stand by me", "by 2030")),
            ("No deadline here", ("No deadline here", None)),
            ("by 2030", ("by 2030", None)),
            (
                "The new law will be passed by parliament",
                ("The new law will be passed by parliament", None),
            ),
        ],
    )
    def test_split_add(self, text: str, expected: tuple[str, str | None]) -> None:
        assert forms.split_add(text, today=date(2026, 12, 7)) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("12", 12), ("#7", 7), (" 3 ", 3), ("1234567890", 1234567890)],  # ids outgrow 9 digits
    )
    def test_commitment_id(self, text: str, expected: int) -> None:
        assert forms.commitment_id(text) == expected

    @pytest.mark.parametrize("text", ["abc", "-1", "0", "1.5", "", None, "9" * 30, "²", "#٣"])
    def test_bad_commitment_id(self, text: str | None) -> None:
        with pytest.raises(InvalidInput):
            forms.commitment_id(text)

    def test_find_url_strips_trailing_punctuation(self) -> None:
        assert find_url("see https://news.example/a?b=1). thanks") == "https://news.example/a?b=1"
        assert find_url("no link") is None

    def test_list_queries(self) -> None:
        today = date(2026, 11, 27)
        assert forms.list_query("overdue", today=today) == {"overdue_on": today}
        assert forms.list_query("broken", today=today) == {"statuses": (Status.NOT_FULFILLED,)}
        assert forms.list_query("due", today=today)["due_before"] == date(2026, 12, 4)
        with pytest.raises(InvalidInput):
            forms.list_query("secret", today=today)


@pytest.mark.parametrize("typed", [["²"], ["0"], ["x"], []])
def test_bad_checkin_days_raise_user_safe_errors(typed: list[str]) -> None:
    with pytest.raises(InvalidInput):
        forms.checkin_days(typed)
