"""Score tracker.extract() against gold annotations.

Usage: python bench/score_extraction.py GOLD_DIR [--texts DIR] [--json-out F] [--errors]

Runs extract() on every <name>.txt that has a <name>.json gold (texts from --texts when they
live elsewhere), with the gold's "published" date and, as for an article sent as a link, the
address of its publisher's site (bench/scoring.site_of; --pasted leaves it out), and prints
per-article and overall precision, recall, F1, actor / kind / deadline accuracy, then misses
and false positives.
Writes bench/results/score_extraction.json (or --json-out).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import DocScore, is_blind, load_gold, score_document, site_of, summarize

from tracker.extract import extract

RESULTS = Path(__file__).resolve().parent / "results" / "score_extraction.json"


def score_folder(gold_dir: Path, texts: Path, *, pasted: bool = False) -> list[DocScore]:
    """Score every gold file of `gold_dir` whose text exists in `texts`."""
    scores = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            print(f"skip {gold_path.name}: no {text_path}")
            continue
        gold = load_gold(gold_path)
        text = text_path.read_text(encoding="utf-8")
        url = None if pasted else site_of(gold.name)
        site = {"source_url": url} if url else {}  # as pasted: extract() as ever (older code too)
        preds = list(extract(text, published=gold.published, **site).commitments)
        scores.append(score_document(text, gold, preds))
    return scores


def _print_doc(s: DocScore) -> None:
    p = s.tp / (s.tp + s.fp) if s.tp + s.fp else 0.0
    r = s.tp / s.gold if s.gold else 1.0
    print(
        f"{s.name:>22}  gold {s.gold:2d}  pred {s.predicted:2d}  tp {s.tp:2d}  fp {s.fp:2d}  "
        f"P {p:.2f}  R {r:.2f}  actor {s.actor_ok}/{s.tp}  kind {s.kind_ok}/{s.tp}  "
        f"deadline {s.deadline_ok}/{s.tp}"
    )


def _print_errors(scores: list[DocScore]) -> None:
    for s in scores:
        lists = {
            "MISS": s.misses,
            "FP": s.false_positives,
            "ACTOR": s.actor_errors,
            "KIND": s.kind_errors,
            "DEADLINE": s.deadline_errors,
        }
        for label, items in lists.items():
            for item in items:
                print(f"  [{s.name}] {label}: {item}")


def main(argv: list[str] | None = None) -> int:
    """Score GOLD_DIR, print the figures and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--texts", type=Path, default=None, help="folder of the .txt files")
    parser.add_argument("--json-out", type=Path, default=RESULTS)
    parser.add_argument(
        "--pasted",
        action="store_true",
        help="read each text as pasted, without its publisher's site (default: as sent as a link)",
    )
    parser.add_argument("--errors", action="store_true", help="print misses and false positives")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"no gold folder {args.gold_dir}; nothing to score")
        return 0
    blind = is_blind(args.gold_dir)
    if blind and args.errors:
        print("a blind holdout is scored as a whole: --errors is refused")
        return 2
    scores = score_folder(args.gold_dir, args.texts or args.gold_dir, pasted=args.pasted)
    for s in [] if blind else scores:
        _print_doc(s)
    overall = summarize(scores)
    print("overall:", json.dumps(overall))
    if args.errors:
        _print_errors(scores)
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    documents = [] if blind else [asdict(s) for s in scores]  # a holdout: never its errors
    payload = {"overall": overall, "documents": documents}
    args.json_out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
