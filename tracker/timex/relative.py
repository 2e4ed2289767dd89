"""Timex rules for expressions anchored on the reference date: "today", "last week", "a year ago",
"the third quarter", "the second half of next year" (durations and sets, "six months",
"daily": tracker/timex/spans.py).

Same rule shape as tracker/timex/dates.py: (compiled pattern, normaliser → (type, value) | None).
"""

from __future__ import annotations

import re
from datetime import timedelta

from tracker.domain import TimexType
from tracker.timex.calendar import (
    add_months,
    day_value,
    quarter_of,
    shift,
    week_value,
)
from tracker.timex.context import Ctx, Found, Normaliser, Rule, mod_of
from tracker.timex.lexicon import (
    APPROX,
    DAY_PARTS,
    DAY_WORDS,
    NIGHT_WORDS,
    NUM,
    ORDINALS,
    REF_WORDS,
    UNIT,
    UNIT_ANCHOR,
    UNITS,
    YEAR,
    literal_anchor,
    number,
)

D, T, DUR, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET
_STEP = {
    "latest": -1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}


def _word(m: re.Match[str], ctx: Ctx) -> Found:
    word = m["w"].lower()
    day = day_value(ctx.ref + timedelta(days=DAY_WORDS[word]))
    if m["part"]:
        return T, day + "T" + DAY_PARTS[m["part"].lower()]
    return (T, day + "TNI") if word in NIGHT_WORDS else (D, day)


# "as soon as Tuesday", "soon after the attack": a signal relating two times, not a time itself
_SOON_SIGNAL = re.compile(r"(?i:\bas\s+)(?P<w>soon)\b|\b(?P<v>soon)(?=\s+(?:after|before)\b)")


def _ref(m: re.Match[str], ctx: Ctx) -> Found:
    word = re.sub(r"\s+", " ", m[0].lower())
    if word == "soon" and _SOON_SIGNAL.search(ctx.text, max(0, m.start() - 3), m.end() + 7):
        return None
    return D, REF_WORDS[word]


def _part_of_day(m: re.Match[str], ctx: Ctx) -> Found:
    days = -1 if m["which"].lower() == "last" and m["part"].lower() == "night" else 0
    return T, day_value(ctx.ref + timedelta(days=days)) + "T" + DAY_PARTS[m["part"].lower()]


def _unit_value(unit: str, step: int, ctx: Ctx) -> str:
    if unit == "quarter":
        return shift(ctx.ref, step, "Q")
    if unit == "weekend":
        monday = ctx.ref - timedelta(days=ctx.ref.weekday())
        return week_value(monday + timedelta(weeks=step) - timedelta(days=1 if step < 0 else 0))
    return shift(ctx.ref, step, UNITS[unit])


_BY = re.compile(r"\b(?:by|before|until)\s+$", re.I)
_FISCAL_SPAN = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b")


def _this_unit(m: re.Match[str], ctx: Ctx) -> Found:
    """ "this year", "last week", "next month", "earlier this year", "the coming weekend"."""
    which, unit = m["which"].lower().split()[-1], m["unit"].lower()
    if unit == "decade" and which == "past":
        return DUR, "P10Y"
    if unit == "weekend" and which == "the":
        return _weekend(m, ctx)
    if unit == "year" and which == "the" and _FISCAL_SPAN.match(ctx.text, m.end()):
        return DUR, "P1Y"  # "the year ended March 31": a year-long period, not this year
    step = _STEP.get(which, 0)
    if which in ("the", "current") and unit == "quarter":
        # "the quarter" is the one just reported, unless a deadline lies in it ("will ... by
        # the end of the quarter": the current one)
        ahead = _BY.search(ctx.text, max(0, m.start() - 8), m.start())
        step = 0 if which == "current" or (ahead and ctx.future(*m.span())) else -1
    value = _unit_value(unit, step, ctx) + ("-WE" if unit == "weekend" else "")
    return D, value, mod_of(m["lead"])  # "the end of last year": 2008, END


def _weekend(m: re.Match[str], ctx: Ctx) -> Found:
    monday = ctx.ref - timedelta(days=ctx.ref.weekday())
    future = ctx.ref.weekday() >= 4 or ctx.future(*m.span())
    saturday = monday + timedelta(days=5) - (timedelta(0) if future else timedelta(weeks=1))
    return D, week_value(saturday) + "-WE"


def _year_end(m: re.Match[str], ctx: Ctx) -> Found:
    return D, str(ctx.ref.year), "END"


def _ago(m: re.Match[str], ctx: Ctx) -> Found:
    amount = number(m["n"]) if m["n"] else 1.0
    if amount is not None and m["half"]:
        amount += 0.5
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before", "previously") else 1
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    code = UNITS[unit]
    if amount is not None and code == "Y" and amount != int(amount):
        amount, code = amount * 12, "M"  # "a year and a half later"
    if amount is None or amount != int(amount):
        return D, "PAST_REF" if sign < 0 else "FUTURE_REF"
    if code in ("S", "H") or unit == "minute":
        return None
    if code == "Y" and amount == 1 and sign < 0 and _quarterly(ctx, m.start()):
        return _year_ago_period(m, ctx)
    if code == "E":
        return D, shift(ctx.ref, sign * 10 * int(amount), "Y")
    return D, shift(ctx.ref, sign * int(amount), code)


