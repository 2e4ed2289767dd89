"""extract(): the publisher's voice against the reporter's. In a release, a bare future of a
measure ("the grant will be paid in two instalments") is the publisher's plan; in a reporter's
story the same form is the writer's forecast. Sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.voice import is_release, publisher_measure

PUBLISHED = date(2025, 3, 4)

RELEASE = (
    "Minister opens new harbour fund\n"
    "The Government has opened a £30 million fund for harbour repairs. "
    "The fund is part of the Government's plan for coastal towns. "
    "Councils can bid from April. {}"
)
STORY = (
    "Harbour towns split over repair fund\n"
    "The government has opened a £30 million fund for harbour repairs, officials said. "
    "Critics said the sum was too small, and one council leader told reporters it was late. "
    '"It is a start," a harbour master said. {}'
)


def found(text: str) -> list[Candidate]:
    return list(extract(text, published=PUBLISHED).commitments)


def quotes(text: str) -> list[str]:
    return [c.quote for c in found(text)]


class TestPublisherMeasure:
    @pytest.mark.parametrize(
        "sentence",
        [
            "The support will take the form of low-interest loans.",
            "The maximum grant per harbour will not exceed £2 million.",
            "Half of the money will go to the smallest ports.",
            "Our partnerships with coastal councils will put safety first.",
        ],
    )
    def test_a_measure_in_the_publishers_voice_is_its_plan(self, sentence: str) -> None:
        lines = {c.quote: c.kind.value for c in found(RELEASE.format(sentence))}
        assert lines[sentence.rstrip(".")] == "plan"

    @pytest.mark.parametrize(
        "sentence",
        [
            "The support will take the form of low-interest loans.",
            "The maximum grant per harbour will not exceed £2 million.",
        ],
    )
    def test_the_same_sentence_in_a_reporters_story_is_no_line(self, sentence: str) -> None:
        assert sentence.rstrip(".") not in quotes(STORY.format(sentence))

    @pytest.mark.parametrize(
        "sentence",
        [
            "Our budget will be difficult.",
            "The fund will help towns recover.",
            "Harbour traffic will rise by a tenth.",
            "Many ports will struggle.",
        ],
    )
    def test_an_assessment_or_an_outcome_is_no_line(self, sentence: str) -> None:
        assert sentence.rstrip(".") not in quotes(RELEASE.format(sentence))


class TestVoice:
    def test_a_text_without_a_house_voice_is_no_release(self) -> None:
        assert not is_release("Acme will build a plant.", [(0, 24)], voice=None)

    def test_a_text_full_of_attributions_is_a_reporters(self) -> None:
        text = "He said it. She said so. They told us."
        assert not is_release(text, [(0, 11), (12, 24), (25, 38)], voice="the Government")

    def test_head_of_a_partitive_is_its_of_phrase(self) -> None:
        assert publisher_measure("Over 80% of the funding", " support projects", 0)
        assert not publisher_measure("Over 80% of the households", " support projects", 0)


class TestReleaseClasses:
    @pytest.mark.parametrize(
        ("text", "quote"),
        [
            (
                "The Harbour Trust is receiving an extra £2m to dredge the channel.",
                "The Harbour Trust is receiving an extra £2m to dredge the channel",
            ),
            (
                "Work on the pier starts soon, with £9m committed over four years.",
                "with £9m committed over four years",
            ),
            (
                "Ministers have earmarked £4 million for flood barriers.",
                "Ministers have earmarked £4 million for flood barriers",
            ),
            (
                "Talks opened ahead of a summit planned for 12 June.",
                "a summit planned for 12 June",
            ),
        ],
    )
    def test_money_given_and_events_arranged_are_plans(self, text: str, quote: str) -> None:
        lines = {c.quote: c.kind.value for c in found(text)}
        assert lines.get(quote) == "plan"

    @pytest.mark.parametrize(
        "text",
        [
            "The council allocated £2m for road repairs last year.",
            "The board had already set aside £5m for the new wing.",
            "The treasurer re-committed £1m to the fund.",
            "The summit planned for 2 March was a success.",
            "The budget planned for next year is smaller.",
        ],
    )
    def test_past_allocations_and_past_or_non_events_are_no_lines(self, text: str) -> None:
        assert found(text) == []
