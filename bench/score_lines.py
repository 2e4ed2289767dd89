"""Score the lines a reader sees, one per candidate: "actor — action · due".

Usage: python bench/score_lines.py [GOLD_DIR ...] [--texts DIR] [--json-out F] [--lines N]

Texts are read as sent as a link, with their publisher's site (--pasted: without it).
A line is good when (a) it matches a gold commitment that no other line already took (the
matching is bench/scoring.py's; a second line on a taken commitment, or on a restatement of a
shown one, is a repeat), (b) its first actor is a clean name of the committed party, (c) its
action is a whole phrase, and (d) its due date is right: inside the gold deadline's period, or
assumed when the gold has none (checks in bench/line_checks.py). Prints good lines / lines,
good lines / gold commitments and the share of lines with each defect, per set; writes
bench/results/score_lines.json (or --json-out). --lines N prints N lines spread over the set
with the verdicts, for checking the scorer by reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from line_checks import action_defect, actor_defect
from scoring import (
    Gold,
    GoldItem,
    _Sentences,
    deadline_right,
    is_blind,
    load_gold,
    match,
    matches,
    site_of,
)

from tracker.domain import Candidate, DueBasis
from tracker.extract import extract

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "score_lines.json"
DEFECTS = ("actor", "action", "repeat", "due", "not_commitment")


@dataclass
class Line:
    """One line as shown, and what is wrong with it."""

    document: str
    text: str
    quote: str
    defects: dict[str, str] = field(default_factory=dict)
    gold: str | None = None

    @property
    def good(self) -> bool:
        return not self.defects


def render(c: Candidate) -> str:
    """The line a reader sees: first actor — action · due (assumed)."""
    actor = c.actors[0] if c.actors else "someone"
    assumed = " (assumed)" if c.due_basis is DueBasis.DEFAULT else ""
    return f"{actor} — {c.action} · due {c.due.isoformat()}{assumed}"


def same_as(path: Path) -> dict[tuple[int, int], int]:
    """Span of each restatement → id of the commitment it restates."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    entries = raw.get("commitments", []) + raw.get("optional", [])
    return {
        (int(e["span"][0]), int(e["span"][1])): int(e["same_as"])
        for e in entries
        if e.get("same_as") is not None
    }


def judge_lines(
    name: str, text: str, gold: Gold, preds: list[Candidate], restates: dict[tuple[int, int], int]
) -> list[Line]:
    """One judged Line per prediction, in text order."""
    pairs, optional = match(text, gold, preds)
    shown = {gold.required[j].id for j in pairs.values()}
    sents = _Sentences(text)
    lines = []
    for i, p in enumerate(preds):
        line = Line(document=name, text=render(p), quote=p.quote)
        target = _target(i, p, gold, pairs, optional, restates, shown, sents)
        if target is None:
            line.defects["not_commitment"] = "matches no gold commitment"
        elif target == "repeat":
            line.defects["repeat"] = "a commitment another line already shows"
        else:
            line.gold = target.quote
            _judge(line, p, target, text=text, published=gold)
        lines.append(line)
    return lines


def _target(
    i: int,
    p: Candidate,
    gold: Gold,
    pairs: dict[int, int],
    optional: set[int],
    restates: dict[tuple[int, int], int],
    shown: set[int | None],
    sents: _Sentences,
) -> GoldItem | str | None:
    if i in pairs:
        return gold.required[pairs[i]]
    if any(matches(p, g, sents) for g in gold.required):
        return "repeat"  # its commitment went to another line
    if i in optional:
        entry = next(o for o in gold.optional if matches(p, o, sents))
        if restates.get((entry.start, entry.end)) in shown:
            return "repeat"
        return entry
    return None


def _judge(line: Line, p: Candidate, g: GoldItem, *, text: str, published: Gold) -> None:
    actor = p.actors[0] if p.actors else ""
    why = actor_defect(actor, g.actors, text=text)
    if why:
        line.defects["actor"] = f"{why} (gold {list(g.actors)})"
    why = action_defect(p.action, actor=actor, quote=p.quote, text=text)
    if why:
        line.defects["action"] = why
    if not deadline_right(g, p, published=published.published):
        line.defects["due"] = f"gold {g.deadline_value or g.deadline}"


def score_set(gold_dir: Path, texts: Path, *, pasted: bool = False) -> tuple[list[Line], int]:
    """All judged lines of a set and its number of required gold commitments."""
    lines: list[Line] = []
    total = 0
    for gold_path in sorted(gold_dir.glob("*.json")):
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            continue
        gold = load_gold(gold_path)
        text = text_path.read_text(encoding="utf-8")
        url = None if pasted else site_of(gold.name)
        site = {"source_url": url} if url else {}  # as pasted: extract() as ever (older code too)
        preds = list(extract(text, published=gold.published, **site).commitments)
        lines += judge_lines(gold.name, text, gold, preds, same_as(gold_path))
        total += len(gold.required)
    return lines, total


def summary(lines: list[Line], commitments: int) -> dict[str, Any]:
    """Good lines over lines and over commitments, and each defect's share of the lines."""
    good = sum(line.good for line in lines)
    good_required = sum(line.good and line.gold is not None for line in lines)
    n = len(lines) or 1
    return {
        "lines": len(lines),
        "commitments": commitments,
        "good_lines": good,
        "good_per_line": round(good / n, 3),
        "good_per_commitment": round(min(good_required, commitments) / (commitments or 1), 3),
        "defect_share": {d: round(sum(d in x.defects for x in lines) / n, 3) for d in DEFECTS},
    }


def main(argv: list[str] | None = None) -> int:
    """Score each GOLD_DIR, print the figures, write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", type=Path, nargs="*", default=[ROOT / "seeds"])
    parser.add_argument("--texts", type=Path, default=None, help="folder of the .txt files")
    parser.add_argument("--json-out", type=Path, default=RESULTS)
    parser.add_argument(
        "--pasted",
        action="store_true",
        help="read each text as pasted, without its publisher's site (default: as sent as a link)",
    )
    parser.add_argument("--lines", type=int, default=0, help="print N lines with verdicts")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    for gold_dir in args.gold_dirs:
        if not gold_dir.is_dir():
            print(f"no gold folder {gold_dir}; skipped")
            continue
        if args.lines and is_blind(gold_dir):
            print(f"{gold_dir}: a blind holdout is scored as a whole; --lines is refused")
            return 2
        lines, total = score_set(gold_dir, args.texts or gold_dir, pasted=args.pasted)
        report[gold_dir.name] = summary(lines, total)
        print(f"{gold_dir.name}: {json.dumps(report[gold_dir.name])}")
        if args.lines:
            step = max(1, len(lines) // args.lines)
            for line in lines[::step][: args.lines]:
                verdict = "GOOD" if line.good else json.dumps(line.defects)
                print(f"[{line.document}] {line.text}\n    “{line.quote}”\n    {verdict}")
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
