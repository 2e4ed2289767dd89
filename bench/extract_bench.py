"""Speed of tracker.extract(): median ms per MEANTIME article and articles/s (warm, one core),
plus ms for a 1,000-word article. The reserved test documents (TEST_SPLIT.txt) are left out.
Writes bench/results/extract_bench.json.

Usage: python bench/extract_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from tracker.extract import extract

ROOT = Path(__file__).resolve().parents[1]
MEANTIME = ROOT.parent / "shared" / "data" / "meantime-en"
PLAINTEXT = MEANTIME / "plaintext"
RESULTS = ROOT / "bench" / "results" / "extract_bench.json"
REF = date(2008, 1, 1)


def body(path: Path) -> str:
    """The article text: everything after the header lines (up to the first blank line)."""
    text = path.read_text(encoding="utf-8")
    _, sep, rest = text.partition("\n\n")
    return rest if sep else text


def reserved() -> set[str]:
    """Document ids of the reserved final test split."""
    split = MEANTIME / "TEST_SPLIT.txt"
    if not split.exists():
        return set()
    lines = split.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def time_one(text: str, *, repeat: int) -> float:
    """Median wall time of extract(text) in milliseconds, after one warm-up call."""
    extract(text, published=REF)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        extract(text, published=REF)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def thousand_words(texts: list[str]) -> str:
    """A 1,000-word article made of whole MEANTIME sentences (lines)."""
    lines: list[str] = []
    words = 0
    for line in (ln for t in texts for ln in t.splitlines() if ln.strip()):
        if words >= 1000:
            break
        lines.append(line)
        words += len(line.split())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Time extract() over the MEANTIME texts, print the figures and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not PLAINTEXT.is_dir():
        print(f"no MEANTIME plaintext at {PLAINTEXT}; skipping")
        return 0
    test_ids = reserved()
    texts = [body(p) for p in sorted(PLAINTEXT.glob("*.txt")) if p.stem not in test_ids]
    per_article = [time_one(t, repeat=args.repeat) for t in texts]
    total_s = sum(per_article) / 1000
    big = thousand_words(texts)
    result = {
        "articles": len(texts),
        "median_words": statistics.median(len(t.split()) for t in texts),
        "median_ms_per_article": round(statistics.median(per_article), 2),
        "max_ms_per_article": round(max(per_article), 2),
        "articles_per_s": round(len(texts) / total_s, 1),
        "words_1000_ms": round(time_one(big, repeat=args.repeat), 2),
        "words_1000_actual": len(big.split()),
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
