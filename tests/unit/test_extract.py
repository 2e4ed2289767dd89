"""extract(): one test per cue class and per error class, on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.cues import CUES
from tracker.domain import Candidate, DueBasis, Horizons, Kind, PublishedBasis
from tracker.extract import extract

PUBLISHED = date(2019, 3, 3)

# (cue class, sentence, kind, quote): one line per class in tracker.cues.CUES.
CUE_CASES = [
    ("promise_verb", "Acme pledged to cut prices.", "promise", "Acme pledged to cut prices"),
    (
        "resolve",
        "Acme is not backing down on its demands.",
        "promise",
        "Acme is not backing down on its demands",
    ),
    (
        "determination",
        "Acme is determined to win the contract.",
        "promise",
        "Acme is determined to win the contract",
    ),
    ("agree_verb", "Acme agreed to buy Globex.", "agreement", "Acme agreed to buy Globex"),
    (
        "agreement_noun",
        "Acme signed a deal to supply Globex with engines.",
        "agreement",
        "Acme signed a deal to supply Globex with engines",
    ),
    ("plan_verb", "Acme intends to open a plant.", "plan", "Acme intends to open a plant"),
    (
        "scheduled",
        "Acme is scheduled to report results.",
        "plan",
        "Acme is scheduled to report results",
    ),
    ("be_to", "Acme is to close its Ohio plant.", "plan", "Acme is to close its Ohio plant"),
    (
        "to_be_done",
        "Acme unveiled Widget 2, to be released in June.",
        "plan",
        "Acme unveiled Widget 2, to be released in June",
    ),
    (
        "nominal_plan",
        "Acme has plans to expand abroad.",
        "plan",
        "Acme has plans to expand abroad",
    ),
    (
        "intention_noun",
        "Acme announced its intention to list shares.",
        "promise",
        "its intention to list shares",
    ),
    (
        "announced_action",
        "Acme announced 2,000 job cuts over the next two years.",
        "plan",
        "Acme announced 2,000 job cuts over the next two years",
    ),
    (
        "dated_ability",
        "Developers can submit apps starting next month.",
        "plan",
        "Developers can submit apps starting next month",
    ),
    (
        "accepted_invitation",
        "Acme said Mr. Li accepted an invitation to visit.",
        "plan",
        "Mr. Li accepted an invitation to visit",
    ),
    (
        "expect_verb",
        "Acme expects sales to fall.",
        "prediction",
        "Acme expects sales to fall",
    ),
    (
        "likely",
        "Acme is likely to miss its target.",
        "prediction",
        "Acme is likely to miss its target",
    ),
    ("future_modal", "Acme will close the plant.", "plan", "Acme will close the plant"),
    ("reported_modal", "Acme said it would close the plant.", "plan", "it would close the plant"),
]


def found(text: str, *, published: date | None = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


class TestCueClasses:
    @pytest.mark.parametrize(("cue", "text", "kind", "quote"), CUE_CASES)
    def test_cue(self, cue: str, text: str, kind: str, quote: str) -> None:
        got = found(text)
        assert [(c.kind.value, c.quote) for c in got] == [(kind, quote)]

    def test_every_cue_class_is_tested(self) -> None:
        assert {case[0] for case in CUE_CASES} == {cue.name for cue in CUES}


class TestErrorClasses:
    def test_expecting_to_act_is_a_plan(self) -> None:
        [c] = found("Acme expects to hire 200 workers.")
        assert (c.kind, c.action) == (Kind.PLAN, "hire 200 workers")

    def test_negation_is_a_promise_with_not_in_the_action(self) -> None:
        text = "Netanyahu said: “Israel will not allow Iran to entrench itself in Syria.”"
        [c] = found(text)
        assert (c.kind, c.action) == (Kind.PROMISE, "not allow Iran to entrench itself in Syria")

    def test_existential_future_is_not_a_commitment_unless_predicted(self) -> None:
        assert found("“There will be extra payments,” said Ann Lee.") == []
        [c] = found("Senator Sam Brownback said he expects there will be a protest.")
        assert (c.kind, c.actors) == (Kind.PREDICTION, ("Sam Brownback",))

    def test_can_without_a_date_is_not_a_commitment(self) -> None:
        assert found("Acme can build planes in Ohio.") == []

    def test_hedge_is_not_a_commitment(self) -> None:
        assert found("Russia may have diplomatic tools. Acme could possibly plan to sell.") == []

    def test_conditional_is_not_a_commitment(self) -> None:
        text = "If Russia follows through on this promise to help, this would be a victory."
        assert found(text) == []

    def test_past_is_not_a_commitment(self) -> None:
        text = "Israel has already attacked Iran. Boeing had initially agreed to lease planes."
        assert found(text) == []

    def test_question_is_not_a_commitment(self) -> None:
        assert found("Will Acme close the plant?") == []

    def test_performative_is_not_a_commitment(self) -> None:
        assert found("“I would like to thank our staff,” said Ann Lee.") == []

    def test_assessment_with_demonstrative_is_not_a_commitment(self) -> None:
        assert found("“This will be a great day for Kansas,” said Sam Brownback.") == []

    def test_reported_speech_actor_is_the_reporter(self) -> None:
        [c] = found("Acme Corp. said on Monday that it would cut 500 jobs.")
        assert (c.actors, c.kind) == (("Acme Corp",), Kind.PLAN)

    def test_first_person_in_quote_is_the_speaker(self) -> None:
        [c] = found("“We will double our exports,” said Trade Minister Anna Berg.")
        assert (c.actors, c.kind, c.quote) == (
            ("Anna Berg",),
            Kind.PROMISE,
            "We will double our exports",
        )

    def test_speaker_attribution_across_sentences(self) -> None:
        text = (
            "Prime Minister Ole Dahl spoke on Sunday. “We met twice,” said Dahl. "
            "“I will visit Oslo.”"
        )
        [c] = found(text)
        assert (c.actors, c.quote) == (("Ole Dahl",), "I will visit Oslo")

    def test_he_is_the_last_named_person_and_surnames_expand(self) -> None:
        text = "Chief executive Mary Barra spoke to staff. Barra said she plans to hire engineers."
        [c] = found(text)
        assert c.actors == ("Mary Barra",)

    def test_we_agreed_includes_both_parties(self) -> None:
        text = (
            "President Vladimir Putin met Prime Minister Benjamin Netanyahu. "
            "“We agreed to set up a joint team,” said Netanyahu after talks with Putin."
        )
        [c] = found(text)
        assert (c.kind, c.actors) == (Kind.AGREEMENT, ("Benjamin Netanyahu", "Vladimir Putin"))

    def test_coordinated_verb_phrases_are_separate_commitments(self) -> None:
        text = "GM plans to lay off 47,000 employees and close five factories."
        assert [c.action for c in found(text)] == [
            "lay off 47,000 employees",
            "close five factories",
        ]

    def test_coordinated_modals_are_separate_commitments(self) -> None:
        text = "Apple will own the trademarks and will license some to Apple Corps."
        assert [c.quote for c in found(text)] == [
            "Apple will own the trademarks",
            "will license some to Apple Corps",
        ]

    def test_nominal_plan(self) -> None:
        [c] = found("Putin even has plans to visit Jerusalem.")
        assert (c.kind, c.actors, c.action) == (Kind.PLAN, ("Putin",), "visit Jerusalem")

    def test_passive_future_is_a_plan_of_the_organisation(self) -> None:
        text = "Ford Motor Company reported losses. The Ohio plant will be closed by 2008."
        [c] = found(text, published=date(2006, 5, 1))
        assert (c.kind, c.actors, c.deadline) == (
            Kind.PLAN,
            ("Ford Motor Company",),
            date(2008, 12, 31),
        )

    def test_headline_repeating_the_body_is_not_repeated(self) -> None:
        text = "Acme Agrees to Buy Globex\nAcme Corp. agreed to buy Globex for $2 billion."
        assert [c.quote for c in found(text)] == ["Acme Corp. agreed to buy Globex for $2 billion"]

    def test_unattributed_forecast_is_dropped_unless_dated(self) -> None:
        assert found("Many firms will be insolvent.") == []
        [c] = found("The first flight will take off on March 25.")
        assert (c.kind, c.deadline) == (Kind.PLAN, date(2019, 3, 25))

    def test_attributed_forecast_is_a_prediction_of_the_source(self) -> None:
        [c] = found("Analyst Jim Cramer predicts that prices will fall.")
        assert (c.kind, c.actors) == (Kind.PREDICTION, ("Jim Cramer",))

    def test_reported_should_is_a_plan(self) -> None:
        [c] = found(
            "Ford said 30,000 positions should be cut by 2012.", published=date(2006, 9, 1)
        )
        assert (c.kind, c.actors, c.deadline) == (Kind.PLAN, ("Ford",), date(2012, 12, 31))

    def test_acronym_and_pronoun_resolve_to_the_organisation(self) -> None:
        text = "General Motors lost money. GM said it will close five plants."
        [c] = found(text)
        assert c.actors == ("General Motors",)

    def test_generic_noun_prefers_a_fitting_name(self) -> None:
        text = "Boeing delivered a jet to All Nippon Airways. The airline will fly it to Oslo."
        [c] = found(text)
        assert c.actors == ("All Nippon Airways",)

    def test_first_person_outside_quotation_marks_is_the_salient_person(self) -> None:
        [c] = found("Apple CEO Steve Jobs sent a memo to staff.\nI will continue as CEO.")
        assert (c.actors, c.quote) == (("Steve Jobs",), "I will continue as CEO")


class TestDeadlines:
    def test_end_of_the_year_in_a_2006_article(self) -> None:
        [c] = found(
            "Ford will cut 10,000 jobs by the end of the year.", published=date(2006, 8, 19)
        )
        assert (c.deadline, c.due, c.due_basis) == (
            date(2006, 12, 31),
            date(2006, 12, 31),
            DueBasis.DEADLINE,
        )
        assert c.deadline_text == "the end of the year"

    def test_within_months_counts_from_publication(self) -> None:
        [c] = found("Acme will open the plant within six months.", published=date(2019, 3, 3))
        assert c.deadline == date(2019, 9, 3)

    def test_past_time_of_saying_is_not_a_deadline(self) -> None:
        [c] = found("Netanyahu said on Sunday that Israel would keep up its strikes.")
        assert (c.deadline, c.due_basis) == (None, DueBasis.DEFAULT)

    def test_default_horizon_by_kind(self) -> None:
        horizons = Horizons(plan=30)
        [c] = extract(
            "Acme plans to open a store.", published=PUBLISHED, horizons=horizons
        ).commitments
        assert (c.due, c.due_basis) == (date(2019, 4, 2), DueBasis.DEFAULT)


class TestPublication:
    def test_given_date_and_basis(self) -> None:
        result = extract("Acme will hire.", published=PUBLISHED)
        assert (result.published, result.published_basis) == (PUBLISHED, PublishedBasis.GIVEN)

    def test_caller_supplied_basis_is_kept(self) -> None:
        result = extract(
            "Acme will hire.", published=PUBLISHED, published_basis=PublishedBasis.METADATA
        )
        assert result.published_basis == PublishedBasis.METADATA

    def test_found_in_text(self) -> None:
        result = extract("Acme to hire\nDecember 10, 2013\nAcme will hire 50 people next year.")
        assert (result.published, result.published_basis) == (
            date(2013, 12, 10),
            PublishedBasis.TEXT,
        )
        assert [c.deadline for c in result.commitments] == [date(2014, 12, 31)]

    def test_fallback_reference_is_fetched_basis(self) -> None:
        result = extract("Acme will hire.", fallback_ref=PUBLISHED)
        assert (result.published, result.published_basis) == (PUBLISHED, PublishedBasis.FETCHED)
        assert [c.due for c in result.commitments] == [date(2019, 8, 30)]  # plan: 180 days

    def test_unknown_keeps_only_self_dated_commitments(self) -> None:
        result = extract("Acme will hire staff by March 2030. Acme will open a shop.")
        assert result.published_basis == PublishedBasis.UNKNOWN
        assert [(c.quote, c.due) for c in result.commitments] == [
            ("Acme will hire staff by March 2030", date(2030, 3, 31))
        ]


def test_quote_is_the_exact_span() -> None:
    text = "Intro line here.\nAcme said it will build a plant in Ohio, officials said."
    for c in found(text):
        assert text[c.start : c.end] == c.quote


def test_confidence_is_between_zero_and_one() -> None:
    assert all(
        0 <= c.confidence <= 1 for c in found("Acme pledged to cut prices. Acme will grow.")
    )
