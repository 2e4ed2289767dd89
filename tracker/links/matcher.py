"""Find the sentences of a later article that are about tracked commitments: the same party
(by name, surname or acronym) and the same action (distinctive content words shared), then
what the sentence says of it (tracker.links.relation)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from tracker.extract.sentences import split_sentences
from tracker.links.actors import actor_forms, names_actor, names_party
from tracker.links.direction import conflicting_direction
from tracker.links.events import (
    Amount,
    amounts,
    close_amounts,
    conflicting_models,
    conflicting_places,
    events,
    key_entities,
    names_model,
)
from tracker.links.forecast import forecast_of
from tracker.links.model import Found, Relation, Tracked
from tracker.links.names import missing_product, sibling_name
from tracker.links.relation import Reading, relation_of, slips
from tracker.links.words import common_stems, content_stems, rarity, without_notes

__all__ = ["find_links"]

MIN_SCORE = 0.6  # share of the commitment's distinctive weight the sentence must carry
# a sentence that does not name the party ("the delivery will be delayed") must carry more,
# and the article must name the party somewhere
MIN_SCORE_UNNAMED = 0.99
_MIN_SHARED = 2
EVENT_SCORE = 0.5  # the same kind of event and the same party, product or amount
_SUMS = frozenset({"million", "billion", "trillion"})  # scales of money, not of counts


def find_links(
    text: str, ledger: Sequence[Tracked], *, published: date | None = None
) -> list[Found]:
    """Links from the sentences of `text` to the commitments of `ledger`: at most one per
    commitment and relation (its best sentence: an article may restate a goal and report it
    partly met), only for commitments older than the article."""
    items = [
        replace(t, action=without_notes(t.action))
        for t in ledger
        if not (t.published and published and published <= t.published)
    ]
    # a common-noun party is who acts, not what it promised ("rebuild trust in government")
    bags = {t.id: content_stems(t.action) - _party_stems(t) for t in items}
    weight = rarity(bags.values())
    common = common_stems(bags.values())
    spans = split_sentences(text)
    title = _title(text, spans[:1])
    sentences = _numbered([(s, e) for s, e in spans if not _headline(text, s, e)], text)
    in_article = {t.id: names_actor(text, t.actors, titles=True) for t in items}
    owners = {t.id: names_party(text, t.actors) for t in items}  # whose sum a figure is
    forms = {t.id: frozenset(f for a in t.actors for f in actor_forms(a)) for t in items}
    keys = {t.id: _Keys.of(t, skip=forms[t.id]) for t in items}
    forecasts = {t.id: forecast_of(t.action, deadline=t.deadline) for t in items}
    best: dict[tuple[int, Relation], tuple[float, Found]] = {}
    previous = ""
    for start, end in sentences:
        sentence = text[start:end]
        context = f"{'' if names_model(sentence) else title} {previous} {sentence}"
        previous = sentence
        stems = content_stems(sentence)
        said = _Keys.said(sentence)
        slipped = slips(sentence)
        for item in items:
            skip = forms[item.id]
            if not in_article[item.id] or _conflicts(sentence, item, context=context, skip=skip):
                continue
            named = names_actor(sentence, item.actors)
            # "1,500 highly skilled jobs" is not "hundreds of skilled jobs"
            rare = stems - common if keys[item.id].counted_by(said) else set()
            score = _word_score(rare, stems, bags[item.id], weight, named=named)
            if not score:
                other = names_actor(sentence, _counterparts(item))
                party = named and names_actor(sentence, item.actors[:1])
                meets = (
                    keys[item.id].meets(
                        said, named=party, counterpart=other, owner=owners[item.id]
                    )
                    or (slipped and keys[item.id].entities & said.entities)
                    or forecasts[item.id].met_by(sentence)
                )
                score = EVENT_SCORE if meets else 0.0
            if not score:
                continue
            reading = relation_of(
                sentence, deadline=item.deadline, since=item.published, published=published
            )
            if reading is None:
                continue
            reading = _ongoing(reading, item.action)
            found = Found(item.id, reading[0], sentence, start, end, reading[1], round(score, 2))
            key = (item.id, found.relation)
            if key not in best or best[key][0] < score:
                best[key] = (score, found)
    return sorted((f for _, f in best.values()), key=lambda f: (f.start, f.commitment))


@dataclass(frozen=True, slots=True)
class _Keys:
    """What a commitment (or a sentence) is about: event kinds, key entities, amounts."""

    events: frozenset[str]
    entities: frozenset[str]
    amounts: frozenset[Amount]

    @classmethod
    def of(cls, item: Tracked, *, skip: frozenset[str]) -> _Keys:
        """`skip`: the forms of the item's own parties, no key entity of it."""
        text = f"{item.action} . {item.quote}"
        kinds = events(item.action) | events(item.quote)
        return cls(frozenset(kinds), frozenset(key_entities(text, skip=skip)),
                   frozenset(_big(amounts(text))))  # fmt: skip

    @classmethod
    def said(cls, sentence: str) -> _Keys:
        return cls(frozenset(events(sentence)), frozenset(key_entities(sentence)),
                   frozenset(_big(amounts(sentence))))  # fmt: skip

    def counted_by(self, sentence: _Keys) -> bool:
        """Whether `sentence` gives the count this commitment promises, if it promises one
        ("1,500 jobs"; a sum of money may be topped up and is not required)."""
        counts = {a for a in self.amounts if a[1] not in _SUMS}
        return not counts or close_amounts(counts, sentence.amounts)

    def meets(
        self, sentence: _Keys, *, named: bool, counterpart: bool = False, owner: bool = True
    ) -> bool:
        """The same amount in an article naming the party itself (the `owner`: "£1 billion"
        of "the government" is not BioNTech's), or the same kind of event on the same product
        or plan or with the same counterpart (by the same party, for a commitment that names
        no product: "Apple released an application" is not about "release Mac OS X")."""
        if owner and close_amounts(self.amounts, sentence.amounts):
            return True
        if not self.events & sentence.events or self.amounts:
            return False  # a counted promise ("1,500 jobs") is met by its count, not "jobs"
        if counterpart:
            return True
        return bool(self.entities & sentence.entities) if self.entities else named


