"""What one time expression says of a commitment: a deadline with its last day ("by the end of
the year", "within six months", "for a 5 year term from 18 July 2025"), or none ("said on
Sunday", "since 2008", "for 33 years", "launched today", "its plan for the next four years").
Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tracker.domain import Timex, TimexType
from tracker.extract.deadline.counted import counted_day, counted_span
from tracker.extract.verbs import PAST_TENSE
from tracker.timex import period

__all__ = ["restated_statement_days", "score_time", "with_score"]

_BOUNDING = re.compile(
    r"\b(?:by|before|until|till|through|within|in|on|at|no\s+later\s+than|"
    r"by\s+the\s+end\s+of|(?:by\s+)?(?:the\s+)?(?:end|middle|start)\s+of)\s*(?:the\s+next\s+)?"
    r"(?:at\s+least\s+)?$",
    re.I,
)
_NOT_BOUNDING = re.compile(
    r"\b(?:since|ago|last|earlier|after|per|(?:first|only)\s+time\s+in|"
    r"(?:said|announced|told\s+\w+)(?:\s+\w+){0,3}\s+on)\s*$",
    re.I,
)
# "fares frozen from April": when it starts, not by when it is done; but what starts or
# resumes then is done then ("services will continue from October 28")
_FROM = re.compile(r"\bfrom\s*$", re.I)
_STARTS_FROM = re.compile(r"\b(?:continu|resum|restart|start|begin|commenc)\w*\s+from\s*$", re.I)
# "a partnership launched today", "the paper, published today,": the day of the statement.
_DATED_STATEMENT = re.compile(
    r"\b(?!(?:expected|scheduled|planned|slated|due)\b)\w+ed\s*$|\bsaid\s*$|,\s*$", re.I
)
# "Health Secretary sets out today how ...", "Minister visits Leeds today": a headline's
# present tense reports what is done on the day of the statement
_PRESENT_REPORT = re.compile(
    r"\b(?:announces|launches|unveils|sets\s+out|confirms|publishes|reveals|visits|opens|marks|"
    r"signs|welcomes|hosts|meets)\b(?:\s+[\w’'-]+){0,3}\s*$",
    re.I,
)
# "Indeed, later today": a sentence adverb, not the comma of "the paper, published today,"
_OPENING_ADVERB = re.compile(r"(?:^|[.!?]\s+)(?-i:[A-Z])[a-z]+,\s*$")
# "Acme today made £7bn available", "has today (16 July) launched": the day of the statement.
# "today the Department of Commerce announced": also with a named subject between.
_DONE_AFTER = re.compile(
    r"[\s)\]]*(?:[(\[][^)\]]{0,30}[)\]]\s*)?,?\s*"
    r"(?:(?:the\s+)?(?-i:[A-Z])[\w.’'&-]*(?:\s+(?:of|and|for|(?-i:[A-Z])[\w.’'&-]*)){0,6}\s+)?"
    + PAST_TENSE,
    re.I,
)
# "today (3 July 2025)", "today, 17 July,": the day of a dated statement, given again
_APPOSED_DAY = re.compile(r"\s*(?:[(\[]|,)\s*")
# A span whose own words say it lasts: "over three years", "during the next two months".
_LASTING_TEXT = re.compile(r"(?:over|within|during|throughout)\s", re.I)
# "for a 5 year term from 18 July 2025": a span counted from the day it starts
_TERM_FROM = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:from|starting|beginning|commencing|effective)\s+(?:on\s+)?", re.I
)
_TERM_LEAD = re.compile(r"\b(?:for|over|an?|the|its|their|his|her)\s+$", re.I)
# Inside a commitment clause these bound it: "within six months", "over the next four years".
_DURATION_LEAD = re.compile(
    r"\b(?:within|in|inside|over|during|for|between|take|takes|last|lasts)\s+"
    r"(?:the\s+(?:next|coming|following)\s+)?(?:about\s+|around\s+|some\s+)?"
    r"(?:\d[\d,.]*\s+(?:and|to|or)\s+)?$",  # "between 60 and 90 days": up to the upper end
    re.I,
)
# "a ten-year mission", "an 8-week consultation": work that lasts that long from the statement;
# but "a five-year high" or "the 10-year average" measure no work.
_SPAN_OF_WORK = re.compile(r"\b(?:an?|the|its|our|their|new)\s+$", re.I)
_WORK_AFTER = re.compile(r"\s+(?!(?:high|low|old|record|average|lows?|highs?)\b)[a-z]{3,}\b")
# What marks a time as qualifying a noun: "Today’s", "hours of", "the 2022 Survey".
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
_AMOUNT_OF = re.compile(r"\s+of\s")
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")
# "its reform plan for the next four years": the span of a plan named, not by when it is done
_PLAN_FOR = re.compile(
    r"\b(?:plan|strategy|programme|program|agenda|vision|roadmap|framework)\s+for\s+$",
    re.I,
)
_THE_BEFORE = re.compile(r"(?<!\bby\s)(?<!\bbefore\s)(?<!\buntil\s)\bthe\s+$", re.I)


def score_time(timex: Timex, *, text: str, ref: date | None) -> tuple[int, date] | None:
    """(preference, last day) for a usable deadline, None for a non-deadline expression."""
    before = text[max(0, timex.start - 30) : timex.start]
    if timex.type == TimexType.SET or timex.value == "PRESENT_REF" or _NOT_BOUNDING.search(before):
        return None
    if _modifier(timex, before, text, ref):
        return None
    lasting = (
        _DURATION_LEAD.search(before)
        or _LASTING_TEXT.match(timex.text)
        or _lasting_work(timex, before, text)
    )
    if timex.type == TimexType.DURATION and not lasting:
        return None  # "33 years old", "a five-year high": how long, not by when
    if _FROM.search(before) and not _STARTS_FROM.search(before):
        return None
    if (
        ref is not None
        and timex.value == ref.isoformat()
        and _dates_statement(timex, before, text)
    ):
        return None  # "launched today": when it is said, not by when it is done
    span = period(timex.period_value, ref=ref)
    if span is None or (ref is not None and span[1] < ref):
        return None  # unresolvable, or already past when the article was written
    last = counted_day(timex, ref) or counted_span(timex, before, ref) or span[1]
    return (2 if _BOUNDING.search(before) else 1), last


def restated_statement_days(timexes: list[Timex], *, text: str, ref: date | None) -> set[int]:
    """Starts of the times apposed to a time that dates the statement: "launched today
    (16 July)", "Announced today, Tuesday 14 January,"."""
    restated: set[int] = set()
    said_on: Timex | None = None
    for timex in timexes:
        if said_on is not None and _APPOSED_DAY.fullmatch(text, said_on.end, timex.start):
            restated.add(timex.start)
            said_on = timex
        elif _statement_day(timex, text=text, ref=ref):
            said_on = timex
    return restated


