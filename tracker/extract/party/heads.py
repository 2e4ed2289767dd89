"""A clause's subject phrase as an actor: its head (a name, a generic noun, a title), a thing
that acts for its owner or the publisher, and modifiers whose names are not who acts."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.actors import Document, resolve_np
from tracker.extract.clauses import Clause

_POSSESSIVE = re.compile(r"[’']s?$")
_DIGIT = re.compile(r"\d")
_MEMBERS = frozenset({"of", "from"})
_MODIFIER_OPENERS = frozenset(["with", "without", "in", "at", "on", "across", "under", "who"])
_HEAD_ENDS = frozenset(["of", "for", "on", "in", "to", "from", "at", "with", "by"])
# "Great British Energy's first project": the owner of a thing.
_CUE_NOUN = re.compile(r"(?:Plans?|Strategy|Pledge|Programme|Program)\b")
_OWNER = re.compile(r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})[’']s?\s")


def subject_words(doc: Document, clause: Clause) -> list[str]:
    """The subject's words, with a capitalised cue noun that ends its name ("Life Sciences
    Sector Plan to grow ...": the cue "Plan to" is the head of a headline's subject)."""
    words = clause.subject.split()
    cue = _CUE_NOUN.match(doc.text, clause.cue_start)
    glued = doc.text[clause.subject_start + len(clause.subject) : clause.cue_start].isspace()
    named = bool(words) and words[-1][:1].isupper()
    return [*words, cue.group(0)] if cue and glued and named else words


def subject_actors(doc: Document, clause: Clause) -> list[str]:
    whole = subject_words(doc, clause)
    if is_thing(whole):  # "Plan for Change will ...": its owner, else the publisher's
        return owner(doc, clause)
    words = _head_phrase(whole, doc.name_words)
    common = len(words) < len(whole)  # cut before "to Qantas": the head is a common noun
    model = _is_model(words) and not _MEMBERS.intersection(words)
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
            or all(
                (w[:1].isupper() and w.lower() not in lexicon.NOT_NAMES) or (w == "and" and i)
                for i, w in enumerate(words)
            )  # "UK and U.S."
        )
    )
    role = " ".join(words).lower() in doc.titles  # "Minister of Ports" given to Ann Lee
    if not (named or role or head in lexicon.ACTOR_HEADS):
        ours = len(whole) > 1 and whole[0].lower() in ("our", "my")  # "Our branches will"
        return list(resolve_np(doc, whole[0], clause.subject_start)) if ours else []
    phrase = " ".join(words)
    return list(resolve_np(doc, phrase, doc.text.find(phrase, clause.subject_start)))


def owner(doc: Document, clause: Clause) -> list[str]:
    """The owner named in a subject that is no agent ("Acme's network of nine depots")."""
    owner = _OWNER.match(clause.subject)
    if owner is None or owner.group("owner").lower() in lexicon.TIME_WORDS:
        return []  # "Today's action": a day owns nothing
    return [doc.canonical(owner.group("owner"))]


# "the United Nation’s ’30 by 30’ goal, which aims to": a relative clause on an owned thing.
_RELATIVE_OWNER = re.compile(
    r"(?P<owner>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,4})[’']s?[ \t]+"
    r"(?:[^\s,;:.]+[ \t]+){0,5}?[a-z]+,[ \t]+(?:which|that)[ \t]+$"
)


def relative_owner(doc: Document, clause: Clause) -> list[str]:
    """The owner of the thing a relative clause is about ("the UN’s goal, which aims to"):
    the goal is the owner's, so its aim is too."""
    before = doc.text[max(0, clause.cue_start - 120) : clause.cue_start]
    m = _RELATIVE_OWNER.search(before)
    if m is None or m.group("owner").lower() in lexicon.TIME_WORDS:
        return []
    return [doc.canonical(m.group("owner"))]


def is_thing(words: list[str]) -> bool:
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


def _is_model(words: list[str]) -> bool:
    """A model's name: a number ends it ("A second A380") or opens its capitalised tail
    ("the 787 Dreamliner")."""
    numbered = [i for i, w in enumerate(words) if _DIGIT.search(w)]
    tail = words[numbered[-1] + 1 :] if numbered else []
    return bool(numbered) and all(w[:1].isupper() for w in tail)
