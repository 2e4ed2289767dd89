"""Days typed for a snooze: "tomorrow", "next week", "in a month", "in 3 days", "next monday",
"2027-01-15". A snooze day must come after today and within ten years."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.deadlines import parse_deadline
from tracker.errors import InvalidInput
from tracker.timex.calendar import add_months

MAX_SNOOZE = timedelta(days=3653)
# (button code, label, phrase): the snooze buttons under a check-in card.
SNOOZE_CHOICES = (("t", "Tomorrow", "tomorrow"), ("w", "Next week", "next week"),
                  ("m", "In a month", "in a month"))  # fmt: skip
# As a snooze, "next week" is a week from today, not the end of next week (a deadline's reading).
_FIXED_DAYS = {"tomorrow": 1, "next week": 7, "in a week": 7, "a week": 7}
_ONE_MONTH = frozenset({"next month", "in a month", "a month"})


def snooze_date(text: str, *, today: date) -> date:
    """The day `text` names, read from `today`; InvalidInput when it names none or a day that
    is not after today."""
    words = " ".join(text.lower().split())
    if words in _FIXED_DAYS:
        return today + timedelta(days=_FIXED_DAYS[words])
    if words in _ONE_MONTH:
        return add_months(today, 1)
    found = parse_deadline(words, ref=today) if words else None
    if found is None:
        shown = text.strip()[:40] or "nothing"
        raise InvalidInput(
            f"I can't read “{shown}” as a day; try tomorrow, in 3 days, next monday or 2027-01-15."
        )
    day = found[0]
    if day <= today:
        raise InvalidInput(f"{day.isoformat()} is not after today; pick a later day.")
    if day - today > MAX_SNOOZE:
        raise InvalidInput("Snooze for at most ten years.")
    return day
