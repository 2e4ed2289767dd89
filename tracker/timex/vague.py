"""Timex rules for context-bound expressions: "the day" a market closed, "for years", "the weeks
ahead", "the nineties", "the latest period" of an earnings report, "annual", "later that year",
"April 24 and 25", "the week of March 6", and Thanksgiving (other holidays: timex/holidays.py).

Same rule shape as tracker/timex/dates.py. These fire only in the contexts the patterns require,
because the bare words ("day", "years", "annual") are time expressions only some of the time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.domain import TimexType
from tracker.timex.calendar import add_months, day_value, quarter_of, valid_date, week_value
from tracker.timex.context import Ctx, Found, Normaliser, Rule
from tracker.timex.lexicon import (
    ANY_MONTH,
    CENTURY_ORDINALS,
    DAYNUM,
    MONTH_ANCHOR,
    PLAIN_UNIT_ANCHOR,
    UNITS,
    YEAR,
    literal_anchor,
    month_number,
)

D, DUR = TimexType.DATE, TimexType.DURATION
_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6}
_DECADES |= {"seventies": 7, "eighties": 8, "nineties": 9}


def _today(m: re.Match[str], ctx: Ctx) -> Found:
    return D, day_value(ctx.ref)


def _vague_span(m: re.Match[str], ctx: Ctx) -> Found:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return DUR, f"{prefix}X{UNITS[unit]}"


def _decade_word(m: re.Match[str], ctx: Ctx) -> Found:
    return D, f"19{_DECADES[m['dec'].lower()]}"


def _latest_period(m: re.Match[str], ctx: Ctx) -> Found:
    which = m["which"].lower()
    day = ctx.ref if which in ("current", "this") else add_months(ctx.ref, -3)
    return D, f"{day.year}-Q{quarter_of(day)}"


_NAMED_YEAR = re.compile(
    r"\b(?:(?P<y>1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent))|(?P<rel>last|this|next)\s+year)\b"
)
_REL_STEP = {"last": -1, "this": 0, "next": 1}
_DIRECTION = {"before": -1, "previous": -1, "preceding": -1, "prior": -1, "earlier": -1}
_DIRECTION |= {"after": 1, "later": 1, "following": 1, "next": 1}


def _named_year(ctx: Ctx, start: int) -> int | None:
    """The year the text last named before `start` ("in 2005", "last year"), if any nearby."""
    year = None
    for m in _NAMED_YEAR.finditer(ctx.text, max(0, start - 400), start):
        year = int(m["y"]) if m["y"] else ctx.ref.year + _REL_STEP[m["rel"].lower()]
    return year


def _that_year(m: re.Match[str], ctx: Ctx) -> Found:
    """ "later that year", "the year before": a year counted from the one last named."""
    named = _named_year(ctx, m.start())
    step = _DIRECTION.get((m["dir"] or m["dir2"] or "").lower(), 0)
    if named is None:
        return None if step == 0 or m["dir2"] else (D, str(ctx.ref.year + step))
    return D, str(named + step)


def _month_and(m: re.Match[str], ctx: Ctx, day_group: str) -> date | None:
    """The day named by group "mon" and `day_group`, in group "y" or the nearest year."""
    month, day = month_number(m["mon"]), int(re.sub(r"\D", "", m[day_group]))
    year = int(m["y"]) if m["y"] else ctx.nearest_year(month, day, *m.span())
    return valid_date(year, month, day)


def _week_of(m: re.Match[str], ctx: Ctx) -> Found:
    """ "the week of March 6": the ISO week holding that day."""
    day = _month_and(m, ctx, "day")
    return (D, week_value(day)) if day else None


def _second_day(m: re.Match[str], ctx: Ctx) -> Found:
    """The bare second day of "April 24 and 25" shares the first one's month."""
    day = _month_and(m, ctx, "x")
    return (D, day_value(day)) if day else None


def _thanksgiving(m: re.Match[str], ctx: Ctx) -> Found:
    year = int(m["y"]) if m["y"] else ctx.ref.year - (1 if ctx.ref.month < 11 else 0)
    if m["mode"] and m["mode"].lower() == "last" and ctx.ref.month >= 11:
        year -= 1
    first = date(year, 11, 1)
    return D, day_value(first + timedelta(days=(3 - first.weekday()) % 7 + 21))


def _century(m: re.Match[str], ctx: Ctx) -> Found:
    """ "the 20th century" → "19", TIMEX3's first two digits of the century's years."""
    n = int(m["n"]) if m["n"] else CENTURY_ORDINALS[re.sub(r"[\s-]+", "-", m["w"].lower())]
    return (D, f"{n - 1:02d}") if 1 <= n <= 21 else None


