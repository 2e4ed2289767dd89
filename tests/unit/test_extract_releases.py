"""extract(): what a press release sets in motion in the past or present tense (issue 10):
contracts let, money made available, offers open to applicants, targets raised, dated
postponements, standfirst phrases; and background clauses that commit nobody. Sentences
written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate
from tracker.extract import extract

PUBLISHED = date(2025, 3, 4)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


def kinds(text: str) -> list[str]:
    return [c.kind.value for c in found(text)]


class TestAnnouncedInThePast:
    def test_a_party_selected_to_do_a_job_is_a_contract(self) -> None:
        text = "The space agency has selected Orbital Works Ltd. of Denver to build the lander."
        assert kinds(text) == ["agreement"]

    @pytest.mark.parametrize(
        "text",
        [
            "The Transport Ministry today made £40 million available to fund new bus lanes.",
            "The water agency is making $2 billion available for flood defences.",
        ],
    )
    def test_money_made_available_is_a_plan(self, text: str) -> None:
        assert kinds(text) == ["plan"]

    @pytest.mark.parametrize(
        "text",
        [
            "The Mayor today announced more than £50 million in new private sector commitments.",
            "The Minister also announced today the establishment of a panel on school meals.",
        ],
    )
    def test_money_or_a_body_announced_today_is_a_plan(self, text: str) -> None:
        assert kinds(text) == ["plan"]

    def test_a_total_announced_over_the_years_is_background(self) -> None:
        text = "Since 2021 the Ministry has announced £9 billion in road funding in the region."
        assert found(text) == []

    def test_a_raised_target_is_a_plan(self) -> None:
        assert kinds("The regional government tripled its tree-planting target.") == ["plan"]


class TestOffers:
    @pytest.mark.parametrize(
        "text",
        [
            "Small firms can now apply to a £5 million fund to upgrade their machinery.",
            "Carers can apply for up to 20 hours of paid respite care.",
            "The 2026 grant round is now open for applications.",
        ],
    )
    def test_an_offer_open_now_is_a_plan(self, text: str) -> None:
        assert kinds(text) == ["plan"]

    def test_a_rule_that_can_apply_to_someone_is_no_offer(self) -> None:
        assert found("These limits can apply to small firms as well.") == []


class TestPostponements:
    def test_a_dated_postponement_is_a_plan_with_its_date(self) -> None:
        [c] = found("The fare rise is postponed until March 2026.")
        assert (c.kind.value, c.deadline) == ("plan", date(2026, 3, 31))

    def test_an_undated_postponement_is_none(self) -> None:
        assert found("The final match was postponed because of heavy rain.") == []


class TestStandfirsts:
    def test_a_bare_phrase_to_be_done_opening_a_line(self) -> None:
        text = (
            "Chemicals ban announced\n4 March 2025\n"
            "Nine more dangerous chemicals to be banned from sale, following an expert review.\n"
            "The ban follows years of campaigning."
        )
        assert [c.quote[:40] for c in found(text)] == ["Nine more dangerous chemicals to be bann"]

    def test_a_phrase_to_be_done_inside_a_sentence_is_not_one(self) -> None:
        text = "He said that the money to be spent was far too little for the region."
        assert found(text) == []


class TestBackgroundIsNoCommitment:
    @pytest.mark.parametrize(
        "text",
        [
            "Working closely with our neighbours will be even more vital next year.",
            "This will build on the progress of recent years, Minister Jane Doe said.",
            "As part of the Agency's commitment to cleaner air, it published a draft guide.",
        ],
    )
    def test_a_judgement_or_a_background_pledge(self, text: str) -> None:
        assert found(text) == []

    def test_a_new_pledge_is_still_one(self) -> None:
        assert kinds("The Agency announced its commitment to plant a million trees.") == [
            "promise"
        ]


class TestSecondActs:
    def test_a_promise_made_while_acting_is_its_own_line(self) -> None:
        text = (
            "The regional government tripled its tree-planting target while promising new parks."
        )
        assert [(c.kind.value, c.quote) for c in found(text)] == [
            ("plan", "The regional government tripled its tree-planting target"),
            ("promise", "promising new parks"),
        ]

    def test_a_promising_thing_is_no_promise(self) -> None:
        assert found("Doctors tested a promising new drug in the trial last year.") == []

    def test_an_agreement_reached_on_a_matter_is_a_deal(self) -> None:
        text = (
            "The two Prime Ministers confirm that they have reached an agreement on the islands."
        )
        assert kinds(text) == ["agreement"]


class TestMeasuresCarriedOut:
    @pytest.mark.parametrize(
        "text",
        [
            "The £20 million investment will deliver a new regional data centre.",
            "The new labelling rules will come into force from June, as planned.",
            "The introduction of a shorter waiting list will make sure patients are seen sooner.",
        ],
    )
    def test_a_measure_that_will_deliver_is_its_owners_plan(self, text: str) -> None:
        assert kinds(text) == ["plan"]

    @pytest.mark.parametrize("text", ["The economy will deliver growth.", "Prices will rise."])
    def test_an_outcome_nobody_controls_is_still_no_line(self, text: str) -> None:
        assert found(text) == []


class TestCountedPurposes:
    def test_a_measures_counted_purpose_is_its_owners_plan(self) -> None:
        text = "Harlow Foods’ £40 million investment to create more than 900 jobs is welcome news."
        [c] = found(text)
        assert (c.kind.value, c.action) == ("plan", "create more than 900 jobs")

    @pytest.mark.parametrize(
        "text",
        [
            "The union went to court to save 300 jobs.",  # no measure: a past errand
            "The firm hired advisers to cut 40 stores.",  # past, and no measure before "to"
        ],
    )
    def test_a_counted_purpose_without_a_measure_is_no_line(self, text: str) -> None:
        assert found(text) == []
