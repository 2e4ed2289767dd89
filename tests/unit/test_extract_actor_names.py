"""extract(): the first actor of a line is a clean name of the committed party: a person's
name after a title with a portfolio, a body's whole name, never a piece of one; sentences
written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.names import name_tokens, thing_names

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


class TestThingsAreNotParties:
    def test_a_programme_defined_by_an_appositive_is_a_thing(self) -> None:
        text = (
            "Ministers amended the Work Programme of Skyline Europe, the EU’s space research "
            "programme. Acme Rail, a rail company, won."
        )
        mentions = [(text.index(n) + len(n), n) for n in ("Work Programme of Skyline Europe",)]
        mentions.append((text.index("Acme Rail") + 9, "Acme Rail"))
        assert thing_names(text, mentions) == {
            "Work Programme of Skyline Europe",
            "Skyline Europe",
        }

    def test_an_offer_is_a_thing_not_the_party(self) -> None:
        text = (
            "The Nursery Offer was extended in Wales. The Nursery Offer is delivered by "
            "councils. A national digital service will replace these systems so that every "
            "council uses one service by May."
        )
        assert first_actors(text) != ["Nursery Offer"]

    def test_it_after_a_body_is_set_up_is_that_body(self) -> None:
        text = (
            "The Commission welcomed the vote on the Data Act. We have set up a Data Office. "
            "It will oversee the enforcement of the Data Act by 2026."
        )
        assert first_actors(text)[-1] == "Data Office"

    def test_it_is_the_company_of_the_sentence_before_not_a_partner_named_often(self) -> None:
        text = (
            "Schools and the NHS use a lot of power, and the NHS pays the most. The NHS "
            "wants cheaper power. The minister announced the first project of Green Power "
            "Wales, a company owned by the public. Green Power Wales was set up last year. "
            "It will work with schools and the NHS to fit solar panels by 2026."
        )
        assert first_actors(text)[-1] == "Green Power Wales"

    def test_an_acronym_used_as_a_common_noun_is_a_topic(self) -> None:
        text = (
            "The Commission set up the Data Office to police trustworthy AI. It will also "
            "publish guidance on AI by May. And it will advise on an AI that is safe."
        )
        assert "AI" not in {c.actors[0] for c in found(text)}


class TestWeOfAQuotation:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "“We will open 20 stores by 2026,” said Jane Roe, chief executive of Acme Foods.",
                "Acme Foods",
            ),
            (
                "“We are going to hire 500 engineers next year,” said Ann Lee, a spokeswoman "
                "for Gamma Rail.",
                "Gamma Rail",
            ),
            (
                "Beta Bank chief executive Tom Hale said: “Our branches will stay open until "
                "2030.”",
                "Beta Bank",
            ),
            (
                "“We will cut fares by May,” said Tom Hale, Delta Rail’s chief executive.",
                "Delta Rail",
            ),
        ],
    )
    def test_we_is_the_organisation_the_speaker_speaks_for(self, text: str, expected: str) -> None:
        assert first_actors("Company news\n\n" + text) == [expected]

    def test_we_of_a_speaker_without_an_organisation_is_the_speaker(self) -> None:
        text = "Company news\n\n“We will open 20 stores by 2026,” said Jane Roe."
        assert first_actors(text) == ["Jane Roe"]

    def test_it_of_an_economist_is_his_forecast_not_his_banks(self) -> None:
        text = (
            "Bank news\n\nBeta Bank economist Tom Hale said, “It is going to get worse next year.”"
        )
        assert first_actors(text) == ["Tom Hale"]


class TestGiverNotRecipient:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The state will lend Acme $2bn to build a plant by 2027.", "the state"),
            ("Acme will receive $2bn from the state to build a plant by 2027.", "the state"),
            (
                "Schools will get £80m from the Department for Education to fit solar panels "
                "by 2026.",
                "Department for Education",
            ),
            (
                "Beta Rail will be given £300m by the Treasury to electrify the line by 2028.",
                "Treasury",
            ),
        ],
    )
    def test_the_giver_is_committed(self, text: str, expected: str) -> None:
        assert first_actors("Aid news\n\n" + text) == [expected]


class TestHeadlineParties:
    BODY = (
        "Officials said Acme and Beta Rail signed the contract on Monday. Leeds has long "
        "wanted a depot, and Leeds council backed it. Leeds needs jobs. Work on the depot is "
        "expected to start by June."
    )

    def test_a_sentence_naming_no_party_is_about_the_headlines_parties(self) -> None:
        text = "Acme and Beta Rail to build new depot in Leeds\n\n" + self.BODY
        assert found(text)[-1].actors == ("Acme", "Beta Rail")

    def test_a_name_modifying_a_noun_in_a_headline_is_no_party(self) -> None:
        text = "Trade win unlocks new market for Acme\n\n" + self.BODY
        assert found(text)[-1].actors == ("Leeds",)

    def test_an_organisation_named_earlier_in_the_sentence_comes_first(self) -> None:
        text = (
            "Acme to build new depot in Leeds\n\nOfficials said Acme would pay. Beta Rail has "
            "bought six trains and intends to fit them with wifi by June."
        )
        assert found(text)[-1].actors == ("Beta Rail",)


class TestReadout:
    def test_they_of_a_long_readout_are_its_leaders(self) -> None:
        text = (
            "PM meeting with the Mayor\n\nPrime Minister Ann Lee and Mayor Tom Hale met in "
            "Leeds. The two leaders discussed trade. They discussed rail. They discussed "
            "schools. They discussed housing. They discussed parks. They discussed water. "
            "They also looked ahead to the summit in May 2026, agreeing this would provide a "
            "chance to make progress."
        )
        assert set(found(text)[-1].actors[:2]) == {"Ann Lee", "Tom Hale"}

    def test_they_of_a_call_readout_are_the_two_who_spoke(self) -> None:
        text = (
            "PM call with Prime Minister Hale\n\nThe Prime Minister spoke to the Prime Minister "
            "of Wexland Tom Hale this evening. Prime Minister Hale thanked the Prime Minister "
            "for his support. They agreed to stay in close contact."
        )
        actors = found(text)[-1].actors
        assert set(actors[:2]) == {"the Prime Minister", "Tom Hale"}


class TestStoryParties:
    def test_todays_action_is_owned_by_no_day(self) -> None:
        text = (
            "UK and U.S. to curb metal trade\n\nThe UK acted with partners. Russia exports "
            "metals. Russia sells to Asia. Russia needs cash. Today’s action will go further to "
            "cut Russia’s income by 2026."
        )
        assert found(text)[-1].actors[0] == "UK"

    def test_coordinated_names_are_the_subject(self) -> None:
        text = (
            "Talks news\n\nOfficials met in Oslo. UK and U.S. officials agreed. UK and U.S. "
            "will sign a deal by May."
        )
        assert found(text)[-1].actors[:2] == ("UK", "U.S.")


class TestProducts:
    def test_a_product_stands_for_its_maker(self) -> None:
        text = (
            "Car news\n\nAcme Motors will revive the Acme Comet. Sales of the Comet fell in "
            "2006, Acme said. The Comet is a famous name. It is expected to sell "
            "well next year."
        )
        assert found(text)[-1].actors[0] == "Acme"

    def test_a_long_product_name_is_no_makers_product(self) -> None:
        text = "Software news\n\nMac users like Mac OS X Lion. Mac OS X Lion will ship in July."
        assert found(text)[-1].actors[:1] != ("Mac",)
