"""One clause per coordinated part of a commitment clause: "will X the A and Y the B", "will
house services under one roof, open at evenings", "jobs will be cut and two plants closed",
"2.1% in 2025 and 1.7% in 2026". Pure and rule-based; used by clauses.py."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.extract import cues as cues
from tracker.extract import verbs as verbs
from tracker.extract import vetoes as veto

if TYPE_CHECKING:
    from tracker.extract.clauses import Clause

__all__ = ["split_coordinated"]

# "will submit to audits, and can not charge for them": a coordinated prohibition.
_PROHIBITION_AND = re.compile(
    r",?\s+and\s+(?P<modal>can\s*not|can[’']t|must\s+not|may\s+not|will\s+not|won[’']t)\s+",
    re.I,
)
# "plans to lay off 47,000 employees and close five factories", "will house services under
# one roof, open at evenings": a second verb phrase, after "and" or a comma.
_VP_NEXT = re.compile(
    r"(?P<sep>,\s+(?:and\s+)?|,?\s+and\s+)(?:to\s+|also\s+)?(?P<verb>[a-z]+)\s+(?P<next>[\w$£€]+)"
)
_OBJECT_OPENER = re.compile(
    r"(?:the|a|an|its|their|his|her|our|some|all|several|many|more|new|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d[\d,.]*|[$£€]\d?)$"
)
_MIN_FIRST_WORDS = 3  # "will design, build and sell": one act, not three
# "will enable us to develop routes and bring low fares": what follows "and" is under "us to"
_NESTED_TO = re.compile(r"\b(?:us|them|him|her|it|you|me)\s+to\s+\w+", re.I)
# A relative clause inside the first part ("a scheme that will set the rules and deliver
# ..."): a verb coordinated after it is its, not the commitment's.
_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:will|would|can|could|shall|must|may)\s+(?:\w+ly\s+)?"
    r"(?P<verb>[a-z]+)\b"
)
# An embedded question inside the first part ("to champion how AI can supercharge growth,
# unlock new jobs and improve services"): what is coordinated after it is its verbs, not acts.
_EMBEDDED = re.compile(
    r"\b(?:how|what|why|where|whether)\s+(?:[\w’'-]+\s+){1,3}?"
    r"(?:will|would|can|could|shall|must|may|might|should)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b"
)
# Never the verb of a coordinated part: "and of the EU", "both the euro and in the EU",
# "above and beyond the target" (prepositions and determiners).
_FUNCTION = frozenset(
    re.findall(
        r"\w+",
        """of in on at by for from with to into than as the a an its their our his her above
        beyond below across around through throughout within without between among before
        after over under alongside behind beside towards toward upon via against amid despite
        during""",
    )
)


# "positions will be cut and 14 plants closed": a second subject and participle, the
# auxiliary left out (gapping).
_GAPPED_PASSIVE = re.compile(
    r",?\s+and\s+(?P<np>(?:\d[\d,.]*|the|all|its|their|some|several|two|three|four|five|six|"
    r"seven|eight|nine|ten|another)\b(?:\s+[a-z][\w-]*){1,3}?)\s+(?P<verb>(?=[a-z])"
    + cues.PARTICIPLE
    + r")\b(?!\s+(?:to|that|by\s+[A-Z]))"  # a participle is lower-case: "the famous Painted Hall"
)


# "two plants in 2008, another two in 2012": a second object with its own time, verb left out.
# "2.1% in 2025 and 1.7% in 2026", "a plant in May and a second one in 2027": a figure or an
# ordinal with its own date.
_DATED = (
    r"(?:in|by|this|next|during)\s+(?:the\s+)?(?:\d{4}|first|second|third|fourth|next|coming|"
    r"Q[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|spring|summer|autumn|"
    r"fall|winter|year|quarter)\b"
)
_GAPPED_OBJECT = re.compile(
    r"(?:,|,?\s+and)\s+(?=(?:another|a\s+further|the\s+remaining|the\s+other|\d[\d,]*\s+more)"
    r"\b[^,;]{0,40}?\b(?:in|by|before|until|within)\s"
    r"|(?:\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)|a\s+(?:second|third|fourth)\b)[^,;]{0,30}?\b"
    + _DATED
    + ")",
    re.I,
)


def split_coordinated(clause: Clause, sent: str, *, offset: int) -> list[Clause]:
    """Split "will X the A and Y the B", "will be cut and two plants closed" and "two in
    2008, another two in 2012" into one clause per coordinated part."""
    window = (clause.cue_end - offset, clause.end - offset)
    more = _GAPPED_OBJECT.search(sent, *window)
    if more is not None:  # "two plants in 2008, another two in 2012"
        second = _second(clause, offset + more.end(), offset + more.end())
        return [replace(clause, end=offset + more.start()), second]
    if not clause.cue.verb_follows:
        return [clause]
    gapped = _GAPPED_PASSIVE.search(sent, *window)
    if clause.passive and gapped is not None:  # "jobs will be cut and two plants closed"
        second = _second(clause, offset + gapped.start("np"), offset + gapped.start("verb"))
        second = replace(second, subject=gapped.group("np"), subject_start=second.start)
        return [replace(clause, end=offset + gapped.start()), second]
    banned = _PROHIBITION_AND.search(sent, *window)
    if banned is not None:  # "will submit to audits, and can not charge for them"
        second = _second(clause, offset + banned.start("modal"), offset + banned.end())
        return [replace(clause, end=offset + banned.start()), replace(second, negated=True)]
    m = _next_verb_phrase(sent, window)
    if m is None:
        return [clause]
    second = _second(clause, offset + m.start("verb"), offset + m.start("verb"))
    rest = split_coordinated(second, sent, offset=offset)
    return [replace(clause, end=offset + m.start()), *rest]


