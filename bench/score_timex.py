"""Score tracker.timex.find_timexes TempEval-3 style on TimeBank, AQUAINT and MEANTIME (dev).

Reads the raw corpora (TimeML .tml and MEANTIME CAT .xml) from ../shared/data so that whole
documents are tagged, sentences without any timex included (precision needs them). Prints a table
and writes bench/results/score_timex.json. MEANTIME's reserved test documents are scored only
with --include-test, in a separate row. --errors never lists the documents of our blind
commitment holdout (seeds/holdout), which MEANTIME's development part contains.

Usage: python bench/score_timex.py [--errors N] [--include-test]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_corpora import DATA, MEANTIME, REPO, TBAQ, Doc, Mention, load_corpora

from tracker.timex import find_timexes

RESULTS = REPO / "bench" / "results" / "score_timex.json"
HOLDOUT = REPO / "seeds" / "holdout"
DATE_TIME = frozenset({"DATE", "TIME"})
COLUMNS = ("relaxed_p", "relaxed_r", "relaxed_f1", "strict_p", "strict_r", "strict_f1")
COLUMNS += ("value_acc", "value_f1", "type_acc")
DEV = ("TimeBank", "AQUAINT", "MEANTIME-dev")  # pooled in the "all development" row


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _match(gold: list[Mention], pred: list[Mention]) -> list[tuple[Mention, Mention]]:
    """One-to-one relaxed (overlap) matching, exact spans preferred."""
    pairs, used = [], set()
    for strict_pass in (True, False):
        for g in gold:
            if any(g is pg for pg, _ in pairs):
                continue
            for i, p in enumerate(pred):
                exact = (p.start, p.end) == (g.start, g.end)
                if i not in used and (exact if strict_pass else _overlap(g, p)):
                    pairs.append((g, p))
                    used.add(i)
                    break
    return pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(items: Iterable[tuple[list[Mention], list[Mention]]]) -> dict[str, float]:
    """TempEval-3 measures over (gold, predicted) pairs of documents."""
    n_gold = n_pred = relaxed = strict = value_ok = type_ok = 0
    for gold, pred in items:
        pairs = _match(gold, pred)
        n_gold, n_pred, relaxed = n_gold + len(gold), n_pred + len(pred), relaxed + len(pairs)
        strict += sum((g.start, g.end) == (p.start, p.end) for g, p in pairs)
        value_ok += sum(g.value == p.value for g, p in pairs)
        type_ok += sum(g.type == p.type for g, p in pairs)
    out = {"gold": n_gold, "pred": n_pred}
    for name, hits in (("relaxed", relaxed), ("strict", strict), ("value", value_ok)):
        p, r = hits / max(n_pred, 1), hits / max(n_gold, 1)
        out |= {f"{name}_p": p, f"{name}_r": r, f"{name}_f1": _f1(p, r)}
    out["value_acc"] = value_ok / max(relaxed, 1)
    out["type_acc"] = type_ok / max(relaxed, 1)
    return out


def _keep(mentions: list[Mention], types: frozenset[str] | None) -> list[Mention]:
    return [m for m in mentions if types is None or m.type in types]


def predict(doc: Doc) -> list[Mention]:
    """Our mentions for one document, minus those on the DCT itself (MEANTIME's dateline)."""
    found = find_timexes(doc.text, ref=doc.dct)
    preds = [Mention(t.start, t.end, str(t.type), t.value) for t in found]
    return [p for p in preds if not any(p.start < e and s < p.end for s, e in doc.ignore)]


def _ctx(doc: Doc, m: Mention) -> str:
    left = doc.text[max(0, m.start - 50) : m.start].replace("\n", " ")
    right = doc.text[m.end : m.end + 30].replace("\n", " ")
    return f"{left}[{doc.text[m.start : m.end]}]{right}"


def print_errors(name: str, runs: list[tuple[Doc, list[Mention]]], n: int) -> None:
    """A random sample of misses, false positives and value errors."""
    misses, fps, wrong = [], [], []
    hidden = {p.stem for p in HOLDOUT.glob("*.txt")}  # the blind commitment holdout: never listed
    for doc, pred in runs:
        if doc.doc_id in hidden:
            continue
        pairs = _match(doc.gold, pred)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        misses += [
            f"{g.type} {g.value} | {_ctx(doc, g)}" for g in doc.gold if id(g) not in matched_g
        ]
        fps += [f"{p.type} {p.value} | {_ctx(doc, p)}" for p in pred if id(p) not in matched_p]
        wrong += [
            f"gold {g.type} {g.value} [{doc.text[g.start : g.end]}] ours {p.type} {p.value} "
            f"[{doc.text[p.start : p.end]}] dct {doc.dct} | {_ctx(doc, p)}"
            for g, p in pairs
            if g.value != p.value or (g.start, g.end) != (p.start, p.end)
        ]
    rng = random.Random(0)
    for label, rows in (("MISSED", misses), ("FALSE POSITIVE", fps), ("VALUE/SPAN", wrong)):
        print(f"\n== {name}: {label} ({len(rows)}) ==")
        for row in rng.sample(rows, min(n, len(rows))):
            print("  " + row)


# Value mismatches whose gold follows a convention of one corpus rather than the TIMEX3
# guidelines the other corpora follow; counted, never copied into our output.
_DAYPART = re.compile(r"T(?:MO|AF|EV|NI)$")


def convention(gold: str, ours: str) -> str:
    """The kind of a value mismatch, for the error table."""
    if _DAYPART.search(ours) and gold == ours[:10]:
        return "part of day dropped"  # "Friday night": 2000-01-07, not 2000-01-07TNI
    if re.fullmatch(r"\d{4}", ours) and gold in (ours + "-XX", ours + "-XX-XX"):
        return "year as 1949-XX"
    if re.fullmatch(r"\d{3}", ours) and gold == ours + "X":
        return "decade as 198X"
    week = re.fullmatch(r"(\d{4})-W0(\d)", ours)
    if week and gold == f"{week[1]}-W{week[2]}":
        return "week unpadded"
    if _FULL_DAY.fullmatch(gold[:10]) and _FULL_DAY.fullmatch(ours[:10]):
        days = abs((date.fromisoformat(gold[:10]) - date.fromisoformat(ours[:10])).days)
        if days == 7 and gold[10:] == ours[10:]:
            return "weekday a week apart"  # the named day, anchored on another week
    return "other"


_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def value_errors(runs: list[tuple[Doc, list[Mention]]]) -> dict[str, int]:
    """Counts of matched spans with a different value, by `convention`."""
    counts: Counter[str] = Counter()
    for doc, pred in runs:
        pairs = _match(doc.gold, pred)
        counts.update(convention(g.value, p.value) for g, p in pairs if g.value != p.value)
    return dict(counts.most_common())


def _tagging_seconds(docs: list[Doc], *, repeats: int = 5) -> float:
    """Median wall time to tag every document once (warm), robust to a busy machine."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for d in docs:
            find_timexes(d.text, ref=d.dct)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def article_ms(docs: list[Doc], *, words: int = 1000, repeats: int = 21) -> float:
    """Median warm time (ms) to tag one article of about `words` words cut from the corpus."""
    text, ref = "", docs[0].dct
    for d in docs:
        text += d.text + "\n\n"
        if len(text.split()) >= words:
            break
    text = " ".join(text.split(" ")[: words + text.count("\n")])
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        find_timexes(text, ref=ref)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def _table_rows(name: str, runs: list[tuple[Doc, list[Mention]]]) -> dict[str, dict[str, float]]:
    """Scores for DATE+TIME and for all types, printed as table rows."""
    rows = {}
    for label, types in (("DATE+TIME", DATE_TIME), ("all", None)):
        s = score((_keep(d.gold, types), _keep(p, types)) for d, p in runs)
        rows[label] = s
        print(
            f"{name:14} {label:9} {s['gold']:5.0f} {s['pred']:5.0f} "
            + " ".join(f"{s[k]:5.3f}" for k in COLUMNS)
        )
    return rows


def run(args: argparse.Namespace) -> dict[str, dict[str, dict[str, float]]]:
    """Tag every corpus, print the table and the error sample; return the figures."""
    corpora = load_corpora(args.include_test)
    find_timexes("Warm-up on Monday, May 5, 2019.", ref=date(2019, 3, 3))
    results: dict[str, dict[str, dict[str, float]]] = {}
    header = f"{'corpus':14} {'types':9} {'gold':>5} {'pred':>5} {'relP':>5} {'relR':>5} "
    header += (
        f"{'relF1':>5} {'strP':>5} {'strR':>5} {'strF1':>5} {'valAc':>5} {'valF1':>5} {'typAc':>5}"
    )
    print(header)
    every: list[tuple[Doc, list[Mention]]] = []
    for name, docs in corpora.items():
        runs = [(d, predict(d)) for d in docs]
        every += runs if name in DEV else []
        elapsed = _tagging_seconds(docs)
        words = sum(len(d.text.split()) for d in docs)
        results[name] = _table_rows(name, runs)
        results[name]["value_errors"] = value_errors(runs)
        results[name]["speed"] = {
            "docs": len(docs),
            "words": words,
            "ms_per_1000_words": 1000 * elapsed / max(words, 1) * 1000,
        }
        if args.errors:
            print_errors(name, runs, args.errors)
    results["all development"] = _table_rows("all dev", every)
    for name, r in results.items():
        if "value_errors" in r:
            print(f"{name} value errors by kind: {r['value_errors']}")
    one = article_ms(corpora["TimeBank"])
    results["article_1000_words"] = {"ms_median": one}
    print(f"one 1,000-word article (TimeBank text), warm median: {one:.2f} ms")
    for name, r in results.items():
        if "speed" not in r:
            continue
        print(
            f"{name:14} {r['speed']['ms_per_1000_words']:.2f} ms per 1,000 words "
            f"({r['speed']['docs']:.0f} docs, {r['speed']['words']:.0f} words)"
        )
    return results


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--errors", type=int, default=0, help="print N sampled errors per corpus")
    ap.add_argument("--include-test", action="store_true", help="add the MEANTIME test row")
    args = ap.parse_args(argv)
    if not TBAQ.is_dir() or not MEANTIME.is_dir():
        print(f"data not found under {DATA}; skipping")
        return 0
    results = run(args)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
