"""Who a sentence names: a title's generic words, acronyms spelt out, and trade in goods and
services that is no air service; sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.actors import names_actor
from tracker.links.events import events

_PRESIDENT = ("the President of the Nordic Council",)


@pytest.mark.parametrize(
    "sentence",
    [
        "The European Parliament voted on the text.",
        "The President spoke to reporters.",
        "The Prime Minister met farmers.",
    ],
)
def test_a_title_is_not_named_by_one_generic_word(sentence: str) -> None:
    assert names_actor(sentence, ("the President of the European Council",)) is False


def test_an_article_may_name_a_title_by_its_words() -> None:
    text = "The European leaders met in Oslo."
    assert names_actor(text, ("the President of the European Council",), titles=True) is True


def test_the_whole_title_names_the_party() -> None:
    assert names_actor("He wrote to the President of the Nordic Council.", _PRESIDENT) is True


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("The United Kingdom and Norway signed the accord.", True),
        ("Ministers of the United Arab Emirates signed it.", False),
        ("The united kingdom of fish.", False),
    ],
)
def test_an_acronym_is_named_when_spelt_out(sentence: str, named: bool) -> None:
    assert names_actor(sentence, ("UK",)) is named


def test_goods_and_services_are_no_air_service() -> None:
    assert "service" not in events("remove barriers to trade in goods and services")
    assert "service" in events("the airline will start services to Oslo")


@pytest.mark.parametrize(
    "text",
    [
        "adopt the Coastal Waters Act",
        "the Coastal Waters Act enters into force today",
        "the rule took effect on Monday",
    ],
)
def test_a_law_adopted_and_in_force_are_one_event(text: str) -> None:
    assert "law" in events(text)


def test_an_adopted_law_is_reported_done_by_its_entry_into_force() -> None:
    item = Tracked(
        0, ("Nordic Parliament", "Council"), "adopt the Coastal Waters Act",
        "the agreement between the Nordic Parliament and the Council on the Coastal Waters Act",
        published=date(2023, 11, 1),
    )  # fmt: skip
    text = (
        "Nordic Coastal Waters Act in force\n"
        "Today marks the entry into force of the Coastal Waters Act, which protects bays."
    )
    found = find_links(text, [item], published=date(2024, 5, 1))
    assert [f.relation for f in found] == [Relation.REPORTS_DONE]
