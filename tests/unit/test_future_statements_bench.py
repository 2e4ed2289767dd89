"""Pure parts of bench/score_future_statements.py on sentences written here (no data files)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import score_future_statements as fs  # noqa: E402
import statement_alignment as al  # noqa: E402

ARTICLE = (
    "Storm Hilda formed over the Atlantic on Monday.\n\n"
    "Forecasters said the storm could strengthen into a hurricane by Thursday.\n\n"
    "The city council will close all beaches on Wednesday, the mayor said.\n\n"
    "Local fishermen kept their boats in the harbour."
)
LEAD = (
    "The regional water authority announced on Tuesday that it will build a second reservoir "
    "north of the city before the end of the decade, doubling the supply for 200,000 homes."
)


def _align(statement: dict[str, str], text: str = ARTICLE) -> tuple[int, str] | None:
    return al.align(text, split_sentences(text), statement)


class TestOverlap:
    def test_copy_truncated_copy_and_other_text(self) -> None:
        full = al.shingles(LEAD + " Work starts in March, officials said.")
        actual = (
            al.containment(full, al.shingles(LEAD)),
            al.containment(al.shingles(LEAD), full),
            al.containment(full, al.shingles(ARTICLE)),
        )
        assert actual == (1.0, 1.0, 0.0)

    def test_tokenised_meantime_text_still_matches(self) -> None:
        tokenised = "``We' re ready , '' he said . " + LEAD.replace(",", " ,")
        plain = '"We\'re ready," he said. ' + LEAD
        assert al.containment(al.shingles(tokenised), al.shingles(plain)) == 1.0

    def test_short_texts_have_no_shingles(self) -> None:
        assert al.containment(al.shingles("Too short to judge."), al.shingles(LEAD)) == 0.0

    def test_meantime_body_drops_the_header(self) -> None:
        text = "doc_id: 1\ndct: 2008-03-01\nurl: http://x\n\nHeadline\nMarch 01, 2008\nBody."
        assert al.meantime_body(text) == "Headline\nMarch 01, 2008\nBody."

    def test_exclusions_name_the_protected_document(self) -> None:
        protected = {"meantime-test:7": al.shingles(LEAD), "holdout:x": al.shingles("a b c")}
        texts = [ARTICLE, "Headline here\n" + LEAD + "\nMore text follows later on."]
        excluded, kept_max = al.exclusions(texts, protected)
        assert (excluded, kept_max) == ({1: [("meantime-test:7", 1.0)]}, 0.0)


class TestAlign:
    def test_verbatim_evidence(self) -> None:
        statement = {"Modality Evidence": "the storm could strengthen into a hurricane."}
        assert _align(statement) == (1, "verbatim")

    def test_verbatim_quoted_fragment_inside_a_comment(self) -> None:
        statement = {"Modality Evidence": "The article uses 'will close all beaches', a plan."}
        assert _align(statement) == (2, "verbatim")

    def test_content_words(self) -> None:
        actual = al.content_words(
            "The article says a U.S. council is closing the beaches, likely."
        )
        assert actual == {"council", "closing", "beaches"}

    def test_content_word_overlap_ignores_meta_words(self) -> None:
        # content words: council, closing, beaches, wednesday → 3 of 4 shared with sentence 2
        statement = {
            "Modality Evidence": "The article states the council is closing beaches "
            "on Wednesday, indicating high certainty."
        }
        assert _align(statement) == (2, "evidence")

    def test_falls_back_to_the_statement_fields(self) -> None:
        statement = {
            "Modality Evidence": "Official announcement.",
            "Event Variable": "Storm Hilda",
            "Predicted Attribute": "Strengthen into a hurricane by Thursday",
            "Magnitude / Predicted Value": None,
            "Predictor": "Local fishermen harbour boats",  # used, it would sink the share to 4/9
        }
        assert _align(statement) == (1, "fields")

    @pytest.mark.parametrize(
        "evidence",
        [
            "Officials expect it.",  # too few content words
            "Hurricane beaches council mayor boats storm",  # best sentence shares 3 of 6
            "storm said",  # one content word
        ],
    )
    def test_weak_or_ambiguous_matches_stay_unaligned(self, evidence: str) -> None:
        assert _align({"Modality Evidence": evidence}) is None

    def test_a_tie_between_sentences_stays_unaligned(self) -> None:
        text = "The council will meet on Friday in Paris. The council did meet on Friday in Rome."
        assert _align({"Modality Evidence": "Council to meet Friday."}, text) is None

    def test_a_phrase_found_in_two_sentences_is_not_verbatim(self) -> None:
        text = "He said it will rain soon. She said it will rain soon."
        assert al._verbatim(text, split_sentences(text), "it will rain soon") is None

    def test_quoted_fragments_need_three_words(self) -> None:
        evidence = "Uses 'could' and \u2018will be made\u2019 and \"set to start on Tuesday\"."
        assert al.quoted_fragments(evidence) == ["will be made", "set to start on Tuesday"]


class TestStatementFields:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, ()),
            ("Article/Author", ()),
            ("Unspecified source", ()),
            ("Implied by past actions", ()),
            ("NOAA", ("NOAA",)),
            (
                "Mick Keelty, Commissioner of the AFP",
                ("Mick Keelty, Commissioner of the AFP", "Mick Keelty", "Commissioner of the AFP"),
            ),
            (
                "Dell (US envoy) / Tsvangirai",
                ("Dell (US envoy) / Tsvangirai", "Dell", "US envoy", "Tsvangirai"),
            ),
        ],
    )
    def test_predictor_names(self, value: str | None, expected: tuple[str, ...]) -> None:
        assert fs.predictor_names(value) == expected

    @pytest.mark.parametrize(
        ("values", "expected"),
        [
            (["2006", "2005-08-31"], date(2005, 8, 31)),
            (["August 11, 2006"], date(2006, 8, 11)),
            (["2023-10-26T18:30:00-04:00"], date(2023, 10, 26)),
            ([None, "Today", "Early 2010"], None),
        ],
    )
    def test_article_date(self, values: list[str | None], expected: date | None) -> None:
        assert fs.article_date({"Article Date": v} for v in values) == expected


class TestScoring:
    FOUND = ((10, ("Mick Keelty",)), (40, ("the council",)))

    @pytest.mark.parametrize(
        ("span", "predictor", "expected"),
        [
            ((0, 30), ("Keelty",), (True, True)),
            ((0, 30), ("Police",), (True, False)),
            ((0, 30), (), (True, None)),
            ((60, 90), ("Keelty",), (False, None)),
            ((11, 40), ("council",), (False, None)),  # a span's end is exclusive
        ],
    )
    def test_judge(
        self, span: tuple[int, int], predictor: tuple[str, ...], expected: tuple[bool, bool | None]
    ) -> None:
        assert fs.judge(span, self.FOUND, predictor) == expected

    def test_unmatched_counts_commitments_in_sentences_nobody_points_to(self) -> None:
        spans = [(0, 30), (31, 60), (61, 90)]
        found = ((5, ()), (12, ()), (45, ()), (70, ()))
        assert (fs.unmatched(found, spans, {0}), fs.unmatched(found, spans, {0, 1, 2})) == (2, 0)

    def test_rates_leave_unaligned_out_of_the_denominators(self) -> None:
        rows = [
            fs.Row(0, 0, "Law", "verbatim", 1, True, True),
            fs.Row(0, 1, "Law", "fields", 2, True, None),
            fs.Row(0, 2, "Law", "evidence", 3, False, None),
            fs.Row(1, 0, "Law"),
        ]
        assert fs.rates(rows) == {
            "statements": 4,
            "aligned": 3,
            "unaligned": 1,
            "recalled": 2,
            "recall": 2 / 3,
            "recalled_named_predictor": 1,
            "predictor_agree": 1,
            "predictor_agreement": 1.0,
        }

    def test_groups_by_route_then_category(self) -> None:
        rows = [fs.Row(0, 0, "Law", "fields"), fs.Row(0, 1, "Sports"), fs.Row(1, 0, "Law")]
        actual = {name: len(members) for name, members in fs.groups(rows).items()}
        assert actual == {
            "all": 3,
            "route=verbatim": 0,
            "route=evidence": 0,
            "route=fields": 1,
            "category=Law": 2,
            "category=Sports": 1,
        }


def test_run_excludes_protected_articles_before_scoring(tmp_path: Path) -> None:
    folder = tmp_path / fs.FOLDER
    folder.mkdir()
    statement = {"Modality Evidence": "will close all beaches on Wednesday", "Predictor": "mayor"}
    raw = [
        {"original_text": ARTICLE, "extracted": [statement | {"Event Category": "Environment"}]},
        {"original_text": LEAD, "extracted": [{"Modality Evidence": "it will build"}]},
    ]
    (folder / fs.GOLD).write_text(json.dumps(raw), encoding="utf-8")
    protected = {"holdout:z": al.shingles(LEAD)}
    report = fs.run(tmp_path, protected, errors=0, fallback_ref=date(2010, 1, 1))
    actual = (report["excluded_by_source"], report["kept_articles"], report["groups"]["all"])
    assert actual[:2] == ({"meantime-test": 0, "holdout": 1}, 1)
    assert (actual[2]["statements"], actual[2]["aligned"]) == (1, 1)


def test_missing_data_skips_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fs.main(["--data", str(tmp_path)]) == 0
    (tmp_path / fs.FOLDER).mkdir()
    (tmp_path / fs.FOLDER / fs.GOLD).write_text("[]", encoding="utf-8")
    assert fs.main(["--data", str(tmp_path)]) == 0  # gold present, MEANTIME test split absent
    out = capsys.readouterr().out
    assert (out.count("skipping"), "cannot exclude" in out) == (2, True)
