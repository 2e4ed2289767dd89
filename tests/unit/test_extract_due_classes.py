"""extract(): classes of dates that are not a commitment's deadline (the statement's own day,
a relative clause's time, a plan's span, a past meeting) and periods counted from their own
start; classes of restatement and of action. Sentences written for the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import Candidate, DueBasis
from tracker.extract import extract
from tracker.extract.restate import summary_end

WEDNESDAY = date(2025, 7, 16)


def found(text: str, *, published: date = WEDNESDAY) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


def test_a_date_apposed_to_the_statement_day_dates_the_statement() -> None:
    [c] = found(
        "Announced today (Wednesday 16 July), the 40 councils will receive a share of "
        "£3 million in funding, the minister said."
    )
    assert c.due_basis == DueBasis.DEFAULT


def test_the_time_of_a_relative_clause_dates_its_noun() -> None:
    [c] = found(
        "Acme said the app will support the new payment service, which goes live on 1 August."
    )
    assert c.due_basis == DueBasis.DEFAULT


def test_over_three_years_lasts_from_the_statement() -> None:
    [c] = found("The council said it will invest £20 million over three years in new cycle lanes.")
    assert c.deadline == date(2028, 7, 16)


def test_a_term_counts_from_its_first_day() -> None:
    [c] = found(
        "The minister said Jane Smith will serve as chair for a 5 year term from 18 July 2025."
    )
    assert (c.deadline, c.deadline_value) == (date(2030, 7, 17), "2030-07-17")


def test_a_plan_for_the_next_years_is_no_deadline() -> None:
    [c] = found(
        "The minister said the funding will support the reforms under the Growth Plan, the "
        "country's reform plan for the next four years."
    )
    assert c.due_basis == DueBasis.DEFAULT


def test_a_meeting_already_held_is_not_next_year() -> None:
    [c] = found(
        "The minister said the UK will send more aid, following talks in Paris on 14 July."
    )
    assert c.due_basis == DueBasis.DEFAULT
    assert "following" not in c.action


def test_a_scheduled_thing_is_named_not_just_its_time() -> None:
    [c] = found(
        "The name change is pending approval by shareholders at the next meeting, scheduled "
        "for autumn 2025."
    )
    assert c.action == "the next meeting, scheduled for autumn 2025"
    [c] = found("The minister revealed plans for the first Cycling Week, scheduled for 5 October.")
    assert " ," not in c.action


def test_the_summary_ends_at_its_last_bullet() -> None:
    text = (
        "Ministers to build 40 new schools\n16 July 2025\n"
        "Ministers will build 40 new schools across the north of England.\n"
        "Schools to open to pupils across the north of England by 2028\n"
        "The Education Secretary said the government will build 40 new schools.\n"
    )
    assert text[summary_end(text) - 4 : summary_end(text)] == "2028"


def test_the_body_restating_the_summary_in_other_figures_is_one_line() -> None:
    text = (
        "Plant gets go-ahead\n16 July 2025\n"
        "Acme will build the new plant to power six million homes and support 900 jobs\n"
        "Acme's board chose a site near the river after a long review of the options\n"
        "The company said the new plant will power 6 million homes and support 900 jobs.\n"
    )
    lines = [c for c in found(text) if "homes" in c.action]
    assert len(lines) == 1


def test_a_headline_present_tense_dates_the_statement_not_the_work() -> None:
    text = (
        "Minister visits Leeds today to open a hospital wing which will treat 5,000 patients\n"
        "16 July 2025\nThe minister said more hospitals will follow.\n"
    )
    assert all(c.due_basis == DueBasis.DEFAULT for c in found(text))


def test_sets_out_how_it_will_takes_the_question_s_own_time() -> None:
    text = (
        "Health Secretary sets out today how the NHS will cut waiting lists by 2029\n"
        "16 July 2025\nThe Health Secretary said hospitals will get new scanners.\n"
    )
    first = found(text)[0]
    assert (first.action, first.deadline) == ("cut waiting lists by 2029", date(2029, 12, 31))
