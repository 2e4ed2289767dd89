"""Who is committed by one clause: an agentive subject, the doer of a passive, whoever states
it (speaker or source), the parties of an agreement; else the people named in the sentence,
the owner or the publisher of a thing that is the subject, or the organisation the text is
about. Pure; names and pronouns are resolved by tracker/extract/actors/."""

from __future__ import annotations

import re

from tracker.domain import Kind
from tracker.extract import lexicon as lexicon
from tracker.extract.actors import Document, resolve_np
from tracker.extract.clauses import Clause

__all__ = ["clause_actors"]

_POSSESSIVE = re.compile(r"[’']s?$")
_ANAPHORIC_NP = re.compile(r"(?P<det>(?:that|this|the)\s+)?(?P<noun>[a-z]{3,})", re.I)
_DEMONSTRATIVE_TAIL = re.compile(r"\b(?:that|this|the)\s+$", re.I)
_DIGIT = re.compile(r"\d")
_MEMBERS = frozenset({"of", "from"})
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
_MODIFIER_OPENERS = frozenset(["with", "without", "in", "at", "on", "across", "under", "who"])
_HEAD_ENDS = frozenset(["of", "for", "on", "in", "to", "from", "at", "with", "by"])
# "Great British Energy's first project": the owner of a thing.
_OWNER = re.compile(r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})[’']s?\s")
_OPENING_NP = re.compile(
    r"\s*(?P<np>(?:[\w’'-]+[ \t]+){1,6}?)(?:will|would|is|are|was|were|has|have|can|could|"
    r"should|must|aims|began|started)\b"
)
_BENEFIT = re.compile(r"\s*(?:to\s+)?(?:benefit|gain|receive|get|save)\b", re.I)
_GIVEN_BY = re.compile(
    r"\b(?:thanks\s+to|(?:approved|funded|backed|paid\s+for|provided)\s+by)\b"
    r"(?:[^.;,]{0,60}?\b(?:from|by)\b)?\s*",
    re.I,
)
_GIVER = re.compile(
    r"(?P<np>(?:the\s+)?(?:(?:[A-Z][\w&’'-]*\s+){0,4}[Gg]overnment|[A-Z][\w&’'-]*"
    r"(?:\s+(?:[A-Z][\w&’'-]*|of|for|and)){0,6}))"
)
_LEADERS = re.compile(r"\bleaders\b", re.I)
_ROLE = re.compile(r"\b[Tt]he\s+(?P<title>Prime\s+Minister|President|Chancellor)\b(?![ \t]+[A-Z])")
_PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?=[A-Z])")


def clause_actors(doc: Document, clause: Clause) -> tuple[str, ...]:
    """Who is committed: the parties of a readout, the giver to a beneficiary, the publisher
    of a thing; else an agentive subject, plus whoever states it (speaker or source); else
    the people named in the sentence; else the publisher or the organisation the article is
    about."""
    house = doc.author or doc.voice
    actors = _override(doc, clause, house) or _stated(doc, clause)
    outside = _persons_outside_quotes(doc, clause.cue_start)
    if clause.kind == Kind.AGREEMENT and clause.subject.lower() in ("we", "they"):
        actors += [p for p in outside if p not in actors]  # "we agreed": both parties
    if not actors and house and _is_thing(clause.subject.split()):
        actors = [house]  # a thing's doer is the publisher, not a person named beside it
    if not actors:
        actors = outside or _venue(doc, clause) or _antecedent_actors(doc, clause)
        actors = actors or [house or doc.salient_org(clause.start) or ""]
    clean = [_clean_name(a) for a in actors]
    if actors and not any(clean):  # "of FaceTime": a fragment, not who acts
        clean = [doc.salient_org(clause.start) or ""]
    return tuple(dict.fromkeys(a for a in clean if a))


def _stated(doc: Document, clause: Clause) -> list[str]:
    """The subject (unless a passive's), the passive's doer and whoever states it; "X said
    he will" puts X first."""
    # the subject of a passive is what is acted on ("Mac OS X Lion will be shipped"), not who
    # acts, unless it is a party to an arrangement ("it will be compensated by Acme")
    acted_on = clause.passive and clause.kind != Kind.AGREEMENT
    subject = [] if acted_on else _subject_actors(doc, clause)
    actors = [*subject, *_agent(doc, clause), *_source_actors(doc, clause)]
    if not acted_on and not actors:
        actors = _owner(doc, clause)  # "Acme's network of depots will": Acme's doing
    if clause.subject.lower() in ("he", "she") and clause.source:
        said = list(resolve_np(doc, clause.source, clause.source_start))
        actors = [*said, *(a for a in actors if a not in said)]
    return actors


