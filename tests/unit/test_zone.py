"""tracker.services_checks.zone: the one time-zone check behind the services, CLI and bot."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bot import forms
from bot.views import escape
from tracker import checks as check
from tracker.cli import cli
from tracker.cli.common import parse_tz
from tracker.domain import ChatSettings
from tracker.errors import InvalidInput

LONG = "Europe/" + "x" * 300
HOSTILE = "<b>Bad</b> & <a href='tg://x'>zone</a>"


def refusal(name: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        check.zone(name)
    return str(caught.value)


class TestAccepted:
    @pytest.mark.parametrize(
        "name",
        [
            "UTC",
            "Europe/Berlin",
            "Etc/GMT+5",
            "America/Argentina/ComodRivadavia",
            "Pacific/Kiritimati",
            "US/Eastern",
            "GMT",
        ],
    )
    def test_an_iana_name_is_its_own_key(self, name: str) -> None:
        assert check.zone(name).key == name


class TestRefused:
    @pytest.mark.parametrize(
        "name",
        [
            "Mars/Olympus",
            "/etc/localtime",
            "/usr/share/zoneinfo/UTC",
            "../x",
            "../etc/passwd",
            "Europe/../UTC",
            "./UTC",
            "Europe//Berlin",
            "Europe/Berlin/",
            "localtime",
            "posixrules",
            "Factory",
            "posix/Europe/Berlin",
            "right/UTC",
            "zone.tab",
            "tzdata.zi",
            "Europe",
            "europe/berlin",
            " UTC",
            "UTC ",
            "Europe/Berlin\x00",
            LONG,
            HOSTILE,
        ],
    )
    def test_names_users_should_not_get_are_refused(self, name: str) -> None:
        assert refusal(name).startswith("Unknown time zone “")

    @pytest.mark.parametrize("name", ["", " ", "\t\n"])
    def test_a_blank_name_asks_for_one(self, name: str) -> None:
        assert refusal(name) == "Give a time zone name like Europe/Berlin."

    def test_the_message_names_the_zone_and_an_example(self) -> None:
        expected = "Unknown time zone “Mars/Olympus”; use a name like Europe/Berlin."
        assert refusal("Mars/Olympus") == expected

    def test_a_miscased_name_is_shown_spelled_right(self) -> None:
        expected = "Unknown time zone “asia/tokyo”; use a name like Asia/Tokyo."
        assert refusal("asia/tokyo") == expected

    def test_a_long_name_is_clipped_to_40_characters(self) -> None:
        assert refusal(LONG) == f"Unknown time zone “{LONG[:40]}…”; use a name like Europe/Berlin."

    def test_control_characters_are_not_echoed(self) -> None:
        message = refusal("Europe/\x1b[31mRed\x00\u202e")
        assert message == "Unknown time zone “Europe/?[31mRed??”; use a name like Europe/Berlin."

    def test_markup_is_left_for_the_bot_to_escape(self) -> None:
        message = refusal(HOSTILE)
        shown = escape(message)
        assert (HOSTILE[:40] in message, "<" in shown, "&lt;b&gt;Bad&lt;/b&gt;" in shown) == (
            True,
            False,
            True,
        )


class TestEveryEntryPointSaysTheSame:
    @pytest.mark.parametrize("name", ["Mars/Base", "localtime", "../x", LONG, HOSTILE])
    def test_bot_form_cli_and_services_share_the_message(self, name: str) -> None:
        expected = refusal(name)
        with pytest.raises(InvalidInput) as by_form:
            forms.settings_change(["timezone", name], ChatSettings(chat_id=1))
        with pytest.raises(InvalidInput) as by_cli:
            parse_tz(name)
        with pytest.raises(InvalidInput) as by_services:
            check.settings_change(ChatSettings(chat_id=1), {"timezone": name})
        assert (str(by_form.value), str(by_cli.value), str(by_services.value)) == (expected,) * 3

    def test_the_cli_prints_it_as_its_error_line(self) -> None:
        result = CliRunner(env={"TRACKER_TZ": None}).invoke(cli, ["--tz", "localtime", "list"])
        assert (result.exit_code, result.stderr) == (
            2,
            "Error: Unknown time zone “localtime”; use a name like Europe/Berlin.\n",
        )

    def test_the_bot_form_keeps_a_good_name(self) -> None:
        typed = ["tz", "Etc/GMT+5"]
        assert forms.settings_change(typed, ChatSettings(chat_id=1)) == {"timezone": "Etc/GMT+5"}
