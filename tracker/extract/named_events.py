"""A named event with a time still ahead as a commitment of its own: "the Prime Minister's visit
to the EU Council tomorrow", "the publication of the final report later this year". Whose event
it is (the possessor before the noun), where its phrase ends (at the time that dates it), and
when it is no commitment but the subject of another clause ("The opening of the terminal next
spring will double capacity"). Used by clauses.py for the cue "dated_event"."""

from __future__ import annotations

import re

__all__ = ["event_as_act", "event_end", "event_owner", "is_subject_of_clause"]

# The time that dates a named event ("the visit to Paris tomorrow"): where its phrase ends.
_EVENT_TIME = re.compile(
    r"\b(?:tomorrow|later\s+this\s+\w+|(?:early\s+)?next\s+\w+|this\s+(?:spring|summer|"
    r"autumn|fall|winter)|in\s+(?:the\s+)?[A-Za-z]+(?:\s+\d{4})?|in\s+\d{4})\b"
)
# "the Prime Minister’s " right before an event noun: whose event it is.
_POSSESSOR = re.compile(
    r"(?P<np>(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}|(?<=the\s)[a-z]+))[’']s\s+$"
)
_OUTER_VERB = re.compile(r"\s+(?:is|are|was|were|will|would|has|have|marks?|means?)\b")


def event_owner(sent: str, cue_start: int) -> tuple[str, int] | None:
    """The possessor right before the event phrase and its offset, or None."""
    owner = _POSSESSOR.search(sent, 0, cue_start)
    return (owner.group("np"), owner.start("np")) if owner else None


def event_end(sent: str, cue_end: int, clause_end: int) -> int:
    """Where the event's phrase ends: after the time that dates it, else the clause's end."""
    dated = _EVENT_TIME.search(sent, cue_end, clause_end)
    return dated.end() if dated else clause_end


def is_subject_of_clause(sent: str, end: int) -> bool:
    """Whether a verb follows the event's phrase, making it that verb's subject."""
    return _OUTER_VERB.match(sent, end) is not None


# An event noun and the act it names: "publication of X" is "publish X".
_EVENT_ACTS = {
    "visit": "visit",
    "publication": "publish",
    "launch": "launch",
    "opening": "open",
    "signing": "sign",
    "introduction": "introduce",
    "unveiling": "unveil",
}
_EVENT_NOUN = re.compile(
    r"^(?:(?:the|his|her|its|their|our)\s+)?(?:[\w’'-]+\s+){0,2}?(?P<noun>"
    + "|".join(_EVENT_ACTS)
    + r")\s+(?:(?:of|to)\s+)?(?P<rest>.*)$",
    re.I,
)


def event_as_act(phrase: str) -> str | None:
    """ "the Prime Minister's visit to the EU Council tomorrow" → "visit the EU Council",
    "the publication of the final report later this year" → "publish the final report"."""
    m = _EVENT_NOUN.match(phrase)
    if m is None or not m.group("rest"):
        return None
    rest = m.group("rest").strip()
    times = [t for t in _EVENT_TIME.finditer(rest) if t.end() == len(rest)]
    if times:  # "... tomorrow": the due date says when
        rest = rest[: times[-1].start()].rstrip()
    return " ".join(f"{_EVENT_ACTS[m.group('noun').lower()]} {rest}".split()) if rest else None
