"""Publication date found in an article's own text."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.published import find_published, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Title\nBody text here.\n(By Joshua Spurlock,, March 3, 2019)\nWhat do you think?",
            date(2019, 3, 3),
        ),
        ("Mary Barra appointed\nDecember 10, 2013\nGM named her today.", date(2013, 12, 10)),
        ("Headline\nBy Jane Doe | Jan. 5, 2020 at 10:30 a.m. EST\nText.", date(2020, 1, 5)),
        ("Headline\nPublished: 2021-07-04\nText.", date(2021, 7, 4)),
        ("Headline\nTuesday 4 June 2019\nText.", date(2019, 6, 4)),
        ("LONDON, March 3, 2019 (Reuters) - Shares fell.", date(2019, 3, 3)),
        ("Headline\nSept. 9, 2019\nText.", date(2019, 9, 9)),
    ],
)
def test_found(text: str, expected: date) -> None:
    assert find_published(text) == expected


def test_date_inside_body_sentence_is_not_publication() -> None:
    text = "Headline\nAkerson plans to stand down on January 15, 2014 after the vote in the board."
    assert find_published(text) is None


def test_yearless_dateline_takes_year_from_reference() -> None:
    text = "WASHINGTON, March 3 (Reuters) - The Fed said it would wait."
    assert find_published(text, ref=date(2019, 3, 5)) == date(2019, 3, 3)
    assert find_published(text, ref=date(2019, 1, 5)) == date(2018, 3, 3)
    assert find_published(text) is None


def test_yearless_dateline_skips_a_year_without_that_day() -> None:
    text = "WASHINGTON, Feb 29 (Reuters) - The Fed said it would wait."
    assert find_published(text, ref=date(2021, 3, 5)) == date(2020, 2, 29)


def test_nothing_found() -> None:
    assert find_published("Just a line.\nAnother line without any date.") is None


def test_impossible_date_is_rejected() -> None:
    assert parse_date("February 30, 2019") is None
