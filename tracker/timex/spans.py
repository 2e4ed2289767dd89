"""Timex rules for durations and sets: "six months", "the past three years", "a decade",
"daily", "every week", "$5 million a year"; same rule shape as tracker/timex/dates.py."""

from __future__ import annotations

import re

from tracker.domain import TimexType
from tracker.timex.calendar import duration_value
from tracker.timex.context import Ctx, Found, Normaliser, Rule
from tracker.timex.lexicon import (
    APPROX,
    COUNTED_RATE,
    NAME_AFTER,
    NUM,
    OPEN_QUOTE,
    RATE_BEFORE,
    TIME_UNITS,
    UNIT,
    UNIT_ANCHOR,
    UNITS,
    literal_anchor,
    number,
)

DUR, SET = TimexType.DURATION, TimexType.SET


def _rate(m: re.Match[str], ctx: Ctx) -> bool:
    before = ctx.text[max(0, m.start() - 60) : m.start()]
    return bool(RATE_BEFORE.search(before[-12:]) or COUNTED_RATE.search(before))


_FRACTION = re.compile(r"\s+of\b")


def _not_a_span(m: re.Match[str], ctx: Ctx, unit: str) -> bool:
    """ "a quarter of the staff", "a second time", "in some quarters", "three-quarters of"."""
    n = (m["n"] or "").lower()
    if m["unit"][0].isupper() and OPEN_QUOTE.search(ctx.text, max(0, m.start() - 3), m.start()):
        return True  # the title "60 Minutes"
    if n in ("a", "an"):
        return unit in ("quarter", "second")
    if unit == "quarter" and _FRACTION.match(ctx.text, m.end()):
        return "-" in m[0]  # "three-quarters of its food"; "three quarters of 1989" is time
    return n == "some" and unit == "quarter"


def _duration(m: re.Match[str], ctx: Ctx) -> Found:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    if unit == "weekend":
        return None
    amount = number(m["n2"] or m["n"]) if (m["n2"] or m["n"]) else None
    if amount is not None and m["half"]:
        amount += 0.5
    if _not_a_span(m, ctx, unit) or (amount or 0) >= 1000:
        return None  # "the 1988 quarter" is a calendar quarter, not 1,988 of them
    if (m["n"] or "").lower() in ("a", "an") and _rate(m, ctx):
        return SET, duration_value(1, UNITS[unit], clock=unit in TIME_UNITS)  # "$5 million a year"
    if amount is None and not (m["n"] or m["vague"]):
        return None
    code = UNITS[unit]
    if code == "E" and amount is not None:
        amount, code = amount * 10, "Y"
    return DUR, duration_value(amount, code, clock=unit in TIME_UNITS)


def _set(m: re.Match[str], ctx: Ctx) -> Found:
    word = m[0].lower().split()[-1]
    table = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y"}
    table |= {"yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}
    if word == "daily" and NAME_AFTER.match(ctx.text, m.end()):
        return None  # the newspaper: "the Communist Party daily Granma"
    if word in table:
        return SET, table[word]
    unit = word.rstrip("s")
    return SET, ("PT1" if unit in ("hour", "minute") else "P1") + UNITS[unit]


RULES: list[Rule] = [
    (
        re.compile(
            r"(?i)\b(?:the\s+(?!\w+-(?:second|minute|hour|day|week|month|quarter|year|decade)))?"
            rf"{APPROX}?(?:(?:first|past|last|next|coming|previous|following|"
            r"latest|remaining|additional|other|final|initial|recent)\s+)?"
            rf"(?:(?P<n>{NUM})(?:\s+(?:to|or)\s+(?P<n2>{NUM}))?[\s-]+|(?P<vague>recent\s+|coming\s+))"
            r"(?:more\s+|consecutive\s+|straight\s+|full\s+)?(?:trading\s+|business\s+|calendar\s+)?"
            rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\b(?![\s-]+old)"
        ),
        _duration,
    ),
    (
        re.compile(
            r"(?i)\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|"
            r"(?:every|each|per)\s+(?:day|week|month|year|quarter|hour|minute))\b"
        ),
        _set,
    ),
]


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _duration: UNIT_ANCHOR,
    _set: literal_anchor(
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
}
