"""The shape of a headline or a bullet line: a whole line without final punctuation, opening
with a bare noun phrase ("UK and South Korea to launch talks", "More than £500 million to
support ..."), not with a verb of its own ("Shares rose to"). Used by clauses.py for the cues
"headline_to" and "lead_to_be"."""

from __future__ import annotations

from itertools import pairwise

from tracker.extract import vetoes as veto

__all__ = ["headline_line", "headline_subject"]


def headline_line(text: str, start: int, end: int) -> bool:
    """A sentence that is a whole line without final punctuation: a headline or a bullet."""
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    opens = start == 0 or text[start - 1] == "\n"
    return opens and not rest.strip() and text[start:end].rstrip()[-1:] not in ".!?:;”\"'"


def headline_subject(before: str) -> bool:
    """A line that opens with a bare noun phrase: "UK and South Korea" (to also announce),
    "More than £500 million" (to support ...)."""
    before = veto.QUANTITY_BOUND.sub("over", before)
    if not veto.HEADLINE_SUBJECT.fullmatch(before):
        return False
    words = [w.strip(",") for w in before.split()]
    if any(w.lower() in veto.HEADLINE_NOT or w.endswith("ed") for w in words):
        return False
    # "Apple releases program to ...": a present-tense verb before its object
    pairs = pairwise(words)
    return not any(
        _third_person(a) and b.islower() and b not in veto.HEADLINE_LINKS for a, b in pairs
    )


def _third_person(word: str) -> bool:
    """ "releases", "plans": a lower-case word that may be a present-tense verb ("dangerous",
    "business" and "bonus" are not)."""
    return word.islower() and word.endswith("s") and not word.endswith(("ous", "ss", "us", "is"))