def with_score(
    timex: Timex, timexes: list[Timex], *, text: str, ref: date | None
) -> tuple[Timex, tuple[int, date] | None]:
    """The time with its (preference, last day); a term's last day becomes its value."""
    term = _term(timex, timexes, text=text, ref=ref)
    if term is None:
        return timex, score_time(timex, text=text, ref=ref)
    return replace(timex, type=TimexType.DATE, value=term[1].isoformat(), mod=None), term


def _term(
    timex: Timex, timexes: list[Timex], *, text: str, ref: date | None
) -> tuple[int, date] | None:
    """ "for a 5 year term from 18 July 2025": to the term's last day, 17 July 2030."""
    if timex.type != TimexType.DURATION or ref is None:
        return None
    if not _TERM_LEAD.search(text, max(0, timex.start - 12), timex.start):
        return None
    start = next((t for t in timexes if t.start >= timex.end), None)
    if start is None or not _TERM_FROM.fullmatch(text, timex.end, start.start):
        return None
    first = period(start.period_value, ref=ref)
    span = period(timex.period_value, ref=first[0]) if first is not None else None
    if span is None or span[1] <= ref:
        return None
    return 2, span[1] - timedelta(days=1)


def _statement_day(timex: Timex, *, text: str, ref: date | None) -> bool:
    """ "launched today", "Announced today": the publication day, dating the statement."""
    if ref is None or timex.value != ref.isoformat():
        return False
    before = text[max(0, timex.start - 30) : timex.start]
    return _dates_statement(timex, before, text)


def _lasting_work(timex: Timex, before: str, text: str) -> bool:
    """ "a ten-year mission": a hyphenated span of the work itself, counted from the statement."""
    if "-" not in timex.text or not _SPAN_OF_WORK.search(before):
        return False
    return bool(_WORK_AFTER.match(text, timex.end))


def _dates_statement(timex: Timex, before: str, text: str) -> bool:
    """ "launched today", "today made £7bn available": the day a thing was said or done."""
    if _DONE_AFTER.match(text, timex.end):
        return True
    if _PRESENT_REPORT.search(before):
        return True
    return not _OPENING_ADVERB.search(before) and bool(_DATED_STATEMENT.search(before))


def _modifier(timex: Timex, before: str, text: str, ref: date | None) -> bool:
    """A time that qualifies a noun, not when something is done: "today's action", "30 hours
    of childcare", "the 2022 survey"."""
    after = text[timex.end : timex.end + 12]
    if _POSSESSIVE_AFTER.match(after) and timex.value == (ref.isoformat() if ref else None):
        return True  # but "next month's summit" is when they meet
    if timex.type == TimexType.DURATION and (_AMOUNT_OF.match(after) or _PLAN_FOR.search(before)):
        return True
    # "the 2022 survey" of a 2022 text names a thing of this year, "the 2028 Games" a date
    year = timex.text.isdigit() and ref is not None and int(timex.text) <= ref.year
    return year and bool(_NOUN_AFTER.match(after)) and bool(_THE_BEFORE.search(before))
