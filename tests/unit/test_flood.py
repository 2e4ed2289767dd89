"""The flood budget's arithmetic: the earliest slot every bucket allows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.flood import Limits, admit, bucket_names

T0 = datetime(2026, 3, 30, 9, tzinfo=UTC)
LIMITS = Limits(per_second=20.0, chat_gap=timedelta(seconds=1), group_gap=timedelta(seconds=3))


def test_a_fresh_bucket_sends_now_and_moves_on_by_one_gap() -> None:
    slot = admit(T0, overall=None, chat=None, chat_id=5, limits=LIMITS)
    assert (slot.at, slot.overall_next, slot.chat_next) == (
        T0,
        T0 + timedelta(seconds=0.05),
        T0 + timedelta(seconds=1),
    )


def test_a_busy_token_queues_the_send() -> None:
    slot = admit(T0, overall=T0 + timedelta(seconds=2), chat=T0, chat_id=5, limits=LIMITS)
    assert (slot.at, slot.taken, slot.chat_next) == (
        T0 + timedelta(seconds=2),
        True,
        T0 + timedelta(seconds=3),
    )


def test_a_busy_chat_reserves_nothing_and_says_when_to_ask_again() -> None:
    slot = admit(T0, overall=T0, chat=T0 + timedelta(seconds=0.7), chat_id=5, limits=LIMITS)
    assert (slot.at, slot.taken, slot.overall_next) == (T0 + timedelta(seconds=0.7), False, None)


def test_groups_wait_longer_and_calls_without_a_chat_use_the_overall_bucket_only() -> None:
    group = admit(T0, overall=None, chat=None, chat_id=-100, limits=LIMITS)
    no_chat = admit(T0, overall=T0, chat=None, chat_id=None, limits=LIMITS)
    expected = (T0 + timedelta(seconds=3), T0, None)
    assert (group.chat_next, no_chat.at, no_chat.chat_next) == expected


def test_a_past_bucket_does_not_send_in_the_past() -> None:
    slot = admit(T0, overall=T0 - timedelta(hours=1), chat=None, chat_id=5, limits=LIMITS)
    assert slot.at == T0


def test_bucket_names_belong_to_the_token() -> None:
    assert bucket_names("123", -5) == ("bot123", "bot123:-5")
    assert bucket_names("123", None) == ("bot123", None)
