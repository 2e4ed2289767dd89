"""The linker's recall rules of round 6, on sentences of our own: inflections that double a
consonant or keep a final "y" meet their base form."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.events import amounts, close_amounts, conflicting_places
from tracker.links.relation import relation_of
from tracker.links.words import stem


@pytest.mark.parametrize(
    "words",
    [
        ("ban", "banning", "banned"),
        ("plan", "planned", "planning"),
        ("delay", "delayed", "delays"),
    ],
)
def test_a_doubled_consonant_or_a_final_y_keeps_one_stem(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1


@pytest.mark.parametrize(("one", "other"), [("installed", "install"), ("passed", "pass")])
def test_a_base_with_a_double_letter_keeps_it(one: str, other: str) -> None:
    assert stem(one) == stem(other)


def test_a_ban_delayed_again_links_to_the_ban() -> None:
    ban = Tracked(
        1, ("Ministry of Food",), "bring in the ban on discount bundles for sugary drinks",
        "The ban on discount bundles is delayed until October 2023",
        deadline=date(2023, 10, 31), published=date(2022, 5, 1),
    )  # fmt: skip
    text = (
        "Rules banning discount bundles on sugary drinks will be delayed until October 2025, "
        "the Ministry of Food said."
    )
    (found,) = find_links(text, [ban], published=date(2023, 6, 1))
    assert (found.relation, found.new_deadline) == (Relation.MOVES_DEADLINE, date(2025, 10, 31))


def test_one_article_can_restate_a_goal_and_report_it_partly_met() -> None:
    goal = Tracked(
        2, ("the Board",), "bring unemployment down to 4 percent",
        "The Board is committed to bringing unemployment down to 4 percent",
        published=date(2022, 1, 10),
    )  # fmt: skip
    text = (
        "The Board remains committed to bringing unemployment down to 4 percent. "
        "Unemployment has made progress toward the Board's 4 percent objective."
    )
    found = find_links(text, [goal], published=date(2022, 6, 1))
    assert [f.relation for f in found] == [Relation.RESTATES, Relation.REPORTS_PARTLY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Grants depend on pre-agreed terms and support local firms.",
        "The long-awaited bridge opens to traffic in spring.",
    ],
)
def test_a_compound_adjective_ending_in_ed_reports_no_outcome(sentence: str) -> None:
    reading = relation_of(
        sentence, deadline=None, since=date(2022, 1, 1), published=date(2022, 6, 1)
    )
    assert reading is None or reading[0] is not Relation.REPORTS_DONE


def test_a_currency_short_scale_is_an_amount() -> None:
    assert amounts("a £55m pot and $1.2bn in loans") == {
        (55, "million", "£"),
        (1.2, "billion", "$"),
    }
    assert not amounts("a 5m wall")


@pytest.mark.parametrize(
    ("theirs", "close"),
    [("up to $406 million", True), ("$380 million", True), ("$450 million", False)],
)
def test_amounts_meet_within_five_percent(theirs: str, close: bool) -> None:
    assert close_amounts(amounts("up to $400 million"), amounts(theirs)) is close


def test_a_final_award_of_a_slightly_larger_amount_reports_the_grant_done() -> None:
    grant = Tracked(
        3, ("Trade Office", "Norvale Chips"),
        "provide Norvale Chips up to $400 million to build a wafer plant",
        "the Trade Office announced a $400 million preliminary agreement with Norvale Chips",
        published=date(2024, 2, 1),
    )  # fmt: skip
    text = "The Trade Office issued a final award of up to $406 million to Norvale Chips."
    (found,) = find_links(text, [grant], published=date(2024, 11, 1))
    assert found.relation is Relation.REPORTS_DONE


def _reading(sentence: str) -> object:
    return relation_of(sentence, deadline=None, since=date(2022, 1, 1), published=date(2022, 6, 1))


def test_a_negated_modal_perfect_reports_no_outcome() -> None:
    assert _reading("The board could not have fixed the fault any sooner.") is None


def test_an_adverb_inside_a_perfect_still_reports_done() -> None:
    assert _reading("The tablet had only been out for three weeks.") == (
        Relation.REPORTS_DONE,
        None,
    )


def test_an_event_placed_elsewhere_is_not_the_commitments() -> None:
    landing = Tracked(
        4, ("Skyward",), "land the Z90 in the US",
        "the Z90 was set to land in the United States on Monday", published=date(2007, 3, 1),
    )  # fmt: skip
    elsewhere = "The first Skyward Z90 landed at Oslo's Gardermoen Airport on Friday."
    there = "The first Skyward Z90 landed in the US on Monday."
    assert conflicting_places(elsewhere, landing.action)
    assert not find_links(elsewhere, [landing], published=date(2007, 10, 1))
    assert find_links(there, [landing], published=date(2007, 10, 1))
