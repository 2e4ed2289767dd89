"""Find the sentences of a later article that are about tracked commitments."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from tracker.extract.sentences import split_sentences
from tracker.links.model import Found, Relation, Tracked
from tracker.links.words import content_stems

__all__ = ["find_links"]

_MIN_SHARED = 2
_CANCEL = re.compile(r"\b(?:cancel\w*|abandon\w*|scrap\w*|drop(?:ped|s)?)\b", re.I)
_DELAY = re.compile(r"\b(?:delay\w*|postpon\w*|push(?:ed)? back|slip\w*)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|has|have|had)\b|\b\w+ed\b", re.I)


def find_links(
    text: str, ledger: Sequence[Tracked], *, published: date | None = None
) -> list[Found]:
    """Links from the sentences of `text` to the commitments of `ledger`, best one per pair."""
    best: dict[tuple[int, Relation], tuple[int, Found]] = {}
    for start, end in split_sentences(text):
        sentence = text[start:end]
        stems = content_stems(sentence)
        for item in ledger:
            if item.published and published and published <= item.published:
                continue
            shared = len(stems & content_stems(item.action))
            if shared < _MIN_SHARED or not _names_actor(sentence, item.actors):
                continue
            found = Found(item.id, _relation(sentence), sentence, start, end)
            key = (item.id, found.relation)
            if key not in best or best[key][0] < shared:
                best[key] = (shared, found)
    return sorted((f for _, f in best.values()), key=lambda f: (f.start, f.commitment))


def _names_actor(sentence: str, actors: Sequence[str]) -> bool:
    low = sentence.lower()
    return any(
        re.search(rf"\b{re.escape(w.lower())}\b", low)
        for actor in actors
        for w in actor.split()
        if len(w) >= 3
    )


def _relation(sentence: str) -> Relation:
    if _CANCEL.search(sentence):
        return Relation.REPORTS_NOT_DONE
    if _DELAY.search(sentence):
        return Relation.MOVES_DEADLINE
    if _PAST.search(sentence):
        return Relation.REPORTS_DONE
    return Relation.RESTATES
