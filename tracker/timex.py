"""Time expressions: find them in text and normalise them TIMEX3-style against a reference date.

The rules live in tracker/timex_dates.py, timex_relative.py and timex_vague.py (their words in
timex_lexicon.py, their anchors in timex_anchors.py); this module runs them, keeps the longest
non-overlapping matches and re-exports `period`, the calendar days a value covers. Pure: no I/O,
no clock, no dateparser.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from tracker.domain import Timex
from tracker.timex_anchors import ANCHORS
from tracker.timex_calendar import period
from tracker.timex_context import Ctx
from tracker.timex_dates import RULES as DATE_RULES
from tracker.timex_dates import Rule
from tracker.timex_relative import RULES as RELATIVE_RULES
from tracker.timex_vague import RULES as VAGUE_RULES

__all__ = ["find_timexes", "period"]

logger = logging.getLogger(__name__)

_RULES: tuple[Rule, ...] = (*DATE_RULES, *RELATIVE_RULES, *VAGUE_RULES)


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
                timex = Timex(text[start:end], start, end, result[0], result[1])
                found.append((end - start, order, start, timex))
    return found


def find_timexes(text: str, *, ref: date) -> list[Timex]:
    """Time expressions in `text`, normalised against `ref`: sorted, non-overlapping spans."""
    chosen: list[Timex] = []
    ctx = Ctx(text, ref)
    for _, _, _, timex in sorted(_candidates(text, ctx), key=lambda c: (-c[0], c[1], c[2])):
        if all(timex.end <= t.start or t.end <= timex.start for t in chosen):
            chosen.append(timex)
    return sorted(chosen, key=lambda t: t.start)
