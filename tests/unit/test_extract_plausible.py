"""Whether a chosen actor can be a committed party (tracker/extract/party/plausible.py), and
what stands in for one that cannot; sentences written for the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.actors import Document, build_document
from tracker.extract.party.plausible import is_party, party_within
from tracker.extract.publisher import house_voice
from tracker.extract.sentences import split_sentences


def found(text: str) -> list[Candidate]:
    return list(extract(text, published=date(2025, 3, 3)).commitments)


def doc_of(text: str) -> Document:
    return build_document(text, split_sentences(text))


class TestShape:
    def test_names_and_groups_are_parties(self) -> None:
        doc = doc_of("The Ministry of Transport met the city council and rail operators.")
        assert is_party(doc, "Ministry of Transport")
        assert is_party(doc, "the city council")
        assert is_party(doc, "A group of rail operators")

    def test_a_verb_or_a_possessive_left_over_is_a_fragment(self) -> None:
        doc = doc_of("The board renewed its pledge. Next year's budget is part of our plan.")
        assert not is_party(doc, "renewed its")
        assert not is_party(doc, "Next year's budget is part of our")

    def test_title_case_with_a_pronoun_in_it_is_a_slogan(self) -> None:
        doc = doc_of("Riders can use Tap When You Board on every bus.")
        assert not is_party(doc, "Tap When You Board")


class TestWhatTheTextSays:
    def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_a_common_noun(
        self,
    ) -> None:
        doc = doc_of("Farmers will get grants. The grants help farmers plant hedges.")
        assert not is_party(doc, "Farmers")

    def test_half_a_name_the_text_never_writes_alone(self) -> None:
        doc = doc_of("The Harbour Safety Board met. Harbour Safety Board staff agreed.")
        assert not is_party(doc, "Harbour Safety")
        assert is_party(doc, "Harbour Safety Board")

    def test_a_name_only_used_as_where_is_a_place_unless_a_body(self) -> None:
        doc = doc_of("Acme will build a mill in Wexland. A hearing is set in the Tax Court.")
        assert not is_party(doc, "Wexland")
        assert is_party(doc, "Tax Court")

    def test_things_and_beneficiaries_are_no_parties(self) -> None:
        doc = doc_of("The Coastal Path Plan helps Island Families.")
        assert not is_party(doc, "Coastal Path Plan")
        assert not is_party(doc, "Island Families")


class TestStandIn:
    def test_the_name_inside_a_fragment(self) -> None:
        doc = doc_of("Orbis Freight Ltd made a statement. Orbis Freight Ltd will sell.")
        assert party_within(doc, "Orbis Freight Ltd made a statement") == "Orbis Freight Ltd"

    def test_an_opener_run_into_a_place_gives_way_to_the_publisher(self) -> None:
        text = (
            "The Government backs new jobs in Wexland.\n"
            "Across Wexland, new training will be offered to 500 apprentices by 2027.\n"
            "The Government said the funding was confirmed."
        )
        [c] = extract(text, published=date(2025, 3, 3)).commitments
        assert c.actors == ("the Government",)  # not "Across Wexland", not the apprentices


class TestDepartmentHeadsVoice:
    def test_we_of_a_secretary_s_statement_is_the_department_he_names(self) -> None:
        text = (
            "Secretary Roe on the year ahead for the Harbour Department\n"
            "Leading the Harbour Department is an honour. We will open two new piers by "
            "2027, and the rules throughout the government will be simpler."
        )
        [c] = [c for c in found(text) if "piers" in c.quote]
        assert c.actors[0] == "Harbour Department"

    def test_a_release_that_names_its_government_keeps_it(self) -> None:
        text = (
            "Minister Lee opens the new Harbour Department office\n"
            "The Government will open two new piers by 2027, the Harbour Department said."
        )
        assert house_voice(text) != "Harbour Department"


class TestHeadlineWord:
    def test_a_word_that_only_starts_names_is_no_party_alone(self) -> None:
        text = (
            "New plan to cut hospital waits\n"
            "The Government today set out a plan for the NHS. Under the plan, hospital porters "
            "will be given priority parking at NHS sites from April, the Health Secretary said."
        )
        headline = found(text)[0]
        assert (headline.quote, headline.actors) == (
            "New plan to cut hospital waits",
            ("the Government",),
        )


class TestMakerOfAThing:
    def test_a_thing_is_done_by_whoever_the_text_says_made_it(self) -> None:
        text = (
            "Regulator clears Wexland fuel grant\n"
            "The Energy Board has cleared a €2.5 billion grant scheme. Wexland submitted a "
            "€2.5 billion scheme to the Energy Board in May. The scheme will run until "
            "December 2026."
        )
        [c] = [c for c in found(text) if c.quote.startswith("The scheme")]
        assert c.actors[0] == "Wexland"  # not the Energy Board that clears it
