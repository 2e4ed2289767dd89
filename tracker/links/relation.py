"""What a sentence says of a commitment it is about: still ahead (same or another deadline),
delayed, done, done in part, or not done. Cue words, tense and the extractor's deadline."""

from __future__ import annotations

import functools
import re
from datetime import date

from tracker.domain import TimexType
from tracker.links.model import Relation
from tracker.timex import find_timexes, period

__all__ = ["Reading", "relation_of", "slips"]

Reading = tuple[Relation, date | None]  # the relation and, for a moved deadline, the new one

_NOT_DONE = re.compile(
    r"\b(?:cancel\w*|abandon\w*|scrap(?:ped|s)?|call(?:ed|s)? off|shelv\w*"
    r"|miss(?:ed|es)\b|fail(?:ed|s)? to|refus\w*|withdr[ae]w\w*|settled|rejected|no longer"
    r"|will not|won[’']t|ditch\w*|axed|dropp(?:ed|ing|s)? (?:the |its |their |a )?(?:plans?|bid)"
    r"|(?:plans?|bid)\b[^.;]{0,40}?\b(?:was|were|has been|have been) dropped)",
    re.I,
)
# still ahead although a past verb reports something else ("welcomed ... ahead of the summit")
_AHEAD = re.compile(
    r"\b(?:ahead of (?!schedule|time|plan|target)|upcoming|forthcoming|in the run-up to"
    r"|look(?:s|ed|ing)? forward to)",
    re.I,
)
# an outcome without a past verb: a law or a rule "enters into force" or takes effect today
_IN_FORCE = re.compile(
    r"\b(?:(?:entry|enter(?:s|ed)?|came|comes) into (?:force|effect)|t(?:akes|ook) effect"
    r"|(?:is|are) now (?:in force|open|live))",
    re.I,
)
# a later statement that restates an earlier commitment, whatever its tense ("reaffirmed our
# commitment to", "remains committed to", "will continue to", "as set out in")
_RESTATE = re.compile(
    r"\b(?:reaffirm\w*|reiterat\w*|restat\w*|recommit\w*|(?:remains?|remained|is|are|was|were)"
    r"(?: \w+ly)? committed to|will continue to|continues? to (?:commit|pursue)|as set out)",
    re.I,
)
_BEHIND = re.compile(r"\bbehind schedule\b", re.I)
_DELAY = re.compile(
    r"\b(?:delay\w*|postpon\w*|push(?:ed)? back|slipp?\w*|resched\w*|not due until"
    r"|put back|defer(?:s|red|ring)?\b|(?:years?|months?|weeks?) late|but will now"
    r"|now (?:expect\w*|due|plan\w*))",
    re.I,
)
# "will now" is a delay only with a new date ("will now come into force on 1 October")
_NOW = re.compile(r"\bwill now\b", re.I)
_FUTURE = re.compile(
    r"\b(?:(?:projected|forecast|predicted) to|projects?\s+(?:\w+\s+){1,3}to"
    r"|will|would|shall|expect\w*|due to|to be|scheduled|plans? to|planned|set to|aims? to"
    r"|intends? to|is to|are to|going to)\b",
    re.I,
)
_PARTLY = re.compile(
    r"\b(?:only (?:\w+ )?(?:\d|one|two|three|four|five|a few|half|some|part)|partial\w*"
    r"|part of|some of|fewer|first of|first (?:payments?|phase|stage|tranche|instalment|step)"
    r"|(?:began|begun|started) (?:work|construction|building)|progress toward"
    r"|moving (?:\w+ly )?toward)\b",
    re.I,
)  # "only two were delivered", not "it had only been out for 22 days"
_IRREGULAR = (
    r"made|took|flew|began|won|held|met|sold|built|paid|rose|fell|gave|went|became|brought"
    r"|bought|left|led|put|set|shut|struck|spent|sent|cut|closed|opened|landed|agreed"
)
# verbs of saying report a statement, not an outcome ("'we are rolling out', he enthused")
_SAYING = (
    r"(?!(?:said|announced|reported|stated|added|noted|explained|enthused|claimed|confirmed"
    r"|declared|told|quoted|asked)\b)"
)
# a regular past form: lower case ("United" is a name), not after an article or possessive
# ("the proposed bridge" is a modifier), not an "-eed" or "-dred" word ("exceed", "hundred");
# after "have" it is a perfect, read (with its negation) by the perfect's branch of _PAST
# ("could not have resolved" reports nothing)
_REGULAR = (
    r"(?<!be )(?<!to )(?<!the )(?<!an )(?<! a )(?<!its )(?<!their )(?<!his )(?<!her )"
    r"(?<!has )(?<!have )(?<!had )"
    r"(?-i:[a-z]{2,}(?<!e)(?<!dr)ed|guaranteed|freed)"
)
# an adverb inside a perfect ("had only been out", "has already delivered")
_ADVERB = r"(?:only|already|just|now|since|finally|\w+ly)"
# not negated ("it had not addressed the problem"), not the end of a compound adjective
# ("pre-agreed requirements", "long-awaited"): neither reports an outcome
_PAST = re.compile(
    rf"(?<!not )(?<!never )(?<!-)\b{_SAYING}"
    rf"(?:(?:has|have|had)\s+(?:{_ADVERB}\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|ld|ht|id)|{_IRREGULAR}"
    rf"|{_REGULAR})\b",
    re.I,
)
_PAST_FUTURE = re.compile(r"\b(?:was|were)\s+(?:set|due|expected|scheduled|to)\b", re.I)


