"""Time expressions: find them in text and normalise them TIMEX3-style against a reference date.

The rules live in tracker/timex/dates.py, relative.py and vague.py (their words in
lexicon.py, their anchors beside each rule module's RULES); this module runs them, keeps the
longest non-overlapping matches, gives day-less expressions ("at 18:00 UTC", "ended the day")
the day the story last named, and re-exports `period`, the calendar days a value covers. Pure:
no I/O, no clock, no dateparser.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import replace
from datetime import date

from tracker.domain import Timex, TimexType
from tracker.timex import dates, days, financial, holidays, relative, spans, vague
from tracker.timex.calendar import period
from tracker.timex.context import Ctx, Normaliser, Rule
from tracker.timex.dates import RULES as DATE_RULES
from tracker.timex.days import RULES as DAY_RULES
from tracker.timex.financial import RULES as FINANCIAL_RULES
from tracker.timex.holidays import RULES as HOLIDAY_RULES
from tracker.timex.lexicon import ANY_MONTH, WEEKDAY
from tracker.timex.relative import RULES as RELATIVE_RULES
from tracker.timex.spans import RULES as SPAN_RULES
from tracker.timex.vague import ANAPHORIC_RULES
from tracker.timex.vague import RULES as VAGUE_RULES

__all__ = ["find_timexes", "period"]

logger = logging.getLogger(__name__)

_RULES: tuple[Rule, ...] = (
    *FINANCIAL_RULES,
    *DATE_RULES,
    *DAY_RULES,
    *HOLIDAY_RULES,
    *ANAPHORIC_RULES,
    *RELATIVE_RULES,
    *SPAN_RULES,
    *VAGUE_RULES,
)
# Rules without an anchor run over the whole text.
ANCHORS: dict[Normaliser, re.Pattern[str]] = {
    **dates.ANCHORS,
    **days.ANCHORS,
    **financial.ANCHORS,
    **holidays.ANCHORS,
    **relative.ANCHORS,
    **spans.ANCHORS,
    **vague.ANCHORS,
}


# a match may start this far before its anchor word and end this far after it
_BEFORE, _AFTER = 60, 40


def _windows(text: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged [start, end) windows around every occurrence of an anchor."""
    merged: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _matches(
    rule: Rule, text: str, cache: dict[int, list[tuple[int, int]]]
) -> list[re.Match[str]]:
    """The rule's matches, searched only in windows around its anchor when it has one."""
    pattern, normalise = rule
    anchor = ANCHORS.get(normalise)
    if anchor is None:
        return list(pattern.finditer(text))
    windows = cache.get(id(anchor))
    if windows is None:
        windows = cache[id(anchor)] = _windows(text, anchor)
    found: dict[tuple[int, int], re.Match[str]] = {}
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            found.setdefault(m.span(), m)
    return list(found.values())


def _candidates(text: str, ctx: Ctx) -> list[tuple[int, int, int, Timex]]:
    """Every accepted rule match as (length, rule order, start, timex)."""
    found = []
    cache: dict[int, list[tuple[int, int]]] = {}
    for order, rule in enumerate(_RULES):
        pattern, normalise = rule
        for m in _matches(rule, text, cache):
            start, end = m.span("x") if "x" in pattern.groupindex else m.span()
            if start == end:
                continue
            result = normalise(m, ctx)
            if result is not None:
                kind, value, *mod = result
                timex = Timex(text[start:end], start, end, kind, value, *mod)
                found.append((end - start, order, start, timex))
    return found


# a clock time naming its own day; any other one took the reference day as a default
_NAMES_DAY = re.compile(rf"{WEEKDAY}|{ANY_MONTH}|(?i:today|tonight|tomorrow|yesterday)")
# "the day", "that same day": the day the story is about, which the rules took to be `ref`
_STORY_DAY = re.compile(r"(?i)\b(?:the|that)\s+(?:same\s+)?day\b")
_ANAPHOR = re.compile(r"(?i)(?:(?:later|earlier)\s+)?(?:that|the\s+same)\b")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_STORY_REACH = 600
_SENTENCE_END = re.compile(r"[.!?\n]\s")


def _dayless_clock(timex: Timex, default: str) -> bool:
    """A clock time that named no day, so the rules gave it the reference day."""
    return (
        timex.type == TimexType.TIME
        and timex.value.startswith(default)
        and not _NAMES_DAY.search(timex.text)
    )


def _clock_without_day(timex: Timex, text: str, before: Timex, default: str) -> bool:
    """A clock time that named no day, in the same sentence as the previous expression."""
    return _dayless_clock(timex, default) and not _SENTENCE_END.search(
        text, before.end, timex.start
    )


def _story_day(timex: Timex, default: str) -> bool:
    return timex.value == default[:10] and bool(_STORY_DAY.search(timex.text))


def _anchor_days(found: list[Timex], text: str, ref: date) -> list[Timex]:
    """Give "at 18:00 UTC" the day named earlier in its sentence, "the day" the last day named."""
    default = ref.isoformat() + "T"
    out: list[Timex] = []
    last_day: str | None = None
    for timex in found:
        if (
            out
            and last_day
            and _FULL_DAY.match(out[-1].value)
            and _clock_without_day(timex, text, out[-1], default)
        ):
            timex = replace(timex, value=last_day + timex.value[10:])
        if out and timex.start - out[-1].end > _STORY_REACH:
            last_day = None  # paragraphs later, "the day" is no longer the day last named
        if _story_day(timex, default):
            if last_day is None and _ANAPHOR.match(timex.text):
                continue  # "trades made that day": no day named before, a generic day
            timex = replace(timex, value=last_day or timex.value)
        if _FULL_DAY.match(timex.value):
            last_day = timex.value[:10]
        out.append(timex)
    return out


# between "10:35 a.m." and the day it names: "(0735 GMT) Friday", ", on Friday"
_TO_NEXT_DAY = re.compile(r"\s*(?:\([^()]{1,25}\)\s*)?,?\s*(?:on\s+)?")


def _days_after(found: list[Timex], text: str, ref: date) -> list[Timex]:
    """Give "at 10:35 a.m. (0735 GMT) Friday" the day named right after the clock time."""
    default = ref.isoformat() + "T"
    out = list(found)
    for i, (timex, after) in enumerate(itertools.pairwise(found)):
        gap = _TO_NEXT_DAY.fullmatch(text, timex.end, after.start)
        if gap and _dayless_clock(timex, default) and _FULL_DAY.fullmatch(after.value):
            out[i] = replace(timex, value=after.value + timex.value[10:])
    return out


def find_timexes(text: str, *, ref: date) -> list[Timex]:
    """Time expressions in `text`, normalised against `ref`: sorted, non-overlapping spans."""
    chosen: list[Timex] = []
    ctx = Ctx(text, ref)
    for _, _, _, timex in sorted(_candidates(text, ctx), key=lambda c: (-c[0], c[1], c[2])):
        if all(timex.end <= t.start or t.end <= timex.start for t in chosen):
            chosen.append(timex)
    ordered = _days_after(sorted(chosen, key=lambda t: t.start), text, ref)
    return _anchor_days(ordered, text, ref)
