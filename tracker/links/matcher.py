"""Find the sentences of a later article that are about tracked commitments: the same party
(by name, surname or acronym) and the same action (distinctive content words shared), then
what the sentence says of it (tracker.links.relation)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.extract.sentences import split_sentences
from tracker.links.actors import names_actor
from tracker.links.model import Found, Tracked
from tracker.links.relation import relation_of
from tracker.links.words import content_stems, rarity

__all__ = ["find_links"]

MIN_SCORE = 0.6  # share of the commitment's distinctive weight the sentence must carry
# a sentence that does not name the party ("the delivery will be delayed") must carry more,
# and the article must name the party somewhere
MIN_SCORE_UNNAMED = 0.99
_MIN_SHARED = 2


def find_links(
    text: str, ledger: Sequence[Tracked], *, published: date | None = None
) -> list[Found]:
    """Links from the sentences of `text` to the commitments of `ledger`: at most one per
    commitment (its best sentence), only for commitments older than the article."""
    items = [t for t in ledger if not (t.published and published and published <= t.published)]
    bags = {t.id: content_stems(t.action) for t in items}
    weight = rarity(bags.values())
    sentences = [(s, e) for s, e in split_sentences(text) if not _headline(text, s, e)]
    in_article = {t.id: names_actor(text, t.actors) for t in items}
    best: dict[int, tuple[float, Found]] = {}
    for start, end in sentences:
        sentence = text[start:end]
        stems = content_stems(sentence)
        for item in items:
            score = _score(stems, bags[item.id], weight)
            named = names_actor(sentence, item.actors)
            if score < (MIN_SCORE if named else MIN_SCORE_UNNAMED) or not in_article[item.id]:
                continue
            reading = relation_of(
                sentence, deadline=item.deadline, since=item.published, published=published
            )
            if reading is None:
                continue
            found = Found(item.id, reading[0], sentence, start, end, reading[1], round(score, 2))
            if item.id not in best or best[item.id][0] < score:
                best[item.id] = (score, found)
    return sorted((f for _, f in best.values()), key=lambda f: (f.start, f.commitment))


def _score(stems: set[str], bag: set[str], weight: dict[str, float]) -> float:
    """Weighted share of the commitment's stems found in the sentence (0 if under two)."""
    shared = stems & bag
    if len(shared) < _MIN_SHARED:
        return 0.0
    return sum(weight[s] for s in shared) / sum(weight[s] for s in bag)


def _headline(text: str, start: int, end: int) -> bool:
    """A title line: the article's first line, without final punctuation."""
    return start == len(text) - len(text.lstrip()) and text[end - 1] not in ".!?”\"'"
