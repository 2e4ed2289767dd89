"""Inter-annotator agreement on the gold commitment files.

Each annotated article was read twice: a first annotator wrote the gold file, then a second
annotator listed the commitments blind, before reading it. `seeds/review/first/` keeps the first
passes as written and `seeds/review/blind/` the blind second passes. This script scores each blind
pass against its first pass with the extraction scorer's own rules (bench/scoring.py: overlap or
same sentence, one-to-one; blind items matching a first-pass optional entry are neither agreement
nor disagreement), per set of first annotator, and writes bench/results/annotation_agreement.json.
Usage: python bench/annotation_agreement.py [--seeds DIR]"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scoring import DocScore, load_gold, score_document  # noqa: E402

from tracker.domain import Candidate, DueBasis, Kind  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "annotation_agreement.json"


def blind_items(path: Path) -> list[Candidate]:
    """The blind pass's commitments as candidates, so the extraction scorer can compare them."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return [_candidate(item) for item in data.get("commitments", [])]


def _candidate(item: dict[str, Any]) -> Candidate:
    deadline = date.fromisoformat(item["deadline"]) if item.get("deadline") else None
    return Candidate(
        quote=item["quote"],
        start=int(item["span"][0]),
        end=int(item["span"][1]),
        actors=tuple(item.get("actors") or ()),
        kind=Kind(item["kind"]),
        action="",
        due=deadline or date.min,
        due_basis=DueBasis.DEADLINE if deadline else DueBasis.DEFAULT,
        deadline=deadline,
        deadline_value=item.get("deadline_value"),
    )


def text_of(seeds: Path, name: str) -> str:
    """The article text, in seeds/ or seeds/holdout/."""
    for folder in (seeds, seeds / "holdout"):
        path = folder / f"{name}.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no text for {name}")


def summarise(scores: list[DocScore]) -> dict[str, Any]:
    """Agreement figures for one set: the blind pass read as predictions of the first."""
    first = sum(s.gold for s in scores)
    blind = sum(s.predicted - s.ignored for s in scores)
    agreed = sum(s.tp for s in scores)
    precision = agreed / blind if blind else 1.0
    recall = agreed / first if first else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(scores),
        "first_pass_commitments": first,
        "blind_commitments_counted": blind,
        "agreed": agreed,
        "f1": round(f1, 3),
        "kind_agreement": f"{sum(s.kind_ok for s in scores)}/{agreed}",
        "deadline_agreement": f"{sum(s.deadline_ok for s in scores)}/{agreed}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()
    review = args.seeds / "review"
    by_set: dict[str, list[DocScore]] = defaultdict(list)
    for blind in sorted((review / "blind").glob("*.json")):
        first = review / "first" / blind.name
        annotator = json.loads(first.read_text(encoding="utf-8")).get("annotator", "?")
        score = score_document(
            text_of(args.seeds, blind.stem), load_gold(first), blind_items(blind)
        )
        by_set[annotator].append(score)
    result = {name: summarise(scores) for name, scores in sorted(by_set.items())}
    result["all"] = summarise([s for scores in by_set.values() for s in scores])
    print(
        f"{'first annotator':16} {'articles':>8} {'first':>6} {'blind':>6} {'agreed':>6} "
        f"{'F1':>6} {'kind':>7} {'deadline':>8}"
    )
    for name, row in result.items():
        print(
            f"{name:16} {row['articles']:>8} {row['first_pass_commitments']:>6} "
            f"{row['blind_commitments_counted']:>6} {row['agreed']:>6} {row['f1']:>6.3f} "
            f"{row['kind_agreement']:>7} {row['deadline_agreement']:>8}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
