"""The linker's precision rules for a large ledger (round 7), on sentences of our own: a figure
keeps its fraction and its currency, so that another sum of money is not the commitment's."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.actors import names_actor
from tracker.links.events import amounts, close_amounts, events
from tracker.links.relation import relation_of


@pytest.mark.parametrize(
    ("mine", "theirs", "close"),
    [
        ("more than $1 billion", "almost $1.9 billion", False),
        ("more than $1 billion", "by $1.2 billion", False),
        ("up to $12 billion", "US$ 12.5 billion", True),
        ("£500 million", "more than $515m", False),
        ("$39 million", "an additional £40 million", False),
        ("44 billion dollars", "US$ 44.6 billion", True),
        ("£55m", "£55 million", True),
    ],
)
def test_amounts_keep_their_fraction_and_currency(mine: str, theirs: str, close: bool) -> None:
    assert close_amounts(amounts(mine), amounts(theirs)) is close


def test_another_sum_of_money_in_another_currency_does_not_link() -> None:
    pledge = Tracked(
        1, ("Isthmus Partners",), "invest more than $1 billion in new commitments in Ruritania",
        "Isthmus Partners will invest more than $1 billion", published=date(2024, 3, 1),
    )  # fmt: skip
    text = "Isthmus Partners met.\nToday the Union disbursed almost €1.5 billion to Ruritania."
    assert find_links(text, [pledge], published=date(2024, 7, 1)) == []


def test_one_word_of_a_common_noun_party_does_not_name_it() -> None:
    assert not names_actor("It keeps local communities and services.", ["local authorities"])
    assert names_actor("Local authorities keep their services.", ["local authorities"])


def _rates() -> list[Tracked]:
    return [
        Tracked(
            3, ("the Board", "Ruritanian Reserve Board"),
            "continue raising the policy rate target range",
            "the Board anticipates that ongoing increases in the target range will be appropriate",
            published=date(2022, 7, 27),
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "linked"),
    [
        ("The Board decided to raise the target range for the policy rate to 4 percent.", True),
        ("The Board decided to lower the target range for the policy rate by 1/4 point.", False),
        (
            "The Board decided to maintain the target range for the policy rate at 5 percent.",
            False,
        ),
    ],
)
def test_a_move_the_other_way_is_not_the_commitment(sentence: str, linked: bool) -> None:
    text = f"Ruritanian Reserve Board statement.\n{sentence}"
    assert bool(find_links(text, _rates(), published=date(2024, 9, 18))) is linked


def test_another_named_plan_is_not_the_commitments() -> None:
    plan = Tracked(
        4, ("the Prime Minister", "Dana Whitfield"), "launch the 10 Year Health Plan",
        "the Prime Minister will launch the 10 Year Health Plan", published=date(2025, 6, 1),
    )  # fmt: skip
    other = "Dana Whitfield today launched a bold new Life Sciences Sector Plan."
    same = "Dana Whitfield today launched the 10 Year Health Plan."
    assert find_links(other, [plan], published=date(2025, 7, 16)) == []
    assert find_links(same, [plan], published=date(2025, 7, 16)) != []


def test_the_partys_own_name_is_not_what_it_promised() -> None:
    trust = Tracked(
        5, ("the government", "Ministry of Care"), "rebuild trust in government",
        "the government is committed to rebuilding trust in government",
        published=date(2025, 1, 20),
    )  # fmt: skip
    text = (
        "Ministry of Care news.\n"
        "Hospital trusts across the country will benefit from new funding, the government said."
    )
    assert find_links(text, [trust], published=date(2025, 3, 21)) == []


def test_a_two_word_goal_needs_its_party_in_the_sentence() -> None:
    goal = Tracked(
        6, ("Dana Whitfield", "Harbour Minister"), "boost growth",
        "the new licences will boost growth, Dana Whitfield said", published=date(2025, 1, 30),
    )  # fmt: skip
    text = "Dana Whitfield visited Hanoi.\nThe new trade deal will boost growth across the UK."
    assert find_links(text, [goal], published=date(2025, 7, 14)) == []
    named = "Dana Whitfield visited Hanoi.\nDana Whitfield said the licences will boost growth."
    assert find_links(named, [goal], published=date(2025, 7, 14)) != []


def test_public_services_are_no_service_entered() -> None:
    round_ = Tracked(
        7, ("Indra", "the Union"), "cover services and investment in the seventh round",
        "the seventh round will cover services and investment", published=date(2024, 2, 28),
    )  # fmt: skip
    text = "Delegates flew to Indra.\nIndra will use the summit to improve public services."
    assert find_links(text, [round_], published=date(2026, 2, 16)) == []


def test_a_lower_case_word_of_a_name_does_not_name_it() -> None:
    assert not names_actor("Firms and businesses create jobs.", ["Korean businesses"])
    assert names_actor("Korean investors are keen.", ["Korean businesses"])


def test_the_partys_demonym_is_no_key_entity() -> None:
    grant = Tracked(
        9, ("Ruritania", "Minister of Industry"),
        "give the Ruritanian Food Network an additional $8.6 million for research",
        "The Ruritanian Food Network is receiving an additional $8.6 million",
        published=date(2025, 3, 13),
    )  # fmt: skip
    text = (
        "Ruritania news.\n"
        "The Minister of Defence will announce a contract that will deliver new capabilities "
        "to the Ruritanian Armed Forces."
    )
    assert find_links(text, [grant], published=date(2026, 3, 17)) == []


def _filler(n: int) -> list[Tracked]:
    """A large ledger of distinct plans, in which 'Ruritanian' and 'workers' come back four
    times and 'defend' once."""
    common = {0: "Ruritanian", 1: "workers", 4: "defend"}
    return [
        Tracked(100 + i, ("Filler Office",), f"fund plan{i} {common.get(i % 30, '')}".strip(),
                f"quote {i}", published=date(2024, 1, 1))
        for i in range(n)
        if i % 30 != 4 or i == 4
    ]  # fmt: skip


def test_in_a_large_ledger_only_common_words_shared_do_not_link() -> None:
    defend = Tracked(
        1, ("First Ministers", "Mark Carney"), "defend Ruritanian workers",
        "First Ministers will defend Ruritanian workers", published=date(2025, 6, 20),
    )  # fmt: skip
    text = (
        "Mark Carney met the premiers.\n"
        "Mark Carney updated them on work to transform the Ruritanian economy for workers."
    )
    assert find_links(text, [defend, *_filler(120)], published=date(2025, 11, 17)) == []
    said = "Mark Carney met the premiers.\nMark Carney vowed to defend Ruritanian workers."
    assert find_links(said, [defend, *_filler(120)], published=date(2025, 11, 17)) != []


def test_the_same_sum_needs_the_named_party_in_the_article() -> None:
    pledge = Tracked(
        10, ("Vaxa", "the government", "Ruritanian Government"),
        "invest up to £1 billion in research over 10 years",
        "Vaxa will invest up to £1 billion", published=date(2025, 5, 20),
    )  # fmt: skip
    text = (
        "Ruritanian Government news.\n"
        "The government invests more than £1 billion in a battlefield system."
    )
    assert find_links(text, [pledge], published=date(2025, 5, 29)) == []
    named = "Vaxa opens a lab.\nThat took the sum it has spent so far to £1 billion."
    assert find_links(named, [pledge], published=date(2025, 5, 29)) != []


def test_one_more_act_restates_an_ongoing_commitment() -> None:
    ongoing = Tracked(
        11, ("Joe Biden", "my Administration"), "continue implementing the Chips Act",
        "my Administration will continue implementing the Chips Act", published=date(2023, 8, 9),
    )  # fmt: skip
    text = "Joe Biden spoke.\nJoe Biden awarded the first grant implementing the Chips Act."
    found = find_links(text, [ongoing], published=date(2024, 3, 20))
    assert [f.relation for f in found] == [Relation.RESTATES]


def test_an_event_word_inside_a_name_is_no_event() -> None:
    assert events("NASA's Launch Services Program manages the contract.") == set()
    assert events("NASA will launch the probe.") == {"release"}
    assert events("We held our first UK-EU Summit in London.") == {"meeting"}


def test_the_administration_names_no_one_in_particular() -> None:
    assert not names_actor("The Administration announced a grant.", ["my Administration"])
    assert names_actor("The grant was announced by Joe Biden.", ["Joe Biden", "my Administration"])


def test_a_counted_promise_meets_an_event_only_with_its_count() -> None:
    jobs = Tracked(
        12, ("Korean firms", "UK"), "Korean investment creates 1,500 highly skilled UK jobs",
        "creating more than 1,500 highly skilled jobs", published=date(2023, 11, 21),
    )  # fmt: skip
    other = "Korean firms met.\nKorean firms said the deal created new jobs and growth."
    assert find_links(other, [jobs], published=date(2025, 5, 20)) == []
    same = "Korean firms met.\nThe UK deal created 1,500 jobs across the country."
    assert find_links(same, [jobs], published=date(2025, 5, 20)) != []


def test_a_counted_promise_is_not_restated_without_its_count() -> None:
    jobs = Tracked(
        13, ("Korean firms", "UK"), "Korean investment creates 1,500 highly skilled UK jobs",
        "creating more than 1,500 highly skilled jobs", published=date(2023, 11, 21),
    )  # fmt: skip
    hundreds = (
        "Korean firms met.\nHundreds of highly skilled UK jobs will be created by Korean firms."
    )
    assert find_links(hundreds, [jobs], published=date(2025, 5, 20)) == []
    counted = "Korean firms met.\n1,500 highly skilled UK jobs will be created by Korean firms."
    assert find_links(counted, [jobs], published=date(2025, 5, 20)) != []


def test_moving_toward_a_goal_reports_it_partly() -> None:
    reading = relation_of(
        "The Board has gained confidence that inflation is moving sustainably toward 2 percent.",
        deadline=None, since=date(2022, 7, 27), published=date(2024, 9, 18),
    )  # fmt: skip
    assert reading == (Relation.REPORTS_PARTLY, None)
