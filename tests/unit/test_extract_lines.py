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
