"""Whose voice a text's narration is: a release's, where an institution speaks for itself and a
bare "the aid will take the form of grants" states its own plan, or a reporter's, where a bare
"the tax will hit families" is the writer's forecast. Found from the text alone: a release has
a house voice (tracker/extract/publisher.py) and barely attributes anything ("... said" is the
reporter's staple; a release quotes with "Minister X said:" and a colon). Pure surface rules."""

from __future__ import annotations

import re

from tracker.extract import lexicon

__all__ = ["is_release", "publisher_measure"]

# A reporter's attribution: "said", "told", "according to" (not "said:" opening a release quote).
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according\s+to|added|claimed|argued|warned|insisted)\b(?![ \t]*:)"
)
# At most one attribution in this many sentences: the narration is the publisher's own.
_SENTENCES_PER_ATTRIBUTION = 10


# What a publisher's measure is called: a bare future of one is its plan ("the aid will take
# the form of direct grants", "the fund will open in spring"), unlike an economic outcome.
_MEASURE_HEADS = lexicon.word_set(
    """aid measure measures scheme schemes fund funds funding programme programmes program
    programs grant grants loan loans payment payments support investment investments package
    initiative initiatives project projects order orders policy policies relations rules
    regulation regulations law legislation bill plan strategy reform reforms framework
    partnership service services centre centres center centers network platform money
    allocation contribution budget commitment commitments agreement agreements deal deals
    contract contracts pledge pledges"""
)
# Partitive and container words whose "of" phrase holds the head ("Over 80% of the funding",
# "this new round of funding", "the bulk of the money").
_PARTITIVE = lexicon.word_set(
    "round tranche share part portion bulk majority half third quarter rest most all some"
)
_PREPOSITION = lexicon.word_set("of per for with in to from under across on at by")
_FIRST_PERSON = frozenset({"our", "my"})
# After the cue: an assessment, a movement or a benefit claimed, not a term of the measure ("will
# be difficult", "will rise", "will help"); a cap is a term ("will not exceed €1.8 million").
_ASSESSMENT = re.compile(
    r"\s*(?:(?:be|become|remain|seem|prove)\b(?!\s+(?:available|open|in\s+place)\b)"
    r"|(?:rise|fall|grow|increase|decrease|decline|drop|climb|surge|plunge|hurt|hit|cost|affect|"
    r"mean|help|matter|benefit)\b)",
    re.I,
)


def is_release(text: str, sentences: list[tuple[int, int]], *, voice: str | None) -> bool:
    """Whether the narration is an institution's own: a house voice, and at most one reporter's
    attribution per ten sentences."""
    if voice is None:
        return False
    attributions = len(_ATTRIBUTION.findall(text))
    return attributions * _SENTENCES_PER_ATTRIBUTION <= max(1, len(sentences))


def publisher_measure(subject: str, text: str, cue_end: int) -> bool:
    """A subject that is a measure or the publisher's own ("the overall aid per beneficiary",
    "Our diplomatic relations with other countries"), with a term after the cue, not an
    assessment of it ("Our Budget will be difficult")."""
    words = [w.strip(",.;:’'\"“”()").lower() for w in subject.split()]
    words = [w for w in words if w]
    if not words or _ASSESSMENT.match(text, cue_end):
        return False
    own = words[0] in _FIRST_PERSON
    return own or _head(words) in _MEASURE_HEADS


def _head(words: list[str]) -> str:
    """The head of a noun phrase: the word before its first preposition; past a partitive
    ("80% of the funding") or a quantity, the head of the phrase after the "of"."""
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITION and i), len(words))
    head = words[cut - 1]
    partitive = head in _PARTITIVE or head.endswith("%") or head[:1].isdigit()
    if partitive and cut < len(words) and words[cut] == "of":
        return _head(words[cut + 1 :]) if words[cut + 1 :] else head
    return head
