"""Actors from beyond the subject, when it names none: the people named in the sentence, an
event's venue, the doer of "that decision" in the sentence before; a name's clean form."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.actors import Document
from tracker.extract.clauses import Clause
from tracker.extract.party.plausible import is_party

_POSSESSIVE = re.compile(r"[’']s?$")
_ANAPHORIC_NP = re.compile(r"(?P<det>(?:that|this|the)\s+)?(?P<noun>[a-z]{3,})", re.I)
_DEMONSTRATIVE_TAIL = re.compile(r"\b(?:that|this|the)\s+$", re.I)
_VENUE = re.compile(r"\b(?:in|at|before|by)\s+(?:the\s+)?(?=[A-Z])")
_FRAGMENT_START = frozenset(["of", "for", "to", "from", "with", "by", "at", "in", "on"])
_OPENERS = frozenset(
    [
        "Today",
        "Yesterday",
        "Meanwhile",
        "However",
        "Also",
        "Now",
        "Then",
        "In",
        "On",
        "At",
        "After",
    ]
)


def clean_name(name: str) -> str:
    """A name without a sentence opener stuck to it ("Today Apple" → "Apple"); "" for a
    fragment that starts with a preposition ("of Acme Rail Works")."""
    words = name.split()
    if words and (words[0] in _FRAGMENT_START or (words == [words[0]] and words[0] in _OPENERS)):
        return ""
    while len(words) > 1 and words[0] in _OPENERS:
        words = words[1:]
    return " ".join(words)


# "Acme notified a €1 billion scheme", "Acme has drawn up a plan": who made a thing.
_MADE = (
    r"(?P<name>(?:[A-Z][\w&’'.-]*)(?:[ \t]+(?:(?:of|for|and)[ \t]+)?[A-Z][\w&’'.-]*){{0,5}})"
    r"[ \t]+(?:has[ \t]+|have[ \t]+)?(?:notified|submitted|proposed|introduced|designed|"
    r"set[ \t]+up|created|developed|drew[ \t]+up|drawn[ \t]+up|launched|tabled)\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){{0,90}}?\b{head}s?\b"  # "a €1.23 billion scheme"
)


def maker(doc: Document, clause: Clause) -> list[str]:
    """Who the text says made the thing a clause's subject names ("Acme notified a scheme
    ... The scheme will cover ..."): a party named as the maker of its head noun."""
    words = [w for w in clause.subject.split() if w.isalpha()]
    if not words or words[-1][:1].isupper():
        return []
    head = re.escape(words[-1].lower().removesuffix("s"))
    for m in re.finditer(_MADE.format(head=head), doc.text):
        name = clean_name(doc.canonical(m.group("name")))
        if name and is_party(doc, name):
            return [name]
    return []


def antecedent_actors(doc: Document, clause: Clause) -> list[str]:
    """ "That decision is due in May": whoever the previous sentence says will make it."""
    index = doc.sentence_of(clause.start)
    before = doc.text[max(0, clause.subject_start - 6) : clause.subject_start]
    m = _ANAPHORIC_NP.fullmatch(clause.subject)
    if m is None or index == 0 or not (m.group("det") or _DEMONSTRATIVE_TAIL.search(before)):
        return []
    start, end = doc.sentences[index - 1]
    if not re.search(rf"\b{m.group('noun')}\b", doc.text[start:end], re.I):
        return []
    return doc.names_between(start, end)[:1]


def venue(doc: Document, clause: Clause) -> list[str]:
    """The institution that holds an event: "a hearing is set in the Bankruptcy Court"."""
    words = clause.subject.lower().split()
    venue = _VENUE.search(doc.text, clause.cue_start, clause.end)
    if not (words and words[-1] in lexicon.EVENT_NOUNS and venue):
        return []
    held = [m.name for m in doc.mentions if m.start == venue.end() and not m.person]
    return [name for name in held if lexicon.ORG_WORDS.intersection(name.lower().split())]


def persons_outside_quotes(doc: Document, pos: int) -> list[str]:
    s_start, s_end = doc.sentences[doc.sentence_of(pos)]
    names = [
        m.name
        for m in doc.mentions
        if s_start <= m.start < s_end
        and m.person
        and doc.quote_at(m.start) is None
        and not _POSSESSIVE.search(doc.text, m.start, m.end)  # not "Roe’s plan"
    ]
    return list(dict.fromkeys(names))
