"""The line scorer's checks (bench/line_checks.py, bench/score_lines.py) on lines made up here."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.domain import Candidate, DueBasis, Kind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from line_checks import action_defect, actor_defect  # noqa: E402
from score_lines import judge_lines, render, summary  # noqa: E402
from scoring import Gold, GoldItem  # noqa: E402

TEXT = (
    "BUSINESS\nLONDON — Acme Rail Works said on Monday it will cut 300 jobs. "
    "Jane Roe is its chief."
)


@pytest.mark.parametrize(
    ("actor", "why"),
    [
        ("", "no actor"),
        ("it", "pronoun"),
        ("We", "pronoun"),
        ("In", "opener or fragment"),
        ("of Acme Rail Works", "opener or fragment"),
        ("Acme Rail of", "fragment"),
        ("LONDON —", "dateline or section header"),
        ("LONDON", "dateline or section header"),
        ("BUSINESS", "dateline or section header"),
        ("Globex", "not the committed party"),
        ("Jane", "part of a name"),
    ],
)
def test_actor_defects(actor: str, why: str) -> None:
    assert actor_defect(actor, ("Acme Rail Works", "Jane Roe"), text=TEXT) == why


@pytest.mark.parametrize("actor", ["Acme Rail Works", "Acme", "Roe", "Jane Roe", "NATO"])
def test_clean_actors(actor: str) -> None:
    text = TEXT + " NATO said so."
    assert actor_defect(actor, ("Acme Rail Works", "Jane Roe", "NATO"), text=text) is None


def test_a_name_opening_a_title_is_no_dateline() -> None:
    text = "NASA, SpaceX Complete Launch Review\nNASA will host a teleconference on Sunday."
    assert actor_defect("NASA", ("NASA",), text=text) is None
    dated = "WASHINGTON, March 3 — NASA will host a teleconference on Sunday."
    assert actor_defect("WASHINGTON", ("NASA",), text=dated) == "dateline or section header"


def test_a_country_in_capitals_is_no_section_header_unless_it_heads_a_line() -> None:
    text = "Leaders met in London. The UK will open a new embassy by 2027."
    assert actor_defect("UK", ("UK", "UK Government"), text=text) is None
    assert actor_defect("UK", ("UK",), text="UK\n" + text) == "dateline or section header"


@pytest.mark.parametrize(
    ("action", "why"),
    [
        ("", "empty"),
        ("do", "bare verb"),
        ("not be", "bare verb"),
        ("remain", "bare verb"),
        ("raise fares to over 40 per", "dangling word"),
        ("open the depot by the", "dangling word"),
        ("cut jobs while warning of", "dangling word"),
        ("a common goal for the region", "no verb"),
        ("build a depot, while warning that costs rise", "runs into the next clause"),
        ("meet in Paris, and the International Monetary Fund", "runs into the next clause"),
    ],
)
def test_action_defects(action: str, why: str) -> None:
    assert action_defect(action) == why


def test_a_passive_that_hides_what_is_done_is_flagged() -> None:
    quote = "300 new jobs will be created at the site"
    assert action_defect("be created at the site", actor="Acme", quote=quote) == (
        "passive without what or who"
    )
    # the subject of the passive is the actor: "Roe will be sworn in" reads as it stands
    sworn = action_defect("be sworn in on Monday", actor="Jane Roe", quote="Roe will be sworn in")
    assert sworn is None


def test_an_action_cut_inside_its_clause_is_flagged() -> None:
    text = "Acme will supply 179 new aerial refueling tankers to the Air Force."
    assert action_defect("supply 179 new aerial refueling", text=text) == "cut mid-clause"
    assert action_defect("supply 179 new aerial refueling tankers", text=text) is None
    prevented = "It will prevent Iran from turning Syria into a base."
    assert action_defect("prevent Iran from turning", text=prevented) == "cut mid-clause"


def test_an_action_that_drops_its_own_subject_is_flagged() -> None:
    quote = "the first flight is expected to take place in May"
    why = action_defect("take place in May", actor="Boeing", quote=quote)
    assert why == "drops its subject"
    # a pronoun, the actor itself, its acronym or a group it heads may stay unsaid
    assert action_defect("cut prices", actor="Acme", quote="it will cut prices") is None
    # a two-letter acronym as actor, and a cue the subject stands before
    assert action_defect("cut tariffs", actor="EU", quote="the EU will cut tariffs") is None
    quote = "he committed to building new homes"
    assert action_defect("building new homes", actor="Acme Smith", quote=quote) is None
    assert (
        action_defect("lay off staff", actor="General Motors", quote="GM plans to lay off staff")
        is None
    )
    ministers = "Finance ministers from the G7 will meet in Rome"
    assert action_defect("meet in Rome", actor="G7", quote=ministers) is None


@pytest.mark.parametrize("mark", ["\u2019", "'"])
def test_a_possessive_ending_in_s_keeps_its_owner(mark: str) -> None:
    quote = f"Harkness{mark} deal to hire 40 nurses by May"
    assert action_defect("hire 40 nurses by May", actor="Harkness", quote=quote) is None


def test_a_plain_list_with_and_the_is_no_next_clause() -> None:
    action = "fund schools, clinics, and the regional library"
    assert action_defect(action) is None


def _cand(
    start: int, end: int, actor: str, action: str, *, deadline: date | None = None
) -> Candidate:
    return Candidate(
        quote=TWO[start:end],
        start=start,
        end=end,
        actors=(actor,),
        kind=Kind.PLAN,
        action=action,
        due=deadline or date(2020, 7, 1),
        due_basis=DueBasis.DEADLINE if deadline else DueBasis.DEFAULT,
        deadline=deadline,
    )


TWO = "Acme will close the depot by June 2020. Acme will also close it soon. The sky is blue."


def _gold() -> Gold:
    item = GoldItem(
        1,
        "Acme will close the depot by June 2020",
        0,
        38,
        ("Acme",),
        "plan",
        date(2020, 6, 30),
        "2020-06",
    )
    return Gold("t", date(2020, 1, 1), (item,), (), ())


def test_judge_lines_finds_repeats_wrong_dates_and_non_commitments() -> None:
    first = _cand(0, 38, "Acme", "close the depot by June 2020", deadline=date(2020, 6, 30))
    again = _cand(0, 20, "Acme", "close the depot", deadline=date(2020, 6, 30))
    late = _cand(0, 38, "Acme", "close the depot", deadline=date(2021, 6, 30))
    sky = _cand(71, 86, "sky", "be blue")
    lines = judge_lines("t", TWO, _gold(), [first, again, sky], {})
    assert [sorted(line.defects) for line in lines] == [[], ["repeat"], ["not_commitment"]]
    wrong = judge_lines("t", TWO, _gold(), [late], {})
    assert list(wrong[0].defects) == ["due"]
    report = summary(lines, 1)
    assert report["good_per_line"] == pytest.approx(1 / 3, abs=0.001)
    assert report["good_per_commitment"] == 1.0
    assert report["defect_share"]["repeat"] == pytest.approx(1 / 3, abs=0.001)


def test_a_restatement_of_a_shown_commitment_is_a_repeat() -> None:
    first = _cand(0, 38, "Acme", "close the depot by June 2020", deadline=date(2020, 6, 30))
    restated = _cand(40, 68, "Acme", "close the depot soon")
    item = _gold().required[0]
    again = GoldItem(2, "Acme will also close it soon", 40, 68, ("Acme",), "plan", None, None)
    gold = Gold("t", date(2020, 1, 1), (item,), (again,), ())
    lines = judge_lines("t", TWO, gold, [first, restated], {(40, 68): 1})
    assert [list(line.defects) for line in lines] == [[], ["repeat"]]
    alone = judge_lines("t", TWO, gold, [restated], {(40, 68): 1})
    assert alone[0].good  # the restatement alone shows the commitment once


def test_render_shows_the_first_actor_and_an_assumed_date() -> None:
    line = render(_cand(0, 38, "Acme", "close the depot"))
    assert line == "Acme — close the depot · due 2020-07-01 (assumed)"


def test_a_whole_clause_with_its_subject_is_a_phrase() -> None:
    assert action_defect("300 new jobs will be created at the site") is None
    assert action_defect("the first flight is expected to take place in May") is None


def test_explicit_deadline_accuracy_counts_only_gold_with_a_dated_deadline() -> None:
    from scoring import DocScore, summarize

    dated_right = DocScore("a", gold=2, tp=2, deadline_ok=2, explicit=1, explicit_ok=1)
    dated_wrong = DocScore("b", gold=1, tp=1, deadline_ok=0, explicit=1, explicit_ok=0)
    figures = summarize([dated_right, dated_wrong])
    assert (figures["explicit_deadlines"], figures["explicit_deadline_accuracy"]) == (2, 0.5)


@pytest.mark.parametrize("name", ["holdout", "holdout2"])
def test_a_holdout_is_scored_as_a_whole(tmp_path: Path, name: str) -> None:
    import score_extraction
    import score_lines

    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_text("Acme will open a plant in Leeds by 2027.\n")
    (folder / "a.json").write_text(
        '{"published": "2026-01-05", "commitments": [{"quote": "Acme will open a plant", '
        '"span": [0, 22], "actors": ["Acme"], "kind": "plan", "deadline": "2027-12-31", '
        '"deadline_value": "2027"}]}'
    )
    out = tmp_path / "r.json"
    refused = score_extraction.main([str(folder), "--errors", "--json-out", str(out)])
    assert (refused, out.exists()) == (2, False)
    assert score_extraction.main([str(folder), "--json-out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert (report["overall"]["tp"], report["documents"]) == (1, [])
    assert score_lines.main([str(folder), "--lines", "5", "--json-out", str(out)]) == 2


def test_modern_texts_are_read_as_sent_from_their_publishers_site() -> None:
    from scoring import site_of

    assert site_of("govuk-2025-05-20-biontech") == "https://www.gov.uk/"
    assert site_of("us-state-2025-12-11-dinanno") == "https://www.state.gov/"
    assert site_of("us-wh-2024-08-15-medicare") == "https://www.whitehouse.gov/"
    assert site_of("100911") is None and site_of("wikinews-2022-05-17-x") is None
