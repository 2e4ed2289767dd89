"""extract(): who is committed when the grammatical subject is no agent (a programme, a
technology, people who benefit), and whose voice a release speaks in; sentences written for
the test."""

from __future__ import annotations

from datetime import date

from tracker.domain import Candidate
from tracker.extract import extract
from tracker.extract.publisher import house_voice

PUBLISHED = date(2025, 3, 3)


def found(text: str, *, published: date = PUBLISHED) -> list[Candidate]:
    return list(extract(text, published=published).commitments)


class TestNotAnAgent:
    def test_a_name_used_with_the_is_a_thing_not_a_surname(self) -> None:
        text = (
            "The Government runs the Nursery Grant for working families. Families already "
            "claiming the Grant will keep their place until 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["the Government"]

    def test_a_name_after_a_common_head_is_its_modifier(self) -> None:
        text = (
            "The Government funds COPD research in Britain. Patients with chronic COPD will "
            "also be able to book nurse visits at home by 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["UK Government"]

    def test_a_person_whose_plan_is_mentioned_is_not_its_actor(self) -> None:
        text = (
            "The Government funds twelve new energy hubs. Such hubs will be central to "
            "Mayor Jane Roe’s plan to cut emissions by 2030."
        )
        assert [c.actors[0] for c in found(text)] == ["the Government"]

    def test_an_owned_network_acts_for_its_owner(self) -> None:
        text = (
            "Ann Lee praised the depots on Monday. The Acme Group’s network of nine depots "
            "will open 12 more sites by 2027."
        )
        assert [c.actors[0] for c in found(text)] == ["Acme Group"]

    def test_he_after_a_gerund_opener_is_the_speaker(self) -> None:
        text = (
            "Keeping Leeds moving matters to Leeds, Transport Secretary Ann Lee said. "
            "She said the new tram line will open by 2027."
        )
        assert "Ann Lee" in found(text)[-1].actors


class TestVoice:
    def test_a_devolved_government_named_once_is_the_voice(self) -> None:
        text = (
            "Minister Ann Lee visited Cardiff. The funding was confirmed by the Welsh "
            "Government last week. The new scheme will open to applicants by May 2026."
        )
        assert [c.actors[0] for c in found(text)] == ["Welsh Government"]

    def test_the_department_is_the_voice_of_an_agency_release(self) -> None:
        text = (
            "The U.S. Department of Transportation (DOT) today opened a fund for rural "
            "bridges. As part of the Department’s work, the programme will repair 400 "
            "bridges by 2027, building on work led by Mayor Jane Roe."
        )
        assert found(text)[-1].actors[0] == "U.S. Department of Transportation"


class TestSpeakers:
    def test_a_title_with_its_department_gives_the_person(self) -> None:
        text = (
            "The department opened the fund today. “This fund will cut bills for millions "
            "of homes,” said U.S. Secretary of Transportation Jane Q. Roe."
        )
        (c,) = found(text)
        assert c.actors[0] == "Jane Q Roe"


class TestThingsAndEvents:
    def test_a_plan_named_in_a_headline_is_the_publishers(self) -> None:
        text = (
            "Coastal Flood Defence Plan to protect 5,000 homes by 2030\n"
            "The Government today published its plan for the coast of Norfolk."
        )
        assert found(text)[0].actors[0] == "the Government"

    def test_it_standing_for_a_named_review_is_the_publishers(self) -> None:
        text = (
            "The Government met harbour pilots in Dover. Speaking about the Coastal Safety "
            "Review, the Transport Secretary said it would cover every harbour by 2027."
        )
        assert found(text)[-1].actors[0] == "the Government"

    def test_talks_are_no_actor(self) -> None:
        text = (
            "Talks will open on 3 May 2025 on a new fishing deal with Norway. Norway is a "
            "key partner, and Norway and Iceland already trade fish with Scotland."
        )
        assert found(text)[0].actors[0] == "Norway"


class TestRelativeClauses:
    def test_a_relative_clause_on_an_owned_goal_is_the_owner_s(self) -> None:
        text = (
            "Reefs in Wales\n"
            "The Welsh Government report centres around the Acme Group’s ’40 by 40’ goal, "
            "which aims to restore 40 reefs by 2030."
        )
        assert found(text)[-1].actors[0] == "Acme Group"


class TestNotPeople:
    def test_a_name_with_of_is_no_person(self) -> None:
        text = (
            "The Government runs the ferries. Nine routes will be closed, following advice "
            "from the Expert Panel on the Safety of Ferries. Ferries like these are old."
        )
        assert found(text)[0].actors[0] == "the Government"


class TestReadouts:
    def test_the_leaders_are_the_people_of_the_meeting_far_above(self) -> None:
        filler = "They discussed fishing quotas in the North Sea. " * 9
        text = (
            "The Prime Minister hosted Austrian Chancellor Ann Berg at Chequers today. "
            + filler
            + "The leaders looked forward to meeting again in June 2025."
        )
        assert found(text)[-1].actors[:2] == ("the Prime Minister", "Ann Berg")


class TestModels:
    def test_a_numbered_model_name_is_its_makers(self) -> None:
        text = (
            "Acme Aircraft builds jets in Kansas, and Acme Aircraft sells them worldwide. The "
            "new 990 Skyliner will use 15 percent less fuel than older jets, it said."
        )
        assert found(text)[-1].actors[0] == "Acme Aircraft"


class TestHouseVoice:
    def test_the_government_on_a_weekday_is_the_voice(self) -> None:
        text = "The Government on Monday said it would open 30 clinics in Britain."
        assert house_voice(text) == "UK Government"

    def test_a_committee_on_a_matter_is_no_voice(self) -> None:
        assert house_voice("The Committee on Standards will report in May.") is None

    def test_european_government_subsidies_name_no_government(self) -> None:
        text = "Acme said Zenith used unfair European government subsidies to win the deal."
        assert house_voice(text) is None


class TestTopics:
    def test_an_acronym_only_before_a_common_noun_is_a_topic(self) -> None:
        text = (
            "Norway and Britain join up on chips.\n"
            "Norway and Britain share ML research, and Norway hosts ML testing and ML training. "
            "Projects on ML research, to be agreed when the two ministers meet in Oslo."
        )
        assert found(text)[-1].actors[0] == "Norway"


class TestClosingAttribution:
    def test_a_lower_case_body_closing_a_thing_s_sentence_is_the_actor(self) -> None:
        text = (
            "Repairs to the harbour began in January.\n"
            "The Harbour Bridge will reopen to traffic in May after repairs, the city "
            "council says."
        )
        assert found(text)[-1].actors[0] == "the city council"

    def test_the_company_closing_a_product_s_sentence_is_its_maker(self) -> None:
        text = (
            "Acme Motors builds vans in Leeds, and Acme Motors sells them across Europe. "
            "The new van will go on sale in June, the company said."
        )
        assert found(text)[-1].actors[0] == "Acme Motors"


class TestTitles:
    def test_a_title_before_a_surname_gives_the_person_named_in_full(self) -> None:
        text = (
            "Jane Roe toured the port of Hull. Secretary Roe met dock workers there. "
            "The Secretary will open a new lock by 2027."
        )
        assert found(text)[-1].actors[0] == "Jane Roe"

    def test_a_title_for_a_department_before_the_name_gives_the_person(self) -> None:
        text = (
            "Deputy Minister for Rural Affairs, with a responsibility for Ports, Ann Lee said "
            "the harbour was busy. The Deputy Minister will open a new quay by June 2026."
        )
        assert found(text)[-1].actors[0] == "Ann Lee"

    def test_the_cabinet_secretary_is_the_one_secretary_named(self) -> None:
        text = (
            "Rail line for Perth\n"
            "Transport Secretary Ann Lee visited Perth on Monday.\n"
            "The new rail line will open by 2027, the Cabinet Secretary said."
        )
        assert found(text)[-1].actors[0] == "Ann Lee"

    def test_a_title_for_a_department_as_subject_is_the_person_it_names(self) -> None:
        text = (
            "Harbour talks in Leith\n"
            "Irish Minister of Ports, Ann Lee, will host her counterpart Harbour Secretary "
            "John Roe MP in Leith on Friday."
        )
        assert found(text)[-1].actors[0] == "Ann Lee"

    def test_the_title_s_own_appositive_does_not_make_two_people(self) -> None:
        text = (
            "Rules for anglers\n"
            "The Minister for Rivers, Jane Roe, said on Monday that she was pleased. "
            "The Minister for Rivers will publish new fishing rules by March 2026."
        )
        assert found(text)[-1].actors[0] == "Jane Roe"
