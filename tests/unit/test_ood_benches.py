"""Pure parts of bench/score_pledges.py and bench/score_factuality.py on tiny inline data."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.domain import Kind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import score_factuality as fact  # noqa: E402
import score_pledges as pledges  # noqa: E402
from score_pledges import Confusion  # noqa: E402

CSV = """manifesto_id,file,country,party,year,pledge,binary_pledge,set,text,clean_text,len
0,f,India,BJP,2014,1,1,dev,We will build 100 smart cities. ,x,6
1,f,India,INC,2019,0,0,trn,"Growth fell, sadly.",x,3
2,f,Sweden,S,2010,2,1,dev,Vi ska sänka skatten.,x,4
3,f,India,INC,2019,1,1,trn,We shall abolish the tax.,x,5
"""


def _event(doc: str, index: int, time: str | None, certainty: str | None, **extra: str) -> dict:
    row = {"doc_id": doc, "sentence_index": index, "sentence": f"{doc} sentence {index}."}
    return row | {"dct": "2008-03-01", "time": time, "certainty": certainty} | extra


class TestConfusion:
    def test_counts_gold_predicted_pairs(self) -> None:
        pairs = [(True, True), (True, False), (False, True), (False, False), (False, False)]
        assert Confusion.of(pairs) == Confusion(tp=1, fp=1, fn=1, tn=2)

    def test_rates_and_kappa(self) -> None:
        c = Confusion(tp=20, fp=5, fn=10, tn=15)
        # observed agreement 0.7, chance (25*30 + 25*20) / 50**2 = 0.5, kappa 0.2 / 0.5
        actual = (c.n, c.support, c.precision, c.recall, round(c.f1, 6), round(c.kappa or 0, 6))
        assert actual == (50, 30, 0.8, 20 / 30, round(2 * 0.8 * (2 / 3) / (0.8 + 2 / 3), 6), 0.4)

    def test_perfect_disagreement_has_negative_kappa(self) -> None:
        assert Confusion(tp=0, fp=5, fn=5, tn=0).kappa == -1.0

    def test_empty_and_single_label_are_safe(self) -> None:
        empty = Confusion()
        single = Confusion(tn=7)
        actual = (empty.precision, empty.recall, empty.f1, empty.kappa, single.kappa)
        assert actual == (0.0, 0.0, 0.0, None, None)

    def test_as_dict_keeps_rates_unrounded(self) -> None:
        # the README rounds once; a rounded JSON would round twice (0.33249 → 0.3325 → 0.333)
        assert Confusion(tp=1, fp=2, fn=0, tn=0).as_dict() == {
            "n": 3,
            "support": 1,
            "tp": 1,
            "fp": 2,
            "fn": 0,
            "tn": 0,
            "precision": 1 / 3,
            "recall": 1.0,
            "f1": 0.5,
            "kappa": 0.0,
        }


class TestPledgeData:
    def test_reads_english_rows_with_binary_label(self, tmp_path: Path) -> None:
        path = tmp_path / "all.csv"
        path.write_text(CSV, encoding="utf-8")
        actual = [(s.text, s.gold, s.party, s.year, s.split) for s in pledges.read_sentences(path)]
        assert actual == [
            ("We will build 100 smart cities.", True, "BJP", 2014, "dev"),
            ("Growth fell, sadly.", False, "INC", 2019, "trn"),
            ("We shall abolish the tax.", True, "INC", 2019, "trn"),
        ]

    def test_unexpected_label_is_an_error(self, tmp_path: Path) -> None:
        path = tmp_path / "all.csv"
        path.write_text(CSV.replace(",1,1,dev,", ",1,yes,dev,"), encoding="utf-8")
        with pytest.raises(ValueError, match="binary_pledge"):
            pledges.read_sentences(path)

    @pytest.mark.parametrize(
        ("split", "expected"), [("dev", [0]), ("trn", [1, 2]), ("all", [0, 1, 2])]
    )
    def test_select_split(self, tmp_path: Path, split: str, expected: list[int]) -> None:
        path = tmp_path / "all.csv"
        path.write_text(CSV, encoding="utf-8")
        sentences = pledges.read_sentences(path)
        assert pledges.select(sentences, split) == [sentences[i] for i in expected]

    def test_unknown_split_is_an_error(self) -> None:
        with pytest.raises(ValueError, match="test"):
            pledges.select([], "test")


class TestPledgeScoring:
    SENTENCES = (
        pledges.Sentence("a", True, "BJP", 2014, "dev"),
        pledges.Sentence("b", False, "BJP", 2014, "dev"),
        pledges.Sentence("c", True, "INC", 2019, "dev"),
    )

    def test_groups_by_party_and_year(self) -> None:
        assert pledges.groups(self.SENTENCES) == {
            "all": [0, 1, 2],
            "party=BJP": [0, 1],
            "party=INC": [2],
            "year=2014": [0, 1],
            "year=2019": [2],
        }

    def test_variants_count_any_kind_or_only_promise_and_plan(self) -> None:
        kinds = [frozenset({Kind.PREDICTION}), frozenset({Kind.PLAN}), frozenset()]
        rows = {(g, v): c for g, v, c in pledges.score(self.SENTENCES, kinds)}
        actual = (rows["all", "any"], rows["all", "promise_plan"], rows["party=INC", "any"])
        expected = (Confusion(tp=1, fp=1, fn=1), Confusion(fp=1, fn=2), Confusion(fn=1))
        assert actual == expected

    def test_kind_counts_count_sentences_per_kind(self) -> None:
        kinds = [frozenset({Kind.PLAN, Kind.PROMISE}), frozenset({Kind.PLAN}), frozenset()]
        expected = {"promise": 1, "plan": 2, "agreement": 0, "prediction": 0}
        assert pledges.kind_counts(kinds) == expected


class TestFactualityData:
    def test_test_ids_skip_comments_and_blanks(self, tmp_path: Path) -> None:
        path = tmp_path / "TEST_SPLIT.txt"
        path.write_text("# reserved\n# do not read\n31706\n\n126361\n", encoding="utf-8")
        assert fact.read_test_ids(path) == frozenset({"31706", "126361"})

    def test_split_events_by_document(self) -> None:
        events = [_event("1", 0, "FUTURE", "CERTAIN"), _event("2", 0, None, None)]
        assert fact.split_events(events, frozenset({"2"})) == ([events[0]], [events[1]])

    def test_read_events_jsonl(self, tmp_path: Path) -> None:
        rows = [_event("1", 2, "FUTURE", "POSSIBLE"), _event("1", 3, "NON_FUTURE", "CERTAIN")]
        path = tmp_path / "events.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
        assert fact.read_events(path) == rows

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("2008-03-01", date(2008, 3, 1)), ("03-02-2009", date(2009, 2, 3)), (None, None)],
    )
    def test_parse_dct(self, value: str | None, expected: date | None) -> None:
        assert fact.parse_dct(value) == expected

    def test_dateline_fallback(self, tmp_path: Path) -> None:
        text = "doc_id: 8951\ndct: \nurl: u\n\nAirliner flies\nApril 27, 2005\nBody.\n"
        (tmp_path / "8951.txt").write_text(text, encoding="utf-8")
        actual = (fact.dateline_dct(tmp_path, "8951"), fact.dateline_dct(tmp_path, "404"))
        assert actual == (date(2005, 4, 27), None)

    def test_sentences_carry_both_gold_variants(self) -> None:
        events = [
            _event("1", 2, "NON_FUTURE", "CERTAIN"),
            _event("1", 2, "FUTURE", "CERTAIN"),
            _event("1", 3, "FUTURE", "POSSIBLE"),
            _event("2", 0, "NON_FUTURE", "CERTAIN", dct=None),
        ]
        sentences = fact.group_sentences(events, fallback=lambda doc: date(2005, 4, 27))
        actual = [(s.doc_id, s.index, s.dct, s.gold) for s in sentences]
        assert actual == [
            ("1", 2, date(2008, 3, 1), {"future_certain": True, "future_any": True}),
            ("1", 3, date(2008, 3, 1), {"future_certain": False, "future_any": True}),
            ("2", 0, date(2005, 4, 27), {"future_certain": False, "future_any": False}),
        ]

    def test_score_per_gold_variant(self) -> None:
        gold = [(True, True), (False, True), (False, False)]
        sentences = [
            fact.Sentence("1", i, "s", None, {"future_certain": c, "future_any": a})
            for i, (c, a) in enumerate(gold)
        ]
        actual = fact.score(sentences, [True, False, False])
        expected = [
            ("future_certain", Confusion(tp=1, tn=2)),
            ("future_any", Confusion(tp=1, fn=1, tn=1)),
        ]
        assert actual == expected


@pytest.mark.parametrize("bench", [pledges, fact])
def test_missing_data_skips_cleanly(
    bench: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--data", str(tmp_path)]) == 0  # type: ignore[attr-defined]
    assert "skipping" in capsys.readouterr().out
