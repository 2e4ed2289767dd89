"""What a commitment is about beyond its words: the kind of event it names (a delivery, an entry
into service, a release, a first flight, a meeting, a court case, job cuts, plant sales, a law
adopted) with the paraphrases a later article uses for it, its key entities (product and
aircraft models such as "A380", "787", "iPhone 4", "Longhorn") and its amounts ("44 billion
dollars"). Pure rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from tracker.links.actors import GENERIC, TITLES
from tracker.links.words import content_stems, stem

__all__ = [
    "Amount",
    "amounts",
    "close_amounts",
    "conflicting_models",
    "conflicting_places",
    "events",
    "key_entities",
    "names_model",
]

# event kind -> paraphrases (noun and verb forms that report the same event)
_EVENTS = {
    "delivery": r"deliver\w*|take delivery|receiv\w+|hand(?:ed|s)? over",
    "service": r"(?:enter\w*|into|regular|commercial|begin\w*|began|start\w*) service"
    r"|(?:first |regular )?(?:commercial|regular|scheduled) (?:flight|route)s?"
    r"|(?:air|flight|ferry|rail|train|bus) services?|operate the",  # not "public services"
    "release": r"releas\w+|launch\w*|(?:be|been|go|goes|went) on sale|is out|been out"
    r"|(?:will be|is|are|be) available|ship(?:s|ped|ping)?\b",
    "first_flight": r"(?:first|maiden)(?: test)? flight"
    r"|fl(?:y|ies|ew|own) (?:\w+ ){0,2}for the first",
    "meeting": r"\bmeet\w*|\bmet\b|gather\w*|summit",
    "court": r"appeal\w*|lawsuit|court case|trademark dispute|legal (?:case|battle|dispute)",
    "jobs": r"(?-i:jobs?)\b|layoffs?|positions|workforce",  # "Jobs" is a name
    "plants": r"plants|factor(?:y|ies)|sites",
    # a law or rule is adopted, and then it is in force: one outcome of one act
    "law": r"adopt(?:s|ed|ion)?\b|enact\w*|(?:entry|enter\w*|c[ao]me\w*) into (?:force|effect)"
    r"|t(?:akes|ook) effect",
}
_EVENT_RE = {kind: re.compile(rf"\b(?:{words})", re.I) for kind, words in _EVENTS.items()}

# a model or product name: a token with a digit and a letter ("A380", "777-200LR", "3GS"),
# a bare model number of three digits ("787"), or a name with an inner capital ("iPhone")
_MODEL = re.compile(
    r"(?<![\w.,$])(?:[A-Za-z]+\d[\w-]*|\d{3}(?:-\w+)?|\d+(?:\.\d+){2,}|[a-z]+[A-Z]\w*)(?![\w,])"
)
_YEAR = re.compile(r"(?:19|20)\d\d$")
# a capitalised word inside a sentence (not its first word), quoted or not
_PROPER = re.compile(r"(?<=[^.!?\s] )[`'\"“‘(]*([A-Z][a-z]{2,})\b")
# a pair of names in either order: the "UK-EU" summit is the "EU-UK" summit
_PAIR = re.compile(r"\b[A-Z][\w]*(?:-[A-Z][\w]*)+\b")
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday the""".split()  # noqa: SIM905
)
# where an event takes place: "in the US", "at Singapore's Changi Airport"
_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z](?:[a-z]+|[A-Z]+)(?:['’]s)?\s*)+)")
_REASON = re.compile(r"\s(?:for (?!the first)|because|after|due to)\b.*", re.I | re.S)
_AMOUNT = re.compile(
    r"(?:([£$€])\s*)?(?:(\d+(?:\.\d+)?)\s*(million|billion|trillion)\b(\s+(?:dollars|euros|pounds))?"
    r"|(\d{1,3}(?:,\d{3})+)\b((?:\W+\w+){0,3})"
    r"|(?<=[£$€])(\d+(?:\.\d+)?)(m|bn)\b)",  # "£55m", "$1.2bn": a currency's short scales
    re.I,
)
# a capitalised word inside a longer name names no event: "the Launch Services Program"
_IN_NAME = re.compile(r"(?<=[^.!?\s] )[A-Z][a-z]+(?= [A-Z][a-z])")
_SCALES = {"m": "million", "bn": "billion"}
_CURRENCIES = {"dollars": "$", "euros": "€", "pounds": "£"}
Amount = tuple[float, str, str]  # the figure, its scale or what it counts, its currency or ""
_CLOSE = (
    0.05  # a later report rounds or tops up an amount: "up to $406 million" for "$400 million"
)


def events(text: str) -> set[str]:
    """The kinds of event `text` names, leaving out its reasons and beneficiaries ("compensate
    the airline for the delivery delay" is no delivery)."""
    head = _IN_NAME.sub(" ", _REASON.sub("", text))
    return {kind for kind, pattern in _EVENT_RE.items() if pattern.search(head)}


def _models(text: str) -> set[str]:
    found = {m.group(0).lower() for m in _MODEL.finditer(text)}
    found = {m.removesuffix("s") if m[-2:-1].isdigit() else m for m in found}  # "A380s"
    return {m for m in found if not _YEAR.match(m)}


def names_model(text: str) -> bool:
    """Whether `text` names a model or product by itself ("787", "iOS"), not "the plane"."""
    return bool(_models(text))


def key_entities(text: str, *, skip: Iterable[str] = ()) -> set[str]:
    """Lower-case model names and proper names of `text` other than the words in `skip` (the
    party's own name forms, and their demonyms: "Canadian" for "Canada") and the generic words
    of names ("Government", "Council"): what distinguishes one product or plan from its
    siblings."""
    names = {w.lower() for w in _PROPER.findall(text)} - _CALENDAR - GENERIC - TITLES
    pairs = {"-".join(sorted(m.lower().split("-"))) for m in _PAIR.findall(text)}
    party = {stem(s) for s in skip}
    return {e for e in _models(text) | names | pairs if stem(e) not in party}


def conflicting_models(sentence: str, action: str) -> bool:
    """Whether `sentence` names models (with digits) and none of the ones `action` names,
    while `action` names some: "the 787 flew" is not about "the first flight of the 777"."""
    mine = {m for m in _models(action) if any(c.isdigit() for c in m)}
    theirs = {m for m in _models(sentence) if any(c.isdigit() for c in m)}
    return bool(mine and theirs) and not _overlap(mine, theirs)


def _overlap(mine: set[str], theirs: set[str]) -> bool:
    """Models meet when equal or when one is a variant of the other ("777" and "777-200lr")."""
    return any(
        a == b or a.startswith(b + "-") or b.startswith(a + "-") for a in mine for b in theirs
    )


def amounts(text: str) -> set[Amount]:
    """Amounts as (figure, scale, currency): "US$ 44.6 billion" is (44.6, "billion", "$"); a
    count is read with each stem of the three words after it, what it counts: "10,000 jobs" is
    (10000, "jobs", ""), and "1,500 apprenticeships" never meets "1,500 skilled jobs"."""
    out: set[Amount] = set()
    for m in _AMOUNT.finditer(text):
        money = m.group(1) or (_CURRENCIES[m.group(4).split()[0].lower()] if m.group(4) else "")
        if m.group(2):
            out.add((float(m.group(2)), m.group(3).lower(), money))
        elif m.group(7):
            out.add((float(m.group(7)), _SCALES[m.group(8).lower()], text[m.start(7) - 1]))
        else:
            number = float(m.group(5).replace(",", ""))
            out.update((number, unit, money) for unit in content_stems(m.group(6)))
    return out


def close_amounts(mine: Iterable[Amount], theirs: Iterable[Amount]) -> bool:
    """Whether two amounts of the same scale or count, and of one currency when both name
    one, differ by at most 5% of the first ("$1 billion" is not "€1.5 billion" nor "£1bn")."""
    found = list(theirs)
    return any(
        unit == other and _same_money(money, cash) and abs(number - figure) <= _CLOSE * number
        for number, unit, money in mine
        for figure, other, cash in found
    )


def _same_money(one: str, other: str) -> bool:
    return not (one and other) or one == other


def conflicting_places(sentence: str, action: str) -> bool:
    """Whether `sentence` places the event ("landed at Singapore's Changi") somewhere else
    than `action` does ("land the A380 in the US"); a place is met by its words or initials."""
    mine, theirs = _places(action), _places(sentence)
    return bool(mine and theirs) and not mine & theirs


@functools.lru_cache(maxsize=2048)  # read for every sentence against the same ledger
def _places(text: str) -> frozenset[str]:
    """The words and the initials of each place `text` names after "in" or "at"."""
    out: set[str] = set()
    for m in _PLACE.finditer(text):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(1).split()]
        words = [w for w in words if w.lower() not in _CALENDAR]
        out.update(w.lower() for w in words)
        if len(words) >= 2:
            out.add("".join(w[0] for w in words).lower())
    return frozenset(out)
