"""Which time expression bounds a commitment ("by the end of the year", "within six months",
"on January 15"), and which do not ("said on Sunday", "since 2008", "for 33 years"). Pure."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta

from tracker.domain import Timex, TimexType
from tracker.extract.verbs import PAST_TENSE
from tracker.timex import find_timexes, period

__all__ = ["choose_deadline", "timexes_for"]

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
# "today (3 July 2025)", "tomorrow [Wednesday 22 November]": the same day, said exactly.
_APPOSED = re.compile(r"\s*[(\[]\s*")
# "today (3 July 2025)", "today, 17 July,": the day of a dated statement, given again
_APPOSED_DAY = re.compile(r"\s*(?:[(\[]|,)\s*")
# A span whose own words say it lasts: "over three years", "during the next two months".
_LASTING_TEXT = re.compile(r"(?:over|within|during|throughout)\s", re.I)
# "for a 5 year term from 18 July 2025": a span counted from the day it starts
_TERM_FROM = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:from|starting|beginning|commencing|effective)\s+(?:on\s+)?", re.I
)
_TERM_LEAD = re.compile(r"\b(?:for|over|an?|the|its|their|his|her)\s+$", re.I)
# "over the next decade", "within the coming year": a span counted from the statement.
_COUNTED_LEAD = re.compile(r"\b(?:over|within|during|in|for)\s+$", re.I)
_COUNTED = re.compile(r"(?:the\s+)?(?:next|coming)\s+(?P<unit>year|decade)$", re.I)
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
# "will lay out how the plan will double output in 2026": the time of the question's own clause
_EMBEDDED = re.compile(
    r"\s(?:how|what|why|whether)\s[^,.;]{0,80}?\b(?:will|would|can|could|should)\s", re.I
)
# Between a fronted time adverbial and its clause: no other clause ("said", a semicolon).
_FRONT_GAP = re.compile(
    r"[;:“”\"]|\b(?:said|says|saying|told|and|but|which|that|when|after)\b", re.I
)
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|once|as|if|unless|since|until)\b", re.I)
# Between the two ends of a range: "August or September", "2011 to 2013", "May-June"
_RANGE_JOIN = re.compile(r"\s*(?:or|to|through|until|and|-|–)\s*", re.I)
_FROM_NOW = re.compile(r"\b(?:from\s+(?:now|today)|hence)\b", re.I)
# "before the World Cup", "ahead of the Spending Review": an event the text may date elsewhere
_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead\s+of|in\s+time\s+for)\s+the\s+(?P<event>(?:\d{4}\s+)?"
    r"(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3})",
)
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
# Between a clause and a later time: another clause the time belongs to ("..., after prices
# rose in two years").
_TRAIL_GAP = re.compile(
    r"[;:]|,\s*(?:after|since|because|while|whereas|although|though|but)\b",
    re.I,
)
# "the ad service, which goes live on July 1": the time of a relative clause on a noun
_RELATIVE_GAP = re.compile(r",\s*(?:which|who|whose)\b", re.I)
_EVENT_REACH = 60  # characters from a mention of the event to its date
_FRONT_REACH = 12  # characters: ", regulators" but not a whole other phrase
# "later today at Deakin University, we’re launching": a named place between time and clause
_PLACE_GAP = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*\s*,\s*")
# Two references far apart: a value that does not change between them needs no reference.
_PROBES = (date(1990, 6, 15), date(2030, 2, 10))


def timexes_for(text: str, *, ref: date | None) -> list[Timex]:
    """Time expressions of `text`; without a reference, only the self-contained ones."""
    if ref is not None:
        return find_timexes(text, ref=ref)
    first, second = (find_timexes(text, ref=probe) for probe in _PROBES)
    stable = {(t.start, t.end, t.value) for t in second}
    return [t for t in first if (t.start, t.end, t.value) in stable and t.type == TimexType.DATE]


def choose_deadline(
    timexes: list[Timex],
    span: tuple[int, int],
    sentence: tuple[int, int],
    *,
    text: str,
    ref: date | None,
    future_form: bool = True,
    loose: bool = False,
) -> tuple[Timex, date] | None:
    """The time expression that bounds the commitment, with its last day: one inside the
    clause `span` or opening it, else a later one in the same sentence introduced by "by",
    "until"... An opening one dates a cue that is not `future_form` ("In January, Acme
    agreed") only when it lies wholly after `ref`. `loose` also takes the time of a relative
    clause or of the statement's own day: whether the sentence dates anything ahead at all."""
    best: tuple[int, Timex, date] | None = None
    said_on: Timex | None = None  # the last time found to date the statement itself
    for timex in timexes:
        if said_on is not None and _APPOSED_DAY.fullmatch(text, said_on.end, timex.start):
            said_on = timex  # "Announced today (Tuesday 14 January),": the same day, said again
            if not loose:
                continue
        if _statement_day(timex, text=text, ref=ref):
            said_on = timex
        within = _own(timex, span, text=text)
        fronted = _fronted(timex, span, sentence, text=text)
        inside = within or (fronted and (future_form or _after(timex, ref)))
        if not (inside or _trails(timex, span, sentence, text=text, loose=loose)):
            continue
        scored = _term(timex, timexes, text=text, ref=ref)
        if scored is not None:  # the term's last day is the value: "2030-07-17"
            timex = replace(timex, type=TimexType.DATE, value=scored[1].isoformat(), mod=None)
        scored = scored or _score(timex, text=text, ref=ref)
        if scored is None or (not inside and (scored[0] < 2 or ref is None or scored[1] <= ref)):
            continue
        rank = scored[0] + (2 if within else 1 if inside else 0)  # its own time comes first
        if best is not None and _APPOSED.fullmatch(text, best[1].end, timex.start):
            best = (max(rank, best[0]), timex, scored[1])  # "today (3 July 2025)": the exact day
        elif best is not None and _RANGE_JOIN.fullmatch(text, best[1].end, timex.start):
            best = (max(rank, best[0]), timex, scored[1])  # "in May or June": to the range's end
        elif best is None or rank > best[0]:
            best = (rank, timex, scored[1])
    if best is None:
        return _dated_event(timexes, span, text=text, ref=ref)
    return _counted_value(best[1], text, ref), best[2]


def _own(timex: Timex, span: tuple[int, int], *, text: str) -> bool:
    """A time inside the clause, not in the own clause of a question it embeds."""
    inside = span[0] <= timex.start < span[1]
    return inside and not _EMBEDDED.search(text, span[0], timex.start)


def _trails(
    timex: Timex, span: tuple[int, int], sentence: tuple[int, int], *, text: str, loose: bool
) -> bool:
    """A time later in the sentence that may still bound the clause; not one of another
    clause between ("..., after prices rose in two years", "..., which goes live in May")."""
    if not span[1] <= timex.start < sentence[1]:
        return False
    if not loose and _RELATIVE_GAP.search(text, span[1], timex.start):
        return False
    return not _TRAIL_GAP.search(text, span[1], timex.start)


def _dated_event(
    timexes: list[Timex], span: tuple[int, int], *, text: str, ref: date | None
) -> tuple[Timex, date] | None:
    """ "before the World Cup", when the text says elsewhere when the World Cup is: its day."""
    m = _BEFORE_EVENT.search(text, *span)
    if m is None:
        return None
    event = re.compile(re.escape(m.group("event").strip()))
    for mention in event.finditer(text):
        if span[0] <= mention.start() < span[1]:
            continue
        for timex in timexes:
            near = 0 <= timex.start - mention.end() <= _EVENT_REACH
            scored = _score(timex, text=text, ref=ref) if near else None
            if scored is not None and timex.type == TimexType.DATE:
                return timex, scored[1]
    return None


def _after(timex: Timex, ref: date | None) -> bool:
    """Whether the period of `timex` starts after `ref`."""
    span = period(timex.period_value, ref=ref) if ref is not None else None
    return span is not None and ref is not None and span[0] > ref


def _fronted(timex: Timex, span: tuple[int, int], sentence: tuple[int, int], *, text: str) -> bool:
    """A time adverbial opening the clause: "By 2012, Ford will close ..."."""
    if not sentence[0] <= timex.start or timex.end > span[0]:
        return False
    far = span[0] - timex.end > _FRONT_REACH and not _PLACE_GAP.fullmatch(text, timex.end, span[0])
    if far or _FRONT_GAP.search(text, timex.end, span[0]):
        return False
    return not _SUBORDINATE.search(text, sentence[0], timex.start)  # "After it lands in May,"


def _score(timex: Timex, *, text: str, ref: date | None) -> tuple[int, date] | None:
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
    last = _counted_day(timex, ref) or _counted_span(timex, before, ref) or span[1]
    return (2 if _BOUNDING.search(before) else 1), last


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


def _counted_day(timex: Timex, ref: date | None) -> date | None:
    """ "three years from now": the day itself, three years after `ref`, not the year's end."""
    if ref is None or not _FROM_NOW.search(timex.text):
        return None
    parts = [int(p) for p in timex.value.split("-")[:2] if p.isdigit()]
    if len(parts) == 1 and len(timex.value) == 4:
        year, month = parts[0], ref.month
    elif len(parts) == 2:
        year, month = parts
    else:
        return None
    day = min(ref.day, monthrange(year, month)[1])
    return date(year, month, day)


def _counted_value(timex: Timex, text: str, ref: date | None) -> Timex:
    """ "over the next decade" as the duration it is (P10Y), so its value matches its day."""
    years = _counted_years(timex, text[max(0, timex.start - 30) : timex.start], ref)
    if years is None:
        return timex
    return replace(timex, type=TimexType.DURATION, value=f"P{years}Y", mod=None)


def _counted_span(timex: Timex, before: str, ref: date | None) -> date | None:
    """ "over the next decade": ten years from `ref`, not the end of the 2030s."""
    years = _counted_years(timex, before, ref)
    if ref is None or years is None:
        return None
    year = ref.year + years
    return date(year, ref.month, min(ref.day, monthrange(year, ref.month)[1]))


def _counted_years(timex: Timex, before: str, ref: date | None) -> int | None:
    """How many years "over the next decade/year" counts from `ref`; None for other times."""
    m = _COUNTED.match(timex.text)
    if ref is None or m is None or not _COUNTED_LEAD.search(before):
        return None
    return 10 if m.group("unit").lower() == "decade" else 1
