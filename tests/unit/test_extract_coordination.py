"""extract(): where a commitment clause splits into coordinated parts and where it does not,
on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate
from tracker.extract import extract

PUBLISHED = date(2025, 3, 3)


def found(text: str) -> list[Candidate]:
    return list(extract(text, published=PUBLISHED).commitments)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        (  # two bare verbs share one object: one act
            "Acme plans to widen and resurface the ring road.",
            ["widen and resurface the ring road"],
        ),
        (  # "above and beyond": prepositions, not a second verb
            "Acme will hire 300 apprentices, going above and beyond its earlier pledge.",
            ["hire 300 apprentices, going above and beyond its earlier pledge"],
        ),
    ],
)
def test_one_act(text: str, actions: list[str]) -> None:
    assert [c.action for c in found(text)] == actions


def test_a_capitalised_name_after_and_is_no_gapped_passive() -> None:
    text = (
        "Visitors will be shown the new galleries, the restored gardens and the famous "
        "Painted Hall."
    )
    assert len(found(text)) == 1
