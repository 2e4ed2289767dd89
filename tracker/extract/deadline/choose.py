"""Which time expression of a sentence bounds a commitment: one inside its clause or opening
it, else a later one introduced by "by", "until"...; not one of another clause (", after
prices rose in two years", ", which goes live on July 1"). Pure."""

from __future__ import annotations

import re
from datetime import date

from tracker.domain import Timex, TimexType
from tracker.extract.deadline.counted import counted_value
from tracker.extract.deadline.score import restated_statement_days, score_time, with_score
from tracker.timex import find_timexes, period

__all__ = ["choose_deadline", "timexes_for"]

# "today (3 July 2025)", "tomorrow [Wednesday 22 November]": the same day, said exactly.
_APPOSED = re.compile(r"\s*[(\[]\s*")
# "will lay out how the plan will double output in 2026": the time of the question's own clause
_EMBEDDED = re.compile(
    r"\s(?:how|what|why|whether)\s[^,.;]{0,80}?\b(?:will|would|can|could|should)\s", re.I
)
_HOW = re.compile(r"\s+how\s", re.I)  # "sets out how it will": the question is what is done
# Between a fronted time adverbial and its clause: no other clause ("said", a semicolon).
_FRONT_GAP = re.compile(
    r"[;:“”\"]|\b(?:said|says|saying|told|and|but|which|that|when|after)\b", re.I
)
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|once|as|if|unless|since|until)\b", re.I)
# Between the two ends of a range: "August or September", "2011 to 2013", "May-June"
_RANGE_JOIN = re.compile(r"\s*(?:or|to|through|until|and|-|–)\s*", re.I)
# "before the World Cup", "ahead of the Spending Review": an event the text may date elsewhere
_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead\s+of|in\s+time\s+for)\s+the\s+(?P<event>(?:\d{4}\s+)?"
    r"(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3})",
)
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
    cue: int | None = None,
) -> tuple[Timex, date] | None:
    """The time expression that bounds the commitment, with its last day: one inside the
    clause `span` or opening it, else a later one in the same sentence introduced by "by",
    "until"... An opening one dates a cue that is not `future_form` ("In January, Acme
    agreed") only when it lies wholly after `ref`. `loose` also takes the time of a relative
    clause or of the statement's own day: whether the sentence dates anything ahead at all.
    `cue` is where the clause's cue stands (its own "will" may head an embedded question)."""
    best: tuple[int, Timex, date] | None = None
    restated = restated_statement_days(timexes, text=text, ref=ref) if not loose else set()
    for timex in timexes:
        if timex.start in restated:
            continue  # "Announced today (Tuesday 14 January),": the same day, said again
        within = _own(timex, span, text=text, cue=cue)
        fronted = _fronted(timex, span, sentence, text=text)
        inside = within or (fronted and (future_form or _after(timex, ref)))
        if not (inside or _trails(timex, span, sentence, text=text, loose=loose)):
            continue
        timex, scored = with_score(timex, timexes, text=text, ref=ref)
        if scored is None or (not inside and (scored[0] < 2 or ref is None or scored[1] <= ref)):
            continue
        rank = scored[0] + (2 if within else 1 if inside else 0)  # its own time comes first
        # "today (3 July 2025)": the exact day; "in May or June": to the range's end
        joined = best is not None and _joins(text, best[1].end, timex.start)
        if best is not None and joined:
            best = (max(rank, best[0]), timex, scored[1])
        elif best is None or rank > best[0]:
            best = (rank, timex, scored[1])
    if best is None:
        return _dated_event(timexes, span, text=text, ref=ref)
    return counted_value(best[1], text, ref), best[2]


def _joins(text: str, end: int, start: int) -> bool:
    """Two times that are one: an apposed exact day, or the ends of a range."""
    return bool(_APPOSED.fullmatch(text, end, start) or _RANGE_JOIN.fullmatch(text, end, start))


def _own(timex: Timex, span: tuple[int, int], *, text: str, cue: int | None) -> bool:
    """A time inside the clause, not in the own clause of a question it embeds ("will lay out
    how the plan will double output in 2026"); but the question's time when its verb is the
    clause's cue ("sets out how the NHS will cut waiting lists by 2029")."""
    if not span[0] <= timex.start < span[1]:
        return False
    embedded = _EMBEDDED.search(text, span[0], timex.start)
    if embedded is None:
        return True
    own_verb = cue is not None and embedded.start() < cue < embedded.end()
    return own_verb and _HOW.match(text, embedded.start()) is not None


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
            scored = score_time(timex, text=text, ref=ref) if near else None
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
