"""The institution an official site speaks for (tracker/extract/sites.py), and extract() taking
it as a release's voice where the text names none."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.extract.sites import site_voice

RELEASE = (
    "Safe accommodation funding confirmed\n"
    "12 December 2022\n"
    "£257 million will be handed to councils across England to make sure refuges are "
    "available to victims.\n"
)


@pytest.mark.parametrize(
    ("url", "voice"),
    [
        ("https://www.gov.uk/government/news/funding", "UK Government"),
        ("gov.uk/government/news/funding", "UK Government"),
        ("https://www.northernireland.gov.uk/news/x", "Northern Ireland Executive"),
        ("https://www.infrastructure-ni.gov.uk/news/x", "Northern Ireland Executive"),
        ("https://ec.europa.eu/commission/presscorner/detail/en/ip_24_1", "European Commission"),
        ("https://WWW.Canada.CA./en/news", "Government of Canada"),
        ("https://home.treasury.gov/news/press-releases", "U.S. Department of the Treasury"),
        ("https://www.beehive.govt.nz/release/x", "New Zealand Government"),
    ],
)
def test_official_sites_name_their_institution(url: str, voice: str) -> None:
    assert site_voice(url) == voice


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://www.manchester.gov.uk/news",  # a council's *.gov.uk site, not GOV.UK
        "https://www.ukpol.co.uk/gov.uk/news",  # a mirror: the path names no site
        "https://evil.example/?u=www.gov.uk",
        "https://gov.uk.evil.example/",
        "http://[::1",
        "javascript:alert(1)",
        "https://www.gov.uk/" + "a" * 5000,
        "https://en.wikinews.org/wiki/x",
    ],
)
def test_other_or_broken_addresses_name_no_one(url: str | None) -> None:
    assert site_voice(url) is None


def test_a_release_on_an_official_site_is_its_institutions_doing() -> None:
    plain = extract(RELEASE, published=date(2022, 12, 12)).commitments
    linked = extract(
        RELEASE, published=date(2022, 12, 12), source_url="https://www.gov.uk/news/x"
    ).commitments
    assert [c.quote for c in plain] == [c.quote for c in linked] and linked
    assert linked[0].actors[0] == "UK Government"
    assert plain[0].actors[0] != "UK Government"


def test_a_speaker_the_text_states_wins_over_the_sites_voice() -> None:
    # "The Welsh Government said ... will": the stated source acts, not GOV.UK's voice
    text = RELEASE.replace("£257 million will", "The Welsh Government said £257 million will")
    found = extract(text, published=date(2022, 12, 12), source_url="https://www.gov.uk/x")
    assert found.commitments and "UK Government" not in found.commitments[0].actors
