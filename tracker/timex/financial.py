"""Timex rules for financial years: "2025-26", "2025/26", "financial year 2025-2026", "FY
2025-26", "the next financial year". A financial year written across two calendar years runs
to 31 March of the second (the UK's, Canada's and India's); the value is that last day, the
date a commitment "in 2025-26" falls due by. A plain "fiscal year 2024" or a US "the current
fiscal year" stays a year (tracker/timex/dates.py, relative.py)."""

from __future__ import annotations

import re
from datetime import date

from tracker.domain import TimexType
from tracker.timex.calendar import day_value
from tracker.timex.context import Ctx, Found, Normaliser, Rule

__all__ = ["ANCHORS", "RULES"]

_FY_WORDS = r"(?:(?:financial|fiscal)[\s-]+year[\s-]+|FY[\s-]?)"


_ATTRIBUTIVE = re.compile(r"\b(?i:the|a|an|its|their|our|this|next|last)\s+$")
_YEAR_NOUN = re.compile(r"\s+(?i:financial|fiscal)\s+year\b")


def _last_day(year: int) -> str:
    return day_value(date(year, 3, 31))


def _across_years(m: re.Match[str], ctx: Ctx) -> Found:
    """ "2025-26" (always a financial year), "2025-2026" (only after "financial year" or
    "FY": otherwise a span of two calendar years)."""
    first, second = int(m["y"]), m["y2"]
    if len(second) == 4 and not m["fy"]:
        return None
    named = _ATTRIBUTIVE.search(ctx.text, max(0, m.start() - 8), m.start())
    if named and not m["fy"] and not _YEAR_NOUN.match(ctx.text, m.end()):
        return None  # "The 2023-24 funding round is open": a name, not a time
    end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if end != first + 1:
        return None  # "1990-95", "2024-2030": no financial year
    return TimexType.DATE, _last_day(end), None


def _relative(m: re.Match[str], ctx: Ctx) -> Found:
    """ "this financial year", "the next financial year", against the reference date."""
    current = ctx.ref.year + (1 if ctx.ref.month > 3 else 0)  # the year its March falls in
    shift = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(m["which"].lower(), 0)
    return TimexType.DATE, _last_day(current + shift), None


RULES: list[Rule] = [
    (
        re.compile(
            rf"(?P<fy>\b(?i:{_FY_WORDS}))?\b(?P<y>20\d\d)[-–/](?P<y2>\d\d(?:\d\d)?)\b(?![-–/.]\d)"
        ),
        _across_years,
    ),
    (
        re.compile(
            r"(?i)\b(?:the\s+)?(?P<which>this|next|current|coming|last|previous)\s+"
            r"financial\s+year\b"  # a US "current fiscal year" is a year (TimeBank's value)
        ),
        _relative,
    ),
]

ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _across_years: re.compile(r"20\d\d[-–/]\d\d"),
    _relative: re.compile(r"(?i)\bfinancial\s+year"),
}
