"""parse_deadline: typed deadlines → (last day allowed, TIMEX3 value); impossible dates → None."""

from datetime import date

import pytest

from tracker.deadlines import parse_deadline, parse_explicit_date

REF = date(2019, 3, 3)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by the end of next year", (date(2020, 12, 31), "2020-12")),
        ("by the end of the year", (date(2019, 12, 31), "2019-12")),
        ("2020-05-01", (date(2020, 5, 1), "2020-05-01")),
        ("31/12/2027", (date(2027, 12, 31), "2027-12-31")),
        ("31.12.2027", (date(2027, 12, 31), "2027-12-31")),
        ("next March", (date(2020, 3, 31), "2020-03")),
        ("in 3 months", (date(2019, 6, 3), "P3M")),
        ("within six months", (date(2019, 9, 3), "P6M")),
        ("by 2012", (date(2012, 12, 31), "2012")),
        ("December 2019", (date(2019, 12, 31), "2019-12")),
        ("next month", (date(2019, 4, 30), "2019-04")),
        ("next year", (date(2020, 12, 31), "2020")),
        ("by Q3", (date(2019, 9, 30), "2019-Q3")),
        ("by summer", (date(2019, 8, 31), "2019-SU")),
        ("next spring", (date(2020, 5, 31), "2020-SP")),
        ("by mid-2020", (date(2020, 6, 30), "2020-06")),
        ("by year-end", (date(2019, 12, 31), "2019-12")),
        ("the second half of the year", (date(2019, 12, 31), "2019-H2")),
        ("Friday", (date(2019, 3, 8), "2019-03-08")),
        ("by May", (date(2019, 5, 31), "2019-05")),
        ("Dec 1", (date(2019, 12, 1), "2019-12-01")),
        ("Jan 5", (date(2020, 1, 5), "2020-01-05")),
        ("tomorrow", (date(2019, 3, 4), "2019-03-04")),
        ("Fri", (date(2019, 3, 8), "2019-03-08")),  # dateparser's reading
        ("by the 15th", (date(2019, 3, 15), "2019-03-15")),  # dateparser's reading
        ("2019-02-30", None),
        ("31/13/2020", None),
        ("soon", None),
        ("before the election", None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_deadline(text: str, expected: tuple[date, str] | None) -> None:
    assert parse_deadline(text, ref=REF) == expected


@pytest.mark.parametrize("text", ["6PM UTC-4", "11PM UTC-4", "2PM UTC-4"])
def test_time_with_zone_keeps_its_day_dateparser_403(text: str) -> None:
    """dateparser #403: a zone plus PREFER_DATES_FROM=future used to skip to the next day."""
    assert parse_explicit_date(text, ref=date(2018, 3, 27)) == (date(2018, 3, 27), "2018-03-27")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 2019", (date(2019, 12, 31), "2019-12")),
        ("2021", (date(2021, 12, 31), "2021")),
        ("not a date at all", None),
    ],
)
def test_parse_explicit_date(text: str, expected: tuple[date, str] | None) -> None:
    assert parse_explicit_date(text, ref=REF) == expected


def test_importing_deadlines_does_not_import_dateparser() -> None:
    import subprocess
    import sys

    code = "import sys, tracker.deadlines; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
