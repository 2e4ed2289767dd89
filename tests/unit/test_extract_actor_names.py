"""extract(): the first actor of a line is a clean name of the committed party: a person's
name after a title with a portfolio, a body's whole name, never a piece of one; sentences
written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.names import name_tokens

PUBLISHED = date(2025, 3, 3)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


def first_actors(text: str) -> list[str]:
    return [c.actors[0] if c.actors else "" for c in found(text)]


class TestNameTokens:
    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("Secretary of State Jane Roe", "Jane Roe"),
            ("Chancellor of the Exchequer Ann Lee", "Ann Lee"),
            ("Secretary of Energy John Q. Public", "John Q Public"),
            ("Foreign Minister Ann Lee", "Ann Lee"),
            ("Secretary of State", ""),
            ("Prime Minister of the Republic of Ruritania", "Republic of Ruritania"),
            ("Great British Energy", "Great British Energy"),
            ("Foreign Office", "Foreign Office"),
            ("US Treasury", "US Treasury"),
            ("US", "US"),
            ("British", ""),
        ],
    )
    def test_a_title_and_its_portfolio_are_not_the_name(self, phrase: str, expected: str) -> None:
        assert " ".join(name_tokens(phrase)) == expected


class TestTitledPeople:
    def test_a_title_of_a_department_gives_the_persons_name(self) -> None:
        text = (
            "Secretary of State Jane Roe said the country will open two new ports. "
            "“We will sign the contracts by June,” she said."
        )
        actors = [c.actors for c in found(text)]
        assert actors[-1][0] == "Jane Roe"

    def test_a_minister_for_a_portfolio_is_a_person(self) -> None:
        text = "Minister for Housing Ann Lee will publish the new planning rules by June."
        assert first_actors(text) == ["Ann Lee"]

    def test_a_chancellor_of_the_exchequer_is_a_person(self) -> None:
        text = "Chancellor of the Exchequer Tom Hale will set out the spending plans in March."
        assert first_actors(text) == ["Tom Hale"]

    def test_the_us_is_a_country_not_the_pronoun_us(self) -> None:
        text = "Officials met in Oslo on Monday. The US will double its grid funding by 2027."
        assert first_actors(text) == ["US"]
