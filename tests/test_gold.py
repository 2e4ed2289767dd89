"""Score extract() on seeds/ against the gold annotations (match rule and scorer shared with
bench/score_extraction.py via bench/scoring.py) and hold a ratcheted quality floor."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.domain import Candidate, DueBasis, Kind
from tracker.extract import extract

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from scoring import (  # noqa: E402
    Gold,
    GoldItem,
    actor_matches,
    deadline_right,
    load_gold,
    match,
    not_commitment_hits,
    score_document,
    summarize,
)

SEEDS = ROOT / "seeds"
SEED_ARTICLE = "000_fe10bd665bb93794"
# Ratchet: measured overall F1 on the annotated seeds was 0.920 (61 files, after 20 articles
# annotated blind to the extractor joined the 41), actor accuracy 0.925 and kind accuracy 0.944;
# raise the floors as rules improve, never lower them for the same set.
F1_FLOOR = 0.91
ACTOR_FLOOR = 0.92
KIND_FLOOR = 0.94


def annotated() -> list[tuple[str, Gold]]:
    pairs = []
    for gold_path in sorted(SEEDS.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if text_path.exists():
            pairs.append((text_path.read_text(encoding="utf-8"), load_gold(gold_path)))
    return pairs


def test_seed_article_bar() -> None:
    """At least 7 of the 8 gold commitments, with a right actor, and no non-commitment."""
    text = (SEEDS / f"{SEED_ARTICLE}.txt").read_text(encoding="utf-8")
    gold = load_gold(SEEDS / f"{SEED_ARTICLE}.json")
    preds = list(extract(text, published=gold.published).commitments)
    pairs, _ = match(text, gold, preds)
    right = [
        j for i, j in pairs.items() if actor_matches(gold.required[j].actors, preds[i].actors)
    ]
    assert len(gold.required) == 8
    assert len(right) >= 7
    assert not_commitment_hits(text, gold, preds) == []


def test_overall_f1_floor() -> None:
    pairs = annotated()
    if len(pairs) < 2:
        pytest.skip("fewer than two annotated seeds")
    scores = [
        score_document(text, gold, list(extract(text, published=gold.published).commitments))
        for text, gold in pairs
    ]
    overall = summarize(scores)
    assert (
        overall["f1"] >= F1_FLOOR,
        overall["actor_accuracy"] >= ACTOR_FLOOR,
        overall["kind_accuracy"] >= KIND_FLOOR,
    ) == (True, True, True)


def _cand(text: str, quote: str, *, deadline: date | None = None, actors=("Acme",)) -> Candidate:
    start = text.index(quote)
    return Candidate(
        quote=quote,
        start=start,
        end=start + len(quote),
        actors=actors,
        kind=Kind.PLAN,
        action="act",
        due=date(2020, 1, 1),
        due_basis=DueBasis.DEFAULT,
        deadline=deadline,
    )


def _gold(text: str, quotes: list[str], *, optional: list[str] = ()) -> Gold:
    def item(q: str, i: int) -> GoldItem:
        s = text.index(q)
        return GoldItem(i, q, s, s + len(q), ("Acme Corp",), "plan", None, None)

    return Gold(
        name="t",
        published=date(2019, 3, 3),
        required=tuple(item(q, i) for i, q in enumerate(quotes)),
        optional=tuple(item(q, 100 + i) for i, q in enumerate(optional)),
        not_commitments=("Acme has already sold the plant. (past)",),
    )


class TestScoring:
    TEXT = (
        "Acme will hire staff and it will open a shop. Acme has already sold the plant. "
        "Beta may grow."
    )

    def test_same_sentence_and_overlap_each_gold_once(self) -> None:
        gold = _gold(self.TEXT, ["will hire staff", "it will open a shop"])
        preds = [_cand(self.TEXT, "Acme will hire"), _cand(self.TEXT, "open a shop")]
        score = score_document(self.TEXT, gold, preds)
        assert (score.tp, score.fp, score.misses) == (2, 0, [])

    def test_extra_prediction_in_a_matched_sentence_is_a_false_positive(self) -> None:
        gold = _gold(self.TEXT, ["will hire staff"])
        preds = [_cand(self.TEXT, "Acme will hire"), _cand(self.TEXT, "open a shop")]
        assert (score_document(self.TEXT, gold, preds).fp) == 1

    def test_optional_gold_neither_rewards_nor_penalises(self) -> None:
        gold = _gold(self.TEXT, ["will hire staff"], optional=["Beta may grow"])
        preds = [_cand(self.TEXT, "will hire"), _cand(self.TEXT, "Beta may grow")]
        score = score_document(self.TEXT, gold, preds)
        assert (score.tp, score.fp, score.ignored) == (1, 0, 1)

    def test_same_as_entries_load_as_optional(self, tmp_path: Path) -> None:
        (tmp_path / "d.json").write_text(
            '{"published": "2019-03-03", "commitments": ['
            '{"id": 1, "quote": "a", "span": [0, 1], "actors": [], "kind": "plan"},'
            '{"id": 2, "quote": "b", "span": [2, 3], "actors": [], "kind": "plan", "same_as": 1}]}'
        )
        gold = load_gold(tmp_path / "d.json")
        assert ([g.id for g in gold.required], [g.id for g in gold.optional]) == ([1], [2])

    def test_not_commitment_hit(self) -> None:
        gold = _gold(self.TEXT, [])
        preds = [_cand(self.TEXT, "sold the plant")]
        assert not_commitment_hits(self.TEXT, gold, preds) == list(gold.not_commitments)

    @pytest.mark.parametrize(
        ("value", "iso", "predicted", "right"),
        [
            ("2012", "2012-12-31", date(2012, 6, 30), True),
            ("2012", "2012-12-31", None, False),
            ("P6M", None, date(2019, 9, 3), True),
            ("FUTURE_REF", None, None, True),
            (None, None, date(2019, 9, 3), False),
            (None, None, None, True),
        ],
    )
    def test_deadline_rule(
        self, value: str | None, iso: str | None, predicted: date | None, right: bool
    ) -> None:
        gold = GoldItem(1, "q", 0, 1, (), "plan", date.fromisoformat(iso) if iso else None, value)
        pred = _cand("q", "q", deadline=predicted)
        assert deadline_right(gold, pred, published=date(2019, 3, 3)) is right

    @pytest.mark.parametrize(
        ("gold", "got", "right"),
        [
            (("Benjamin Netanyahu",), ("Netanyahu",), True),
            (("Ford Motor Company",), ("Ford",), True),
            (("Vladimir Putin",), ("Benjamin Netanyahu",), False),
            (("UK Government",), ("the government",), True),
            (("the Commission",), ("European Commission",), True),
            (("Scottish Government",), ("UK Government",), False),
            (("the",), ("The Times",), False),
        ],
    )
    def test_actor_rule(self, gold: tuple[str, ...], got: tuple[str, ...], right: bool) -> None:
        assert actor_matches(gold, got) is right
