"""Spans counted from the statement to the day: "three years from now", "over the next
decade" (ten years after the reference date, not the end of the 2030s). Pure."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date

from tracker.domain import Timex, TimexType

__all__ = ["counted_day", "counted_span", "counted_value"]

# "over the next decade", "within the coming year": a span counted from the statement.
_COUNTED_LEAD = re.compile(r"\b(?:over|within|during|in|for)\s+$", re.I)
_COUNTED = re.compile(r"(?:the\s+)?(?:next|coming)\s+(?P<unit>year|decade)$", re.I)
_FROM_NOW = re.compile(r"\b(?:from\s+(?:now|today)|hence)\b", re.I)


def counted_day(timex: Timex, ref: date | None) -> date | None:
    """ "three years from now": the day itself, three years after `ref`, not the year's end."""
    if ref is None or not _FROM_NOW.search(timex.text):
        return None
    parts = [int(p) for p in timex.value.split("-")[:2] if p.isdigit()]
    if len(parts) == 1 and len(timex.value) == 4:
        year, month = parts[0], ref.month
    elif len(parts) == 2:
        year, month = parts
    else:
        return None
    day = min(ref.day, monthrange(year, month)[1])
    return date(year, month, day)


def counted_value(timex: Timex, text: str, ref: date | None) -> Timex:
    """ "over the next decade" as the duration it is (P10Y), so its value matches its day."""
    years = _counted_years(timex, text[max(0, timex.start - 30) : timex.start], ref)
    if years is None:
        return timex
    return replace(timex, type=TimexType.DURATION, value=f"P{years}Y", mod=None)


def counted_span(timex: Timex, before: str, ref: date | None) -> date | None:
    """ "over the next decade": ten years from `ref`, not the end of the 2030s."""
    years = _counted_years(timex, before, ref)
    if ref is None or years is None:
        return None
    year = ref.year + years
    return date(year, ref.month, min(ref.day, monthrange(year, ref.month)[1]))


def _counted_years(timex: Timex, before: str, ref: date | None) -> int | None:
    """How many years "over the next decade/year" counts from `ref`; None for other times."""
    m = _COUNTED.match(timex.text)
    if ref is None or m is None or not _COUNTED_LEAD.search(before):
        return None
    return 10 if m.group("unit").lower() == "decade" else 1
