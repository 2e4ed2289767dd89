"""Timex rules for named calendar points: dates, months, years, decades (weekdays, seasons and
clock times: tracker/timex/days.py).

Each rule is a compiled pattern and a normaliser returning (type, value) or None (reject). A
pattern with a named group "x" reports that group as the extent, so context words such as a
preposition can be required without being included (TimeBank extents exclude them).
"""

from __future__ import annotations

import re

from tracker.domain import TimexType
from tracker.timex.calendar import day_value, month_value, valid_date
from tracker.timex.context import Ctx, Found, Normaliser, Rule, mod_of
from tracker.timex.lexicon import (
    ANY_MONTH,
    COUNTED_NOUNS,
    DAYNUM,
    MODES,
    MONTH,
    MONTH_ANCHOR,
    NOT_YEAR_AFTER,
    WEEKDAY,
    YEAR,
    literal_anchor,
    month_number,
    number,
)

D, T = TimexType.DATE, TimexType.TIME


def _day(year: int, month: int, day: int) -> str | None:
    found = valid_date(year, month, day)
    return day_value(found) if found else None


def _iso(m: re.Match[str], ctx: Ctx) -> Found:
    value = _day(int(m["y"]), int(m["m"]), int(m["d"]))
    return (D, value) if value else None


def _numeric(m: re.Match[str], ctx: Ctx) -> Found:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    year = y + (2000 if y < 50 else 1900) if len(m["y"]) == 2 else y
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first number is a day
    value = _day(year, month, day)
    return (D, value) if value else None


_RANGE_YEAR = re.compile(rf"\s*(?:and|or|to|through|-|–)\s*{DAYNUM},?\s+(?P<y>{YEAR})\b")


def _month_day(m: re.Match[str], ctx: Ctx) -> Found:
    month, day = month_number(m["mon"]), int(re.sub(r"\D", "", m["day"]))
    start, end = m.span()
    shared = None if m["y"] else _RANGE_YEAR.match(ctx.text, end)  # "May 3-5, 2019"
    year = int(m["y"] or (shared and shared["y"]) or ctx.nearest_year(month, day, start, end))
    value = _day(year, month, day)
    return (D, value) if value else None


def _month_year(m: re.Match[str], ctx: Ctx) -> Found:
    return D, month_value(int(m["y"]), month_number(m["mon"]))


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|by|since|until|till|through|before|after|during|from|to|of|and|or|late|"
    r"early|mid|last|next|this|past|coming|between|on|until|end|for|the|least)|-)\s*$",
    re.IGNORECASE,
)


def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Found:
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return D, month_value(ctx.ref.year + step, month_number(m["mon"]))


def _month(m: re.Match[str], ctx: Ctx) -> Found:
    name, mode = m["mon"], MODES.get((m["mode"] or "").lower(), "")
    # "May" and "March" are also verbs: alone they need a preposition or modifier in front
    left = ctx.text[max(0, m.start() - 12) : m.start()]
    if name in ("May", "March") and not (m["mode"] or m["mod"] or _MONTH_CONTEXT.search(left)):
        return None
    month = month_number(name)
    return D, month_value(ctx.month_year(month, *m.span(), mode=mode), month), mod_of(m["mod"])


_THE = re.compile(r"(?i)\bthe\s$")


def _counts_things(after: str, before: str) -> bool:
    """ "1992 workers" counts; "the 1992 protests" names a year, unless a unit follows."""
    if _THE.search(before):
        return bool(COUNTED_NOUNS.match(after))
    return bool(NOT_YEAR_AFTER.match(after))


def _year(m: re.Match[str], ctx: Ctx) -> Found:
    before = ctx.text[max(0, m.start("y") - 6) : m.start("y")]
    # "$1,995", "No. 1995", "May 3-5, 2019" (the range's year) are no years of their own;
    # "in 1994, 1995 and 1997" lists them
    if re.search(r"[$£€#\d./-]\s?$|,$|(?<!\d)\d{1,2},\s?$|No\.\s?$", before) and not m["mod"]:
        return None
    after = ctx.text[m.end() : m.end() + 16]
    if not m["fy"] and _counts_things(after, before):
        return None
    return D, m["y"], mod_of(m["mod"])  # "the end of 1990": 1990, END


