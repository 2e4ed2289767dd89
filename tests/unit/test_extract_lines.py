"""extract(): lines a reader can use as they stand (actor — action · due), one test per defect
class of issue 10, on sentences written for the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import Candidate
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

    def test_an_expected_quantity_stays_in_the_action(self) -> None:
        (c,) = found("Jane Roe said she expected sales of the trains to exceed 250 units.")
        assert c.action == "sales of the trains to exceed 250 units"


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
