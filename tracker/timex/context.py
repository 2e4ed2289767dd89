"""What a timex rule may ask about its surroundings: the reference date and the tense around it.

Underspecified expressions ("Sunday", "in October", "the third quarter") are anchored on the
reference date, leaning to the past or the future according to the nearest tense cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain import TimexType
from tracker.timex.calendar import valid_date
from tracker.timex.lexicon import FUTURE_CUES, NEAR_FUTURE_CUES, PAST_CUES, STRONG_FUTURE_CUES

# (type, value) or (type, value, TIMEX3 mod); None rejects the match
Found = tuple[TimexType, str] | tuple[TimexType, str, str | None] | None
# the words before a period that TIMEX3 records as its `mod`
_MODS: tuple[tuple[str, str], ...] = (("mid", "MID"), ("middle", "MID"), ("early", "START"))
_MODS += (("beginning", "START"), ("start", "START"), ("late", "END"), ("end", "END"))


def mod_of(lead: str | None) -> str | None:
    """TIMEX3 mod of a leading modifier: "early" → START, "mid-" → MID, "the end of" → END."""
    words = re.findall(r"[a-z]+", (lead or "").lower())
    return next((mod for word, mod in _MODS if word in words), None)


_BOUNDARY = re.compile(r"[.!?\n]")
_RIGHT_BOUNDARY = re.compile(r"[.!?\n;:\"“”]")
_WINDOW = 90
_FAR_WINDOW = 240
_PLAIN_REACH = 60
_PLAIN_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|won't|(?:is|are|am)\s+going\s+to|(?:is|are)\s+(?:scheduled|due|set|"
    r"slated)\s+to)\b"
)
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n\"“”]|,\s+(?:where|which|who|whose|when|while|after|before|following|since)\b"
)
_UNTIL = re.compile(r"(?i)\b(?:until|till)\s+$")
_PAST_PERFECT = re.compile(r"(?i)\bhad(?:n't|\s+not|\s+never)?\s+(?!to\b)[a-z]+")
# a sentence end, not the stop of "vs." or "Mr." or an initial
_SENTENCE_END = re.compile(
    r"(?<!\bvs)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<![A-Z])[.!?]\s+(?=[A-Z\"“])|\n"
)


def _nearest_cue(left: str, right: str, future_cues: re.Pattern[str]) -> int:
    """+1 or -1 for the tense cue nearest the expression, 0 if none."""
    best = (10**6, 0)
    for cues, sign in ((future_cues, 1), (PAST_CUES, -1)):
        for m in cues.finditer(left):
            best = min(best, (len(left) - m.end(), -sign))
        for m in cues.finditer(right):
            # the governing verb mostly stands on the left: right-hand cues count less
            best = min(best, (m.start() + 30, -sign))
    return -best[1]


@dataclass(frozen=True, slots=True)
class Ctx:
    """One text and its reference date, as seen by the rules."""

    text: str
    ref: date

    def tense(self, start: int, end: int, *, strong: bool = False) -> int:
        """+1 if the nearest tense cue in the sentence is future, -1 if past, 0 if none."""
        left_from = max(0, start - _WINDOW)
        left = self.text[left_from:start]
        cut = max((m.end() for m in _BOUNDARY.finditer(left)), default=0)
        left = left[cut:]
        right = self.text[end : end + _WINDOW]
        stop = _RIGHT_BOUNDARY.search(right)
        right = right[: stop.start()] if stop else right
        future_cues = STRONG_FUTURE_CUES if strong else FUTURE_CUES
        lean = _nearest_cue(left, right, future_cues)
        if lean > 0 and _UNTIL.search(left) and _PAST_PERFECT.search(right):
            return -1  # "Until Thursday, they had not called him a suspect"
        if lean:
            return lean
        # "In January, a week after the anniversary of ..., a bombing killed": a fronted
        # expression whose verb stands further right in a long sentence
        far = self.text[end : end + _FAR_WINDOW]
        stop = _SENTENCE_END.search(far)
        return _nearest_cue("", far[: stop.start()] if stop else far, future_cues)

    def plainly_future(self, start: int) -> bool:
        """A plain future governs the expression from the left, in its own clause ("Acme will
        close the plant in May"); "would" and reported or hedged futures do not count."""
        left = self.text[max(0, start - _PLAIN_REACH) : start]
        cut = max((m.end() for m in _CLAUSE_BREAK.finditer(left)), default=0)
        return bool(_PLAIN_FUTURE.search(left, cut))

    def future(self, start: int, end: int, *, strong: bool = False) -> bool:
        """True when the expression most likely refers forward from the reference date."""
        return self.tense(start, end, strong=strong) > 0

    def month_year(self, month: int, start: int, end: int, *, mode: str = "") -> int:
        """Year of a month named without one: "last"/"next"/"this" or by tense."""
        y, m = self.ref.year, self.ref.month
        if mode == "last":
            return y if month < m else y - 1
        if mode == "next":
            return y if month > m else y + 1
        if mode == "this" or month == m:
            return y
        if self.plainly_future(start):
            return y if month > m else y + 1  # "will close the plant in May", said in July
        return self.nearest_year(month, 15, start, end, bonus=250)

    def weekday(self, weekday: int, start: int, end: int, *, mode: str = "") -> date:
        """Date of a weekday named without a date: the last one, or the next one if future."""
        back = (self.ref.weekday() - weekday) % 7
        ahead = (weekday - self.ref.weekday()) % 7
        if mode == "last":
            return self.ref - timedelta(days=back or 7)
        if mode == "next":
            return self.ref + timedelta(days=ahead or 7)
        lean = self.tense(start, end, strong=True)
        if mode == "this":
            return (
                self.ref + timedelta(days=ahead) if lean > 0 else self.ref - timedelta(days=back)
            )
        if lean <= 0:
            return self.ref - timedelta(days=back)
        if ahead == 0 and not NEAR_FUTURE_CUES.search(self.text[max(0, start - 40) : start]):
            return self.ref  # the reference day itself unless "will ... on Sunday"
        return self.ref + timedelta(days=ahead or 7)

    def nearest_year(self, month: int, day: int, start: int, end: int, *, bonus: int = 120) -> int:
        """Year of a month and day named without one: the closest, ties broken by tense; the
        next one under a plain future ("will meet on May 3", said in July)."""
        if self.plainly_future(start):
            for year in (self.ref.year, self.ref.year + 1):
                if (day_of := valid_date(year, month, day)) is not None and day_of >= self.ref:
                    return year
        lean = self.tense(start, end)
        best: tuple[float, int] | None = None
        for year in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            try:
                gap = (date(year, month, day) - self.ref).days
            except ValueError:
                continue
            score = abs(gap) - (bonus if gap * lean > 0 else 0) + (0 if lean or gap <= 0 else 20)
            if best is None or score < best[0]:
                best = (score, year)
        return best[1] if best else self.ref.year


# A rule: a pattern and the function that turns its match into (type, value[, mod]). Each rule
# module also maps its normalisers to an anchor: a word every match contains, so the tagger
# tries a rule only in windows around that word (re scans a literal alternation very fast).
Normaliser = Callable[[re.Match[str], Ctx], Found]
Rule = tuple[re.Pattern[str], Normaliser]
