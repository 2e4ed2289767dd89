"""extract(): an event named with a time still ahead is a plan of whoever it belongs to
(tracker/extract/named_events.py), on sentences written for the test."""

from __future__ import annotations

from datetime import date

from tracker.extract import extract
from tracker.extract.named_events import event_as_act

PUBLISHED = date(2025, 2, 2)


def lines(text: str) -> list[tuple[str, str, date | None]]:
    found = extract(text, published=PUBLISHED, source_url="https://www.gov.uk/x").commitments
    return [(c.actors[0], c.action, c.deadline) for c in found]


def test_a_possessed_event_with_a_time_ahead_is_its_owners_plan() -> None:
    text = "PM call\n2 February 2025\nThey discussed the Prime Minister’s visit to Paris tomorrow."
    assert lines(text) == [("Prime Minister", "visit Paris", date(2025, 2, 3))]


def test_an_unowned_event_is_the_publishers() -> None:
    text = (
        "Post Office\n2 February 2025\nOptions follow the publication of the final inquiry "
        "report later this year."
    )
    assert lines(text) == [
        ("UK Government", "publish the final inquiry report", date(2025, 12, 31))
    ]


def test_an_event_that_is_a_clauses_subject_or_has_no_time_is_no_line_of_its_own() -> None:
    text = (
        "Terminal\n2 February 2025\nThe opening of the new terminal next spring will double "
        "capacity. They discussed the visit of the minister."
    )
    assert [action for _, action, _ in lines(text)] == [
        "The opening of the new terminal next spring will double capacity"
    ]


def test_event_nouns_read_as_acts() -> None:
    assert event_as_act("the signing of the treaty in May") == "sign the treaty"
    assert event_as_act("the summit in May") is None