_AGE = re.compile(r"\b(?:his|her|their|my|your|our|its|early|mid|late)[\s-]+$", re.IGNORECASE)


def _decade(m: re.Match[str], ctx: Ctx) -> Found:
    digits = m["dec"] or m["dec2"]
    if m["dec2"] and _AGE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "in his 30s" is an age
    if len(digits) == 2:  # "the '90s": the decade of the nearest century that is not future
        century = (
            ctx.ref.year // 100 if int(digits) <= ctx.ref.year % 100 else ctx.ref.year // 100 - 1
        )
        return D, f"{century}{digits[0]}", mod_of(m["mod"])
    return D, digits[:3], mod_of(m["mod"])


def _spelled_year(m: re.Match[str], ctx: Ctx) -> Found:
    if m["t"]:
        return D, str(1900 + int(number(m["t"]) or 0))
    if not (m["u"] or m["lead"]):
        return None  # "two thousand people"
    return D, str(2000 + int(number(m["u"] or "0") or 0))


_MOD = r"(?P<mod>(?:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of)[\s-]*)?"
_MONTH_MODE = r"(?:(?P<mode>last|next|this\s+past|this\s+coming|this)\s+)?"
_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
    r"seven|eight|nine)"
)
RULES: list[Rule] = [
    (re.compile(r"\b(?P<y>\d{4})([-./])(?P<m>\d\d?)\2(?P<d>\d\d?)\b(?![-./]\d)"), _iso),
    (re.compile(r"\b(?P<d>\d\d?)\.(?P<m>\d\d?)\.(?P<y>\d{4})\b"), _iso),
    (re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)\b"), _numeric),
    (
        re.compile(
            rf"(?:{WEEKDAY},?\s+)?(?P<mon>{ANY_MONTH})\s+(?P<day>{DAYNUM})\b"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?\b(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{ANY_MONTH})"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?"
        ),
        _month_day,
    ),
    (re.compile(rf"\b(?P<mon>{ANY_MONTH})(?:,|\s+of)?\s+(?P<y>{YEAR})\b"), _month_year),
    (
        re.compile(rf"\b(?P<mon>{MONTH})\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b"),
        _month_rel_year,
    ),
    (re.compile(rf"\b(?i:{_MONTH_MODE}{_MOD})(?P<mon>{MONTH})\b"), _month),
    (
        re.compile(
            r"\b(?i:(?P<mod>(?:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of)[\s-]*)?"
            r"(?P<fy>(?:fiscal|calendar)(?:\s+year)?\s+|FY\s?)?)"
            rf"(?P<y>{YEAR})\b(?!-\d|\.\d|,\d)"
        ),
        _year,
    ),
    (
        re.compile(
            r"(?i:\b(?:the\s+)?(?P<mod>(?:early|mid|late)[\s-]+)?)"
            r"(?:\b(?P<dec>1[6-9]\d0|20\d0)s\b|(?:'|’|\b)(?P<dec2>\d0)s\b)"
        ),
        _decade,
    ),
    (
        re.compile(
            rf"(?i)\b(?P<lead>(?:the\s+)?year\s+)?(?:nineteen[\s-]+(?P<t>{_TENS})\b"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<u>{_TENS}))?\b)"
        ),
        _spelled_year,
    ),
]


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _month_day: MONTH_ANCHOR,
    _month_year: MONTH_ANCHOR,
    _month_rel_year: MONTH_ANCHOR,
    _month: MONTH_ANCHOR,
    _year: re.compile(r"\d{4}"),
    _decade: re.compile(r"0s"),
    _spelled_year: literal_anchor("nineteen", "thousand"),
}
