"""Report-only bench: sentence-level election-pledge detection on the MiMac manifestos (English).

Gold is `binary_pledge` of the India (English) rows of all210126.csv (Fornaciari et al. 2021);
a sentence is predicted a pledge when extract() on it alone finds a commitment. Also owns the
binary agreement maths (Confusion: P/R/F1/kappa) that bench/score_factuality.py reuses.

Usage: python bench/score_pledges.py [--data DIR] [--split dev|trn|all] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.domain import Kind, PublishedBasis
from tracker.extract import extract

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FOLDER = "manifesto-pledges-mimac"
CSV_NAME = "all210126.csv"
RESULTS = REPO / "bench" / "results" / "score_pledges.json"
ENGLISH = "India"  # the only English-language country in the corpus (Sweden is Swedish)
SPLITS = ("dev", "trn", "all")  # the authors' `set` column has trn and dev only, no test
PROMISE_PLAN = frozenset({Kind.PROMISE, Kind.PLAN})
VARIANTS: dict[str, Callable[[frozenset[Kind]], bool]] = {
    "any": bool,
    "promise_plan": lambda kinds: bool(kinds & PROMISE_PLAN),
}


@dataclass(frozen=True)
class Confusion:
    """Binary confusion counts; gold and predicted positives are 'pledge' / 'commitment'."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @classmethod
    def of(cls, pairs: Iterable[tuple[bool, bool]]) -> Confusion:
        """Count (gold, predicted) pairs."""
        cells = {(True, True): 0, (False, True): 0, (True, False): 0, (False, False): 0}
        for gold, predicted in pairs:
            cells[(bool(gold), bool(predicted))] += 1
        return cls(cells[True, True], cells[False, True], cells[True, False], cells[False, False])

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def support(self) -> int:
        """Gold positives."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is total (one label everywhere)."""
        n = self.n
        if not n:
            return None
        observed = (self.tp + self.tn) / n
        pos = (self.tp + self.fp) * (self.tp + self.fn)
        neg = (self.fn + self.tn) * (self.fp + self.tn)
        chance = (pos + neg) / (n * n)
        return None if chance == 1 else (observed - chance) / (1 - chance)

    def as_dict(self) -> dict[str, float | int | None]:
        """Counts and rates (unrounded: the README rounds once), for the JSON report."""
        kappa = self.kappa
        return {
            "n": self.n,
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "kappa": kappa,
        }


HEADER = f"{'group':<14}{'variant':<16}{'n':>6}{'supp':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'tn':>6}"
HEADER += f"{'P':>8}{'R':>8}{'F1':>8}{'kappa':>8}"


def table_line(group: str, variant: str, c: Confusion) -> str:
    """One aligned table row."""
    kappa = "-" if c.kappa is None else f"{c.kappa:.3f}"
    counts = f"{c.n:>6}{c.support:>6}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.tn:>6}"
    rates = f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}{kappa:>8}"
    return f"{group:<14}{variant:<16}{counts}{rates}"


@dataclass(frozen=True)
class Sentence:
    """One labelled manifesto sentence."""

    text: str
    gold: bool
    party: str
    year: int
    split: str


def _label(value: str) -> bool:
    """binary_pledge is '1' for a pledge (pledge 1 or 2) and '0' otherwise."""
    if value not in ("0", "1"):
        raise ValueError(f"unexpected binary_pledge value {value!r}")
    return value == "1"


def read_sentences(path: Path, *, country: str = ENGLISH) -> list[Sentence]:
    """The labelled sentences of one country from the corpus CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Sentence(
                row["text"].strip(),
                _label(row["binary_pledge"]),
                row["party"],
                int(row["year"]),
                row["set"],
            )
            for row in csv.DictReader(handle)
            if row["country"] == country
        ]


def select(sentences: Sequence[Sentence], split: str) -> list[Sentence]:
    """The sentences of one of the authors' splits ('all' keeps every one)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    return [s for s in sentences if split in ("all", s.split)]


def predict(sentence: Sentence) -> frozenset[Kind]:
    """Kinds of the commitments extract() finds in the sentence alone, dated 1 Jan of its year."""
    found = extract(
        sentence.text,
        published=date(sentence.year, 1, 1),
        published_basis=PublishedBasis.GIVEN,
    )
    return frozenset(c.kind for c in found.commitments)


