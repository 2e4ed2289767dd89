"""extract(): commitments as modern press releases word them (session 5, recall): a signed
memorandum, a schedule in a participle, a contracted progressive dated ahead, what a deal or a
plan will deliver, a party taking a role. Sentences written for the test."""

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


class TestSignedInstruments:
    @pytest.mark.parametrize(
        "text",
        [
            "The ministry and Delta Foundries have signed a memorandum of understanding to "
            "build a plant in Leeds.",
            "The agency signed a preliminary memorandum of terms (PMT) with Orbex to provide "
            "up to $2 billion in grants.",
            "Today the Department of Energy announced a $300 million Clean Fuels Act "
            "preliminary agreement with Barco Labs to manufacture wafers.",
        ],
    )
    def test_a_memorandum_or_a_deal_with_a_party_is_an_agreement(self, text: str) -> None:
        assert kinds(text) == ["agreement"]

    def test_today_before_a_named_announcer_dates_the_statement(self) -> None:
        text = "Today the Trade Office announced a deal with Norvik Steel to build a mill."
        assert [c.deadline for c in found(text)] == [None]


class TestSchedules:
    def test_a_participle_schedule_with_a_range_is_a_plan(self) -> None:
        text = "The council revealed plans for its first Skills Fair, scheduled from May 5 to 11."
        assert [(c.kind.value, c.deadline) for c in found(text)] == [("plan", date(2025, 5, 11))]

    def test_a_contracted_progressive_dated_ahead_is_a_plan(self) -> None:
        text = "Tomorrow at Leeds Town Hall, we’re opening our new skills centre."
        assert [(c.kind.value, c.deadline) for c in found(text)] == [("plan", date(2025, 3, 5))]

    def test_a_possessive_is_no_contracted_be(self) -> None:
        assert found("The museum’s opening hours on Monday are nine to five.") == []


class TestWhatAMeasureDelivers:
    def test_a_deal_that_will_deliver_is_its_makers_plan(self) -> None:
        text = (
            "The minister signed off a £9bn deal for the Tees barrage that will power "
            "200,000 homes and support 3,000 jobs during construction."
        )
        assert kinds(text) == ["plan", "plan"]

    def test_a_verb_deal_is_no_deal(self) -> None:
        assert found("We must deal with the pressures that will bring.") == []

    def test_a_participle_outcome_follows_a_new_measure(self) -> None:
        assert kinds("Acme announced a £50m expansion of its Leeds plant, creating 200 jobs.") == [
            "plan"
        ]
        assert found("The plant opened in 2003, creating 500 jobs.") == []

    def test_a_plan_that_will_include_a_step_is_a_plan(self) -> None:
        assert kinds("Our strategy will include opening forty new clinics.") == ["plan"]

    def test_a_measure_named_with_commas_keeps_its_head(self) -> None:
        text = "The creation of a new, independent and permanent regulator will ensure fair fees."
        assert kinds(text) == ["plan"]

    def test_a_party_taking_a_role_is_a_plan(self) -> None:
        text = "The council will become the majority shareholder of the new bus company."
        assert kinds(text) == ["plan"]

    @pytest.mark.parametrize(
        "text",
        [
            "The region will become the largest producer of hops in Europe.",
            "Demand will become stronger as the weather cools.",
        ],
    )
    def test_becoming_something_else_is_a_forecast_nobody_makes(self, text: str) -> None:
        assert found(text) == []


class TestMoneyBeingCommitted:
    def test_a_progressive_of_money_put_in_is_a_plan(self) -> None:
        text = "That’s why Kent County Council is investing £30 million in new cycle lanes."
        assert [(c.kind.value, c.actors[:1]) for c in found(text)] == [
            ("plan", ("Kent County Council",))
        ]

    def test_a_progressive_without_a_sum_is_no_commitment(self) -> None:
        assert found("The county is investing heavily in its staff.") == []
