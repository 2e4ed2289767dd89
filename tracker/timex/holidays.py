"""Timex rules for named holidays: fixed dates (Christmas, Independence Day), n-th weekdays of a
month (Election Day, Labor Day) and the movable feasts around Easter (Good Friday, Easter week).

The names live in tracker/timex/lexicon.py; a holiday named without a year is the occurrence
nearest the reference date, leaning to the tense of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

from tracker.domain import TimexType
from tracker.timex.calendar import day_value, month_end, week_value
from tracker.timex.context import Ctx, Found, Normaliser, Rule
from tracker.timex.lexicon import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    WEEKDAY_HOLIDAYS,
    YEAR,
    literal_anchor,
)

D = TimexType.DATE


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, for n = -1, the last) given weekday of a month."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday_date(name: str, year: int) -> date:
    """The day a holiday of the lexicon falls on in a year."""
    if name in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[name])
    if name in WEEKDAY_HOLIDAYS:
        month, weekday, n, after = WEEKDAY_HOLIDAYS[name]
        return nth_weekday(year, month, weekday, n) + timedelta(days=after)
    return easter(year) + timedelta(days=EASTER_HOLIDAYS[name])


def _holiday(m: re.Match[str], ctx: Ctx) -> Found:
    name = re.sub(r"\s+", " ", m["hol"])
    if m["y"]:
        day = holiday_date(name, int(m["y"]))
    else:
        this_year = holiday_date(name, ctx.ref.year)
        year = ctx.nearest_year(this_year.month, this_year.day, *m.span())
        day = holiday_date(name, year)
    if m["week"] and m["week"].lower() == "weekend":
        # a Monday holiday's weekend is the one just before it
        return D, week_value(day - timedelta(days=day.weekday() == 0)) + "-WE"
    if m["week"]:
        return D, week_value(day)
    return D, day_value(day)


def _names(*tables: Mapping[str, object]) -> str:
    names = sorted((n for t in tables for n in t), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


_HOLIDAY = re.compile(
    rf"\b(?P<hol>{_names(FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS)})\b(?!\s+Island)"
    rf"(?:\s+(?P<week>(?i:week|weekend))\b)?(?:,?\s+(?P<y>{YEAR})\b)?"
)
RULES: list[Rule] = [(_HOLIDAY, _holiday)]
ANCHOR = literal_anchor(
    *{n.split()[0] for t in (FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS) for n in t}
)


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _holiday: ANCHOR,
}