def _override(doc: Document, clause: Clause, house: str | None) -> list[str]:
    """Who acts where the subject is not the party: a readout's "the leaders"/"they", a
    beneficiary's giver, "it" standing for a thing; with the source after them."""
    said = _source_actors(doc, clause)
    first = _leaders(doc, clause)  # "the two leaders agreed", "They reiterated"
    first = first or _giver(doc, clause)  # "will benefit ..., thanks to £77m from X"
    if not first and house and _benefits(doc, clause):
        first = [house]
    if not first and house and clause.subject.lower() in ("it", "they"):
        first = [house] if _thing_before(doc, clause) else []  # "The AI Act ... It will"
    return [*first, *(a for a in said if a not in first)] if first else []


def _giver(doc: Document, clause: Clause) -> list[str]:
    """Who gives what the subject will benefit from or receive: "thanks to ... from X",
    "approved by X", "funded by X" later in the sentence."""
    if not _benefits(doc, clause):
        return []
    end = doc.sentences[doc.sentence_of(clause.cue_start)][1]
    given = _GIVEN_BY.search(doc.text, clause.cue_end, end)
    who = _GIVER.match(doc.text, given.end(), end) if given else None
    return list(resolve_np(doc, who.group("np"), who.start("np"))) if who else []


def _benefits(doc: Document, clause: Clause) -> bool:
    """Whether the subject receives rather than acts ("Schools will benefit from")."""
    return bool(_BENEFIT.match(doc.text, clause.cue_end))


def _thing_before(doc: Document, clause: Clause) -> bool:
    """Whether the sentence before opens with a thing ("The AI Act will ...", "The EU
    economy began ..."), which "it"/"they" then stands for."""
    index = doc.sentence_of(clause.cue_start)
    if not index:
        return False
    start, end = doc.sentences[index - 1]
    m = _OPENING_NP.match(doc.text, start, end)
    return m is not None and _is_thing(m.group("np").split())


def _leaders(doc: Document, clause: Clause) -> list[str]:
    """ "The leaders agreed", "they reiterated" after a meeting of two or more named people:
    the people of the nearest sentence that names two, roles resolved ("the Prime Minister")."""
    words = clause.subject.lower().split()
    if not words or words[-1] not in ("they", "leaders") or len(words) > 3:
        return []
    index = doc.sentence_of(clause.cue_start)
    since = doc.sentences[max(0, index - 4)][0]
    if words[-1] == "they" and not _LEADERS.search(doc.text, since, clause.cue_start):
        return []
    for back in range(index, max(-1, index - 8), -1):
        start, end = doc.sentences[back]
        found = [(m.start, m.name) for m in doc.mentions if start <= m.start < end and m.person]
        for role in _ROLE.finditer(doc.text, start, end):
            person = doc.titles.get(role.group("title").lower())
            if not any(name == person for _, name in found):
                found.append((role.start(), person or f"the {role.group('title')}"))
        people = list(dict.fromkeys(name for _, name in sorted(found)))
        if len(people) >= 2:
            return people
    return []


def _clean_name(name: str) -> str:
    """A name without a sentence opener stuck to it ("Today Apple" → "Apple"); "" for a
    fragment that starts with a preposition ("of Acme Rail Works")."""
    words = name.split()
    if words and (words[0] in _FRAGMENT_START or (words == [words[0]] and words[0] in _OPENERS)):
        return ""
    while len(words) > 1 and words[0] in _OPENERS:
        words = words[1:]
    return " ".join(words)


def _antecedent_actors(doc: Document, clause: Clause) -> list[str]:
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


def _agent(doc: Document, clause: Clause) -> list[str]:
    """The named agent of a passive clause: "the engines will be made by GM"."""
    agent = _PASSIVE_AGENT.search(doc.text, clause.cue_end, clause.end)
    if not clause.passive or agent is None:
        return []
    return doc.orgs_between(agent.end(), agent.end() + 1)


