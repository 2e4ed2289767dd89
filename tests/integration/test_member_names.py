"""People's names per chat (services.members): latest wins, unchanged names write nothing,
and a group upgrade carries them to the new chat id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.services import Tracker

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
OLD, NEW = -100, -1001


class TestRememberName:
    def test_latest_name_wins_and_repeats_write_nothing(self, tracker: Tracker) -> None:
        assert tracker.remember_name(OLD, "tg:1", "  Ann   Lee ", now=NOW)
        assert not tracker.remember_name(OLD, "tg:1", "Ann Lee", now=NOW + timedelta(1))
        assert tracker.remember_name(OLD, "tg:1", "Ann Smith", now=NOW + timedelta(2))
        assert not tracker.remember_name(OLD, "tg:2", "   ", now=NOW)
        assert tracker.member_names(OLD) == {"tg:1": "Ann Smith"}
        assert tracker.member_names(NEW) == {}

    def test_group_upgrade_keeps_names_the_new_chat_lacks(self, tracker: Tracker) -> None:
        tracker.remember_name(OLD, "tg:1", "Ann", now=NOW)
        tracker.remember_name(OLD, "tg:2", "Bob (old)", now=NOW)
        tracker.remember_name(NEW, "tg:2", "Bob", now=NOW)
        tracker.migrate_chat(OLD, NEW, now=NOW)
        assert tracker.member_names(NEW) == {"tg:1": "Ann", "tg:2": "Bob"}
        assert tracker.member_names(OLD) == {}
