"""Hostile input for tracker.extract(): the worst time over pathological texts (a sentence
followed by each punctuation mark, and a few other runs, repeated 10 to 200 times), and the
time for 0.5, 1 and 2 MB articles (whole seed articles repeated; a text is read up to
tracker.extract.budget.MAX_CHARS). Writes bench/results/hostile_input.json.

Usage: python bench/hostile_input.py
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from tracker.extract import extract

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "hostile_input.json"
SENTENCE = "The city will build a new bridge by 2027"
MARKS = [*list(".!?,;:-—–…'\"“”‘’()[]{}<>*/\\&_~`#=+|@$%^"), " ", "\n", "\t"]
RUNS = ["U.S.", "A. ", ", ", "' ", "Mr. ", "will ", "in 2020 ", "by ", "“a” "]
REPEATS = (10, 25, 50, 100, 200)
REF = date(2020, 1, 1)


def pathological(pieces: list[str] = MARKS) -> list[str]:
    """A sentence followed by each mark (or short run) repeated 10..200 times."""
    return [SENTENCE + piece * n + " It will open in May." for piece in pieces for n in REPEATS]


def article(size: int) -> str:
    """About `size` bytes of news text: the seed articles, repeated."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus = "\n\n".join(texts)
    return (corpus * (size // len(corpus.encode()) + 1)).encode()[:size].decode(errors="ignore")


def timed(text: str) -> float:
    start = time.perf_counter()
    extract(text, published=REF)
    return time.perf_counter() - start


def slowest(texts: list[str]) -> tuple[float, str]:
    """The longest extraction time over `texts`, and the text that took it."""
    return max((timed(text), text) for text in texts)


def main() -> int:
    """Measure, print and write the figures."""
    timed(SENTENCE + ".")  # warm-up: imports and compiled patterns
    worst, worst_text = slowest(pathological(MARKS))
    runs_worst, runs_text = slowest(pathological(RUNS))
    sizes = {"0.5": 500_000, "1": 1_000_000, "2": 2_000_000}
    big = {mb: round(timed(article(size)), 2) for mb, size in sizes.items()}
    result = {
        "marks": len(MARKS),
        "pathological_inputs": len(MARKS) * len(REPEATS),
        "pathological_worst_s": round(worst, 4),
        "pathological_worst_input": worst_text[:80] + ("…" if len(worst_text) > 80 else ""),
        "other_runs_worst_s": round(runs_worst, 4),
        "other_runs_worst_input": runs_text[:80] + ("…" if len(runs_text) > 80 else ""),
        "article_s": big,
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
