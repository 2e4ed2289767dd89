"""The anchor of each timex rule: a word every match of the rule contains.

tracker.timex tries a rule only in a window around its anchor's occurrences, because patterns with
long optional prefixes are slow to try at every position of a text, while Python's re scans for
a literal alternation very fast. Rules without an anchor run over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.timex import dates as dates
from tracker.timex import holidays as holidays
from tracker.timex import relative as rel
from tracker.timex import vague as vague
from tracker.timex.context import Ctx, Found
from tracker.timex.lexicon import MONTHS, WEEKDAYS, literal_anchor

Normaliser = Callable[[re.Match[str], Ctx], Found]

_MONTH = literal_anchor(*(m[:3] for m in MONTHS))
_WEEKDAY = literal_anchor(*(d[:3] for d in WEEKDAYS))
_UNIT = literal_anchor(
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
    "half",
    "period",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "1Q",
    "2Q",
    "3Q",
    "4Q",
)
_PLAIN_UNIT = literal_anchor("day", "week", "month", "year", "decade", "centur", "hour", "minute")

ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    dates._month_day: _MONTH,
    dates._month_year: _MONTH,
    dates._month_rel_year: _MONTH,
    dates._month: _MONTH,
    dates._year: re.compile(r"\d{4}"),
    dates._decade: re.compile(r"0s"),
    dates._weekday: _WEEKDAY,
    dates._weekday_set: _WEEKDAY,
    dates._season: literal_anchor("spring", "summer", "fall", "autumn", "winter"),
    dates._clock: literal_anchor(":", "a.m", "p.m", "am", "pm", "noon", "midday", "midnight"),
    dates._spelled_year: literal_anchor("nineteen", "thousand"),
    vague._thanksgiving: literal_anchor("Thanksgiving"),
    holidays._holiday: holidays.ANCHOR,
    rel._word: literal_anchor("today", "tonight", "yesterday", "tomorrow", "overnight"),
    rel._ref: literal_anchor(
        "now",
        "current",
        "present",
        "recent",
        "previous",
        "past",
        "time being",
        "future",
        "soon",
        "days",
        "later",
        "coming",
    ),
    rel._part_of_day: literal_anchor("morning", "afternoon", "evening", "night"),
    rel._this_unit: _UNIT,
    rel._year_end: _UNIT,
    rel._ago: _UNIT,
    rel._ordinal_part: _UNIT,
    rel._year_ago_period: _UNIT,
    rel._duration: _UNIT,
    rel._set: literal_anchor(
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "every",
        "each",
        "per",
    ),
    vague._today: _PLAIN_UNIT,
    vague._vague_span: _PLAIN_UNIT,
    vague._decade_word: literal_anchor("ties"),
    vague._latest_period: literal_anchor("period", "quarter"),
    vague._annual: literal_anchor("annual"),
    vague._that_year: literal_anchor("year"),
    vague._week_of: literal_anchor("week of"),
    vague._century: literal_anchor("century"),
    vague._second_day: _MONTH,
    vague._year_period: literal_anchor("quarter", "period"),
}
