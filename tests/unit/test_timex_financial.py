"""Financial years (tracker/timex/financial.py): a year written across two calendar years ends on
31 March of the second; a name ("the 2023-24 funding round") or a span of calendar years is no
financial year; a US "current fiscal year" stays a year."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.timex import find_timexes

REF = date(2025, 1, 10)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, ref=REF)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The money will be spent in 2025-26.", [("2025-26", "2026-03-31")]),
        ("Funding for 2024/25 is set.", [("2024/25", "2025-03-31")]),
        ("It runs in the 2025-26 financial year.", [("2025-26", "2026-03-31")]),
        (
            "It ends in financial year 2026-2027.",
            [("financial year 2026-2027", "2027-03-31")],
        ),
        ("It opens in the next financial year.", [("the next financial year", "2026-03-31")]),
        ("It opens this financial year.", [("this financial year", "2025-03-31")]),
    ],
)
def test_financial_years_end_on_31_march(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 2023-24 funding round is open.",  # a name
        "Forecasts for 2025-2026 are out.",  # two calendar years
        "Growth in 2024-2030 will slow.",
        "Prices rose in 1990-95.",
    ],
)
def test_names_and_spans_are_no_financial_years(text: str) -> None:
    assert all(not v.endswith("-03-31") for _, v in values(text))


def test_a_us_current_fiscal_year_stays_a_year() -> None:
    found = find_timexes("Sales in the current fiscal year will rise.", ref=date(1989, 10, 30))
    assert [t.value for t in found] == ["1989"]


def test_a_measure_in_a_financial_year_falls_due_at_its_end() -> None:
    text = "The Department will spend £57 million on family hubs in 2025-26."
    found = extract(text, published=REF).commitments
    assert [c.deadline for c in found] == [date(2026, 3, 31)]
