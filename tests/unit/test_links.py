"""The pure linker: stems, party names and aliases, relations, and which sentence links."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.actors import names_actor
from tracker.links.relation import relation_of
from tracker.links.words import content_stems, stem

PUBLISHED = date(2007, 5, 14)


@pytest.mark.parametrize("words", [("deliver", "delivered", "deliveries", "delivery")])
def test_inflections_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1


def test_years_and_stop_words_are_not_content() -> None:
    assert content_stems("The plant will open in 2008") == {"plant", "open"}


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        ("GM said sales fell.", ("General Motors",), True),
        ("The EU agreed.", ("European Union",), True),
        ("Boeing said so.", ("Airbus",), False),
        ("Motors were sold.", ("General Motors",), False),  # a generic word alone is no name
    ],
)
def test_names_actor(sentence: str, actors: tuple[str, ...], expected: bool) -> None:
    assert names_actor(sentence, actors) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plan was cancelled on Monday.", (Relation.REPORTS_NOT_DONE, None)),
        ("Delivery is delayed until October 2008.", (Relation.MOVES_DEADLINE, date(2008, 10, 31))),
        ("It will open in 2009.", (Relation.MOVES_DEADLINE, date(2009, 12, 31))),
        ("It will open by the end of 2007.", (Relation.RESTATES, None)),
        ("The plant opened on Monday.", (Relation.REPORTS_DONE, None)),
        ("Only two of the planes were delivered.", (Relation.REPORTS_PARTLY, None)),
        ("In 1998 the company introduced the iMac.", None),  # before the commitment
        ("The plant is large.", None),
    ],
)
def test_relation_of(sentence: str, expected: object) -> None:
    found = relation_of(
        sentence, deadline=date(2007, 12, 31), since=date(2006, 1, 1), published=PUBLISHED
    )
    assert found == expected


def test_one_link_per_commitment_and_never_to_an_older_article() -> None:
    ledger = [
        Tracked(1, ("Airbus",), "deliver the first A380 to Singapore Airlines", "q",
                date(2006, 12, 31), date(2006, 1, 1)),
        Tracked(2, ("Airbus",), "cut 10,000 jobs", "q", None, date(2008, 1, 1)),
    ]  # fmt: skip
    text = (
        "Airbus will deliver the first A380 to Singapore Airlines in October 2007.\n"
        "Airbus delivered nothing else. Airbus will cut 10,000 jobs."
    )
    found = find_links(text, ledger, published=PUBLISHED)
    assert [(f.commitment, f.relation, f.new_deadline) for f in found] == [
        (1, Relation.MOVES_DEADLINE, date(2007, 10, 31))
    ]
    assert text[found[0].start : found[0].end] == found[0].quote
