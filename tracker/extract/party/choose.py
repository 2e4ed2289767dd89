"""Choosing a clause's actors: an override where the subject is not the party, else the
stated ones (subject, passive's doer, source), else the fallbacks, else the publisher."""

from __future__ import annotations

import re

from tracker.domain import Kind
from tracker.extract.actors import Document, resolve_np
from tracker.extract.clauses import Clause
from tracker.extract.party.fallback import (
    antecedent_actors,
    clean_name,
    maker,
    persons_outside_quotes,
    venue,
)
from tracker.extract.party.heads import (
    is_thing,
    owner,
    relative_owner,
    subject_actors,
    subject_words,
)
from tracker.extract.party.plausible import is_party, party_within, well_formed
from tracker.extract.party.readout import benefits, giver, leaders, thing_before

__all__ = ["clause_actors"]

_PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?=[A-Z])")


def clause_actors(doc: Document, clause: Clause) -> tuple[str, ...]:
    """Who is committed: the parties of a readout, the giver to a beneficiary, the publisher
    of a thing; else an agentive subject, plus whoever states it (speaker or source); else
    the people named in the sentence; else the publisher or the organisation the article is
    about."""
    house = doc.author or doc.voice
    actors = _override(doc, clause, house) or _stated(doc, clause)
    outside = persons_outside_quotes(doc, clause.cue_start)
    if clause.kind == Kind.AGREEMENT and clause.subject.lower() in ("we", "they"):
        actors += [p for p in outside if p not in actors]  # "we agreed": both parties
    if not actors and is_thing(subject_words(doc, clause)):
        # a thing's doer is whoever the text says made it, else the publisher, not a person
        # named beside it ("X notified a scheme ... The scheme will cover ...")
        actors = maker(doc, clause) or ([house] if house else [])
    if not actors:
        actors = outside or venue(doc, clause) or antecedent_actors(doc, clause)
        actors = actors or ([house] if house else _story_party(doc, clause))
    clean = [clean_name(doc.makers.get(a, a)) for a in actors]  # "Taurus" → its maker
    if actors and not any(clean):  # "of FaceTime": a fragment, not who acts
        clean = [doc.salient_org(clause.start) or ""]
    kept = [a if is_party(doc, a) else party_within(doc, a) for a in clean if a]
    parties = [a for a in kept if a]
    if clean and not parties:  # a fragment, thing, place or beneficiary: who is behind it
        named = [a for a in clean if a and well_formed(a)]
        parties = _behind(doc, clause, house) or named  # never a fragment
    return tuple(dict.fromkeys(parties))


def _behind(doc: Document, clause: Clause, house: str | None) -> list[str]:
    """Who commits where the chosen actor is no party: the owner the subject names, else
    the publisher of a release, else the organisation the text is about."""
    named = [a for a in owner(doc, clause) if is_party(doc, a)]
    if named:
        return named
    if house:
        return [house]
    salient = doc.salient_org(clause.start)
    return [salient] if salient and is_party(doc, salient) else []


def _story_party(doc: Document, clause: Clause) -> list[str]:
    """Who acts in a sentence that names none: an organisation named earlier in it ("Acme has
    bought six and intends to"), else the headline's parties, else the salient organisation."""
    here = doc.salient_org(clause.start, here_only=True)
    if here is None and doc.lead:
        return list(doc.lead)
    return [here or doc.salient_org(clause.start) or ""]


def _stated(doc: Document, clause: Clause) -> list[str]:
    """The subject (unless a passive's), the passive's doer and whoever states it; "X said
    he will" puts X first."""
    # the subject of a passive is what is acted on ("Mac OS X Lion will be shipped"), not who
    # acts, unless it is a party to an arrangement ("it will be compensated by Acme")
    acted_on = clause.passive and clause.kind != Kind.AGREEMENT
    subject = [] if acted_on else subject_actors(doc, clause)
    said = _source_actors(doc, clause)
    if clause.subject.lower() == "it" and said and subject == [doc.affiliations.get(said[0])]:
        subject = []  # “It's going to get worse,” said Acme's economist: his forecast, not Acme's
    actors = [*subject, *_agent(doc, clause), *said]
    if not acted_on and not actors:
        actors = owner(doc, clause)  # "Acme's network of depots will": Acme's doing
    if not acted_on and not actors and not clause.subject:
        actors = relative_owner(doc, clause)  # "the UN’s goal, which aims to"
    if clause.subject.lower() in ("he", "she") and clause.source:
        said = list(resolve_np(doc, clause.source, clause.source_start))
        actors = [*said, *(a for a in actors if a not in said)]
    return actors


def _override(doc: Document, clause: Clause, house: str | None) -> list[str]:
    """Who acts where the subject is not the party: a readout's "the leaders"/"they", a
    beneficiary's giver, "it" standing for a thing; with the source after them."""
    said = _source_actors(doc, clause)
    first = leaders(doc, clause)  # "the two leaders agreed", "They reiterated"
    first = first or giver(doc, clause)  # "will benefit ..., thanks to £77m from X"
    if not first and house and benefits(doc, clause):
        first = [house]
    if not first and house and clause.subject.lower() in ("it", "they"):
        thing = thing_before(doc, clause) or _stands_for_thing(doc, clause)
        first = [house] if thing else []  # "The AI Act ... It will"
    return [*first, *(a for a in said if a not in first)] if first else []


def _agent(doc: Document, clause: Clause) -> list[str]:
    """The named agent of a passive clause: "the engines will be made by GM"."""
    agent = _PASSIVE_AGENT.search(doc.text, clause.cue_end, clause.end)
    if not clause.passive or agent is None:
        return []
    return doc.orgs_between(agent.end(), agent.end() + 1)


def _source_actors(doc: Document, clause: Clause) -> list[str]:
    quote = doc.quote_at(clause.cue_start)
    if quote is not None:
        return list(doc.speakers[quote])
    if clause.source:
        return list(resolve_np(doc, clause.source, clause.source_start))
    return []


def _stands_for_thing(doc: Document, clause: Clause) -> bool:
    """Whether "it"/"they" stands for a named thing ("the Strategic Defence Review ... it
    would encompass"), whose doer is the publisher."""
    if doc.latest_is_thing(clause.subject_start):
        return True
    meant = resolve_np(doc, clause.subject, clause.subject_start)
    return bool(meant) and all(is_thing(name.split()) for name in meant)
