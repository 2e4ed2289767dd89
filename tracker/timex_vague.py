"""Timex rules for context-bound expressions: "the day" a market closed, "for years", "the weeks
ahead", "the nineties", "the latest period" of an earnings report, "annual".

Same rule shape as tracker/timex_dates.py. These fire only in the contexts the patterns require,
because the bare words ("day", "years", "annual") are time expressions only some of the time.
"""

from __future__ import annotations

import re

from tracker.domain import TimexType
from tracker.timex_calendar import add_months, day_value, quarter_of
from tracker.timex_context import Ctx, Found
from tracker.timex_dates import Rule
from tracker.timex_lexicon import UNITS

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


def _annual(m: re.Match[str], ctx: Ctx) -> Found:
    return DUR, "P1Y"


_UNITS = r"(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)"
RULES: list[Rule] = [
    (
        re.compile(
            r"(?i)\b(?:(?:late|later|early|earlier)\s+in\s+the\s+day|the\s+(?:start|end|rest|"
            r"remainder)\s+of\s+the\s+day|(?<=\bend\s)the\s+day|(?<=\bended\s)the\s+day"
            r"|(?<=\bending\s)the\s+day|(?<=\bfinish\s)the\s+day|(?<=\bclose\s)the\s+day)\b"
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
