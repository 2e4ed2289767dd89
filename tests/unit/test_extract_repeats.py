"""extract(): one line per commitment (relative clauses keep their coordinated verbs,
asides are no commitments, restatements fold) and whole action phrases, on sentences written
for the test."""

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
        (  # what follows "and" is under "us to"
            "Acme said it will use the grant to allow us to open clinics and hire nurses.",
            ["use the grant to allow us to open clinics and hire nurses"],
        ),
        (  # the second verb belongs to the relative clause "that will ..."
            "Acme will publish a code that will set fees and protect small sellers.",
            ["publish a code that will set fees and protect small sellers"],
        ),
        (  # "and marking ...": an aside of the first act, not a second one
            "Croatia will join the scheme in May, becoming its tenth member and marking "
            "the end of a long process of both the bank and of the union.",
            [
                "join the scheme in May, becoming its tenth member and marking the end of a "
                "long process of both the bank and of the union"
            ],
        ),
        (  # two acts of the committed party still make two lines
            "Acme plans to lay off 4,000 employees and close five factories.",
            ["lay off 4,000 employees", "close five factories"],
        ),
        (  # a comma list of targets stays one line per target
            "The union will have the means to produce 15%, process 30%, and recycle 20% of "
            "its needs by 2030.",
            ["have the means to produce 15%", "process 30%", "recycle 20% of its needs by 2030"],
        ),
    ],
)
def test_one_line_per_commitment(text: str, actions: list[str]) -> None:
    assert [c.action for c in found(text)] == actions


def test_verbs_coordinated_in_an_embedded_question_are_not_acts() -> None:
    text = (
        "Acme will use the fair to show how its robots can cut costs, speed up orders "
        "and improve safety."
    )
    lines = found(text)
    assert len(lines) == 1
    assert lines[0].action.startswith("use the fair to show how its robots can cut costs")


def test_a_restatement_by_its_subject_is_folded() -> None:
    text = (
        "Acme expects its export volume is set to rapidly grow next year, helped by new "
        "orders. Analysts agree. Acme said its export volume is set to grow rapidly."
    )
    assert len(found(text)) == 1


class TestSubjectKept:
    def test_a_thing_sharing_one_word_with_the_actor_is_kept(self) -> None:
        text = (
            "The Nordic Council said the Nordic Grid Balancing Platform will be installed "
            "in every member state."
        )
        (c,) = found(text)
        assert c.action.startswith("the Nordic Grid Balancing Platform will be installed")

    def test_a_subject_sharing_only_the_with_a_title_is_kept(self) -> None:
        text = "The Trade Minister Ann Lee said the network will also help to win new buyers."
        (c,) = found(text)
        assert c.action.startswith("the network will also help to win new buyers")

    def test_the_actor_named_by_its_head_word_is_left_out(self) -> None:
        (c,) = found("The Commission's staff will review the rules by June.")
        assert not c.action.lower().startswith("the commission")


def test_an_owned_thing_as_subject_stays_in_the_action() -> None:
    (c,) = found("Acme said its export volume is set to rapidly grow next year.")
    assert c.action.startswith("its export volume is set to rapidly grow")


class TestRestatedByAnotherVoice:
    def test_a_quote_restating_the_lead_is_folded(self) -> None:
        text = (
            "Monthly grants under the Harbour Fund will now follow, giving regular support.\n"
            "The fund's chair Mia Holm said: “Now regular grants will follow on a monthly "
            "basis.”"
        )
        assert len(found(text)) == 1

    def test_the_same_date_and_words_under_another_name_is_folded(self) -> None:
        text = (
            "Talks open on 4 May on a new fishing deal with Norway.\n"
            "Fisheries Minister Ola Berg will open talks on a revised fishing deal with Norway "
            "on 4 May."
        )
        assert len(found(text)) == 1

    def test_the_same_words_with_another_date_stay_two_lines(self) -> None:
        text = (
            "Acme will open talks on a new supply deal with Norway on 4 May.\n"
            "Globex will open talks on a new supply deal with Norway on 9 June."
        )
        assert len(found(text)) == 2


def test_a_which_clause_on_the_line_before_is_no_line_of_its_own() -> None:
    text = (
        "The minister said he was committed to deepening ties with Norway, which he "
        "believed would help both sides."
    )
    assert [c.action for c in found(text)] == ["deepening ties with Norway"]


@pytest.mark.parametrize(
    "text",
    [
        "Acme will also widen its sources of steel, so that it does not rely on one mill.",
        "Acme will also widen its sources of steel so that where one mill that it buys from "
        "stops supplying it for a month or more, the other mills it has can make up the "
        "difference.",
    ],
)
def test_a_purpose_after_so_ends_the_action(text: str) -> None:
    (c,) = found(text)
    assert c.action == "widen its sources of steel"


def test_an_aside_in_brackets_cut_open_is_left_out() -> None:
    (c,) = found(
        "Acme will allow eligible parents to take up to 12 weeks of leave (and, if eligible, "
        "pay) on top of any other leave they may be entitled to, including parental leave."
    )
    assert c.action == "allow eligible parents to take up to 12 weeks of leave"


def test_an_agreement_on_a_topic_reads_as_agreeing_on_it() -> None:
    text = "Norway and Iceland have reached a landmark agreement on the management of herring."
    (c,) = found(text)
    assert c.action == "agree on the management of herring"


def test_the_same_promise_for_another_place_is_another_line() -> None:
    text = " ".join(
        f"The mayor promised that the council will open a library in {town} by 2028."
        for town in ("Ashby", "Brant", "Corfe")
    )
    assert len(found(text)) == 3


class TestSameAmountSaidAgain:
    LEAD = (
        "The Health Department said the new tariffs are expected to save patients $2.4 "
        "billion in prescription costs in the first year alone. It also said hospitals "
        "would get new scanners. "
    )

    def test_the_same_amount_in_other_words_is_folded_and_dates_the_first(self) -> None:
        text = self.LEAD + (
            "The Health Department said people on the scheme are expected to save $2.4 "
            "billion in prescription costs in 2027 alone."
        )
        lines = found(text)
        assert (len(lines), lines[0].deadline) == (2, date(2027, 12, 31))

    def test_another_amount_is_another_line(self) -> None:
        text = self.LEAD + (
            "The Health Department said people on the scheme are expected to save $3.1 "
            "billion in prescription costs in 2027 alone."
        )
        assert len(found(text)) == 3


def test_a_passive_joined_by_and_keeps_the_subject_of_the_verb_before_it() -> None:
    (c,) = found(
        "The Welsh Government has said the new bus lanes are being tested in two towns and "
        "will be rolled out across Wales in May 2026."
    )
    assert c.action == "the new bus lanes will be rolled out across Wales in May 2026"
