"""The double-annotation record: every gold file has its first pass and blind second pass."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "bench"))

from annotation_agreement import summarise  # noqa: E402
from scoring import DocScore  # noqa: E402


def gold_names() -> set[str]:
    files = [*SEEDS.glob("*.json"), *(SEEDS / "holdout").glob("*.json")]
    return {p.stem for p in files} - {"000_fe10bd665bb93794"}  # the supplied seed gold


def test_every_annotated_article_has_both_passes() -> None:
    first = {p.stem for p in (SEEDS / "review" / "first").glob("*.json")}
    blind = {p.stem for p in (SEEDS / "review" / "blind").glob("*.json")}
    assert (first, blind) == (gold_names(), gold_names())


def test_every_final_gold_file_names_its_two_annotators() -> None:
    for name in gold_names():
        path = SEEDS / f"{name}.json"
        data = json.loads(
            (path if path.exists() else SEEDS / "holdout" / f"{name}.json").read_text()
        )
        assert data.get("annotator") and data.get("reviewer"), name


def test_agreement_counts_blind_items_matching_optional_entries_as_neither() -> None:
    scores = [
        DocScore(name="a", gold=4, predicted=5, tp=3, ignored=1, kind_ok=3, deadline_ok=2),
        DocScore(name="b", gold=1, predicted=0),
    ]
    row = summarise(scores)
    assert (row["first_pass_commitments"], row["blind_commitments_counted"], row["agreed"]) == (
        5,
        4,
        3,
    )
    assert (row["f1"], row["kind_agreement"], row["deadline_agreement"]) == (0.667, "3/3", "2/3")
