"""Report-only bench: sentence-level recall of extract() on SILVER future statements (goldEN.json
of "Extraction of Future Statements: A Multilingual Benchmark"; Wikinews-like, noisy, unaligned).

Articles sharing text with a reserved MEANTIME test document or a blind holdout seed are dropped
first. Each statement is aligned to one sentence by its Modality Evidence (verbatim, else content
words), else by its Event Variable, Predicted Attribute and Magnitude (never by the Predictor,
which is scored). The data is read at run time and never copied: its licence is unclear.

Usage: python bench/score_future_statements.py [--data DIR] [--errors N] [--fallback-ref DATE]
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import actor_matches
from statement_alignment import (
    ALIGN_MIN,
    ALIGN_MIN_WORDS,
    NGRAM,
    OVERLAP_MIN,
    Grams,
    align,
    exclusions,
    meantime_body,
    shingles,
)

from tracker.extract import extract
from tracker.extract.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FOLDER = "future-statements-news-en"
GOLD = "goldEN.json"
MEANTIME = "meantime-en"
HOLDOUT = REPO / "seeds" / "holdout"
RESULTS = REPO / "bench" / "results" / "score_future_statements.json"
# Reference date of undated articles. Due dates are not scored, but rules that need a time still
# ahead of it flip a few sentences (2000-01-01 → 400 recalled, 2020-06-30 → 396; this: 397).
FALLBACK_REF = date(2010, 1, 1)
NOTE = (
    "silver data, report only: recall = share of aligned statements whose sentence holds the "
    "start of an extracted commitment; unmatched_commitments is not a precision (the silver set "
    "is not exhaustive, and unaligned statements point nowhere)"
)
Found = tuple[tuple[int, tuple[str, ...]], ...]  # (start, actors) of each extracted commitment


_PLACEHOLDER = re.compile(
    r"^\s*(?:none|null|n/a|unspecified|unknown|implied|inferred|implicit|reported|based on)\b"
    r"|\barticle\b",
    re.I,
)
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y")


def predictor_names(value: object) -> tuple[str, ...]:
    """The silver Predictor and its parts ("Mick Keelty, Commissioner of the AFP"); () for a
    placeholder ("Article", "Unspecified", "None") that names nobody."""
    name = str(value or "").strip()
    if not name or _PLACEHOLDER.search(name):
        return ()
    parts = (p.strip() for p in re.split(r"[/;,()]| and ", name))
    return (name, *(p for p in parts if p and p != name))


def article_date(statements: Iterable[Mapping[str, Any]]) -> date | None:
    """The first Article Date among the statements that is a full calendar date, else None."""
    for statement in statements:
        value = str(statement.get("Article Date") or "").strip()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(value[:10] if fmt == "%Y-%m-%d" else value, fmt).date()
            except ValueError:
                continue
    return None


def judge(
    span: tuple[int, int], found: Found, predictor: Sequence[str]
) -> tuple[bool, bool | None]:
    """(recalled, predictor agrees) for an aligned statement: recalled when a commitment starts
    in the sentence; agreement is None when not recalled or the Predictor names nobody."""
    inside = [people for start, people in found if span[0] <= start < span[1]]
    if not inside or not predictor:
        return bool(inside), None
    return True, actor_matches(tuple(predictor), tuple(a for people in inside for a in people))


def unmatched(found: Found, spans: Sequence[tuple[int, int]], used: set[int]) -> int:
    """Commitments starting in a sentence that no aligned silver statement points to."""
    starts = [s for s, _ in spans]
    return sum(bisect.bisect_right(starts, start) - 1 not in used for start, _ in found)


@dataclass(frozen=True)
class Article:
    """One kept article with its sentences and what extract() found in it."""

    index: int
    text: str
    spans: tuple[tuple[int, int], ...]
    statements: tuple[dict[str, Any], ...]
    found: Found
    dated: bool
    failed: str | None = None


@dataclass(frozen=True)
class Row:
    """One silver statement after alignment and judging (indices only: no text is kept)."""

    article: int
    statement: int
    category: str
    route: str | None = None
    sentence: int | None = None
    recalled: bool = False
    predictor_ok: bool | None = None


def read_article(index: int, raw: Mapping[str, Any], *, fallback_ref: date) -> Article:
    """Split and extract one article, dated by its Article Date when that parses."""
    text, statements = str(raw["original_text"]), tuple(raw["extracted"])
    published = article_date(statements)
    spans = tuple(split_sentences(text))
    try:
        found = extract(text, published=published, fallback_ref=fallback_ref).commitments
    except ValueError as err:  # an extractor bug: report it and score the article as found-none
        return Article(index, text, spans, statements, (), published is not None, str(err))
    starts = tuple((c.start, c.actors) for c in found)
    return Article(index, text, spans, statements, starts, published is not None)


def rows_of(article: Article) -> list[Row]:
    """Align and judge every silver statement of an article."""
    rows = []
    for j, statement in enumerate(article.statements):
        category = str(statement.get("Event Category") or "None")
        aligned = align(article.text, article.spans, statement)
        if aligned is None:
            rows.append(Row(article.index, j, category))
            continue
        names = predictor_names(statement.get("Predictor"))
        recalled, ok = judge(article.spans[aligned[0]], article.found, names)
        rows.append(Row(article.index, j, category, aligned[1], aligned[0], recalled, ok))
    return rows


def rates(rows: Sequence[Row]) -> dict[str, float | int | None]:
    """Counts and unrounded rates of a group of rows (None where undefined)."""
    aligned = [r for r in rows if r.route]
    recalled = sum(r.recalled for r in aligned)
    named = [r.predictor_ok for r in aligned if r.predictor_ok is not None]
    return {
        "statements": len(rows),
        "aligned": len(aligned),
        "unaligned": len(rows) - len(aligned),
        "recalled": recalled,
        "recall": recalled / len(aligned) if aligned else None,
        "recalled_named_predictor": len(named),
        "predictor_agree": sum(named),
        "predictor_agreement": sum(named) / len(named) if named else None,
    }


def groups(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """All rows, then by alignment route, then by Event Category (largest first)."""
    out: dict[str, list[Row]] = {"all": list(rows)}
    for route in ("verbatim", "evidence", "fields"):
        out[f"route={route}"] = [r for r in rows if r.route == route]
    by_category: dict[str, list[Row]] = {}
    for r in rows:
        by_category.setdefault(r.category, []).append(r)
    for category, members in sorted(by_category.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        out[f"category={category}"] = members
    return out


def load_protected(data: Path) -> dict[str, Grams] | None:
    """8-gram sets of the reserved MEANTIME test documents and the holdout seeds, by name; None
    when a test document cannot be read (then nothing may be scored)."""
    split = data / MEANTIME / "TEST_SPLIT.txt"
    if not split.is_file():
        return None
    lines = (line.strip() for line in split.read_text(encoding="utf-8").splitlines())
    paths = [split.parent / "plaintext" / f"{i}.txt" for i in lines if i and i[0] != "#"]
    if not paths or not all(p.is_file() for p in paths):
        return None
    out = {f"meantime-test:{p.stem}": shingles(meantime_body(p.read_text("utf-8"))) for p in paths}
    for p in sorted(HOLDOUT.glob("*.txt")):
        out[f"holdout:{p.stem}"] = shingles(p.read_text(encoding="utf-8"))
    return out


def _print_errors(articles: Mapping[int, Article], rows: Sequence[Row], n: int) -> None:
    """A seeded sample of misses and predictor mismatches, for development only."""
    rng = random.Random(0)
    misses = [r for r in rows if r.route and not r.recalled]
    wrong = [r for r in rows if r.predictor_ok is False]
    for label, chosen in (("MISSES", misses), ("PREDICTOR MISMATCHES", wrong)):
        print(f"\n{label} ({len(chosen)}; showing {min(n, len(chosen))}):")
        for r in rng.sample(chosen, min(n, len(chosen))):
            article, (start, end) = articles[r.article], articles[r.article].spans[r.sentence or 0]
            statement = article.statements[r.statement]
            ours = sorted({a for s, people in article.found if start <= s < end for a in people})
            print(
                f"  [#{r.article} {r.category}, via {r.route}] evidence: "
                f"{statement.get('Modality Evidence')!r}"
            )
            print(f"    predictor: {statement.get('Predictor')!r}; ours: {ours}")
            print(f"    sentence: {article.text[start:end]}")


def _print_table(table: Mapping[str, Mapping[str, Any]]) -> None:
    print(f"{'group':<26}{'stmts':>7}{'align':>7}{'recall':>8}{'R':>8}{'named':>7}{'agree':>8}")
    for name, r in table.items():
        recall = "-" if r["recall"] is None else f"{r['recall']:.3f}"
        agree = "-" if r["predictor_agreement"] is None else f"{r['predictor_agreement']:.3f}"
        counts = f"{r['statements']:>7}{r['aligned']:>7}{r['recalled']:>8}"
        print(f"{name:<26}{counts}{recall:>8}{r['recalled_named_predictor']:>7}{agree:>8}")


def score(articles: Mapping[int, Article]) -> tuple[list[Row], dict[str, Any]]:
    """Rows of every statement, and the figures of the report that depend on them."""
    rows = [row for article in articles.values() for row in rows_of(article)]
    used: dict[int, set[int]] = {}
    for r in rows:
        if r.sentence is not None:
            used.setdefault(r.article, set()).add(r.sentence)
    extra = sum(unmatched(a.found, a.spans, used.get(a.index, set())) for a in articles.values())
    return rows, {
        "commitments": sum(len(a.found) for a in articles.values()),
        "unmatched_commitments": extra,
        "extract_failures": [
            {"article": a.index, "error": a.failed} for a in articles.values() if a.failed
        ],
        "groups": {name: rates(members) for name, members in groups(rows).items()},
    }


def run(
    data: Path, protected: Mapping[str, Grams], *, errors: int, fallback_ref: date
) -> dict[str, Any]:
    """Exclude, extract, align and score; print the table and return the JSON report."""
    started = time.perf_counter()
    raw = json.loads((data / FOLDER / GOLD).read_text(encoding="utf-8"))
    excluded, kept_max = exclusions([str(a["original_text"]) for a in raw], protected)
    sources = {
        src: sum(any(n.startswith(f"{src}:") for n, _ in hits) for hits in excluded.values())
        for src in ("meantime-test", "holdout")
    }
    extract_start = time.perf_counter()
    articles = {
        i: read_article(i, a, fallback_ref=fallback_ref)
        for i, a in enumerate(raw)
        if i not in excluded
    }
    extract_seconds = time.perf_counter() - extract_start
    rows, figures = score(articles)
    print(
        f"SILVER future statements ({GOLD}): {len(raw)} articles, {len(excluded)} excluded for "
        f"sharing text with protected documents {sources}, {len(articles)} kept"
    )
    _print_table(figures["groups"])
    print(
        f"commitments extracted: {figures['commitments']}; starting in sentences no aligned "
        f"statement points to: {figures['unmatched_commitments']} (not a precision)"
    )
    for failure in figures["extract_failures"]:
        print(f"extract() raised on article #{failure['article']}: {failure['error']}")
    print(
        f"extract(): {len(articles)} articles in {extract_seconds:.2f} s; "
        f"fallback_ref {fallback_ref}; highest kept overlap {kept_max:.3f}"
    )
    print(f"note: {NOTE}")
    if errors:
        _print_errors(articles, rows, errors)
    return {
        "data": f"{FOLDER}/{GOLD}",
        "note": NOTE,
        "articles": len(raw),
        "excluded": len(excluded),
        "excluded_by_source": sources,
        "exclusions": [
            {"article": i, "overlaps": [{"doc": n, "containment": c} for n, c in hits]}
            for i, hits in sorted(excluded.items())
        ],
        "highest_kept_containment": kept_max,
        "kept_articles": len(articles),
        "articles_with_article_date": sum(a.dated for a in articles.values()),
        "overlap_ngram": NGRAM,
        "overlap_min": OVERLAP_MIN,
        "align_min_share": ALIGN_MIN,
        "align_min_words": ALIGN_MIN_WORDS,
        "fallback_ref": fallback_ref.isoformat(),
        **figures,
        "extract_seconds": round(extract_seconds, 3),
        "seconds": round(time.perf_counter() - started, 3),
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--errors", type=int, default=0, help="print N sampled misses and mismatches")
    ap.add_argument(
        "--fallback-ref",
        type=date.fromisoformat,
        default=FALLBACK_REF,
        help="reference date of articles with no parsable Article Date nor dateline",
    )
    args = ap.parse_args(argv)
    if not (args.data / FOLDER / GOLD).is_file():
        print(f"data not found: {args.data / FOLDER / GOLD}; skipping")
        return 0
    protected = load_protected(args.data)
    if protected is None:
        print(
            f"MEANTIME test documents not found under {args.data / MEANTIME}: cannot exclude "
            "them; skipping"
        )
        return 0
    report = run(args.data, protected, errors=args.errors, fallback_ref=args.fallback_ref)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