def _venue(doc: Document, clause: Clause) -> list[str]:
    """The institution that holds an event: "a hearing is set in the Bankruptcy Court"."""
    words = clause.subject.lower().split()
    venue = _VENUE.search(doc.text, clause.cue_start, clause.end)
    if not (words and words[-1] in lexicon.EVENT_NOUNS and venue):
        return []
    held = [m.name for m in doc.mentions if m.start == venue.end() and not m.person]
    return [name for name in held if lexicon.ORG_WORDS.intersection(name.lower().split())]


def _subject_actors(doc: Document, clause: Clause) -> list[str]:
    whole = clause.subject.split()
    if _is_thing(whole):  # "Plan for Change will ...": its owner, else the publisher's
        owner = _OWNER.match(clause.subject)
        return [doc.canonical(owner.group("owner"))] if owner else []
    words = _head_phrase(whole, doc.name_words)
    common = len(words) < len(whole)  # cut before "to Qantas": the head is a common noun
    model = bool(words and _DIGIT.search(words[-1])) and not _MEMBERS.intersection(words)
    common = common or model  # "A second A380": a model, not its maker ("ministers of the G7")
    mine = len(words) > 1 and words[0].lower() in lexicon.PRONOUNS_SPEAKER
    if not (mine and words[-1].lower() in lexicon.STATE_NOUNS):  # "my Administration": mine
        while len(words) > 1 and words[0].lower() in lexicon.DETERMINERS:
            words = words[1:]  # "The U.S. Treasury" is named by "U.S. Treasury"
    if not words:
        return []
    head = words[-1].lower()
    named = (
        not common
        and words[-1][:1].isupper()
        and (
            _POSSESSIVE.sub("", words[-1]).lower() in doc.name_words
            or all(w[:1].isupper() and w.lower() not in lexicon.NOT_NAMES for w in words)
        )
    )
    if not (named or head in lexicon.ACTOR_HEADS):
        return []
    phrase = " ".join(words)
    return list(resolve_np(doc, phrase, doc.text.find(phrase, clause.subject_start)))


def _owner(doc: Document, clause: Clause) -> list[str]:
    """The owner named in a subject that is no agent ("Acme's network of nine depots")."""
    owner = _OWNER.match(clause.subject)
    return [doc.canonical(owner.group("owner"))] if owner else []


def _is_thing(words: list[str]) -> bool:
    """Whether a subject names a thing: its head (the last word before a preposition) is a
    law, plan, project, place or outcome ("Plan for Change", "The AI Act", "Savings")."""
    cut = next((i for i, w in enumerate(words) if w.lower() in _HEAD_ENDS and i), len(words))
    if not cut:
        return False
    head = _POSSESSIVE.sub("", words[cut - 1]).lower()
    if head[:1].islower() or not words[cut - 1][:1].isupper():  # "tunnel ever built in"
        return any(w.lower() in lexicon.THING_HEADS for w in words[:cut])
    return head in lexicon.THING_HEADS


def _head_phrase(words: list[str], name_words: set[str]) -> list[str]:
    """The noun phrase up to its head when a recipient follows it ("Deliveries to Qantas"
    are not made by Qantas)."""
    for i in range(1, len(words) - 1):
        head = words[i - 1]
        common = not head[:1].isupper() or (i == 1 and head.lower() not in name_words)
        if common and (words[i] in lexicon.PREPOSITIONS or _modifies(head, *words[i : i + 2])):
            return words[:i]
    return words


def _modifies(head: str, word: str, after: str) -> bool:
    """Whether `word` (then `after`) opens a modifier of a head that is no agent ("couples
    with HIV", "parents already claiming the Offer"): a name in it is not who acts."""
    low = head.lower()
    if low in lexicon.ACTOR_HEADS or low in lexicon.DETERMINERS or not low.isalpha():
        return False
    if word == "with" and low in lexicon.AGREEMENT_HEADS:
        return False  # "the agreement with Acme": Acme is a party to it
    participle = word.endswith("ing") and (after[:1].isupper() or after in lexicon.DETERMINERS)
    return word in _MODIFIER_OPENERS or word in lexicon.ADVERBS or participle


def _source_actors(doc: Document, clause: Clause) -> list[str]:
    quote = doc.quote_at(clause.cue_start)
    if quote is not None:
        return list(doc.speakers[quote])
    if clause.source:
        return list(resolve_np(doc, clause.source, clause.source_start))
    return []


def _persons_outside_quotes(doc: Document, pos: int) -> list[str]:
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
