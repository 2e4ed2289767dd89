"""Forecasts met by quantity and year, annotators' remarks left out of an action, compounds
and figures read as words; sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.forecast import forecast_of
from tracker.links.names import name_runs
from tracker.links.words import content_stems, without_notes

_ACTION = "harbour-area unemployment falls to 4.2% in 2024"


@pytest.mark.parametrize(
    ("sentence", "met"),
    [
        ("Unemployment in the harbour area is now projected to fall to 4.6% in 2024.", True),
        ("Unemployment in the harbour area is now projected to fall to 4.6% in 2025.", False),
        ("Wages in the harbour area are projected to rise by 4.6% in 2024.", False),
        ("Unemployment in the harbour area is expected to fall in 2024.", False),
    ],
)
def test_a_forecast_is_met_by_the_same_quantity_and_year(sentence: str, met: bool) -> None:
    assert forecast_of(_ACTION, deadline=None).met_by(sentence) is met


def test_a_forecast_without_a_year_is_for_its_deadline_year() -> None:
    found = forecast_of("exports grow by 30%", deadline=date(2030, 12, 31))
    assert found.met_by("Its exports market is projected to grow by 12% by 2030.") is True


def test_an_action_without_a_figure_forecasts_nothing() -> None:
    assert (
        forecast_of("unemployment falls in 2024", deadline=None).met_by(
            "Unemployment is projected to fall to 4.6% in 2024."
        )
        is False
    )


def test_a_later_forecast_for_the_same_year_restates() -> None:
    item = Tracked(
        0, ("Harbour Statistics Office",), _ACTION, "unemployment is set to fall to 4.2% in 2024",
        deadline=date(2024, 12, 31), published=date(2023, 5, 1),
    )  # fmt: skip
    text = (
        "Harbour Statistics Office autumn outlook\n"
        "The Harbour Statistics Office published its outlook today. "
        "Unemployment in the harbour area is now projected to fall to 4.6% in 2024."
    )
    found = find_links(text, [item], published=date(2023, 11, 1))
    assert [(f.relation, f.quote[:12]) for f in found] == [(Relation.RESTATES, "Unemployment")]


@pytest.mark.parametrize(
    ("action", "plain"),
    [
        ("prices rise 2% (restating item 3 with a figure) in 2024", "prices rise 2% in 2024"),
        ("open the bridge (see item 2)", "open the bridge"),
        ("deliver the first ferry (to Isle Lines)", "deliver the first ferry (to Isle Lines)"),
    ],
)
def test_an_annotators_remark_is_left_out_of_the_action(action: str, plain: str) -> None:
    assert without_notes(action) == plain


def test_a_lower_case_compound_is_read_as_its_words() -> None:
    assert {"euro", "area"} <= content_stems("euro-area inflation")
    assert "eu-uk" in content_stems("the UK-EU summit")


def test_growth_meets_grow() -> None:
    assert content_stems("growth") == content_stems("grows")


def test_a_percentage_or_a_year_is_no_name() -> None:
    assert name_runs("real GDP grows 1.1% in 2025") == [frozenset({"gdp"})]
    assert frozenset({"1.5"}) in name_runs("build 1.5 million homes")
