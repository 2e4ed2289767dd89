"""Named holidays: Easter's computus, n-th weekday holidays, and holiday expressions in text."""

from datetime import date

import pytest

from tracker.timex import find_timexes
from tracker.timex.holidays import easter, holiday_date


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, date(2000, 4, 23)),
        (2001, date(2001, 4, 15)),
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
    ],
)
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Election Day", 1998, date(1998, 11, 3)),
        ("Election Day", 2000, date(2000, 11, 7)),
        ("Labor Day", 2019, date(2019, 9, 2)),
        ("Memorial Day", 2000, date(2000, 5, 29)),
        ("Good Friday", 2001, date(2001, 4, 13)),
        ("Independence Day", 2010, date(2010, 7, 4)),
    ],
)
def test_holiday_date(name: str, year: int, expected: date) -> None:
    assert holiday_date(name, year) == expected


@pytest.mark.parametrize(
    ("sentence", "ref", "expected"),
    [
        (
            "Protesters prayed as Easter week began.",
            date(2000, 4, 17),
            [("Easter week", "DATE", "2000-W16")],
        ),
        (
            "The issue will dominate the campaign until Election Day.",
            date(1998, 10, 26),
            [("Election Day", "DATE", "1998-11-03")],
        ),
        (  # a Monday holiday's weekend is the one before it
            "Traffic peaked over the Memorial Day weekend.",
            date(2000, 6, 1),
            [("Memorial Day weekend", "DATE", "2000-W21-WE")],
        ),
        ("Sales rose at Christmas.", date(2007, 1, 18), [("Christmas", "DATE", "2006-12-25")]),
        (
            "Good Friday 2001 was quiet.",
            date(2009, 1, 1),
            [("Good Friday 2001", "DATE", "2001-04-13")],
        ),
        ("They sailed to Easter Island on China Eastern Airlines.", date(2009, 1, 1), []),
    ],
)
def test_holidays_in_text(sentence: str, ref: date, expected: list[tuple[str, str, str]]) -> None:
    found = [(t.text, t.type.value, t.value) for t in find_timexes(sentence, ref=ref)]
    assert found == expected
