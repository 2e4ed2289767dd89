"""Deadlines a user types ("by the end of next year", "2020-05-01", "31/12/2027") → a due date.

The only module that imports dateparser, and only inside `parse_explicit_date`, so importing
tracker (and `tracker --help`) stays fast. Our timex rules go first; dateparser is the fallback.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time
from typing import Any

from tracker.domain import Timex, TimexType
from tracker.timex import find_timexes, period
from tracker.timex.calendar import month_end
from tracker.timex.lexicon import ANY_MONTH, SEASON

logger = logging.getLogger(__name__)

# a numeric date the rules must accept as a real day, else the deadline is impossible
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_LEAD_IN = re.compile(
    r"^(?:by|before|until|till|on|in|due|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest)"
    r"\s+",
    re.IGNORECASE,
)
# a month or season named without a year (and not as the past) may be bumped to next year
_YEARLESS = re.compile(
    rf"^(?!.*\b(?:\d{{4}}|last|past|previous|ago)\b).*(?:{ANY_MONTH}|{SEASON})", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
# a user-typed deadline names the future: this cue makes the rules lean that way
_FUTURE_PREFIX = "until "


def _best(timexes: list[Timex]) -> Timex | None:
    """The expression covering most of the text, recurring ones (SET) left out."""
    usable = [t for t in timexes if t.type is not TimexType.SET]
    return max(usable, key=lambda t: t.end - t.start, default=None)


def _from_timex(text: str, *, ref: date) -> tuple[date, str] | None:
    phrase = _FUTURE_PREFIX + text
    found = _best(find_timexes(phrase, ref=ref))
    if found is None:
        return None
    if _DIGIT.search(phrase[: found.start]) or _DIGIT.search(phrase[found.end :]):
        return None  # "February 30, 2025", "the year 99999": a number the reading left out
    value = found.period_value
    span = period(value, ref=ref)
    if span and span[1] < ref and re.match(r"\d{4}-", value) and _YEARLESS.search(text):
        value = f"{int(value[:4]) + 1}{value[4:]}"  # "Dec 1" typed in March: the next one
        span = period(value, ref=ref)
    return (span[1], value) if span else None


def parse_explicit_date(text: str, *, ref: date) -> tuple[date, str] | None:
    """dateparser's reading of a date phrase as (last day it allows, TIMEX3 value), or None."""
    from dateparser.date import DateDataParser  # lazy: 0.13 s import, 0.2 s first parse

    # No TIMEZONE setting: with one, PREFER_DATES_FROM moves times by a day (dateparser #403).
    # No PREFER_*='last' either: they turn "6pm" into a December date; the period says enough.
    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime.combine(ref, time(12)),
        "PREFER_DATES_FROM": "future",
    }
    parser = DateDataParser(languages=["en"], settings=settings)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return date(day.year, 12, 31), str(day.year)
    if data.period == "month":
        return month_end(day.year, day.month), f"{day.year:04d}-{day.month:02d}"
    return day, day.isoformat()


def parse_deadline(text: str, *, ref: date) -> tuple[date, str] | None:
    """A typed deadline → (the last day it allows, its TIMEX3 value); None if not a date."""
    phrase = " ".join(text.split())
    if not phrase:
        return None
    found = _from_timex(phrase, ref=ref)
    if found:
        return found
    if _NUMERIC_DATE.search(phrase):
        logger.debug("impossible numeric date in deadline %r", phrase)
        return None  # "2019-02-30", "31/13/2020": the rules saw it and rejected it
    return parse_explicit_date(_LEAD_IN.sub("", phrase), ref=ref)
