"""extract(): lines a reader can use as they stand (actor — action · due), one test per defect
class of issue 10, on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate, Kind
from tracker.extract import extract
from tracker.extract.action import base_form

PUBLISHED = date(2025, 3, 3)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


class TestAction:
    def test_the_action_runs_to_the_clause_boundary_not_a_word_count(self) -> None:
        text = (
            "Acme Rail Works said it will supply the national operator with 179 new "
            "battery-electric commuter trains built at its plant in Derby over the next decade."
        )
        (c,) = found(text)
        assert c.action.endswith("built at its plant in Derby over the next decade")

    def test_no_dangling_function_word(self) -> None:
        text = "Acme will raise fares for commuters on all of its lines in the north by late May."
        (c,) = found(text)
        assert c.action.endswith("in the north by late May")

    def test_the_action_stops_before_a_new_clause(self) -> None:
        (c,) = found("Acme will open two depots in Leeds, while warning of delays elsewhere.")
        assert c.action == "open two depots in Leeds"

    def test_an_agentless_passive_keeps_what_is_done(self) -> None:
        text = "Acme opened its plant on Monday. 300 new jobs will be created at the site."
        (c,) = found(text)
        assert c.action == "300 new jobs will be created at the site"

    def test_a_thing_as_subject_stays_in_the_action(self) -> None:
        text = "Acme said the first flight is expected to take place in May."
        (c,) = found(text)
        assert c.action.startswith("the first flight is expected to take place in May")

    def test_a_passive_with_the_doer_named_is_turned_active(self) -> None:
        text = "The new engines will be built by Globex at its Ohio plant."
        (c,) = found(text)
        assert c.actors[0] == "Globex"
        assert c.action == "build the new engines at its Ohio plant"

    def test_the_actor_as_subject_is_not_repeated(self) -> None:
        (c,) = found("Globex said Globex would offer free upgrades to all users.")
        assert c.action == "offer free upgrades to all users"

    def test_agree_on_keeps_its_verb(self) -> None:
        (c,) = found("The ministers agreed on a joint plan to end coal imports.")
        assert c.action.startswith("agree on a joint plan")

    def test_an_agreement_in_the_object_does_not_cut_the_phrase(self) -> None:
        text = "Acme and Globex will open talks on a new, wider supply agreement to cut costs."
        (c,) = found(text)
        assert c.action == "open talks on a new, wider supply agreement to cut costs"

    def test_a_subject_is_judged_by_its_head_not_a_place_after_it(self) -> None:
        text = "Acme UK said that schools across the UK will benefit from cheaper power."
        (c,) = found(text)
        assert c.action == "schools across the UK will benefit from cheaper power"

    def test_an_expected_quantity_stays_in_the_action(self) -> None:
        (c,) = found("Jane Roe said she expected sales of the trains to exceed 250 units.")
        assert c.action == "sales of the trains to exceed 250 units"


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # the second of two verb phrases keeps the verb group of its subject
        (
            "The new fund aims to build economic resilience and create 300 jobs in the region.",
            [
                "The new fund aims to build economic resilience",
                "The new fund aims to create 300 jobs in the region",
            ],
        ),
        # a name quoted inside the clause does not end it
        (
            'Acme said the new law will be complemented by the launch of "Bus Hubs" in May.',
            ["the new law will be complemented by the launch of Bus Hubs in May"],
        ),
        # a closing attribution is no part of the action
        (
            "Acme will cut fares by a fifth next year, the rail company's chief executive said.",
            ["cut fares by a fifth next year"],
        ),
        # two verbs sharing one object are one act
        (
            "Acme Rail will use the fund to protect and improve the old branch lines.",
            ["use the fund to protect and improve the old branch lines"],
        ),
    ],
)
def test_whole_action_phrases(text: str, actions: list[str]) -> None:
    assert [c.action for c in found(text)] == actions


def test_base_forms_of_participles() -> None:
    pairs = {
        "created": "create",
        "shipped": "ship",
        "closed": "close",
        "delivered": "deliver",
        "reduced": "reduce",
        "discontinued": "discontinue",
        "sold": "sell",
        "built": "build",
        "required": "require",
        "installed": "install",
        "carried": "carry",
    }
    assert {p: base_form(p) for p in pairs} == pairs


class TestActor:
    def test_an_opener_stuck_to_a_name_is_dropped(self) -> None:
        text = "Globex makes phones. Today Globex is going to launch a new phone in London."
        assert [c.actors[0] for c in found(text)] == ["Globex"]

    def test_a_fragment_is_not_an_actor(self) -> None:
        text = (
            "Globex sells phones. Globex said a beta version of FaceTune, its video app, "
            "would be released next month."
        )
        (c,) = found(text)
        assert c.actors[0] == "Globex"

    def test_we_in_a_release_is_the_government_it_speaks_for(self) -> None:
        text = (
            "Ann Lee chairs the new housing board. The Government has set out its plan "
            "for renters. We will build 300,000 social homes by 2029."
        )
        (c,) = found(text)
        assert c.actors[0] == "the Government"

    def test_the_qualified_name_of_the_voice_is_preferred(self) -> None:
        text = (
            "The UK Government has backed the Leeds tram. The government will invest "
            "£2 billion in the line by 2030."
        )
        (c,) = found(text)
        assert c.actors[0] == "UK Government"

    def test_my_administration_is_the_statement_author(self) -> None:
        text = (
            "Statement from President Jane Roe on the Rail Act\n3 March 2025\n"
            "Acme Rail Works and Globex welcomed the law. Over the coming months, my "
            "Administration will continue to implement this historic law."
        )
        (c,) = found(text)
        assert c.actors[0] == "Jane Roe"

    def test_i_in_a_statement_is_its_author_not_a_group_named_nearby(self) -> None:
        text = (
            "Statement from President Jane Roe on the Jobs Report\n3 March 2025\n"
            "Unemployment is at a record low for Native Americans. I will stop those efforts "
            "to put our economy at risk."
        )
        (c,) = found(text)
        assert c.actors[0] == "Jane Roe"

    def test_a_role_is_the_person_the_text_names_and_the_role_stays(self) -> None:
        text = (
            "Transport Minister Jane Roe visited Leeds on Monday. The Transport Minister "
            "will open the new tram line in May 2027."
        )
        (c,) = found(text)
        assert c.actors[:2] == ("Jane Roe", "the Transport Minister")

    def test_a_title_joined_by_and_stays_one_role(self) -> None:
        text = "Business and Trade Secretary Jane Roe will set out the plan in a speech in Leeds."
        (c,) = found(text)
        assert c.actors == ("Jane Roe",)

    def test_the_state_that_lends_is_the_actor_not_the_borrower(self) -> None:
        (c,) = found("The state will lend Acme Rail Works $2bn to build the plant by 2028.")
        assert c.actors[0] == "the state"

    def test_a_plan_as_subject_is_carried_out_by_the_publisher(self) -> None:
        text = (
            "The Government has set out its transport plans. Rail Plan for Growth will "
            "rebuild 40 stations by 2030, building on work led by Chair Ann Lee."
        )
        (c,) = found(text)
        assert c.actors[0] == "the Government"

    def test_an_outcome_as_subject_is_forecast_by_the_publisher(self) -> None:
        text = (
            "The Commission published its forecast for the EU today. Growth is expected to "
            "reach 1.5% in 2026."
        )
        (c,) = found(text)
        assert c.actors[0] == "European Commission"

    def test_a_place_or_person_named_beside_a_thing_is_not_its_actor(self) -> None:
        text = (
            "The government has approved the tunnel. The longest railway tunnel ever built in "
            "Wales will open by 2031, building on work led by Chair Ann Lee."
        )
        (c,) = found(text)
        assert c.actors[0] == "the Government"

    def test_a_titled_thing_is_no_person(self) -> None:
        text = (
            "Prime Minister Jane Roe visited Leeds. Jane Roe launches the government’s "
            "10 Year Rail Plan to bring trains closer to home by 2030."
        )
        (c,) = found(text)
        assert c.actors[0] == "Jane Roe"

    def test_a_headline_verb_ends_the_subject(self) -> None:
        text = (
            "Prime Minister launches Rail Plan to reopen 40 stations\n3 March 2025\n"
            "Prime Minister Jane Roe visited Leeds on Monday."
        )
        (c,) = found(text)
        assert c.actors[:2] == ("Jane Roe", "the Prime Minister")

    def test_a_things_owner_acts_for_it(self) -> None:
        text = (
            "The government backs solar power. Acme Energy's first project will put solar "
            "panels on 200 schools by 2026."
        )
        (c,) = found(text)
        assert c.actors[0] == "Acme Energy"

    def test_a_readouts_leaders_are_both_people_it_names(self) -> None:
        text = (
            "Prime Minister Jane Roe met Chancellor Olaf Brandt in Leeds. "
            "The leaders agreed to deepen defence co-operation by next year."
        )
        (c,) = found(text)
        assert c.actors == ("Jane Roe", "Olaf Brandt")

    def test_they_after_a_meeting_of_leaders_are_the_leaders(self) -> None:
        text = (
            "The Prime Minister met President Ann Lee at Chequers. The two leaders discussed "
            "trade. They reiterated their commitment to providing support to Ukraine."
        )
        (c,) = found(text)
        assert c.actors == ("the Prime Minister", "Ann Lee")

    def test_he_is_who_said_it(self) -> None:
        text = (
            "The Prime Minister hosted Chancellor Olaf Brandt. The Prime Minister said he "
            "was committed to strengthening ties with Germany."
        )
        (c,) = found(text)
        assert c.actors[0] == "The Prime Minister"

    def test_it_after_a_thing_is_the_publishers_doing(self) -> None:
        text = (
            "The Commission welcomed the EU vote. The Data Act will create new rules for "
            "cloud firms by 2026. It will allow European citizens to switch providers by 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["European Commission"] * 2

    def test_the_giver_not_the_beneficiary(self) -> None:
        text = (
            "Passengers in Leeds will benefit from a revamped station by 2027, thanks to "
            "£77 million approved by Acme Rail Works."
        )
        (c,) = found(text)
        assert c.actors == ("Acme Rail Works",)

    def test_a_beneficiary_in_a_release_gets_it_from_the_government(self) -> None:
        text = (
            "The government has approved the station. Passengers in Leeds will benefit from "
            "faster trains by 2027."
        )
        (c,) = found(text)
        assert c.actors == ("the Government",)

    def test_an_event_named_beside_its_organisers_is_not_the_actor(self) -> None:
        text = "Organisers of the Games said the new stadium will open in Rotterdam in 2027."
        (c,) = found(text)
        assert c.actors[0] == "Organisers of the Games"

    def test_the_forecaster_of_an_outcome_is_the_actor(self) -> None:
        text = "Inflation will fall to 2% by the end of 2026, the Commission forecasts."
        (c,) = found(text)
        assert c.actors[0] == "the Commission"

    def test_a_role_before_an_appositive_name_gives_the_name(self) -> None:
        (c,) = found("The Transport Minister, Jane Roe, will open the new line in May 2027.")
        assert c.actors[0] == "Jane Roe"


class TestMissedKinds:
    def test_a_forecast_stated_as_a_figure(self) -> None:
        (c,) = found("The central bank projects growth at 5.2% this year.")
        assert (c.kind.value, c.deadline) == ("prediction", date(2025, 12, 31))

    def test_a_vote_is_a_decision_with_its_date(self) -> None:
        (c,) = found("The board voted to keep fares frozen until at least March 2026.")
        assert (c.kind.value, c.deadline) == ("plan", date(2026, 3, 31))
        assert c.action == "keep fares frozen until at least March 2026"

    def test_a_dated_deal_in_the_lead(self) -> None:
        (c,) = found("Ministers reached a deal to end coal imports by the end of 2028.")
        assert (c.kind.value, c.deadline) == ("agreement", date(2028, 12, 31))


class TestDueDates:
    def test_a_time_counted_from_now_is_that_day(self) -> None:
        (c,) = found("Acme will open the line three years from now.")
        assert c.deadline == date(2028, 3, 3)

    def test_within_a_decade(self) -> None:
        (c,) = found("Acme will build 40 stations within a decade.")
        assert c.deadline == date(2035, 3, 3)

    def test_an_elliptical_also_carries_the_previous_date(self) -> None:
        text = "Globex plans to cut costs by 2027. It also intends to sell its rail unit."
        first, second = found(text)
        assert second.deadline == first.deadline == date(2027, 12, 31)
        assert second.actors == first.actors

    def test_it_in_the_same_sentence_carries_the_date_of_what_it_stands_for(self) -> None:
        text = (
            "Speaking about the rail strategy, which will be published in June, the minister "
            "said it would set out new routes for freight."
        )
        first, second = found(text)
        assert second.deadline == first.deadline == date(2025, 6, 30)

    def test_it_in_the_next_sentence_keeps_no_date(self) -> None:
        text = "Acme will publish its rail strategy in June. It will set out new routes."
        assert [c.deadline for c in found(text)][1:] == [None]
        text = "Acme will publish its rail strategy in June, and it will set out new routes."
        assert [c.deadline for c in found(text)][1:] == [None]

    def test_two_dates_in_one_sentence_stay_apart(self) -> None:
        text = "Acme will hire 300 staff by June and open a second plant in 2027."
        assert [c.deadline for c in found(text)] == [date(2025, 6, 30), date(2027, 12, 31)]

    def test_a_today_that_dates_the_statement_is_not_the_deadline(self) -> None:
        (c,) = found("Acme announced today that it will cut 300 jobs.")
        assert c.deadline is None


class TestRepeats:
    def test_a_restatement_is_one_line_and_lends_its_deadline(self) -> None:
        text = (
            "Globex will close its Leeds and Derby depots. Unions met on Monday. "
            "Globex will close its Leeds and Derby depots by June, a spokesman said."
        )
        (c,) = found(text)
        assert c.deadline == date(2025, 6, 30)

    def test_different_commitments_of_one_actor_stay(self) -> None:
        text = "Globex will close its Leeds depot. Globex will open a new depot in Derby."
        assert len(found(text)) == 2

    def test_a_long_phrase_said_again_is_one_line_whoever_it_is_read_as(self) -> None:
        text = (
            "The Transport Secretary will set out how new rail lines will cut journey times "
            "across northern cities. Speaking in Leeds, Jane Roe will set out how new rail "
            "lines will cut journey times across northern cities."
        )
        assert len(found(text)) == 1

    def test_two_parties_doing_the_same_short_thing_are_two_lines(self) -> None:
        text = (
            "Britain will cut tariffs on steel and wine. India will cut tariffs on steel and wine."
        )
        assert [c.actors[0] for c in found(text)] == ["Britain", "India"]

    def test_a_split_forecast_with_two_dates_is_two_lines(self) -> None:
        text = (
            "Youth unemployment in the northern region is expected to fall from 6.1% in 2024 "
            "to 5.2% in 2026 and 4.8% in 2028."
        )
        dates = [c.deadline for c in found(text)]
        assert dates == [date(2026, 12, 31), date(2028, 12, 31)]


class TestKinds:
    def test_a_measure_set_to_move_is_a_forecast(self) -> None:
        (c,) = found("Acme said that its export demand is set to double in 2026.")
        assert c.kind == Kind.PREDICTION

    def test_a_measure_expected_to_move_is_a_forecast(self) -> None:
        text = "Acme opened a plant in Derby, with output expected to pick up in 2026."
        assert [c.kind for c in found(text)][-1:] == [Kind.PREDICTION]

    def test_an_actor_set_to_act_still_plans(self) -> None:
        (c,) = found("Acme is set to open a plant in Derby in 2026.")
        assert c.kind == Kind.PLAN
