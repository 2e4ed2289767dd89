"""Sibling product names veto a link: the same family, another version (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.names import missing_product, name_runs, sibling_name


def test_name_runs_are_capitalised_or_model_words() -> None:
    assert name_runs("The Zorbex Pad 7 ships with Kestrel's OS 2.1.") == [
        frozenset({"zorbex", "pad", "7"}),
        frozenset({"kestrel", "os", "2.1"}),
    ]


@pytest.mark.parametrize(
    ("sentence", "action", "sibling"),
    [
        ("The Zorbex Pad 8 went on sale.", "release the Zorbex Pad 7", True),
        ("Its Kestrel OS Falcon is out.", "ship Kestrel OS Osprey", True),
        ("The Zorbex Pad 7 and the Zorbex Pad 8 sold well.", "release the Zorbex Pad 7", False),
        ("The Zorbex Pad went on sale.", "release the Zorbex Pad 7", False),  # the family
        ("Halden's new Zorbex Pad 7 went on sale.", "release the Zorbex Pad 7", False),
        ("Halden Motors opened the plant.", "open the Halden plant in Tarno", False),
    ],
)
def test_sibling_name(sentence: str, action: str, sibling: bool) -> None:
    assert sibling_name(sentence, action) is sibling


def test_a_sibling_product_does_not_link() -> None:
    ledger = [
        Tracked(1, ("Zorbex",), "release the Zorbex Pad 7", "q", date(2013, 6, 30),
                date(2012, 1, 5)),
    ]  # fmt: skip
    text = "Zorbex said the Zorbex Pad 8 will be released in June 2014."
    assert find_links(text, ledger, published=date(2013, 2, 1)) == []


@pytest.mark.parametrize(
    ("sentence", "action", "missing"),
    [
        ("A new Kestrel laptop went on sale.", "ship Kestrel OS 2.1", True),
        ("Kestrel OS 2.1 went on sale.", "ship Kestrel OS 2.1", False),
        ("The 990 flew on Monday.", "fly the Halden 990", False),  # the party's name left out
        ("Its chat app is out.", "release the Zorbex Talk 2 app", True),
        ("Tarno is in the US and the UK.", "open a plant in the US", False),  # "US" no product
    ],
)
def test_missing_product(sentence: str, action: str, missing: bool) -> None:
    skip = frozenset({"halden", "kestrel"})
    assert missing_product(sentence, action, skip=skip) is missing


def test_the_product_may_be_named_in_the_sentence_before() -> None:
    ledger = [
        Tracked(1, ("Halden",), "ship the Halden Pad 7 to schools", "q", date(2013, 6, 30),
                date(2012, 1, 5)),
    ]  # fmt: skip
    later = "Halden will ship the tablets to schools in June 2013."
    before = "The Halden Pad 7 was shown on Monday. "
    published = date(2013, 2, 1)
    assert find_links(later, ledger, published=published) == []
    assert [f.commitment for f in find_links(before + later, ledger, published=published)] == [1]


def test_the_counterpart_named_stands_for_the_product_on_the_same_event() -> None:
    ledger = [
        Tracked(1, ("Halden", "Tarno Air"), "deliver the first H9 to Tarno Air", "q",
                date(2013, 5, 31), date(2012, 1, 5)),
    ]  # fmt: skip
    text = (
        "Halden showed the H9 on Monday. "
        "TA was to take delivery in May 2013, but will now receive the aircraft in March 2014."
    )
    found = find_links(text, ledger, published=date(2013, 8, 1))
    assert [(f.commitment, f.relation, f.new_deadline) for f in found] == [
        (1, Relation.MOVES_DEADLINE, date(2014, 3, 31))
    ]