def _year_period(m: re.Match[str], ctx: Ctx) -> Found:
    """ "the 1988 quarter": the quarter an earnings report is about, in the year named."""
    if (
        m["unit"].lower() == "period"
        and "quarter" not in ctx.text[max(0, m.start() - 300) : m.start()]
    ):
        return None
    return D, f"{m['y']}-Q{quarter_of(add_months(ctx.ref, -3))}"


def _annual(m: re.Match[str], ctx: Ctx) -> Found:
    return DUR, "P1Y"


_UNITS = r"(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)"
# tried before the reference-date rules, so that "the following year" counts from a named year
_CENTURY_WORD = "|".join(
    w.replace(" ", r"[\s-]") for w in sorted(CENTURY_ORDINALS, key=len, reverse=True)
)
ANAPHORIC_RULES: list[Rule] = [
    (re.compile(rf"(?i)\bthe\s+(?P<y>{YEAR})\s+(?P<unit>quarter|period)\b"), _year_period),
    (
        re.compile(
            rf"\b(?:(?P<mode>(?i:last|next|this))\s+)?Thanksgiving(?:\s+Day)?(?:\s+(?P<y>{YEAR}))?\b"
        ),
        _thanksgiving,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{ANY_MONTH})\s+{DAYNUM}\s*(?:and|or|to|through|-|–)\s*(?P<x>{DAYNUM})\b"
            rf"(?!\s*(?:%|percent|[.,]\d))(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
        _second_day,
    ),
    (
        re.compile(
            rf"(?i:\bthe\s+week\s+of)\s+(?P<mon>{ANY_MONTH})\s+(?P<day>{DAYNUM})\b"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
        _week_of,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?:later|earlier)\s+)?(?:that\s+(?:same\s+)?year|the\s+(?:same\s+)?year\s+"
            r"(?P<dir>before|previous|earlier|after|later)|the\s+(?P<dir2>following|previous|"
            r"preceding|prior|next)\s+year)\b(?!-)"
        ),
        _that_year,
    ),
    (
        re.compile(
            rf"\b(?i:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>(?i:{_CENTURY_WORD})))"
            r"[\s-](?i:century)\b"
        ),
        _century,
    ),
]
RULES: list[Rule] = [
    (
        re.compile(
            r"(?i)\b(?:(?:late|later|early|earlier)\s+in\s+the\s+day|the\s+(?:start|end|rest|"
            r"remainder)\s+of\s+the\s+day|(?<=\bend\s)the\s+day|(?<=\bended\s)the\s+day"
            r"|(?<=\bending\s)the\s+day|(?<=\bfinish\s)the\s+day|(?<=\bclose\s)the\s+day"
            r"|(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?day|the\s+same\s+day)\b"
        ),
        _today,
    ),
    (
        re.compile(
            rf"(?i)\b(?:for|in|within|over|after|follows|following)\s+(?P<x>{_UNITS})\b"
            r"(?!\s+(?:old|ago|earlier|later|before|after|of\s+the))"
        ),
        _vague_span,
    ),
    (re.compile(rf"(?i)\bthe\s+{_UNITS}\s+ahead\b"), _vague_span),
    (re.compile(rf"(?i)\b{_UNITS}-long\b"), _vague_span),
    (
        re.compile(
            r"(?i)\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:twen|thir|for|fif|six|seven|eigh|nine)ties)\b"
        ),
        _decade_word,
    ),
    (
        re.compile(
            r"(?i)\bthe\s+(?P<which>latest|most\s+recent|current)\s+(?:fiscal\s+)?"
            r"(?:period|quarter)\b"
        ),
        _latest_period,
    ),
    (
        re.compile(r"\b(?P<x>annual)(?=\s+(?:loss|losses|profits?|results|earnings|revenues?))"),
        _annual,
    ),
]


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _thanksgiving: literal_anchor("Thanksgiving"),
    _today: PLAIN_UNIT_ANCHOR,
    _vague_span: PLAIN_UNIT_ANCHOR,
    _decade_word: literal_anchor("ties"),
    _latest_period: literal_anchor("period", "quarter"),
    _annual: literal_anchor("annual"),
    _that_year: literal_anchor("year"),
    _week_of: literal_anchor("week of"),
    _century: literal_anchor("century"),
    _second_day: MONTH_ANCHOR,
    _year_period: literal_anchor("quarter", "period"),
}
