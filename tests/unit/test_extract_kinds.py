"""extract(): commitments of today's news that the cues used to miss or merge (issue 10): one
clause per coordinated verb phrase, shared views that are not undertakings, and the kinds of
government releases. Sentences written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.cues import CUES
from tracker.extract.prefilter import NEEDS, barred, wanted

PUBLISHED = date(2025, 3, 4)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


def quotes(text: str) -> list[str]:
    return [c.quote for c in found(text)]


class TestCoordinatedVerbPhrases:
    def test_a_comma_list_of_verb_phrases_is_one_clause_each(self) -> None:
        text = (
            "Acme Health will train 2,000 more family doctors, transform outpatient "
            "appointments and provide care plans for complex needs."
        )
        assert quotes(text) == [
            "Acme Health will train 2,000 more family doctors",
            "transform outpatient appointments",
            "provide care plans for complex needs",
        ]

    def test_a_verb_without_a_determiner_after_a_comma(self) -> None:
        text = "Acme Health will house its clinics under one roof, open at evenings and weekends."
        assert quotes(text) == [
            "Acme Health will house its clinics under one roof",
            "open at evenings and weekends",
        ]

    def test_coordinated_gerunds_after_a_gerund(self) -> None:
        text = (
            "The Committee is committed to supporting full employment and returning "
            "inflation to its target."
        )
        assert quotes(text) == [
            "The Committee is committed to supporting full employment",
            "returning inflation to its target",
        ]

    def test_a_coordinated_noun_is_not_a_verb_phrase(self) -> None:
        text = "Acme Bank will offer loans to small firms, support from advisers and training."
        assert len(found(text)) == 1

    def test_a_short_run_of_verbs_is_one_act(self) -> None:
        assert len(found("Acme will design, build and run the new plant.")) == 1

    def test_and_under_an_inner_infinitive_stays_inside_it(self) -> None:
        text = (
            "Acme Air will enable us to open more routes across Europe and bring low "
            "fares to more travellers."
        )
        assert len(found(text)) == 1


class TestSharedViews:
    @pytest.mark.parametrize(
        "text",
        [
            "The leaders agreed that closer cooperation on AI is one of the issues of our age.",
            "They agreed on the importance of a peaceful transition in the region.",
        ],
    )
    def test_an_agreed_view_is_not_an_undertaking(self, text: str) -> None:
        assert found(text) == []

    def test_an_agreed_future_is(self) -> None:
        [c] = found("The leaders agreed that their ministers will meet again in June.")
        assert c.kind.value == "agreement"


class TestHeadlines:
    def test_a_headline_without_a_verb_is_a_plan(self) -> None:
        text = "Acme Rail to cut 10% of staff\n4 March 2025\nThe firm said profits fell."
        [c] = found(text)
        assert (c.quote, c.kind.value, c.actors) == (
            "Acme Rail to cut 10% of staff",
            "plan",
            ("Acme Rail",),
        )

    def test_a_bullet_line_is_one_too(self) -> None:
        text = "Intro.\nNeighbourhood clinics to be rolled out across the country\nMore."
        assert quotes(text) == ["Neighbourhood clinics to be rolled out across the country"]

    @pytest.mark.parametrize(
        "line",
        [
            "More than £500 million to support delivery of major sporting events in the UK",
            "At least £400 million to be invested in new grassroots sport facilities",
            "New hospitals and two clinics in the north of England to get new funding",
        ],
    )
    def test_a_sum_or_a_long_subject_heads_a_bullet_too(self, line: str) -> None:
        assert quotes(f"Intro.\n{line}\nMore.") == [line]

    @pytest.mark.parametrize(
        "line",
        [
            "Apple releases program to limit iPod volume",  # a verb before "to"
            "Shares rose to record highs",
            "Acme to cut staff.",  # a sentence of the body, not a headline
            "He went to see the plant",
        ],
    )
    def test_not_a_headline_commitment(self, line: str) -> None:
        assert found(f"Intro.\n{line}\nMore.") == []


class TestForecasts:
    def test_a_forecast_stated_as_a_figure(self) -> None:
        [c] = found("The Commission projects real GDP to grow by 1.1% in 2026.")
        assert (c.kind.value, c.deadline) == ("prediction", date(2026, 12, 31))

    def test_each_figure_with_its_own_date_is_its_own_line(self) -> None:
        cands = found("The bank projects growth at 5.2% this year and 5.5% in the second quarter.")
        assert [(c.kind.value, c.deadline) for c in cands] == [
            ("prediction", date(2025, 12, 31)),
            ("prediction", date(2025, 6, 30)),
        ]

    def test_a_second_object_with_its_own_date(self) -> None:
        cands = found("Acme will open a plant in Ohio in May and a second one in Texas in 2027.")
        assert [c.deadline for c in cands] == [date(2025, 5, 31), date(2027, 12, 31)]

    def test_a_figure_for_a_place_is_not_a_second_line(self) -> None:
        text = (
            "The Commission projects growth of 1.1% in 2026 in the EU and 0.9% in the euro area."
        )
        assert len(found(text)) == 1

    def test_demand_as_a_noun_is_no_hedge(self) -> None:
        [c] = found("Korea's import demand is set to grow by 45% by 2035.")
        assert c.deadline == date(2035, 12, 31)


class TestGovernmentReleases:
    @pytest.mark.parametrize(
        "text",
        [
            "The leaders looked forward to meeting again.",
            "The President invited the Prime Minister to attend a meeting in Brussels.",
        ],
    )
    def test_an_undated_courtesy_is_no_commitment(self, text: str) -> None:
        assert found(text) == []

    def test_an_ambition_over_years(self) -> None:
        [c] = found("We have an ambition to build 1.5 million homes over the next five years.")
        assert (c.kind.value, c.deadline) == ("plan", date(2030, 3, 4))

    def test_a_reported_schedule_after_updating(self) -> None:
        text = (
            "Updating on the Defence Review, which would be published later this year, he spoke."
        )
        [c] = found(text)
        assert c.deadline == date(2025, 12, 31)

    @pytest.mark.parametrize(
        "text",
        [
            "The regional desks will also look to build links with hydrogen firms in Norway.",
            "The Harbour White Paper will seek to reform how ferry routes are tendered.",
        ],
    )
    def test_a_future_intention_is_a_plan_whatever_the_subject(self, text: str) -> None:
        [c] = found(text)
        assert c.kind.value == "plan"

    def test_only_a_rule_comes_into_force(self) -> None:
        text = (
            "Caps on fees charged by letting agents, removal firms and storage depots will "
            "come into force as planned."
        )
        [c] = found(text)
        assert c.kind.value == "plan"

    def test_a_deal_secured_in_the_present_tense(self) -> None:
        [c] = found("Government secures deal that will see Acme deliver savings of £2bn a year.")
        assert c.kind.value == "agreement"


def test_every_prefiltered_cue_exists_and_its_words_are_lower_case() -> None:
    names = {cue.name for cue in CUES}
    assert set(NEEDS) <= names
    assert all(w == w.lower() for words in NEEDS.values() for w in words)


def test_a_sentence_without_a_cue_word_skips_the_cue() -> None:
    assert not wanted("ready", "acme will hire staff.")
    assert wanted("ready", "acme is ready to hire staff.")
    assert wanted("future_modal", "anything at all")  # no entry: always looked for


def test_barred_is_wanted_for_every_cue_at_once() -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    sentences = [
        line.lower() for path in sorted(seeds.glob("*.txt"))[:40]
        for line in path.read_text(encoding="utf-8").splitlines()
    ]  # fmt: skip
    assert len(sentences) > 300
    for lowered in sentences:
        out = barred(lowered)
        assert {name for name in NEEDS if not wanted(name, lowered)} == out
        assert "future_modal" not in out


class TestAimsAfterAPurpose:
    def test_an_aim_after_a_purpose_to_is_its_own_line(self) -> None:
        text = (
            "Acme Homes will introduce planning targets to aim to build 1.5 million homes "
            "over the next five years."
        )
        cands = found(text)
        assert [(c.quote, c.deadline) for c in cands] == [
            ("Acme Homes will introduce planning targets", None),
            (
                "aim to build 1.5 million homes over the next five years",
                date(2030, 3, 4),
            ),
        ]

    def test_a_verb_often_a_noun_before_another_verb(self) -> None:
        text = "Acme Fund will unlock private investment in new industries, and help create jobs."
        assert len(found(text)) == 2


class TestTermsOfADeal:
    def test_each_benchmark_of_a_deal_is_its_own_term(self) -> None:
        text = (
            "Ministers reached a deal on Monday. The EU should have the capacity to extract "
            "10%, process 40%, and recycle 25% of its raw materials by 2030."
        )
        cands = found(text)
        assert [(c.kind.value, c.quote) for c in cands] == [
            ("agreement", "The EU should have the capacity to extract 10%"),
            ("agreement", "process 40%"),
            ("agreement", "recycle 25% of its raw materials by 2030"),
        ]

    def test_should_without_a_deal_is_no_commitment(self) -> None:
        assert found("The EU should diversify its gas imports.") == []

    def test_should_of_an_unnamed_subject_is_no_term(self) -> None:
        text = (
            "Acme and Globex settled their dispute in a deal that should remove future disputes."
        )
        assert all(c.kind.value != "agreement" or "should" not in c.quote for c in found(text))


class TestReportedForecasts:
    def test_anticipates_that_reports_a_forecast(self) -> None:
        text = "The Committee anticipates that further increases in the rate will be appropriate."
        lines = found(text)
        assert [(c.actors[0], c.kind.value) for c in lines] == [("Committee", "prediction")]

    def test_a_reporting_verb_after_and_shares_the_first_verbs_subject(self) -> None:
        text = (
            "In support of its goals, the Committee decided to raise the rate to 2 percent and "
            "anticipates that further increases in the rate will be appropriate."
        )
        assert found(text)[-1].actors[0] == "Committee"


@pytest.mark.parametrize("verb", ["pledging", "contributing", "awarding", "lending"])
def test_a_sum_pledged_in_the_progressive_is_a_plan(verb: str) -> None:
    text = f"The United States is {verb} $4 billion over the next three years to the fund."
    lines = found(text)
    assert [c.kind.value for c in lines] == ["plan"]
    assert lines[0].deadline == PUBLISHED.replace(year=PUBLISHED.year + 3)


def test_a_releases_commitment_or_deal_will_see_something_done() -> None:
    text = "Deal agreed\n4 March 2025\nThe new deal will see Wexland buy ten British ferries."
    lines = extract(text, published=PUBLISHED, source_url="https://www.gov.uk/x").commitments
    assert [c.quote for c in lines] == ["The new deal will see Wexland buy ten British ferries"]