def _next_verb_phrase(sent: str, window: tuple[int, int]) -> re.Match[str] | None:
    """Where a coordinated verb phrase starts in `window`: "and close five factories" (a verb
    before its object), ", open at evenings" (a verb of commitments), "and returning
    inflation" (after a gerund)."""
    gerund = verbs.is_gerund_of_verb(sent[window[0] :].split(" ", 1)[0].lower())
    for m in _VP_NEXT.finditer(sent, *window):
        verb, nxt = m.group("verb"), m.group("next").lower()
        if _skipped(sent, window[0], m, gerund=gerund):
            continue
        if _in_relative(sent, window[0], m.start()):
            return None  # "a code that will set fees and protect sellers": one clause
        opened = bool(_OBJECT_OPENER.match(nxt))
        if "and" in m.group("sep") and opened:
            return m  # "and close five factories"
        if len(sent[window[0] : m.start()].split()) < _MIN_FIRST_WORDS or nxt in ("and", "or"):
            continue
        if verb in verbs.NOUN_VERBS and not (opened or verbs.is_base_verb(nxt)):
            continue  # "funding, support from ...": a noun
        if verbs.is_verb(verb) or (gerund and verbs.is_gerund_of_verb(verb)):
            return m
    return None


def _skipped(sent: str, start: int, m: re.Match[str], *, gerund: bool) -> bool:
    """No coordinated part starts here: "to review and monitor the impact" (one object, one
    act), "becoming a member and marking a milestone" (an aside, not an act), "enable us to
    develop routes and bring low fares" (under "us to")."""
    verb = m.group("verb")
    if _not_a_verb(verb) or _shares_object(sent, start, m.start()):
        return True
    if "," not in m.group("sep") and _NESTED_TO.search(sent, start, m.start()):
        return True
    return verb.endswith("ing") and not gerund


def _not_a_verb(word: str) -> bool:
    if word in veto.NOT_VERBS or word in _FUNCTION:
        return True
    return word.endswith(("ly", "s")) and not verbs.is_verb(word)


def _in_relative(sent: str, start: int, end: int) -> bool:
    """The first part holds a relative clause or an embedded question with a verb of its own
    ("that will set", "how AI can supercharge")."""
    found = [*_RELATIVE.finditer(sent, start, end), *_EMBEDDED.finditer(sent, start, end)]
    return any(_bare_verb(m.group("verb")) for m in found)


def _bare_verb(word: str) -> bool:
    """A word that reads as a verb's base form after "will": "will set", not "will soon"."""
    if verbs.is_verb(word):
        return True
    return not _not_a_verb(word) and not word.endswith(("ing", "ed"))


def _shares_object(sent: str, start: int, end: int) -> bool:
    """The first part ends on a bare verb ("to review", or is one: "plans to widen and
    resurface the road"), so the next verb's object is its too."""
    words = sent[start:end].split()
    if not words or not verbs.is_verb(words[-1].strip("\"“'").lower()):
        return False
    return len(words) == 1 or words[-2].lower() == "to"


def _second(clause: Clause, start: int, cue_at: int) -> Clause:
    """The coordinated part of `clause` that starts at `start`, its (empty) cue at `cue_at`."""
    return replace(clause, start=start, cue_start=cue_at, cue_end=cue_at)
