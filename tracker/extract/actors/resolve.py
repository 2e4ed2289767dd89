"""Who a subject phrase names: coordination split, pronouns and generic nouns ("the
company", "we") resolved to the document's mentions, roles to the people who hold them."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract import publisher as publisher
from tracker.extract.actors.document import Document


def resolve_np(doc: Document, phrase: str, pos: int) -> tuple[str, ...]:
    """Actors named by a subject phrase at `pos` (coordination split, pronouns resolved)."""
    titled = publisher.titled_name(phrase.strip())
    if titled:  # "Business and Trade Secretary Peter Kyle": one person
        return (doc.canonical(titled),)
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s+", phrase.strip()) if p.strip()]
    actors: list[str] = []
    for part in parts:
        for actor in _resolve_part(doc, part, pos, exclude=tuple(actors)):
            if actor and actor not in actors:
                actors.append(actor)
    return tuple(actors)


def _first_person(doc: Document, pos: int, *, plural: bool = True) -> tuple[str, ...]:
    """ "I"/"we": the quotation's speaker; outside quotation marks, the voice of a release
    ("we" of "the Government"; "I" of a statement from its author), else the latest speaker
    before it (a memo reproduced as is), else the salient person."""
    # while the speakers are still being found, only the earlier quotations have one
    known = doc.quotes[: len(doc.speakers)]
    q = doc.quote_at(pos)
    if q is not None and q < len(known):
        return _speaking_for(doc, doc.speakers[q], plural=plural) or _house(doc, plural=plural)
    house = _house(doc, plural=plural)
    if house:
        return house
    earlier = [who for (start, _), who in zip(known, doc.speakers, strict=True) if start < pos]
    if earlier and earlier[-1]:
        return earlier[-1]
    person = doc.person_for_pronoun(pos)
    return (person,) if person else ()


def _speaking_for(doc: Document, speakers: tuple[str, ...], *, plural: bool) -> tuple[str, ...]:
    """The "we" of a quotation: the organisation its speaker speaks for, then the speaker."""
    org = doc.affiliations.get(speakers[0]) if plural and speakers else None
    return (org, *speakers) if org else speakers


def _house(doc: Document, *, plural: bool) -> tuple[str, ...]:
    """Who "we" (the institution) or "I" (the author) is in a release that says so."""
    first = (doc.voice, doc.author) if plural else (doc.author, doc.voice)
    return tuple(who for who in first[:1] if who) or tuple(who for who in first if who)[:1]


def _organisation(doc: Document, words: list[str], pos: int) -> list[str]:
    """ "it", "the company": the organisation meant. "The Transport Ministry" is a name and
    "the Russian government" an institution in its own right; "the German carmaker" is not.
    "The government" is the state a name or the release's voice says, never a company."""
    low = " ".join(words).lower()
    bare = [w for w in words if w.lower() not in lexicon.DETERMINERS]
    named = len(bare) > 1 and bare[-1][:1].isupper() and bare[0][:1].isupper()
    if named and low not in lexicon.PRONOUNS_THING:
        return [doc.canonical(" ".join(words))]
    if len(bare) > 1 and bare[0][:1].isupper() and bare[-1] in lexicon.INSTITUTION_NOUNS:
        return [" ".join(bare)]
    noun = words[-1].lower() if words else ""
    if noun in lexicon.STATE_NOUNS and len(bare) == 1:
        return _state(doc, words, pos)
    org = doc.last_org(pos, noun=noun)
    if org or low in lexicon.PRONOUNS_THING:  # an unresolved "it" names nobody
        return [org] if org else []
    return [" ".join(words)]


def _state(doc: Document, words: list[str], pos: int) -> list[str]:
    """ "my Administration" → its speaker; "the government" → a name of the text that says
    government, else the release's voice, else the phrase itself."""
    if words[0].lower() in lexicon.PRONOUNS_SPEAKER:
        return list(_first_person(doc, pos, plural=words[0].lower() in ("we", "our", "us")))
    noun = words[-1].lower()
    hints = lexicon.GENERIC_HINTS.get(noun, frozenset({noun}))
    counts = doc.org_counts()
    fitting = [n for n in counts if hints & set(n.lower().split()) and n.lower() != noun]
    if fitting:  # "the UK Government", "the Biden Administration"
        return [max(fitting, key=lambda name: counts[name])]
    if doc.voice and doc.voice.lower().endswith(noun):
        return [doc.voice]
    return ["the " + " ".join(w for w in words if w.lower() != "the")]


def _role(doc: Document, words: list[str]) -> list[str]:
    """ "the Prime Minister" where the text says "Prime Minister Keir Starmer": the person
    first, then the role as written."""
    bare = [w for w in words if w.lower() not in lexicon.DETERMINERS]
    title = " ".join(bare).lower().removesuffix("’s").removesuffix("'s")
    person = doc.titles.get(title)
    if person is None and bare and bare[0].lower() in lexicon.RANKS:
        person = doc.titles.get(title.split(maxsplit=1)[-1])  # "the Cabinet Secretary"
    return [person, " ".join(["the", *bare])] if person else []


def _titled(doc: Document, words: list[str]) -> bool:
    """A role: a title ("the Prime Minister") or a title for a department the text gives to
    someone ("Minister of Defence" where it says "Minister of Defence, Jane Roe,")."""
    if words[-1].lower() in lexicon.PERSON_TITLES:
        return True
    bare = " ".join(w for w in words if w.lower() not in lexicon.DETERMINERS).lower()
    return " of " in bare or " for " in bare


def _named(doc: Document, words: list[str]) -> str:
    """A phrase ending in a name: the name, except a group of an event ("Organisers of the
    Games" are not the Games)."""
    group = len(words) > 2 and words[0].lower() in lexicon.AGENT_NOUNS
    if group and words[1] in ("of", "for") and words[-1].lower() in lexicon.THING_HEADS:
        return " ".join(words)
    return doc.canonical(" ".join(words))


def _resolve_part(doc: Document, part: str, pos: int, *, exclude: tuple[str, ...]) -> list[str]:
    words = [w for w in part.split() if w.lower() not in lexicon.ADVERBS]
    low = " ".join(words).lower()
    if low in lexicon.PRONOUNS_SPEAKER and part != "US":  # "the US" is a country
        return list(_first_person(doc, pos, plural=low not in ("i", "me", "my")))
    if words and _titled(doc, words) and _role(doc, words):
        return _role(doc, words)
    if low in lexicon.PRONOUNS_PERSON:
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else []
    if low in lexicon.PRONOUNS_THING or (words and words[-1].lower() in lexicon.GENERIC_ORG_NOUNS):
        return _organisation(doc, words, pos)
    if words and words[-1][:1].isupper():
        return [_named(doc, words)]
    if words and words[-1].lower() in lexicon.TITLES:  # "the Israeli leader": the salient person
        person = doc.person_for_pronoun(pos, exclude=exclude)
        return [person] if person else [" ".join(words)]
    return [" ".join(words)] if words else []
