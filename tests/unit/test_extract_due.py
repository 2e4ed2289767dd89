"""extract(): due dates of today's news (issue 10), one test per case, on sentences written
for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate, DueBasis
from tracker.extract import extract

PUBLISHED = date(2025, 3, 4)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


def deadline_of(text: str) -> tuple[date | None, str | None]:
    [c] = found(text)
    return c.deadline, c.deadline_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counted from publication, to the day
        ("The council will finish the bridge within a decade.", (date(2035, 3, 4), "P10Y")),
        (
            "The tunnel will bring £10bn into the region over the next decade.",
            (date(2035, 3, 4), "P10Y"),
        ),
        (
            "Acme will invest £2bn in its plants over the next two years.",
            (date(2027, 3, 4), "P2Y"),
        ),
        ("Acme will invest £2bn in its plants over the coming year.", (date(2026, 3, 4), "P1Y")),
        # a part of a year is due by the year's end; a season ends with its meteorological end
        ("The council will publish the plan in early 2026.", (date(2026, 12, 31), "2026")),
        ("The new station will open in Autumn 2025.", (date(2025, 11, 30), "2025-FA")),
        # the quarter a deadline ends is the current one, not the last one reported
        (
            "The bank will review its rates by the end of the quarter.",
            (date(2025, 3, 31), "2025-Q1"),
        ),
        # a hyphenated span of the work itself runs from the statement
        (
            "Acme Health will set out a ten-year mission to cut waiting lists.",
            (date(2035, 3, 4), "P10Y"),
        ),
        ("Acme Rail will launch an 8-week consultation on fares.", (date(2025, 4, 29), "P8W")),
        # "today (3 July 2025)": the day the text spells out
        (
            "Keir Starmer will set out today (3 July 2025) his plan.",
            (date(2025, 7, 3), "2025-07-03"),
        ),
    ],
)
def test_deadline(text: str, expected: tuple[date, str]) -> None:
    assert deadline_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Acme Rail will keep fares frozen from April.",  # a start, not a deadline
        "Postmasters will shape the network for the first time in 15 years.",  # looks back
        "Acme will hire 300 staff through a partnership launched today.",  # when it is said
        "Acme will hire 300 staff, the company said today.",
        "Carers will be able to apply for up to 20 hours of respite care.",  # an amount
        "Today’s sanctions will cut the regime’s oil income.",  # the statement's own day
        "The council said it will double its bus fleet, after fares rose by half in two years.",
        "Acme will build on the record set in the 2025 Rail Awards for its depots.",
        # the day of a statement, said before its past-tense verb
        "The Ministry of Transport today made £3 billion available to build new rail depots.",
        "The agency has today (Tuesday 4 March) made £5m available to build 30 depots.",
        # the time of an embedded question's own clause
        "The board will explain how the new plant will double its output in 2027.",
        # a span that measures no work
        "Acme said prices will stay at a five-year high.",
    ],
)
def test_no_deadline(text: str) -> None:
    [c] = found(text)
    assert (c.deadline, c.due_basis) == (None, DueBasis.DEFAULT)


def test_what_resumes_from_a_day_is_done_that_day() -> None:
    assert deadline_of("Special services will continue from October 28.")[0] == date(2025, 10, 28)


def test_today_with_a_future_verb_is_the_deadline() -> None:
    assert deadline_of("Acme will sign the contract today.") == (PUBLISHED, "2025-03-04")


def test_an_event_dated_elsewhere_in_the_text_dates_a_deadline_before_it() -> None:
    text = (
        "The 2026 World Cup starts on 11 June 2026 in Mexico City. "
        "Acme Build will finish the stadium before the World Cup."
    )
    [c] = found(text)
    assert (c.deadline, c.deadline_text) == (date(2026, 6, 11), "11 June 2026")


def test_an_undated_event_is_no_deadline() -> None:
    [c] = found("Acme Build will finish the stadium before the World Cup.")
    assert (c.deadline, c.due_basis) == (None, DueBasis.DEFAULT)


def test_a_new_statement_with_also_keeps_no_earlier_date() -> None:
    text = (
        "Acme Rail will open three stations in June. "
        "The mayor also announced today the creation of a panel to review bus fares."
    )
    assert [c.deadline for c in found(text)] == [date(2025, 6, 30), None]
