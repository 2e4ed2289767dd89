"""Report-only bench: agreement of extract() with MEANTIME's future-event factuality, per sentence.

Gold: the sentence has an event mention with time=FUTURE (and certainty=CERTAIN in the main
variant); predicted: extract() on the sentence alone, dated by the document's DCT, finds a
commitment. A future event is not a commitment (a scheduled launch commits nobody), so this is an
agreement check, not accuracy. The 60 dev documents are scored and may be listed with
--errors; the 30 documents of our blind commitment holdout (seeds/holdout) are scored only as a
whole, in their own row, never listed; the reserved test documents only with --include-test.

Usage: python bench/score_factuality.py [--data DIR] [--errors N] [--include-test]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_pledges import HEADER, Confusion, table_line

from tracker.domain import PublishedBasis
from tracker.extract import extract

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FOLDER = "meantime-en"
EVENTS = "events_meantime_en.jsonl"
TEST_SPLIT = "TEST_SPLIT.txt"
RESULTS = REPO / "bench" / "results" / "score_factuality.json"
HOLDOUT = REPO / "seeds" / "holdout"
NOTE = (
    "agreement check, not accuracy: a FUTURE event need not be a commitment (a scheduled event "
    "with no committed party), and MEANTIME annotates only the first sentences of each document"
)


def future_certain(event: dict[str, Any]) -> bool:
    """A future event the text presents as certain."""
    return event.get("time") == "FUTURE" and event.get("certainty") == "CERTAIN"


def future_any(event: dict[str, Any]) -> bool:
    """A future event, whatever its certainty."""
    return event.get("time") == "FUTURE"


GOLD_VARIANTS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "future_certain": future_certain,
    "future_any": future_any,
}


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence with its gold flags (one per gold variant)."""

    doc_id: str
    index: int
    text: str
    dct: date | None
    gold: dict[str, bool]


def read_events(path: Path) -> list[dict[str, Any]]:
    """Event-mention rows of the JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_test_ids(path: Path) -> frozenset[str]:
    """Document ids reserved as the final test set ('#' lines are comments)."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def split_events(
    events: Iterable[dict[str, Any]], test_ids: frozenset[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(dev, test) event rows, by document id."""
    dev: list[dict[str, Any]] = []
    test: list[dict[str, Any]] = []
    for event in events:
        (test if str(event["doc_id"]) in test_ids else dev).append(event)
    return dev, test


def parse_dct(value: str | None) -> date | None:
    """ISO DCT; the one malformed gold value (03-02-2009) is day-first: its dateline is 3 Feb."""
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value or "", fmt).date()
        except ValueError:
            continue
    return None


def dateline_dct(plaintext: Path, doc_id: str) -> date | None:
    """The dateline ('September 01, 2007') of plaintext/<doc_id>.txt, for rows with no DCT."""
    path = plaintext / f"{doc_id}.txt"
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines()[:8]:
        try:
            return datetime.strptime(line.strip(), "%B %d, %Y").date()
        except ValueError:
            continue
    return None


def group_sentences(
    events: Sequence[dict[str, Any]], *, fallback: Callable[[str], date | None]
) -> list[Sentence]:
    """Unique (doc_id, sentence_index) sentences in file order with their gold flags."""
    grouped: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for event in events:
        grouped.setdefault((str(event["doc_id"]), int(event["sentence_index"])), []).append(event)
    out = []
    for (doc_id, index), members in grouped.items():
        dct = parse_dct(members[0].get("dct")) or fallback(doc_id)
        gold = {name: any(rule(e) for e in members) for name, rule in GOLD_VARIANTS.items()}
        out.append(Sentence(doc_id, index, members[0]["sentence"], dct, gold))
    return out


def predict(sentence: Sentence) -> bool:
    """extract() on the sentence alone, dated by the document's DCT, finds a commitment."""
    basis = PublishedBasis.GIVEN if sentence.dct else None
    found = extract(sentence.text, published=sentence.dct, published_basis=basis)
    return bool(found.commitments)


def score(
    sentences: Sequence[Sentence], predictions: Sequence[bool]
) -> list[tuple[str, Confusion]]:
    """(gold variant, confusion) for every gold variant."""
    return [
        (
            name,
            Confusion.of((s.gold[name], p) for s, p in zip(sentences, predictions, strict=True)),
        )
        for name in GOLD_VARIANTS
    ]


def _print_errors(sentences: Sequence[Sentence], predictions: Sequence[bool], n: int) -> None:
    """A seeded sample of disagreements with the main gold variant (dev only)."""
    rng = random.Random(0)
    pairs = list(zip(sentences, predictions, strict=True))
    fps = [s for s, p in pairs if p and not s.gold["future_certain"]]
    fns = [s for s, p in pairs if not p and s.gold["future_certain"]]
    for label, found in (("PREDICTED, NO CERTAIN FUTURE EVENT", fps), ("MISSED", fns)):
        print(f"\n{label} ({len(found)}; showing {min(n, len(found))}):")
        for s in rng.sample(found, min(n, len(found))):
            print(f"  [{s.doc_id}#{s.index}] {s.text}")


def evaluate(name: str, sentences: Sequence[Sentence]) -> tuple[dict[str, Any], list[bool]]:
    """Predict and score one document set; the report part and the predictions."""
    start = time.perf_counter()
    predictions = [predict(s) for s in sentences]
    seconds = time.perf_counter() - start
    rows = score(sentences, predictions)
    for variant, c in rows:
        print(table_line(name, variant, c))
    report = {
        "documents": len({s.doc_id for s in sentences}),
        "sentences": len(sentences),
        "undated_sentences": sum(s.dct is None for s in sentences),
        "predicted_positive": sum(predictions),
        "seconds": round(seconds, 3),
        "rows": [{"variant": v, **c.as_dict()} for v, c in rows],
    }
    return report, predictions


def run(data: Path, *, include_test: bool, errors: int) -> dict[str, Any]:
    """Score dev (and test when asked), print the table and return the JSON report."""
    folder = data / FOLDER
    dev, test = split_events(read_events(folder / EVENTS), read_test_ids(folder / TEST_SPLIT))
    dev, holdout = split_events(dev, frozenset(p.stem for p in HOLDOUT.glob("*.txt")))
    plaintext = folder / "plaintext"

    def fallback(doc_id: str) -> date | None:
        return dateline_dct(plaintext, doc_id)

    print("MEANTIME (en) sentence agreement: gold = FUTURE event, predicted = >=1 commitment")
    print(HEADER)
    dev_sentences = group_sentences(dev, fallback=fallback)
    report: dict[str, Any] = {"data": FOLDER, "note": NOTE}
    report["dev"], predictions = evaluate("dev", dev_sentences)
    report["holdout"], _ = evaluate("holdout", group_sentences(holdout, fallback=fallback))
    if include_test:
        report["test"], _ = evaluate("test", group_sentences(test, fallback=fallback))
    print(f"note: {NOTE}")
    if errors:
        _print_errors(dev_sentences, predictions, errors)
    return report


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--errors", type=int, default=0, help="print N sampled dev disagreements")
    ap.add_argument("--include-test", action="store_true", help="add the reserved test row")
    args = ap.parse_args(argv)
    folder = args.data / FOLDER
    if not (folder / EVENTS).is_file() or not (folder / TEST_SPLIT).is_file():
        print(f"data not found: {folder / EVENTS} or {TEST_SPLIT}; skipping")
        return 0
    report = run(args.data, include_test=args.include_test, errors=args.errors)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
