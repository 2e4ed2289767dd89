"""The linker's general rules of this round, on sentences of our own: irregular past forms and
pairs in either order meet, names are no cues, what a count counts, generic name words and
modifiers are no keys, "ahead of" an event and "into force" relations."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.events import key_entities
from tracker.links.relation import relation_of
from tracker.links.words import content_stems, stem

PUBLISHED = date(2021, 3, 10)


def _read(sentence: str) -> object:
    return relation_of(
        sentence, deadline=date(2021, 12, 31), since=date(2020, 6, 1), published=PUBLISHED
    )


@pytest.mark.parametrize(
    ("past", "base"), [("held", "hold"), ("met", "meet"), ("sold", "sell"), ("flew", "fly")]
)
def test_an_irregular_past_meets_its_base_form(past: str, base: str) -> None:
    assert stem(past) == stem(base)


def test_a_pair_of_names_meets_in_either_order() -> None:
    assert content_stems("the Norland-Vester summit") == content_stems("a Vester-Norland summit")


def test_a_capitalised_cue_inside_a_sentence_is_a_name() -> None:
    sentence = "Both sides will honour the Cancellation Treaty signed in Oslo."
    assert _read(sentence) == (Relation.RESTATES, None)


def test_a_lower_case_cue_still_reports_not_done() -> None:
    assert _read("The ministry cancelled the tender for the ferries.") == (
        Relation.REPORTS_NOT_DONE,
        None,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers welcomed the progress made ahead of the Norland summit on Friday.",
        "Delegates met in Vester in the run-up to the ministerial conference.",
    ],
)
def test_an_event_still_ahead_is_restated_despite_a_past_verb(sentence: str) -> None:
    assert _read(sentence) == (Relation.RESTATES, None)


def test_finished_ahead_of_schedule_is_done() -> None:
    assert _read("The tunnel was finished ahead of schedule.") == (Relation.REPORTS_DONE, None)


@pytest.mark.parametrize(
    "sentence",
    ["Today marks the entry into force of the Ferry Safety Act.", "The new tariff takes effect."],
)
def test_entry_into_force_reports_done(sentence: str) -> None:
    assert _read(sentence) == (Relation.REPORTS_DONE, None)


def test_generic_name_words_are_no_key_entities() -> None:
    assert key_entities("Then the Government announced the Vester bridge.") == {"vester"}


def _ledger(action: str, actors: tuple[str, ...]) -> list[Tracked]:
    return [Tracked(0, actors, action, action, published=date(2020, 6, 1))]


def test_a_party_named_only_as_a_modifier_is_no_counterpart() -> None:
    ledger = _ledger(
        "the Norland investment creates 2,000 Vester jobs", ("Norland firms", "Vester")
    )
    text = "The Vester budget will cut 300 jobs at the port."
    assert find_links(text, ledger, published=PUBLISHED) == []


def test_a_counterpart_after_a_preposition_links_the_same_event() -> None:
    ledger = _ledger("deliver the first ferries to Vester Lines", ("Halden Yards", "Vester Lines"))
    text = "Vester Lines took delivery of its first ferry on Monday."
    [found] = find_links(text, ledger, published=PUBLISHED)
    assert found.relation == Relation.REPORTS_DONE


def test_a_pair_of_names_is_one_key_entity_in_either_order() -> None:
    assert "norland-vester" in key_entities("They prepared the Vester-Norland Summit.")
    assert "summit" not in key_entities("They prepared the Vester-Norland Summit.")


def test_a_paragraph_number_is_read_with_its_sentence() -> None:
    ledger = _ledger("hold the first Norland-Vester summit", ("Norland", "Vester"))
    text = (
        "Joint statement\nNorland and Vester sign.\n"
        "1. We held our first Vester-Norland summit in Oslo on 3 March 2021.\n"
    )
    [found] = find_links(text, ledger, published=PUBLISHED)
    assert found.relation == Relation.REPORTS_DONE
    assert text[found.start : found.end].startswith("1. We held")


def test_the_title_names_the_product_a_sentence_calls_the_plane() -> None:
    ledger = [
        Tracked(0, ("Halden", "Vester Lines"), "deliver the first K900 jet to Vester Lines", "",
                date(2020, 12, 31), published=date(2020, 1, 1)),
    ]  # fmt: skip
    text = (
        "Halden rolls out its first K900 jet\n"
        "Halden showed the jet today.\n"
        "Vester Lines will now receive the plane in May 2021.\n"
    )
    [found] = find_links(text, ledger, published=PUBLISHED)
    assert found.relation == Relation.MOVES_DEADLINE


def test_a_programme_behind_schedule_misses_each_dated_step() -> None:
    ledger = [
        Tracked(0, ("Halden",), "put the K900 Skylark into service", "", date(2020, 12, 31),
                published=date(2020, 1, 1)),
    ]  # fmt: skip
    text = "Halden K900 Skylark flies\nThe Skylark programme is a year behind schedule.\n"
    [found] = find_links(text, ledger, published=PUBLISHED)
    assert found.relation == Relation.REPORTS_NOT_DONE


def test_one_delayed_step_is_no_news_of_the_others() -> None:
    ledger = [
        Tracked(0, ("Halden",), "put the K900 Skylark into service", "", date(2021, 12, 31),
                published=date(2020, 1, 1)),
    ]  # fmt: skip
    text = "Halden news\nA test flight of the Halden K900 Skylark was delayed by fog.\n"
    assert find_links(text, ledger, published=PUBLISHED) == []