def relation_of(
    sentence: str, *, deadline: date | None, since: date | None, published: date | None
) -> Reading | None:
    """The relation `sentence` (of an article published on `published`) bears to a commitment
    made on `since` and due by `deadline`, or None: no report, or only of earlier events."""
    days = _period_ends(sentence, published)
    if days and since and max(days) < since:
        return None  # "In 1998 Apple introduced ...": history, not the commitment's outcome
    if _cue(_NOT_DONE, sentence):
        return Relation.REPORTS_NOT_DONE, None
    if _BEHIND.search(sentence):
        return (Relation.REPORTS_DONE if _late(sentence) else _behind(deadline, published)), None
    if _RESTATE.search(sentence):
        return Relation.RESTATES, None
    later = max((d for d in days if published and d > published), default=None)
    if _DELAY.search(sentence) or (later and _NOW.search(sentence)):
        return _delayed(later, deadline)
    if _FUTURE.search(sentence) and not _PAST_FUTURE.search(sentence):
        if later and deadline and later > deadline and deadline not in days:
            return Relation.MOVES_DEADLINE, later
        return Relation.RESTATES, None
    return _outcome(sentence)


def _outcome(sentence: str) -> Reading | None:
    """A sentence with no future or delay cue: still ahead, done, done in part, or nothing."""
    if _AHEAD.search(sentence):
        return Relation.RESTATES, None
    if _IN_FORCE.search(sentence):
        return Relation.REPORTS_DONE, None
    if _PAST.search(sentence) and not _PAST_FUTURE.search(sentence):
        partly = _PARTLY.search(sentence)
        return (Relation.REPORTS_PARTLY if partly else Relation.REPORTS_DONE), None
    return None


def slips(sentence: str) -> bool:
    """Whether `sentence` says a whole programme is behind schedule, which bears on every
    dated step of the product it names (a "delayed" flight or delivery is one step only)."""
    return _BEHIND.search(sentence) is not None and not _late(sentence)


def _late(sentence: str) -> bool:
    """Whether `sentence` reports a step done, late ("was delivered today, 18 months behind
    schedule"), not a programme that is still behind ("is two years behind schedule")."""
    return _PAST.search(sentence) is not None and not _PAST_FUTURE.search(sentence)


def _cue(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether `pattern` matches a word of `sentence` other than a capitalised word inside it,
    which is a name ("the Withdrawal Agreement" withdraws nothing)."""
    return any(
        m.start() == 0 or not sentence[m.start()].isupper() for m in pattern.finditer(sentence)
    )


def _delayed(later: date | None, deadline: date | None) -> Reading:
    """A delay cue: to the promised date ("not due until October", as promised) restates."""
    if later and deadline and later == deadline:
        return Relation.RESTATES, None
    return Relation.MOVES_DEADLINE, later


def _behind(deadline: date | None, published: date | None) -> Relation:
    """Behind schedule: the date is missed once it has passed, moved before."""
    missed = deadline is not None and published is not None and published > deadline
    return Relation.REPORTS_NOT_DONE if missed else Relation.MOVES_DEADLINE


@functools.lru_cache(maxsize=512)  # one sentence is read against each commitment it matches
def _period_ends(sentence: str, published: date | None) -> tuple[date, ...]:
    """The last day of each dated period `sentence` names, read against `published`."""
    if published is None:
        return ()
    ends = []
    for timex in find_timexes(sentence, ref=published):
        bounds = (
            period(timex.period_value, ref=published) if timex.type == TimexType.DATE else None
        )
        if bounds:
            ends.append(bounds[1])
    return tuple(ends)
