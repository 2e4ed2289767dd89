"""Article reading refuses what is not an article (issue 14, item 8), on small pages written
for the test (tests/fixtures/pages): an interstitial, a page of links, a sponsored menu are
"no article text"; a date at the foot that the metadata contradicts is not the publication
date; furniture lines (reader appeals, newsletter promos, related teasers) never become
candidates or actors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain import PublishedBasis
from tracker.errors import InvalidInput
from tracker.extract import extract
from tracker.extract.boilerplate import has_sentence
from tracker.fetch import article_from_html

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
REF = date(2026, 7, 10)


def read(name: str):  # type: ignore[no-untyped-def]
    return article_from_html((PAGES / name).read_bytes(), url="https://x.example/a", ref=REF)


@pytest.mark.parametrize("name", ["interstitial.html", "link_list.html", "sponsored_menu.html"])
def test_a_page_without_a_sentence_is_no_article(name: str) -> None:
    with pytest.raises(InvalidInput, match="no article text"):
        read(name)


def test_a_foot_date_the_metadata_contradicts_is_not_the_publication_date() -> None:
    article = read("festival.html")
    assert (article.published, article.published_basis) == (
        date(2026, 5, 4),
        PublishedBasis.METADATA,
    )


def test_furniture_never_becomes_a_candidate_or_an_actor() -> None:
    article = read("festival.html")
    found = extract(article.text, published=article.published)
    quotes = [c.quote for c in found.commitments]
    assert any("footbridge" in q for q in quotes)
    for furniture in ("hear what you think", "letters", "best stories", "lighthouse"):
        assert not any(furniture in q for q in quotes)
    assert not any("Harbour Trust" in a for c in found.commitments for a in c.actors)
    assert all(article.text[c.start : c.end] == c.quote for c in found.commitments)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council will build a bridge.", True),
        ("You will be connected to x.org in just a moment...", False),
        ("Home\nNews\nSport and weather today", False),
        ("Read more: The council will build a bridge.", False),
        ("Is this the end of it all?", True),
    ],
)
def test_a_sentence_is_five_words_ending_in_a_stop(text: str, expected: bool) -> None:
    assert has_sentence(text) is expected
