"""Deadlines that cannot be (issue 14, items 6 and 10): an impossible or unreadable deadline
is refused with a message, cut when long, and nothing is stored; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tracker.deadlines import parse_deadline
from tracker.errors import InvalidDeadline
from tracker.services import Tracker

REF = date(2026, 3, 15)


@pytest.mark.parametrize(
    "text", ["by February 30, 2025", "by the year 99999", "by 31 February 2026", "by April 31"]
)
def test_an_impossible_deadline_is_refused(tracker: Tracker, now: datetime, text: str) -> None:
    assert parse_deadline(text, ref=REF) is None
    with pytest.raises(InvalidDeadline, match="as a deadline"):
        tracker.add(7, "The city will build a bridge", deadline=text, by="u", now=now)
    assert tracker.list(7).total == 0


@pytest.mark.parametrize(
    ("text", "due"),
    [("by the year 2030", date(2030, 12, 31)), ("by February 28, 2027", date(2027, 2, 28))],
)
def test_a_possible_deadline_is_read_whole(text: str, due: date) -> None:
    found = parse_deadline(text, ref=REF)
    assert found is not None and found[0] == due


def test_a_long_unreadable_deadline_is_cut_in_the_message(tracker: Tracker, now: datetime) -> None:
    text = "whenever " * 1_700
    with pytest.raises(InvalidDeadline) as caught:
        tracker.add(7, "The city will build a bridge", deadline=text, by="u", now=now)
    assert len(str(caught.value)) < 120
    assert "…" in str(caught.value)