def _conflicts(sentence: str, item: Tracked, *, context: str, skip: frozenset[str]) -> bool:
    """Negative evidence: another model, place, direction ("lower" for "raise") or a sibling
    product than the commitment's, or too little of the product it names in the sentence and
    the one before ("the plane"); `skip`: the forms of the item's parties."""
    return (
        conflicting_models(sentence, item.action)
        or conflicting_places(sentence, f"{item.action} . {item.quote}")
        or conflicting_direction(sentence, item.action)
        or sibling_name(sentence, item.action)
        or missing_product(context, item.action, skip=skip)
    )


_ONGOING = re.compile(r"(?:continu\w*|keep\w*|remain\w*)\b", re.I)


def _ongoing(reading: Reading, action: str) -> Reading:
    """An ongoing commitment ("continue implementing the Act") is never done: one more act
    under it ("announced an award under the Act") restates it."""
    if reading[0] is Relation.REPORTS_DONE and _ONGOING.match(action):
        return Relation.RESTATES, None
    return reading


def _party_stems(item: Tracked) -> set[str]:
    """The stems of a common-noun party ("the government"), which any article names."""
    common = (a for a in item.actors if not a.removeprefix("the ")[:1].isupper())
    return {s for actor in common for s in content_stems(actor)}


def _counterparts(item: Tracked) -> list[str]:
    """The parties after the first that the action itself names as its counterpart, not a
    spokesman or chief executive listed beside the party."""
    return [a for a in item.actors[1:] if _after_preposition(a, item.action)]


def _after_preposition(actor: str, action: str) -> bool:
    """Whether `action` names `actor` as its counterpart, after a preposition ("deliver ... to
    Tarno Air", "talks with Korea"), not as a modifier ("UK jobs" counts no one)."""
    pattern = rf"\b(?:to|with|for|from|between|and)\s+(?:the\s+)?{re.escape(actor)}(?!\w)"
    return re.search(pattern, action, re.I) is not None


def _big(found: set[Amount]) -> set[Amount]:
    """Amounts distinctive enough to identify a plan: with a scale word or of 1,000 or more."""
    return {a for a in found if a[1] or a[0] >= 1000}


def _word_score(
    rare: set[str], stems: set[str], bag: set[str], weight: dict[str, float], *, named: bool
) -> float:
    """The word score when it is enough: one shared stem at least must be `rare` in the
    ledger (not only "Canadian workers"); more for a sentence that does not name the party,
    which links only to an action of more than two words ("boost growth" says not who acts)."""
    if not (rare & bag) or (not named and len(bag) <= _MIN_SHARED):
        return 0.0
    score = _score(stems, bag, weight)
    return score if score >= (MIN_SCORE if named else MIN_SCORE_UNNAMED) else 0.0


def _score(stems: set[str], bag: set[str], weight: dict[str, float]) -> float:
    """Weighted share of the commitment's stems found in the sentence (0 if under two)."""
    shared = stems & bag
    if len(shared) < _MIN_SHARED:
        return 0.0
    return sum(weight[s] for s in shared) / sum(weight[s] for s in bag)


_NUMBER = re.compile(r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]")


def _numbered(sentences: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The sentences with a paragraph number read as one ("1." then "We held ..." is one)."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        if out and _NUMBER.fullmatch(text[slice(*out[-1])]):
            start = out.pop()[0]
        out.append((start, end))
    return out


def _title(text: str, first: list[tuple[int, int]]) -> str:
    """The article's title line, which names the product a sentence that names none calls
    "the plane" or "the aircraft"."""
    return text[slice(*first[0])] if first and _headline(text, *first[0]) else ""


def _headline(text: str, start: int, end: int) -> bool:
    """A title line: the article's first line, without final punctuation."""
    return start == len(text) - len(text.lstrip()) and text[end - 1] not in ".!?”\"'"
