"""The linker's event path: event kinds and their paraphrases, key entities, models that
conflict, amounts, and the relation rules that go with them (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.links import Relation, Tracked, find_links
from tracker.links.events import amounts, conflicting_models, events, key_entities
from tracker.links.relation import relation_of

PUBLISHED = date(2009, 3, 2)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The carrier will take delivery of its first jet in May.", "delivery"),
        ("The airline received the aircraft on Friday.", "delivery"),
        ("The jet is expected to enter service next year.", "service"),
        ("It will begin regular service on the London route.", "service"),
        ("The phone has been out for three weeks.", "release"),
        ("The new system was launched on Monday.", "release"),
        ("The prototype made its maiden flight.", "first_flight"),
        ("The ministers met in Rome.", "meeting"),
        ("The label settled its trademark dispute.", "court"),
        ("The carmaker will shed 5,000 jobs.", "jobs"),
        ("Two factories will be sold.", "plants"),
    ],
)
def test_event_paraphrases(text: str, kind: str) -> None:
    assert kind in events(text)


def test_a_name_and_a_reason_are_no_event() -> None:
    assert "jobs" not in events("Jobs said the phone sold well.")
    assert events("The maker compensates the airline for the delivery delay.") == set()
    assert "first_flight" in events("fly the jet for the first time")


def test_key_entities_models_and_names_not_the_party_or_the_calendar() -> None:
    found = key_entities("deliver the first A380s to Qantas in October", skip={"airbus"})
    assert found == {"a380", "qantas"}
    assert key_entities("The ``Dreamliner'' is late") == {"dreamliner"}
    assert key_entities("release Mac OS X 10.4.1 in May") == {"mac", "10.4.1"}


@pytest.mark.parametrize(
    ("sentence", "action", "conflict"),
    [
        ("The 787 made its first flight.", "first flight of the 777-200LR", True),
        ("The 777 made its first flight.", "first flight of the 777-200LR", False),
        ("The jet made its first flight.", "first flight of the 777-200LR", False),
        ("The A350 made its first flight.", "fly the new plane", False),
    ],
)
def test_conflicting_models(sentence: str, action: str, conflict: bool) -> None:
    assert conflicting_models(sentence, action) is conflict


def test_amounts_are_read_with_scale_and_currency() -> None:
    assert amounts("US$ 44.6 billion") == {(44.6, "billion", "$")}
    assert amounts("cut 10,000 jobs") == {(10000, "jobs", "")}
    assert not amounts("1,500 apprenticeships") & amounts("1,500 highly skilled jobs")


def _ledger(action: str, quote: str, actors: tuple[str, ...] = ("Vela Aero",)) -> list[Tracked]:
    return [Tracked(1, actors, action, quote, date(2008, 5, 31), date(2007, 1, 10))]


def test_a_paraphrase_on_the_same_product_links() -> None:
    ledger = _ledger("deliver the first V90 to Nordair", "Nordair is due to receive its first V90")
    text = "Vela Aero is in trouble.\nThe V90 will now be handed over to Nordair in June."
    found = find_links(text, ledger, published=PUBLISHED)
    assert [(f.relation, f.new_deadline) for f in found] == [
        (Relation.MOVES_DEADLINE, date(2009, 6, 30))
    ]


def test_the_same_party_and_event_on_another_product_does_not_link() -> None:
    ledger = _ledger("release Orbit OS Falcon", "Orbit OS Falcon will be released", ("Pomme",))
    text = "Pomme is busy.\nPomme has released an application for its music players."
    assert find_links(text, ledger, published=PUBLISHED) == []


def test_a_party_that_names_no_product_links_by_event() -> None:
    ledger = _ledger("G9 ministers meet", "G9 ministers will gather", ("G9",))
    text = "Markets rose.\nThe G9 nations had met at the same time as the bankers."
    found = find_links(text, ledger, published=PUBLISHED)
    assert [f.relation for f in found] == [Relation.REPORTS_DONE]


def test_the_same_amount_links_without_the_party_in_the_sentence() -> None:
    ledger = _ledger(
        "inject $12 billion into the economy", "a $12 billion injection", ("Ruritania",)
    )
    text = (
        "Ruritania acts.\nThat comes on top of the US$ 12.5 billion it offered yesterday to banks."
    )
    found = find_links(text, ledger, published=PUBLISHED)
    assert [f.relation for f in found] == [Relation.REPORTS_DONE]


def test_another_model_does_not_link() -> None:
    ledger = _ledger("first flight of the V90-200", "the V90-200 will fly for the first time")
    text = "Vela Aero rejoiced.\nThe V70 made its first test flight on Tuesday."
    assert find_links(text, ledger, published=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The jet is two years behind schedule.", date(2009, 1, 5), Relation.REPORTS_NOT_DONE),
        ("The jet is two months behind schedule.", date(2008, 2, 5), Relation.MOVES_DEADLINE),
        ("Deliveries are not due until May.", date(2008, 2, 5), Relation.RESTATES),
        ("Deliveries are not due until July.", date(2008, 2, 5), Relation.MOVES_DEADLINE),
        ("``We are rolling out the first jet,'' he enthused.", date(2008, 2, 5), None),
        ("It had only been out 22 days and sold well.", date(2008, 2, 5), Relation.REPORTS_DONE),
        ("It had not addressed the problem.", date(2008, 2, 5), None),
        ("Only two of the jets were delivered.", date(2008, 2, 5), Relation.REPORTS_PARTLY),
    ],
)
def test_relation_rules(sentence: str, published: date, expected: Relation | None) -> None:
    found = relation_of(sentence, deadline=date(2008, 5, 31), since=date(2007, 1, 10),
                        published=published)  # fmt: skip
    assert (found[0] if found else None) == expected
