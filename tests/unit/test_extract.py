"""extract(): one test per cue class and per error class, on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain import Candidate, DueBasis, Horizons, Kind, PublishedBasis
from tracker.extract import extract
from tracker.extract.cues import CUES

PUBLISHED = date(2019, 3, 3)

# (cue class, sentence, kind, quote): one line per class in tracker.cues.CUES.
CUE_CASES = [
    ("headline_to", "Acme to cut 10% of staff", "plan", "Acme to cut 10% of staff"),
    (
        "agreed_decision",
        "Acme Energy agrees final investment decision to build the plant.",
        "agreement",
        "Acme Energy agrees final investment decision to build the plant",
    ),
    (
        "agreement_reached",
        "The agreement reached today between Acme and Globex covers 500 jobs.",
        "agreement",
        "The agreement reached today between Acme and Globex covers 500 jobs",
    ),
    (
        "agreement_to",
        "Stellantis' agreement to purchase 25,000 tons of lithium was welcomed.",
        "agreement",
        "Stellantis' agreement to purchase 25,000 tons of lithium was welcomed",
    ),
    (
        "agreed_should",
        "Ministers reached a deal on Monday. The EU should diversify its gas imports.",
        "agreement",
        "The EU should diversify its gas imports",
    ),
    (
        "target_noun",
        "Acme has a target to cut emissions by 25% by 2030.",
        "plan",
        "Acme has a target to cut emissions by 25% by 2030",
    ),
    (
        "ready",
        "The Commission is ready to implement the AI Act.",
        "plan",
        "The Commission is ready to implement the AI Act",
    ),
    (
        "launches_noun",
        "The Government launches a consultation on the new energy scheme.",
        "plan",
        "The Government launches a consultation on the new energy scheme",
    ),
    (
        "dated_present",
        "Talks launch tomorrow on a new trade deal.",
        "plan",
        "Talks launch tomorrow on a new trade deal",
    ),
    (
        "look_forward",
        "The leaders looked forward to meeting again at next month's summit.",
        "plan",
        "The leaders looked forward to meeting again at next month's summit",
    ),
    (
        "invited_to",
        "The President invited the Prime Minister to attend a summit on 3 April.",
        "plan",
        "The President invited the Prime Minister to attend a summit on 3 April",
    ),
    (
        "new_order",
        "Skyways has ordered US$ 2 billion in new jets.",
        "agreement",
        "Skyways has ordered US$ 2 billion in new jets",
    ),
    (
        "dated_continuation",
        "The regulator has continued to keep the exchange closed until Friday.",
        "plan",
        "The regulator has continued to keep the exchange closed until Friday",
    ),
    (
        "promised_noun",
        "Zentra has promised a free upgrade before the end of June.",
        "promise",
        "Zentra has promised a free upgrade before the end of June",
    ),
    (
        "expected_date",
        "The next version of the software is expected in early May.",
        "plan",
        "The next version of the software is expected in early May",
    ),
    ("promise_verb", "Acme pledged to cut prices.", "promise", "Acme pledged to cut prices"),
    (
        "forecast_figure",
        "The central bank projects growth at 5.2% in 2020.",
        "prediction",
        "The central bank projects growth at 5.2% in 2020",
    ),
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
        "dated_progressive",
        "Acme's new jet is flying to Chicago on March 8.",
        "plan",
        "Acme's new jet is flying to Chicago on March 8",
    ),
    (
        "announced_progressive",
        "Acme Corp. makes cars. Acme Corp. announced today that it is closing its Ohio plant.",
        "plan",
        "it is closing its Ohio plant",
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
    (
        "selected_to",
        "The port authority has chosen Globex Marine to dredge the harbour.",
        "agreement",
        "The port authority has chosen Globex Marine to dredge the harbour",
    ),
    (
        "made_available",
        "Acme Bank made $300 million available for small business loans.",
        "plan",
        "Acme Bank made $300 million available for small business loans",
    ),
    (
        "announced_funding",
        "Acme Corp. today announced $2 billion in new funding for its plants.",
        "plan",
        "Acme Corp. today announced $2 billion in new funding for its plants",
    ),
    (
        "can_apply",
        "Farmers can apply for grants to plant hedges.",
        "plan",
        "Farmers can apply for grants to plant hedges",
    ),
    (
        "open_for_applications",
        "The Acme innovation scheme is open for applications.",
        "plan",
        "The Acme innovation scheme is open for applications",
    ),
    (
        "target_set",
        "Acme doubled its recycling target.",
        "plan",
        "Acme doubled its recycling target",
    ),
    (
        "postponed_until",
        "The merger vote was delayed until June 2025.",
        "plan",
        "The merger vote was delayed until June 2025",
    ),
    (
        "lead_to_be",
        "Two new ferries to be built in Glasgow by the council.",
        "plan",
        "Two new ferries to be built in Glasgow by the council",
    ),
    (
        "counted_outcome",
        "The Tidewater fund to train 500 nurses is open.",
        "plan",
        "The Tidewater fund to train 500 nurses",
    ),
    (
        "counted_outcome_ing",
        "Acme unveiled a £40m plant in Hull, creating 300 jobs.",
        "plan",
        "Acme unveiled a £40m plant in Hull, creating 300 jobs",
    ),
    (
        "funding_progressive",
        "Acme is investing £40m in Hull.",
        "plan",
        "Acme is investing £40m in Hull",
    ),
    (
        "event_scheduled",
        "Acme shareholders met before the vote scheduled for 4 May.",
        "plan",
        "the vote scheduled for 4 May",
    ),
    (
        "dated_event",
        "Officials discussed the minister’s visit to Leeds tomorrow.",
        "plan",
        "the minister’s visit to Leeds tomorrow",
    ),
    (
        "money_allocated",
        "The council has allocated an extra £3m to repair the pier.",
        "plan",
        "The council has allocated an extra £3m to repair the pier",
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

    def test_due_to_a_noun_is_a_cause_not_a_schedule(self) -> None:
        text = (
            "The costs ran over budget due to what the builders call outside interference. "
            "Growth was also due to considerable sales of phones."
        )
        assert found(text) == []
        [c] = found("The ferry is due to leave on Friday.")
        assert c.kind == Kind.PLAN

    def test_a_schedule_seen_from_the_past_commits_only_with_a_date_ahead(self) -> None:
        assert found("The tanker was due to fly on to Oslo, but the flight was cancelled.") == []
        [c] = found("Officials said the ferry was due to leave next Tuesday.")
        assert c.deadline is not None and c.deadline > PUBLISHED

    def test_purpose_of_a_past_act_is_not_a_plan(self) -> None:
        assert found("The test flight was intended to answer its critics.") == []

    def test_feelings_and_tributes_are_not_commitments(self) -> None:
        text = (
            "“I will miss her immensely,” said Ann Lee. His ideas will forever be ours. "
            "“His loss will be felt for years,” said Ann Lee."
        )
        assert found(text) == []

    def test_a_decision_taken_is_a_plan(self) -> None:
        [c] = found("Zentra Corp. has decided to appeal the ruling.")
        assert (c.kind, c.actors, c.action) == (Kind.PLAN, ("Zentra Corp",), "appeal the ruling")

    def test_a_promised_thing_with_a_date_is_a_promise(self) -> None:
        [c] = found("Zentra has promised a free upgrade before the end of June.")
        assert (c.kind, c.actors) == (Kind.PROMISE, ("Zentra",))
        assert c.deadline is not None and (c.deadline.month, c.deadline.day) == (6, 30)

    def test_an_expected_release_needs_its_date(self) -> None:
        [c] = found("Zentra said the next version is expected in early May.")
        assert c.deadline is not None and c.deadline.month == 5
        assert found("The next version is expected by many to be slow.") == []

    def test_indicated_and_signaled_report_what_would_happen(self) -> None:
        text = (
            "Brandt indicated on Monday that the economy would not sustain its growth, where "
            "the index set records. The bank signaled that it would cut its rates."
        )
        first, second = found(text)
        assert (first.kind, first.actors, first.deadline) == (Kind.PREDICTION, ("Brandt",), None)
        assert first.quote == "the economy would not sustain its growth"
        assert (second.kind, second.actors) == (Kind.PLAN, ("The bank",))

    def test_a_range_of_dates_is_due_at_its_end(self) -> None:
        [c] = found("Zentra will fly the first plane in August or September.")
        assert c.deadline is not None and (c.deadline.month, c.deadline.day) == (9, 30)

    def test_going_to_in_a_quote_is_an_intention_not_a_pledge(self) -> None:
        [going] = found("“We are going to move the store online,” said Ann Lee.")
        [will] = found("“We will not raise prices,” said Ann Lee.")
        assert (going.kind, will.kind) == (Kind.PLAN, Kind.PROMISE)

    def test_an_opening_phrase_before_the_speaker_is_no_speaker(self) -> None:
        [c] = found("During the keynote, Schiller said, “We plan to open 40 stores.”")
        assert c.actors == ("Schiller",)
        [c] = found("Jane Roe, chief economist at Acme, said: “We will cut rates.”")
        assert c.actors == ("Acme", "Jane Roe")  # "we": the organisation she speaks for

    def test_a_continuing_state_commits_only_with_a_date(self) -> None:
        assert found("The regulator has continued to keep the exchange closed.") == []

    def test_a_purpose_after_a_noun_is_no_plan_but_is_intended_to_is(self) -> None:
        assert found("Zentra opened a data center intended to serve the new app.") == []
        [c] = found("The service is intended to launch in the fall of 2019.")
        assert c.kind == Kind.PLAN and c.deadline is not None
        [c] = found("Zentra said that it intended to sell the unit in the near future.")
        assert (c.kind, c.actors) == (Kind.PLAN, ("Zentra",))

    def test_a_promised_thing_without_an_article(self) -> None:
        [c] = found("The minister promised deeper ties with the union by 2021.")
        assert c.kind == Kind.PROMISE and c.deadline is not None

    def test_an_adverb_before_the_reporting_verb_leaves_the_named_source(self) -> None:
        [c] = found("Ann Lee, a Zentra manager, also revealed that prices would fall.")
        assert (c.kind, c.actors) == (Kind.PREDICTION, ("Ann Lee",))

    def test_a_measure_as_subject_is_forecast_unless_passive(self) -> None:
        text = (
            "Ann Lee said that the economy would not sustain its growth. "
            "Zentra said that the price of the phone will be cut to $99 in June."
        )
        economy, price = found(text)
        assert (economy.kind, price.kind) == (Kind.PREDICTION, Kind.PLAN)

    def test_a_name_in_apposition_to_a_description_is_who_acts(self) -> None:
        [c] = found("Boeing's European rival, Airbus, is preparing to launch a jet in 2013.")
        assert c.actors == ("Airbus",)
        [c] = found("Barra, 51, will lead the company.")
        assert c.actors == ("Barra",)

    def test_a_nations_institution_is_itself_who_acts(self) -> None:
        text = (
            "The Central Bank cut its rates. The Russian government will keep the stock "
            "markets closed until Friday."
        )
        [c] = found(text)
        assert c.actors == ("Russian government",)

    def test_the_subject_of_a_passive_is_not_who_acts(self) -> None:
        text = "Zentra Corp. makes software. Zentra Office 9 will be shipped in July."
        [c] = found(text)
        assert c.actors == ("Zentra Corp",)

    def test_a_future_told_of_a_plan_just_named_is_that_plan(self) -> None:
        [c] = found("Zentra Air is pursuing an expansion plan which will see it fly 70m people.")
        assert (c.kind, c.actors) == (Kind.PLAN, ("Zentra Air",))

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

    def test_an_unresolved_it_is_never_an_actor(self) -> None:
        [named] = found("The ministry said it will finish the new runway by the end of the year.")
        [bare] = found("It will open the bridge next year.")
        assert (named.actors, bare.actors) == (("The ministry",), ())

    def test_a_colon_hands_the_quotation_to_the_sentences_subject(self) -> None:
        text = (
            "Acme Corp and Globex Inc even have a plan for the harbour: "
            "“We will build a new ferry terminal.”"
        )
        [c] = found(text)
        assert c.actors == ("Acme Corp", "Globex Inc")

    def test_an_appositive_never_runs_over_a_sentence_end(self) -> None:
        text = (
            "Chief executive Ann Lee spoke about prices in Brazil, and she may have won. "
            "The chief executive on Monday said that she “will cut prices next year.”"
        )
        [c] = found(text)
        assert "Brazil" not in c.actors

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

    def test_two_names_run_together_are_not_a_person(self) -> None:
        text = (
            "Acme makes cars in Akron, Ohio and Erie, Ohio Acme's shares fell 3%. "
            "Acme said sales were weak. Acme lost money. The plan is to close both plants."
        )
        [c] = found(text)
        assert c.actors == ("Acme",)

    def test_a_recipient_after_to_is_not_the_actor(self) -> None:
        text = (
            "Acme Aircraft builds the Skyliner. Acme Aircraft said the first jet flew well. "
            "Deliveries to Northwind Air, its first customer, are not due until October."
        )
        [c] = found(text)
        assert (c.actors, c.kind) == (("Acme Aircraft",), Kind.PLAN)

    def test_acronym_defined_in_parentheses(self) -> None:
        [c] = found("Northwind Airlines (NWA) bought ten jets. NWA will take the first in May.")
        assert c.actors == ("Northwind Airlines",)

    def test_places_are_not_who_acts(self) -> None:
        text = (
            "Acme Corp. builds jets in Toulouse, France. Acme sells them in France and Spain. "
            "Most parts will be supplied by local firms."
        )
        [c] = found(text)
        assert c.actors == ("Acme Corp",)

    def test_plural_agent_noun_after_a_dated_adverbial(self) -> None:
        [c] = found("Starting on October 1 regulators will lower the export duty on oil.")
        assert (c.actors, c.kind, c.deadline) == (("regulators",), Kind.PLAN, date(2019, 10, 1))

    def test_speaker_with_an_appositive_after_the_quote(self) -> None:
        text = "``Hiring will slow this year,'' Jane Roe, chief economist at Acme, said."
        [c] = found(text)
        assert ("Jane Roe" in c.actors, c.kind) == (True, Kind.PREDICTION)

    def test_speaker_of_a_statement_and_future_progressive_is_a_plan(self) -> None:
        text = (
            "A group of city councillors released a joint statement saying "
            '"We will be reviewing the contract before the vote."'
        )
        [c] = found(text)
        assert (c.actors, c.kind) == (("A group of city councillors",), Kind.PLAN)

    def test_first_person_progressive_in_a_quote_is_a_plan(self) -> None:
        [c] = found('"We will be meeting the minister next week," said Jane Roe.')
        assert (c.actors, c.kind) == (("Jane Roe",), Kind.PLAN)

    def test_participle_reporting_verb_takes_the_sentence_subject(self) -> None:
        [c] = found("Jane Roe declined to give a date, stating that the goal was to cut costs.")
        assert (c.actors, c.kind, c.action) == (("Jane Roe",), Kind.PLAN, "cut costs")

    def test_reported_assurance_is_a_promise(self) -> None:
        [c] = found("The union leader said he had been assured that the plant would stay open.")
        assert c.kind == Kind.PROMISE

    def test_progressive_without_a_date_or_announcement_is_not_a_commitment(self) -> None:
        text = "Acme's new jet is flying to Chicago. Acme Corp. said that it is struggling."
        assert found(text) == []

    def test_aspectual_starting_to_is_not_an_arranged_event(self) -> None:
        assert found("Prices are starting to rise next month.") == []

    def test_being_affected_by_a_dated_event_is_a_forecast(self) -> None:
        [c] = found("Acme Corp. says its Ohio plant will be affected by Sunday's storm.")
        assert (c.kind, c.actors) == (Kind.PREDICTION, ("Acme Corp",))

    def test_sale_to_a_named_party_is_an_agreement(self) -> None:
        text = "Acme Corp. makes cars. Acme Corp. announced that it is selling its unit to Globex."
        [c] = found(text)
        assert (c.kind, c.actors) == (Kind.AGREEMENT, ("Acme Corp",))

    def test_model_name_subject_is_not_the_actor(self) -> None:
        text = (
            "Acme Aircraft builds jets. Acme Aircraft is growing. "
            "A second Skyliner 300 is also flying to Chicago on March 8."
        )
        [c] = found(text)
        assert (c.actors, c.deadline) == (("Acme Aircraft",), date(2019, 3, 8))

    def test_gapped_passive_is_a_second_commitment(self) -> None:
        got = found("Acme said 30,000 jobs should be cut and 14 plants closed by 2020.")
        assert [(c.quote, c.deadline) for c in got] == [
            ("30,000 jobs should be cut", date(2020, 12, 31)),
            ("14 plants closed by 2020", date(2020, 12, 31)),
        ]

    def test_gapped_object_with_its_own_time_is_a_second_commitment(self) -> None:
        text = (
            "Acme Corp. makes cars. Acme Corp. will close two plants in 2020, another two in 2022."
        )
        got = found(text)
        assert [(c.quote, c.deadline) for c in got] == [
            ("Acme Corp. will close two plants in 2020", date(2020, 12, 31)),
            ("another two in 2022", date(2022, 12, 31)),
        ]

    def test_acronym_abbreviating_one_name_of_the_text(self) -> None:
        text = "Northwind Air bought ten jets. Acme Aircraft makes them. NWA will take one in May."
        [c] = found(text)
        assert c.actors == ("Northwind Air",)

    def test_agent_of_a_passive_without_acting_subject(self) -> None:
        [c] = found("Acme Corp. makes cars. The first units will be built by Globex Corp. in May.")
        assert c.actors == ("Globex Corp",)

    def test_forecast_frame_does_not_reach_a_coordinated_verb_phrase(self) -> None:
        text = (
            "Acme Corp. makes cars. Jane Roe, the Acme Corp. chief, expected the firm to focus "
            "on trucks, and will size its plants to match."
        )
        [_, c] = found(text)
        assert (c.kind, c.action) == (Kind.PLAN, "size its plants to match")

    def test_trailing_attribution_names_the_source(self) -> None:
        text = (
            "Acme's truck unit is to be allowed to bid again for city contracts, "
            "the Transport Ministry has announced."
        )
        [c] = found(text)
        assert c.actors == ("Transport Ministry",)

    def test_announced_outcome_is_the_announcers_plan(self) -> None:
        [c] = found("The price change will occur within six months, Acme Corp. announced.")
        assert (c.kind, c.actors) == (Kind.PLAN, ("Acme Corp",))

    def test_disbelief_is_not_a_commitment(self) -> None:
        assert found('"I can not believe we would close the Ohio plant," said Jane Roe.') == []

    def test_demonstrative_subject_takes_the_previous_sentences_actor(self) -> None:
        text = (
            "Acme Corp. makes cars. The Transport Ministry will review the bids before a "
            "decision is made. That decision is due by the end of next month."
        )
        got = found(text)
        assert [(c.quote[:13], c.actors) for c in got] == [
            ("The Transport", ("Transport Ministry",)),
            ("That decision", ("Transport Ministry",)),
        ]

    def test_event_is_held_by_the_institution_named_as_its_venue(self) -> None:
        text = (
            "Acme Corp. wants to sell its truck unit. A hearing has been scheduled in the "
            "Ohio Bankruptcy Court for May 2."
        )
        [_, c] = found(text)
        assert (c.actors, c.deadline) == (("Ohio Bankruptcy Court",), date(2019, 5, 2))

    def test_obligations_after_an_agreement_are_its_terms(self) -> None:
        text = (
            "Acme Corp. and the city signed a settlement on Monday. Acme Corp. will have to "
            "pay for an audit, and can not bill the city for it."
        )
        got = found(text)
        assert [(c.quote, c.kind, c.action) for c in got] == [
            (
                "Acme Corp. will have to pay for an audit",
                Kind.AGREEMENT,
                "have to pay for an audit",
            ),
            ("can not bill the city for it", Kind.AGREEMENT, "not bill the city for it"),
        ]

    def test_obligation_without_an_agreement_is_a_plan(self) -> None:
        [c] = found("Acme Corp. makes cars. Acme Corp. will have to pay for an audit.")
        assert c.kind == Kind.PLAN

    def test_passive_with_a_named_agent_is_an_agreement(self) -> None:
        [c] = found("Northwind Air said it will be compensated by Acme Aircraft for the delay.")
        assert (c.kind, c.actors) == (Kind.AGREEMENT, ("Northwind Air", "Acme Aircraft"))

    def test_passive_agent_is_an_actor_beside_the_source(self) -> None:
        text = (
            "Fiat Auto makes cars. The unions say the new engines will be made by "
            "General Motors in Australia."
        )
        [c] = found(text)
        assert c.actors == ("General Motors", "The unions")

    @pytest.mark.parametrize("subject", ["The German carmaker", "The Netherlands-based company"])
    def test_described_organisation_is_the_one_named_before(self, subject: str) -> None:
        [c] = found(f"Globex Motors sold 2,000 cars. {subject} will open a plant in Ohio.")
        assert c.actors == ("Globex Motors",)

    def test_appositive_with_a_title_marks_a_person(self) -> None:
        text = (
            '"The response has been huge," said Jane Roe, a spokesman for Acme Union. '
            "She said the union will strike on May 2."
        )
        [c] = found(text)
        assert c.actors == ("Acme Union", "Jane Roe")


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

    def test_fronted_time_adverbial_bounds_the_clause(self) -> None:
        [c] = found("By 2020, Acme will close five plants.")
        assert (c.deadline, c.deadline_text) == (date(2020, 12, 31), "2020")

    def test_time_in_a_fronted_subordinate_clause_is_not_a_deadline(self) -> None:
        [c] = found(
            "After the jet lands in Tokyo next month, the airline will use it on a charter."
        )
        assert (c.deadline, c.due_basis) == (None, DueBasis.DEFAULT)

    def test_range_of_days_runs_to_its_upper_end(self) -> None:
        [c] = found("Jane Roe said the merger would take between 60 and 90 days.")
        assert c.deadline == date(2019, 6, 1)

    def test_opening_time_of_a_past_agreement_is_not_a_deadline(self) -> None:
        text = "In January, Acme Corp. agreed to pay $5m to settle the suit."
        [c] = found(text, published=date(2019, 1, 15))
        assert (c.kind, c.deadline) == (Kind.AGREEMENT, None)

    def test_opening_future_time_dates_an_expectation(self) -> None:
        [c] = found("By 2021, Acme Corp. expects to double its sales.")
        assert (c.kind, c.deadline) == (Kind.PLAN, date(2021, 12, 31))

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
    cands = found(text)
    assert [c.quote for c in cands] == ["it will build a plant in Ohio"]
    assert [text[c.start : c.end] for c in cands] == [c.quote for c in cands]


def test_confidence_is_between_zero_and_one() -> None:
    confidences = [c.confidence for c in found("Acme pledged to cut prices. Acme will grow.")]
    assert confidences == [0.9]  # "Acme will grow" is an undated forecast: no candidate
    assert all(0 <= x <= 1 for x in confidences)
