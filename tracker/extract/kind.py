"""Which kind a commitment clause is: a speaker's pledge (promise), an actor's plan, a deal
(agreement) or a forecast (prediction), from its cue, subject and frame. Pure and rule-based;
the frames themselves live in tracker/extract/frames.py."""

from __future__ import annotations

import re

from tracker.domain import Kind
from tracker.extract import frames as kinds
from tracker.extract import lexicon as lexicon
from tracker.extract.cues import Cue
from tracker.extract.subject import has_name, plausible_actor

__all__ = ["modal_kind", "refine_kind"]

_ELIDED = re.compile(r"(?:\band|\bbut|,|\bwhich|\bwho)\s*$", re.I)
_VP_COORDINATED = re.compile(r",?\s+and\s*$", re.I)
_SET_TO = re.compile(r"\b(?:set|poised)\s+to\b", re.I)
_GOING_TO_BE = re.compile(r"\s*(?:be|get|happen)\b", re.I)


def refine_kind(kind: Kind, cue: Cue, sent: str, m: re.Match[str], end_rel: int) -> Kind:
    """Corrections from the clause's frame: who expects, who announces, with whom."""
    if cue.name == "expect_verb" and not (_forecast(sent, m) or _outcome_before(sent, m)):
        return Kind.PLAN  # "he expected the New GM to focus on four brands": his own plan
    if cue.name == "scheduled" and _SET_TO.search(m.group(0)) and _outcome_before(sent, m):
        return Kind.PREDICTION  # "inflation is set to ease": how things turn out
    if kind == Kind.PLAN and kinds.TRANSACTION.search(sent, m.end(), end_rel):
        return Kind.AGREEMENT  # "is selling the unit to Globex": a deal with a named party
    if (
        kind != Kind.PREDICTION
        or cue.kind is not None
        or kinds.PREDICTIVE_VERB.match(sent, m.end())
    ):
        return kind
    before = sent[: m.start()]
    if kinds.ANNOUNCED.search(before) or kinds.ANNOUNCED_AFTER.match(sent, end_rel):
        return Kind.PLAN  # "The change will occur in May, Apple announced": its decision
    return kind


def _outcome_before(sent: str, m: re.Match[str]) -> bool:
    """The cue follows a measure, not an actor ("growth expected to", "demand is set to")."""
    words = sent[: m.start()].split()
    return bool(words and kinds.MEASURES.fullmatch(words[-1].strip(",").lower()))


def _forecast(sent: str, m: re.Match[str]) -> bool:
    """Whether an "expects ... to" is about how things turn out rather than what is done."""
    state = kinds.STATE_VERB.match(sent, m.end())
    return bool(
        state or kinds.PREDICTIVE_VERB.match(sent, m.end()) or kinds.MEASURES.search(m.group(0))
    )


def modal_kind(
    subject: str, sent: str, m: re.Match[str], *, in_quote: bool, passive: bool
) -> Kind:
    """Kind of a bare future ("will"): a speaker's own pledge, an actor's plan, or a forecast."""
    framed = _framed_kind(subject, sent, m)
    if framed is not None:
        return framed
    low = subject.lower()
    # "the economy will not sustain its growth": nobody acts ("prices will be cut": somebody does)
    if low.split() and not passive and kinds.MEASURES.fullmatch(low.split()[-1]):
        return Kind.PREDICTION
    named = has_name(subject) or low in lexicon.PRONOUNS_SPEAKER
    agentive = plausible_actor(subject, max_words=10)
    elided = not subject and _ELIDED.search(sent[: m.start()])
    if not (agentive or passive or elided):
        return Kind.PLAN if _measure_carried_out(subject, sent, m) else Kind.PREDICTION
    if agentive and kinds.PASSIVE_BY_NAME.match(sent, m.end()):
        return Kind.AGREEMENT  # "it will be compensated by Airbus": an arrangement of two
    if kinds.PROGRESSIVE.match(sent, m.end()):
        return Kind.PLAN  # "we will be asking": an arranged future, not a pledge
    going = "going" in m.group(0).lower()  # "we are going to ...": an intention, not a pledge
    if in_quote and not going and (low in lexicon.PRONOUNS_SPEAKER or (named and not passive)):
        return Kind.PROMISE
    return Kind.PLAN


def _framed_kind(subject: str, sent: str, m: re.Match[str]) -> Kind | None:
    """A kind set by what frames the future: a deal, an assurance, a forecast."""
    if kinds.AGREEMENT_FRAME.search(sent[: m.start()]):
        return Kind.AGREEMENT
    if kinds.ASSURANCE.search(sent[: m.start()]):
        return Kind.PROMISE  # "he had been assured that jobs would not be cut"
    if kinds.PLAN_RELATIVE.search(sent[: m.start()]) or kinds.INTENT_AFTER.match(sent, m.end()):
        return Kind.PLAN
    if kinds.ROLE_TAKEN.match(sent, m.end()) and plausible_actor(subject, body=True):
        return Kind.PLAN  # "the government will become the largest shareholder"
    if _predicted(subject, sent, m):
        return Kind.PREDICTION
    if "going" in m.group(0).lower() and _GOING_TO_BE.match(sent, m.end()):
        return Kind.PREDICTION
    return None


def _predicted(subject: str, sent: str, m: re.Match[str]) -> bool:
    """A forecast verb after the cue, or a forecast frame before it; a frame does not reach a
    verb phrase coordinated with it ("he expects X to grow, and will hire more")."""
    if kinds.PREDICTIVE_VERB.match(sent, m.end()):
        return True
    before = sent[: m.start()]
    if not subject and _VP_COORDINATED.search(before):
        return False
    return bool(kinds.PREDICTIVE_FRAME.search(before))


def _measure_carried_out(subject: str, sent: str, m: re.Match[str]) -> bool:
    """ "The £20m investment will deliver a new centre": a measure its owner carries out."""
    words = subject.lower().split(" of ")[0].split()  # "the introduction of a list": its head
    head = words[-1].strip(",") if words else ""
    if kinds.IN_FORCE.match(sent, m.end()):
        return True  # "... and apps will enter into force": a rule, however its subject was cut
    # "The introduction of an interim, time-limited list will": a subject cut at its commas
    instrument = kinds.INSTRUMENT.search(head) or kinds.OPENING_INSTRUMENT.match(sent[: m.start()])
    return bool(instrument and kinds.INSTRUMENT_ACT.match(sent, m.end()))
