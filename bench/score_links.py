"""Score the later-article linker (tracker.links) against the gold links of seeds/links/.

For each later document the ledger is the gold commitments of the earlier documents of its
MEANTIME cluster (quote, actors, action, deadline as tracked). A predicted link is right when it
names the same commitment and later document, its span overlaps the gold span or starts in the
gold quote's sentence, and the relation matches; "commitment level" ignores the relation. A
prediction on a near miss (and on no gold link) counts as a near-miss false positive.
The modern link sets (seeds/links/modern/dev.json, blind.json; seeds/links/modern2/blind.json)
are read the same way, their ledger being every gold commitment of seeds/modern/dev and dev2
(and of the sets a file names under "ledger": dev, dev2, dev3 for modern2) published before
the later article.
Usage: score_links.py [GOLD] [--json-out FILE] [--errors] [--clusters]. --errors is refused on
the blind part; --clusters also prints each topic cluster's figures (for cross-validation: a rule
motivated by one cluster's error should help on the others).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.extract.sentences import split_sentences
from tracker.links import Found, Relation, Tracked, find_links

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV = SEEDS / "links" / "dev.json"
MODERN = SEEDS / "links" / "modern"  # later 2023-2026 news on the modern set's commitments
MODERN_LEDGER = ("dev", "dev2")  # the sets whose commitments a modern link set's ledger holds
RESULTS = ROOT / "bench" / "results" / "score_links.json"
CLUSTERS = {  # seeds/links/README.md: the MEANTIME topic clusters
    "airbus": "3307 4764 5403 8951 8983 11714 51682 61389 62929 73808 78496 82548 82597 87805 "
    "100911 108294 145930 149731 276079",
    "apple": "9549 10450 23468 37961 40203 40986 58207 58772 60083 78899 89284 190356 195869 "
    "214601 265977 279494 287096",
    "gm": "47720 60086 68899 79240 118147 121134 124043 126311 127226 127248 150433 160257",
    "stock": "61327 62405 76437 82738 96770 112579 113227 113267 114719 115064 116834 121978",
}
Key = tuple[str, int]  # (source document, gold commitment id)


@dataclass(frozen=True)
class Ref:
    """A gold link or near miss: commitment, span and relation (None for a near miss)."""

    commitment: Key
    start: int
    end: int
    relation: str | None


def _gold_doc(doc: str) -> dict[str, Any]:
    return json.loads((SEEDS / f"{doc}.json").read_text(encoding="utf-8"))


def ledger_for(later: str) -> tuple[list[Tracked], dict[int, Key], date]:
    """The tracked commitments before `later` in its cluster, their keys, and its date."""
    published = date.fromisoformat(_gold_doc(later)["published"])
    cluster = next(ids.split() for ids in CLUSTERS.values() if later in ids.split())
    return _ledger([(doc, _gold_doc(doc)) for doc in cluster], published)


def modern_ledger_for(
    later: str, *, folder: Path = MODERN, sets: tuple[str, ...] = MODERN_LEDGER
) -> tuple[list[Tracked], dict[int, Key], date]:
    """A modern link set's ledger (seeds/links/modern/README.md): every gold commitment of
    the modern `sets` (seeds/modern/dev and dev2 unless the link file names its "ledger")
    published strictly before `later`, whatever its topic."""
    published = date.fromisoformat(_modern_sources(folder)[later]["published"])
    paths = sorted(p for name in sets for p in (SEEDS / "modern" / name).glob("*.json"))
    golds = [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in paths]
    return _ledger(golds, published)


def _modern_sources(folder: Path) -> dict[str, dict[str, Any]]:
    rows = (folder / "sources.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, filter(None, rows))}


def _ledger(
    golds: list[tuple[str, dict[str, Any]]], published: date
) -> tuple[list[Tracked], dict[int, Key], date]:
    items: list[Tracked] = []
    keys: dict[int, Key] = {}
    for doc, gold in golds:
        source_date = date.fromisoformat(gold["published"])
        if source_date >= published:
            continue
        for c in gold["commitments"]:
            keys[len(items)] = (doc, c["id"])
            deadline = date.fromisoformat(c["deadline"]) if c.get("deadline") else None
            items.append(
                Tracked(len(items), tuple(c["actors"]), c["action"], c["quote"],
                        deadline=deadline, published=source_date)
            )  # fmt: skip
    return items, keys, published


def _refs(entries: list[dict[str, Any]], later: str) -> list[Ref]:
    return [
        Ref((e["commitment"]["document"], e["commitment"]["id"]), *e["span"], e.get("relation"))
        for e in entries
        if e["later"] == later
    ]


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    return next((i for i, (s, e) in enumerate(sentences) if s <= offset < e), -1)


def _near(pred: Found, key: Key, ref: Ref, sentences: list[tuple[int, int]]) -> bool:
    if key != ref.commitment:
        return False
    overlap = pred.start < ref.end and ref.start < pred.end
    return overlap or _sentence_of(sentences, pred.start) == _sentence_of(sentences, ref.start)


def _pair(preds: list[tuple[Found, Key]], golds: list[Ref], sentences: list[tuple[int, int]],
          *, relation: bool) -> dict[int, int]:  # fmt: skip
    """Prediction index → gold index, each gold used once (greedy, text order)."""
    used: dict[int, int] = {}
    for i, (pred, key) in enumerate(preds):
        for j, gold in enumerate(golds):
            same = not relation or gold.relation == pred.relation.value
            if j not in used.values() and same and _near(pred, key, gold, sentences):
                used[i] = j
                break
    return used


def score_document(
    later: str, part: dict[str, Any], *, modern: Path | None = None
) -> dict[str, Any]:
    """Counts and errors for one later document (of MEANTIME, or of the modern link set in
    the folder `modern`)."""
    text = ((modern or SEEDS) / f"{later}.txt").read_text(encoding="utf-8")
    if modern is not None:
        sets = tuple(part.get("ledger", MODERN_LEDGER))
        ledger, keys, published = modern_ledger_for(later, folder=modern, sets=sets)
    else:
        ledger, keys, published = ledger_for(later)
    preds = [(f, keys[f.commitment]) for f in find_links(text, ledger, published=published)]
    golds, misses = _refs(part["links"], later), _refs(part["near_misses"], later)
    sentences = split_sentences(text)
    exact = _pair(preds, golds, sentences, relation=True)
    loose = _pair(preds, golds, sentences, relation=False)
    near_fp = [
        i for i, (p, k) in enumerate(preds)
        if i not in loose and any(_near(p, k, m, sentences) for m in misses)
    ]  # fmt: skip
    return {
        "document": later,
        "predicted": Counter(p.relation.value for p, _ in preds),
        "gold": Counter(g.relation for g in golds),
        "right": Counter(preds[i][0].relation.value for i in exact),
        "commitment_right": len(loose),
        "near_miss_fp": len(near_fp),
        "errors": _errors(preds, golds, exact, loose, near_fp),
    }


def _errors(preds: list[tuple[Found, Key]], golds: list[Ref], exact: dict[int, int],
            loose: dict[int, int], near_fp: list[int]) -> list[str]:  # fmt: skip
    out = []
    for i, (p, key) in enumerate(preds):
        if i not in exact:
            gold = golds[loose[i]].relation if i in loose else "no link"
            tag = "NEAR-MISS FP" if i in near_fp else "FP"
            out.append(f"{tag} {key} {p.relation.value} (gold: {gold}): {p.quote[:160]!r}")
    for j, g in enumerate(golds):
        if j not in exact.values():
            out.append(f"MISS {g.commitment} {g.relation} at {g.start}")
    return out


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def summarize(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision and recall overall, per relation and at the commitment level."""
    pred, gold, right = Counter[str](), Counter[str](), Counter[str]()
    for d in docs:
        pred.update(d["predicted"])
        gold.update(d["gold"])
        right.update(d["right"])
    n_pred, n_gold, n_right = sum(pred.values()), sum(gold.values()), sum(right.values())
    per = {
        r.value: {"predicted": pred[r.value], "gold": gold[r.value], "right": right[r.value],
                  "precision": _ratio(right[r.value], pred[r.value]),
                  "recall": _ratio(right[r.value], gold[r.value])}
        for r in Relation
    }  # fmt: skip
    commitment_right = sum(d["commitment_right"] for d in docs)
    return {
        "documents": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "right": n_right,
        "precision": _ratio(n_right, n_pred),
        "recall": _ratio(n_right, n_gold),
        "commitment_precision": _ratio(commitment_right, n_pred),
        "commitment_recall": _ratio(commitment_right, n_gold),
        "near_miss_fp": sum(d["near_miss_fp"] for d in docs),
        "near_misses": None,
        "by_relation": per,
    }


