"""Timex rules for days of the week, seasons and clock times ("next Tuesday", "every Friday",
"this spring", "5 p.m. EST, Nov. 6"); same rule shape as tracker/timex/dates.py."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.domain import TimexType
from tracker.timex.calendar import day_value, valid_date
from tracker.timex.context import Ctx, Found, Normaliser, Rule
from tracker.timex.lexicon import (
    ANY_MONTH,
    DAY_PARTS,
    DAYNUM,
    MODES,
    SEASONS,
    WEEKDAY,
    WEEKDAY_ANCHOR,
    WEEKDAYS,
    YEAR,
    literal_anchor,
    month_number,
)

D, T = TimexType.DATE, TimexType.TIME
_WD = rf"(?P<wd>{WEEKDAY})"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_TZ = r"(?:\s+(?P<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|ET|local\s+time))?"


def _weekday(m: re.Match[str], ctx: Ctx) -> Found:
    mode = MODES.get((m["mode"] or "").lower(), "")
    day = ctx.weekday(WEEKDAYS.index(m["wd"]), *m.span(), mode=mode)
    if m["part"]:
        return T, day_value(day) + "T" + DAY_PARTS[m["part"].lower()]
    return D, day_value(day)


def _weekday_set(m: re.Match[str], ctx: Ctx) -> Found:
    suffix = "T" + DAY_PARTS[m["part"].lower()] if m["part"] else ""
    return TimexType.SET, f"XXXX-WXX-{WEEKDAYS.index(m['wd']) + 1}{suffix}"


_SEASON_NAMES = frozenset({"Spring", "Summer", "Autumn", "Winter"})  # not "Fall": "Fall in ..."
_SEASON_CONTEXT = re.compile(r"\b(?:in|by|until|since|during|through|over|of)\s+$", re.IGNORECASE)


def _season(m: re.Match[str], ctx: Ctx) -> Found:
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        return D, f"{m['y']}-{code}"
    mode = MODES.get((m["mode"] or "").lower(), "")
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if not (
        m["mode"] or m["s"] in _SEASON_NAMES or _SEASON_CONTEXT.search(ctx.text, 0, m.start())
    ):
        return None  # "fall", "spring" are verbs and nouns too
    year = ctx.month_year(first_month, *m.span(), mode=mode)
    if code == "WI" and ctx.ref.month <= 2 and mode != "next":
        year = ctx.ref.year - 1
    return D, f"{year}-{code}"


def _clock_day(m: re.Match[str], ctx: Ctx) -> date | None:
    """The day a clock time names after it ("5 p.m. EST, Nov. 6", "noon Saturday"), else ref."""
    if m["mon"]:
        month, mday = month_number(m["mon"]), int(re.sub(r"\D", "", m["day"]))
        return valid_date(ctx.nearest_year(month, mday, *m.span()), month, mday)
    if m["wd"]:
        return ctx.weekday(WEEKDAYS.index(m["wd"]), *m.span())  # strong cues only
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()] if m["rel"] else 0
    return ctx.ref + timedelta(days=shift)


def _clock(m: re.Match[str], ctx: Ctx) -> Found:
    hour, minute = int(m["h"] or m["h2"] or 0), int(m["min"] or m["min2"] or 0)
    ampm = (m["ampm"] or "").lower()
    if m["word"]:
        hour = {"noon": 12, "midday": 12, "midnight": 24}[m["word"].lower()]
    elif ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    day = _clock_day(m, ctx)
    if day is None:
        return None
    zone = "Z" if m["tz"] in ("UTC", "GMT") else ""
    clock = "24" if hour == 24 else f"{hour:02d}:{minute:02d}"  # TimeML writes midnight T24
    return T, f"{day_value(day)}T{clock}{zone}"


RULES: list[Rule] = [
    (
        re.compile(
            r"\b(?i:(?P<mode>last|next|this\s+past|this\s+coming|this|early|late|earlier|later"
            r"|previous)"
            rf"\s+)?{_WD}(?:\s+{_PART})?\b"
        ),
        _weekday,
    ),
    (re.compile(rf"\b(?i:every|each)\s+{_WD}(?:\s+{_PART})?\b"), _weekday_set),
    (re.compile(rf"\b{_WD}s(?:\s+{_PART}s?)?\b"), _weekday_set),
    (
        re.compile(
            r"\b(?i:(?P<mode>last|next|this\s+past|this\s+coming|this|early|late|mid|the)[\s-]+)?"
            r"(?P<s>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\b"
            rf"(?:(?:\s+of)?\s+(?P<y>{YEAR})\b)?(?!\s+of\s+(?!\d))"
        ),
        _season,
    ),
    (
        re.compile(
            r"(?i:\b(?:about|around|approximately|shortly\s+(?:before|after))\s+)?"
            r"(?i:\b(?:(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*"
            r"(?P<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b)"
            r"|(?P<h2>[01]?\d|2[0-3]):(?P<min2>[0-5]\d)\b(?!:?\d)|\b(?P<word>(?-i:noon|midday|midnight))\b))"
            rf"{_TZ}(?:,?\s+(?:on\s+)?{_WD}"
            r"|\s+(?P<rel>today|yesterday|tomorrow)"
            rf"|,?\s+(?:on\s+)?(?P<mon>{ANY_MONTH})\s+(?P<day>{DAYNUM})\b)?"
        ),
        _clock,
    ),
]


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _weekday: WEEKDAY_ANCHOR,
    _weekday_set: WEEKDAY_ANCHOR,
    _season: literal_anchor("spring", "summer", "fall", "autumn", "winter"),
    _clock: literal_anchor(":", "a.m", "p.m", "am", "pm", "noon", "midday", "midnight"),
}
