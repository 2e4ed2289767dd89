"""The cue words that decide a relation: a restatement in any tense, a delay with a new date,
a first step reported as part of the whole, a cancellation; sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation
from tracker.links.relation import relation_of, slips

PUBLISHED = date(2024, 3, 1)


def _read(sentence: str) -> object:
    return relation_of(
        sentence, deadline=date(2024, 6, 30), since=date(2023, 9, 1), published=PUBLISHED
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers reaffirmed their commitment to the new ferry link.",
        "The council reiterated its pledge to build the ferry link.",
        "The council remains firmly committed to the ferry link.",
        "The board is strongly committed to opening the ferry link.",
        "The council will continue to fund the ferry link.",
        "The ferry link will be built as set out in the plan agreed last year.",
    ],
)
def test_a_restatement_restates_whatever_its_tense(sentence: str) -> None:
    assert _read(sentence) == (Relation.RESTATES, None)


@pytest.mark.parametrize(
    ("sentence", "new"),
    [
        ("The ferry link will now open in October 2024.", date(2024, 10, 31)),
        ("The opening of the ferry link has been deferred to September 2024.", date(2024, 9, 30)),
        ("The ferry link was put back to December 2024.", date(2024, 12, 31)),
    ],
)
def test_a_delay_moves_the_deadline_to_the_new_date(sentence: str, new: date) -> None:
    assert _read(sentence) == (Relation.MOVES_DEADLINE, new)


def test_will_now_without_a_new_date_is_no_delay() -> None:
    assert _read("The ferry link will now carry lorries as well.") == (Relation.RESTATES, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council made the first payment to the ferry operator last week.",
        "The first phase of the ferry link opened on Monday.",
        "Contractors began work on the ferry terminal in January.",
        "The port has made progress toward its target of two sailings a day.",
    ],
)
def test_a_first_step_reports_the_commitment_partly_done(sentence: str) -> None:
    assert _read(sentence) == (Relation.REPORTS_PARTLY, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council dropped its plan for a ferry link.",
        "The plan for a ferry link was dropped in January.",
        "The ferry link was axed in the budget.",
    ],
)
def test_a_dropped_plan_is_not_done(sentence: str) -> None:
    assert _read(sentence) == (Relation.REPORTS_NOT_DONE, None)


def test_shares_that_dropped_report_no_cancellation() -> None:
    assert _read("Shares in the ferry operator dropped 4% on Monday.") == (
        Relation.REPORTS_DONE,
        None,
    )


@pytest.mark.parametrize(
    "sentence",
    ["The new ferry rules are now in force.", "The booking site is now open to passengers."],
)
def test_now_in_force_reports_done(sentence: str) -> None:
    assert _read(sentence) == (Relation.REPORTS_DONE, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The office projects passenger numbers to grow by 3% by June 2024.",
        "Passenger numbers are forecast to grow by 3% by June 2024.",
    ],
)
def test_a_projection_restates(sentence: str) -> None:
    assert _read(sentence) == (Relation.RESTATES, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The first ferry was delivered today to Isle Lines, ten months behind schedule.",
        "The ferry made its first crossing on Monday, two years behind schedule.",
    ],
)
def test_a_step_done_late_is_done_and_slips_nothing(sentence: str) -> None:
    assert (_read(sentence), slips(sentence)) == ((Relation.REPORTS_DONE, None), False)


def test_a_programme_still_behind_schedule_slips() -> None:
    sentence = "The ferry programme is two years behind schedule."
    assert (_read(sentence), slips(sentence)) == ((Relation.MOVES_DEADLINE, None), True)