def by_cluster(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The summary of each topic cluster's later documents."""
    out = {}
    for name, ids in CLUSTERS.items():
        mine = [d for d in docs if d["document"] in ids.split()]
        out[name] = summarize(mine) if mine else {}
    return out


def _line(figures: dict[str, Any]) -> str:
    """One cluster's figures on one line: P, R, right/predicted/gold, near-miss hits."""
    if not figures:
        return "no later documents"
    return (
        f"P {figures['precision']} R {figures['recall']} "
        f"(right {figures['right']} / predicted {figures['predicted']} / gold {figures['gold']}, "
        f"near-miss FP {figures['near_miss_fp']})"
    )


def retired(gold: Path) -> bool:
    """A blind part measured for the last time and retired to development: its folder holds a
    RETIRED.md naming it (seeds/links/modern2/blind.json is the blind part now)."""
    note = gold.resolve().parent / "RETIRED.md"
    return note.exists() and gold.name in note.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Score one part of the gold links, print the figures and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", default=DEV)
    parser.add_argument("--json-out", type=Path, default=RESULTS)
    parser.add_argument("--errors", action="store_true", help="print misses and false positives")
    parser.add_argument("--clusters", action="store_true", help="print figures per topic cluster")
    args = parser.parse_args(argv)
    part = json.loads(args.gold.read_text(encoding="utf-8"))
    if args.errors and part["part"] != "dev" and not retired(args.gold):
        print("--errors is refused on the blind part: tune on dev.json only", file=sys.stderr)
        return 2
    folder = args.gold.resolve().parent
    modern = None if folder == (SEEDS / "links").resolve() else folder
    docs = [score_document(later, part, modern=modern) for later in part["later_documents"]]
    overall = summarize(docs)
    overall["near_misses"] = len(part["near_misses"])
    print(f"{part['part']}:", json.dumps(overall, indent=1))
    if args.clusters:
        overall["by_cluster"] = by_cluster(docs)
        for name, figures in overall["by_cluster"].items():
            print(f"  {name}: {_line(figures)}")
    if args.errors:
        for d in docs:
            for line in d["errors"]:
                print(f"  [{d['document']}] {line}")
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"part": part["part"], "overall": overall}
    args.json_out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