def _quarterly(ctx: Ctx, start: int) -> bool:
    """Earnings reports compare with "a year ago" meaning the same quarter last year."""
    return "quarter" in ctx.text[max(0, start - 300) : start]


def _ordinal_part(m: re.Match[str], ctx: Ctx) -> Found:
    """ "the third quarter", "third-quarter", "the second half of 2019", "Q3 2019"."""
    n = ORDINALS.get((m["ord"] or "").lower()) or int(m["qn"] or m["qn2"] or 0)
    kind = "H" if m["half"] else "Q"
    n = min(n, 2) if kind == "H" else n
    year = _anchor_year(m, ctx)
    if year is None and kind == "H":
        return None  # "the second half" alone is as often a match's as a year's
    if year is None:
        current = quarter_of(ctx.ref) if kind == "Q" else (1 if ctx.ref.month <= 6 else 2)
        year = ctx.ref.year
        if n > current and ctx.tense(*m.span()) < 0:
            year -= 1
    return D, f"{year}-{kind}{n}"


def _anchor_year(m: re.Match[str], ctx: Ctx) -> int | None:
    if m["y"] or m["y0"]:
        return int(m["y"] or m["y0"])
    if not (m["anch"] or m["rel"]):
        return None
    rel = (m["rel"] or m["rel_"] or m["rel2"] or "").lower()
    return ctx.ref.year + (1 if "next" in rel else -1 if "last" in rel else 0)


def _year_ago_period(m: re.Match[str], ctx: Ctx) -> Found:
    unit = (m.groupdict().get("unit") or "").lower()
    if m.groupdict().get("ord"):
        return D, f"{ctx.ref.year - 1}-Q{ORDINALS[m['ord'].lower()]}"
    if unit in ("quarter", "period", "year"):
        q = add_months(ctx.ref, -3)
        return D, f"{q.year - 1}-Q{quarter_of(q)}"
    return D, str(ctx.ref.year - 1)


_PARTS = r"(?P<part>morning|afternoon|evening|night)"
_REL_YEAR = (
    r"(?P<anch>(?P<rel_>this|next|last)\s+year|the\s+(?:(?P<rel2>current|same|next|last)\s+)?year)"
)
RULES: list[Rule] = [
    (
        re.compile(
            r"\b(?i:(?:late|early|earlier|later)\s+)?(?P<w>(?i:" + "|".join(DAY_WORDS) + "))"
            rf"(?:\s+(?i:{_PARTS}))?\b"
        ),
        _word,
    ),
    (
        re.compile(
            r"(?i)\b(?:"
            + "|".join(k.replace(" ", r"\s+") for k in sorted(REF_WORDS, key=len, reverse=True))
            + r")\b(?!-)"
        ),
        _ref,
    ),
    (re.compile(rf"(?i)\b(?P<which>this|last)\s+{_PARTS}\b"), _part_of_day),
    (
        re.compile(
            r"(?i)\b(?P<lead>(?:earlier|later|early|late|the\s+(?:end|rest|remainder|beginning|"
            r"start|middle)\s+of)\s+)?"
            r"(?P<which>this\s+past|this\s+coming|the\s+current|the\s+past|the\s+previous|"
            r"the\s+following|the\s+coming|the\s+next|the\s+last|the\s+latest|the\s+(?:full|entire|whole)|the|this|last|"
            r"next|past|previous|coming|current)\s+(?:fiscal\s+)?"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)"
        ),
        _this_unit,
    ),
    (re.compile(r"(?i)\b(?:year[-\s]end|year's\s+end|the\s+end\s+of\s+the\s+year)\b"), _year_end),
    (
        re.compile(
            rf"(?i)\b{APPROX}?(?:(?P<n>{NUM})[\s-]+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence|previously|(?:before|after)(?=\s*[,.;:)]))\b"
        ),
        _ago,
    ),
    (
        re.compile(
            r"(?i)\b(?:the\s+)?(?:(?P<rel>this|next|last)\s+year's\s+|(?P<y0>(?:19|20)\d\d)\s+)?"
            r"(?:(?:latest|fiscal|calendar|current)[\s-]+)?"
            r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
            r"(?:fiscal[\s-]+)?(?:(?P<half>half)|quarter)|Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)\b"
            rf"(?:,?\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y>{YEAR})\b|{_REL_YEAR}))?"
        ),
        _ordinal_part,
    ),
    (
        re.compile(
            r"(?i)\b(?:the\s+)?(?:comparable\s+)?(?:year[-\s]ago|year[-\s]earlier)"
            r"(?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<unit>quarter|period))?\b"
        ),
        _year_ago_period,
    ),
]


# The anchor of each rule: a word every match contains (see tracker.timex.tagger).
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    _word: literal_anchor("today", "tonight", "yesterday", "tomorrow", "overnight"),
    _ref: literal_anchor(
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
    _part_of_day: literal_anchor("morning", "afternoon", "evening", "night"),
    _this_unit: UNIT_ANCHOR,
    _year_end: UNIT_ANCHOR,
    _ago: UNIT_ANCHOR,
    _ordinal_part: UNIT_ANCHOR,
    _year_ago_period: UNIT_ANCHOR,
}