def predict_all(sentences: Sequence[Sentence]) -> tuple[list[frozenset[Kind]], float]:
    """Predictions for every sentence and the seconds extract() took in total."""
    start = time.perf_counter()
    predictions = [predict(s) for s in sentences]
    return predictions, time.perf_counter() - start


def groups(sentences: Sequence[Sentence]) -> dict[str, list[int]]:
    """Row indices of the whole set, then of each party and each year."""
    out: dict[str, list[int]] = {"all": list(range(len(sentences)))}
    for key in sorted({f"party={s.party}" for s in sentences}):
        out[key] = [i for i, s in enumerate(sentences) if f"party={s.party}" == key]
    for year in sorted({s.year for s in sentences}):
        out[f"year={year}"] = [i for i, s in enumerate(sentences) if s.year == year]
    return out


def score(
    sentences: Sequence[Sentence], predictions: Sequence[frozenset[Kind]]
) -> list[tuple[str, str, Confusion]]:
    """(group, variant, confusion) for every group and prediction variant."""
    rows = []
    for variant, positive in VARIANTS.items():
        for name, members in groups(sentences).items():
            pairs = ((sentences[i].gold, positive(predictions[i])) for i in members)
            rows.append((name, variant, Confusion.of(pairs)))
    return rows


def kind_counts(predictions: Iterable[frozenset[Kind]]) -> dict[str, int]:
    """How many sentences had at least one commitment of each kind."""
    counts = {kind.value: 0 for kind in Kind}
    for kinds in predictions:
        for kind in kinds:
            counts[kind.value] += 1
    return counts


def _print_errors(
    sentences: Sequence[Sentence], predictions: Sequence[frozenset[Kind]], n: int
) -> None:
    """A seeded sample of false positives and false negatives (variant 'any')."""
    rng = random.Random(0)
    fps = [i for i, s in enumerate(sentences) if not s.gold and predictions[i]]
    fns = [i for i, s in enumerate(sentences) if s.gold and not predictions[i]]
    for label, found in (("FALSE POSITIVE", fps), ("FALSE NEGATIVE", fns)):
        print(f"\n{label}S ({len(found)}; showing {min(n, len(found))}):")
        for i in sorted(rng.sample(found, min(n, len(found)))):
            s = sentences[i]
            kinds = ",".join(sorted(k.value for k in predictions[i])) or "-"
            print(f"  [{s.party} {s.year}] ({kinds}) {s.text}")


def run(data: Path, split: str, errors: int) -> dict[str, object]:
    """Score one split, print the table and return the JSON report."""
    sentences = select(read_sentences(data / FOLDER / CSV_NAME), split)
    predictions, seconds = predict_all(sentences)
    rows = score(sentences, predictions)
    rate = len(sentences) / seconds if seconds else 0.0
    print(f"MiMac pledges, country={ENGLISH} (English), split={split}, gold=binary_pledge")
    print(HEADER)
    for group, variant, c in rows:
        print(table_line(group, variant, c))
    print(f"sentences with a commitment of each kind: {kind_counts(predictions)}")
    print(f"throughput: {len(sentences)} sentences in {seconds:.2f} s = {rate:.0f} sentences/s")
    if errors:
        _print_errors(sentences, predictions, errors)
    return {
        "data": FOLDER,
        "country": ENGLISH,
        "label": "binary_pledge",
        "split": split,
        "sentences": len(sentences),
        "seconds": round(seconds, 3),
        "sentences_per_s": round(rate, 1),
        "predicted_kinds": kind_counts(predictions),
        "rows": [{"group": g, "variant": v, **c.as_dict()} for g, v, c in rows],
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--split", choices=SPLITS, default="dev", help="the authors' split")
    ap.add_argument("--errors", type=int, default=0, help="print N sampled FPs and FNs")
    args = ap.parse_args(argv)
    if not (args.data / FOLDER / CSV_NAME).is_file():
        print(f"data not found: {args.data / FOLDER / CSV_NAME}; skipping")
        return 0
    report = run(args.data, args.split, args.errors)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
