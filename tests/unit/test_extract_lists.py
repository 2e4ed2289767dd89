"""extract(): the items of a list a release introduces with a colon are its measures or
forecasts (tracker/extract/lists.py), on texts written for the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import DueBasis, Kind
from tracker.extract import extract
from tracker.extract.sites import voice_on_site

PUBLISHED = date(2025, 3, 3)
SITE = "https://www.gov.scot/news/x"


def lines(text: str) -> list[tuple[str, str, Kind]]:
    found = extract(text, published=PUBLISHED, source_url=SITE).commitments
    return [(c.actors[0] if c.actors else "", c.quote, c.kind) for c in found]


def test_each_item_after_a_measures_lead_in_is_a_plan_of_the_publisher() -> None:
    text = (
        "Energy plan published\n3 March 2025\nA route map for the energy sector has been "
        "published.\nKey policy proposals published for consultation include:\n"
        "an ambition for 5 GW of hydrogen power by 2030, and 25 GW by 2045\n"
        "increasing contributions of solar and marine energy to the energy mix;\n"
        "The consultation runs for twelve weeks.\n"
    )
    found = lines(text)
    assert [q for _, q, _ in found] == [
        "an ambition for 5 GW of hydrogen power by 2030, and 25 GW by 2045",
        "increasing contributions of solar and marine energy to the energy mix",
    ]
    assert {(a, k) for a, _, k in found} == {("Scottish Government", Kind.PLAN)}
    first = extract(text, published=PUBLISHED, source_url=SITE).commitments[0]
    assert (first.deadline, first.due_basis) == (date(2030, 12, 31), DueBasis.DEADLINE)


def test_a_projections_lead_in_makes_its_items_forecasts() -> None:
    text = (
        "Outlook\n3 March 2025\nIn the office's economic projections for the period:\n"
        "Economic growth cools in 2025 and 2026 and then averages 1.8 percent a year;\n"
        "Inflation reaches 2 percent by 2027; and\n"
        "The central bank lowers its rate in 2025.\n"
        "The office publishes its report in June.\n"
    )
    found = lines(text)
    assert [k for _, _, k in found] == [Kind.PREDICTION] * 3
    assert found[1][1] == "Inflation reaches 2 percent by 2027"


def test_achievements_speakers_and_labelled_figures_are_no_lists() -> None:
    text = (
        "Results\n3 March 2025\nKey achievements to date include:\n"
        "opening 12 new clinics across the region\n"
        "Health Minister Jane Roe said:\n"
        "a new era for patients and staff\n"
        "The top three disciplines will be:\n"
        "Life sciences: 20.93%\n"
    )
    assert lines(text) == []


def test_a_site_speaks_over_another_sites_institution_named_in_its_text() -> None:
    assert voice_on_site("UK Government", "Scottish Government") == "Scottish Government"
    assert voice_on_site("Department for Transport", "UK Government") == "Department for Transport"
    assert voice_on_site(None, "UK Government") == "UK Government"
    assert voice_on_site("the Government", None) == "the Government"
