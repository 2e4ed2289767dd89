"""Who acts where a clause's subject is not the party: a readout's "the leaders"/"they", a
beneficiary's giver, "it" standing for a thing the sentence before opens with."""

from __future__ import annotations

import re

from tracker.extract.actors import Document, resolve_np
from tracker.extract.clauses import Clause
from tracker.extract.party.heads import is_thing

_OPENING_NP = re.compile(
    r"\s*(?P<np>(?:[\w’'-]+[ \t]+){1,6}?)(?:will|would|is|are|was|were|has|have|can|could|"
    r"should|must|aims|began|started)\b"
)
_BENEFIT = re.compile(r"\s*(?:to\s+)?(?:benefit|gain|receiv(?:e|ing)|get(?:ting)?|save)\b", re.I)
_GIVEN_BY = re.compile(
    r"\b(?:thanks\s+to|(?:approved|funded|backed|paid\s+for|provided)\s+by)\b"
    r"(?:[^.;,]{0,60}?\b(?:from|by)\b)?\s*"
    r"|(?<=\d)(?:bn|m|k|[mb]illion|[mb]n)?\s+(?:in\s+[a-z]+\s+)?from\s+",  # "get £80m from X"
    re.I,
)
_GIVER = re.compile(
    r"(?P<np>(?:the\s+)?(?:(?:[A-Z][\w&’'-]*\s+){0,4}[Gg]overnment|state\b|[A-Z][\w&’'-]*"
    r"(?:\s+(?:[A-Z][\w&’'-]*|of|for|and)){0,6}))"
)
_LEADERS = re.compile(r"\bleaders\b", re.I)
# A readout's opening: two people who spoke, met or held talks.
_MET = re.compile(
    r"\b(?:spoke|speaks|met|meets|talked|hosted|welcomed|received|held\s+(?:a\s+)?(?:call|"
    r"talks|meeting|bilateral))\b"
)
_ROLE = re.compile(r"\b[Tt]he\s+(?P<title>Prime\s+Minister|President|Chancellor)\b(?![ \t]+[A-Z])")


def giver(doc: Document, clause: Clause) -> list[str]:
    """Who gives what the subject will benefit from or receive: "thanks to ... from X",
    "approved by X", "funded by X" later in the sentence."""
    if not benefits(doc, clause):
        return []
    end = doc.sentences[doc.sentence_of(clause.cue_start)][1]
    given = _GIVEN_BY.search(doc.text, clause.cue_end, end)
    who = _GIVER.match(doc.text, given.end(), end) if given else None
    return list(resolve_np(doc, who.group("np"), who.start("np"))) if who else []


def benefits(doc: Document, clause: Clause) -> bool:
    """Whether the subject receives rather than acts ("Schools will benefit from")."""
    return bool(_BENEFIT.match(doc.text, clause.cue_end))


def thing_before(doc: Document, clause: Clause) -> bool:
    """Whether the sentence before opens with a thing ("The AI Act will ...", "The EU
    economy began ..."), which "it"/"they" then stands for."""
    index = doc.sentence_of(clause.cue_start)
    if not index:
        return False
    start, end = doc.sentences[index - 1]
    m = _OPENING_NP.match(doc.text, start, end)
    return m is not None and is_thing(m.group("np").split())


def leaders(doc: Document, clause: Clause) -> list[str]:
    """ "The leaders agreed", "they reiterated" after a meeting of two or more named people:
    the people of the nearest sentence that names two, roles resolved ("the Prime Minister")."""
    words = clause.subject.lower().split()
    if not words or words[-1] not in ("they", "leaders") or len(words) > 3:
        return []
    index = doc.sentence_of(clause.cue_start)
    since = doc.sentences[max(0, index - 8)][0]  # "They" chains run on through a readout
    named_leaders = _LEADERS.search(doc.text, since, clause.cue_start) is not None
    for back in range(index, -1, -1):  # a readout names its people once, at the top
        start, end = doc.sentences[back]
        found = [(m.start, m.name) for m in doc.mentions if start <= m.start < end and m.person]
        for role in _ROLE.finditer(doc.text, start, end):
            person = doc.titles.get(role.group("title").lower())
            if not any(name == person for _, name in found):
                found.append((role.start(), person or f"the {role.group('title')}"))
        people = list(dict.fromkeys(name for _, name in sorted(found)))
        # "They agreed" after "The Prime Minister spoke to Mark Carney": the two who met
        met = words[-1] == "leaders" or named_leaders or _MET.search(doc.text, start, end)
        if len(people) >= 2 and met:
            return people
    return []
