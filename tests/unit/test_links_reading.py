"""How the linker reads a sentence it matched: which words are past tense, and which are not
(names, modifiers, "-eed" words); sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation
from tracker.links.actors import names_actor
from tracker.links.relation import relation_of

PUBLISHED = date(2012, 6, 1)


def _read(sentence: str) -> object:
    return relation_of(
        sentence, deadline=date(2012, 12, 31), since=date(2011, 1, 1), published=PUBLISHED
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The United Nations agency runs the scheme in Kenya.",  # a name, not a verb
        "The proposed bridge across the bay is the largest in the region.",  # a modifier
        "Demand for the new tablets may well exceed supply.",  # "-eed", present tense
        "The agency needs three hundred inspectors.",
    ],
)
def test_no_past_tense_no_outcome(sentence: str) -> None:
    assert _read(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge opened to traffic on Monday.",
        "The agency hired three hundred inspectors.",
        "The new line was completed in May.",
    ],
)
def test_a_past_verb_reports_done(sentence: str) -> None:
    assert _read(sentence) == (Relation.REPORTS_DONE, None)


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("The first commercial flight leaves tomorrow.", ("Zephyr Commercial Aircraft",)),
        ("Venture capital poured into the sector.", ("Halden Capital",)),
        ("The court ruled on Friday.", ("Northshire Bankruptcy Court",)),
        ("The fund lost money.", ("Global Pension Fund",)),
        ("All flights were full.", ("All Coastal Airways",)),
    ],
)
def test_a_common_word_of_a_name_does_not_name_the_party(
    sentence: str, actors: tuple[str, ...]
) -> None:
    assert names_actor(sentence, actors) is False


def test_the_distinctive_word_of_a_name_still_names_the_party() -> None:
    assert names_actor("Zephyr said the jet is ready.", ("Zephyr Commercial Aircraft",))
    assert names_actor("Halden expects more.", ("Halden Capital",))
