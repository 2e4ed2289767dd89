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


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor will also meet residents to hear their views on the scheme and what they "
        "want to see built there.",
        "Acme will explain to staff how it plans to cut costs and why it intends to close "
        "the plant.",
    ],
)
def test_a_cue_inside_an_embedded_question_is_part_of_the_clause(text: str) -> None:
    lines = found(text)
    assert (len(lines), lines[0].quote) == (1, text.rstrip("."))
