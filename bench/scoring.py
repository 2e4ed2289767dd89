"""Pure scoring of extracted commitments against gold JSON (shared by score_extraction.py and
tests/test_gold.py).

Match rule: a prediction matches a gold commitment when the spans overlap or the prediction
starts in the sentence where the gold starts; each gold is matched at most once (maximum
matching, overlap edges first). Predictions that only match "optional" gold entries (or
entries with "same_as", restatements) are neither rewarded nor penalised.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain import Candidate
from tracker.extract.sentences import split_sentences
from tracker.timex import period


@dataclass(frozen=True)
class GoldItem:
    """One gold commitment."""

    id: int | None
    quote: str
    start: int
    end: int
    actors: tuple[str, ...]
    kind: str
    deadline: date | None
    deadline_value: str | None


@dataclass(frozen=True)
class Gold:
    """A gold file: required and optional commitments, and non-commitment notes."""

    name: str
    published: date | None
    required: tuple[GoldItem, ...]
    optional: tuple[GoldItem, ...]
    not_commitments: tuple[str, ...]


@dataclass
class DocScore:
    """Counts and error lists for one document."""

    name: str
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    fp: int = 0
    ignored: int = 0
    actor_ok: int = 0
    kind_ok: int = 0
    deadline_ok: int = 0
    explicit: int = 0  # matched gold items whose text gives a dated deadline
    explicit_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    actor_errors: list[str] = field(default_factory=list)
    kind_errors: list[str] = field(default_factory=list)
    deadline_errors: list[str] = field(default_factory=list)


def is_blind(folder: Path) -> bool:
    """A blind holdout (seeds/holdout, seeds/modern/holdout4, ...): scored as a whole only, its
    errors never printed or written. A holdout whose last measurement is made and that holds
    a RETIRED.md (why, when) is development data from then on."""
    resolved = folder.resolve()
    held = any(part.startswith("holdout") for part in resolved.parts)
    return held and not (resolved / "RETIRED.md").exists()


# The official site each publisher family of the modern set posts on (a text may have been read
# from a verbatim mirror; the id starts with its family): what the bot knows of an article a
# user sends as a link. MEANTIME and Wikinews texts name no institution's site.
FAMILY_SITES = {
    "govuk": "https://www.gov.uk/",
    "scotgov": "https://www.gov.scot/",
    "walesgov": "https://www.gov.wales/",
    "nigov": "https://www.northernireland.gov.uk/",
    "ec": "https://ec.europa.eu/",
    "cangov": "https://www.canada.ca/",
    "augov": "https://www.pm.gov.au/",
    "nzgov": "https://www.beehive.govt.nz/",
    "us-wh": "https://www.whitehouse.gov/",
    "us-state": "https://www.state.gov/",
    "us-commerce": "https://www.commerce.gov/",
    "us-fed": "https://www.federalreserve.gov/",
    "us-nasa": "https://www.nasa.gov/",
    "nasa": "https://www.nasa.gov/",
    "us-cbo": "https://www.cbo.gov/",
    "us-dol": "https://www.dol.gov/",
    "us-hhs": "https://www.hhs.gov/",
    "us-treasury": "https://home.treasury.gov/",
    "us-nist": "https://www.nist.gov/",
    "usda": "https://www.usda.gov/",
    "us-usda": "https://www.usda.gov/",
    "us-epa": "https://www.epa.gov/",
    "us-interior": "https://www.doi.gov/",
    "us-labor": "https://www.dol.gov/",
    "doe": "https://www.energy.gov/",
}


def site_of(name: str) -> str | None:
    """The official site of a modern text's publisher family, from its id, or None."""
    family = max((f for f in FAMILY_SITES if name.startswith(f + "-")), key=len, default=None)
    return FAMILY_SITES[family] if family else None


def load_gold(path: Path) -> Gold:
    """Read a gold JSON file; entries with "same_as" count as optional."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    items = [_item(c) for c in data.get("commitments", [])]
    same = {c.get("id") for c in data.get("commitments", []) if c.get("same_as") is not None}
    published = data.get("published")
    return Gold(
        name=path.stem,
        published=date.fromisoformat(published) if published else None,
        required=tuple(i for i in items if i.id not in same or i.id is None),
        optional=tuple(
            [i for i in items if i.id in same and i.id is not None]
            + [_item(c) for c in data.get("optional", [])]
        ),
        not_commitments=tuple(data.get("not_commitments", [])),
    )


def _item(raw: dict[str, Any]) -> GoldItem:
    deadline = raw.get("deadline")
    return GoldItem(
        id=raw.get("id"),
        quote=raw.get("quote", ""),
        start=int(raw["span"][0]),
        end=int(raw["span"][1]),
        actors=tuple(raw.get("actors") or ()),
        kind=raw.get("kind", ""),
        deadline=date.fromisoformat(deadline) if deadline else None,
        deadline_value=raw.get("deadline_value"),
    )


class _Sentences:
    def __init__(self, text: str) -> None:
        self.starts = [s for s, _ in split_sentences(text)]

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def matches(pred: Candidate, gold: GoldItem, sentences: _Sentences) -> bool:
    """The match rule: overlapping spans, or the prediction starts in the gold's sentence."""
    if pred.start < gold.end and gold.start < pred.end:
        return True
    return sentences.index(pred.start) == sentences.index(gold.start)


def actor_matches(gold_actors: tuple[str, ...], predicted: tuple[str, ...]) -> bool:
    """Any gold actor equals any predicted one, case-insensitively, by name or surname
    (the shorter name's words begin or end the longer one: "Putin", "Ford")."""
    for g in gold_actors:
        for p in predicted:
            a, b = sorted((_words(g), _words(p)), key=len)
            if a and (b[: len(a)] == a or b[-len(a) :] == a):
                return True
    return False


def _words(name: str) -> list[str]:
    """A name's words without a leading article: "the government" is the same party as the
    "UK Government" of a GOV.UK release, "the Commission" as the "European Commission"."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’s", "").replace("'s", ""))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def deadline_right(gold: GoldItem, pred: Candidate, *, published: date | None) -> bool:
    """A predicted deadline inside the gold deadline's period; without a usable gold value,
    equal to the gold "deadline" (None must meet None)."""
    span = period(gold.deadline_value, ref=published) if gold.deadline_value else None
    if span is not None:
        return pred.deadline is not None and span[0] <= pred.deadline <= span[1]
    # No value, or one without a calendar period ("FUTURE_REF"): compare the ISO dates.
    return pred.deadline == gold.deadline


def _max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Kuhn's augmenting paths: pred index → gold index."""
    gold_of: dict[int, int] = {}
    pred_of: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges.get(p, []):
            if g in seen:
                continue
            seen.add(g)
            if g not in pred_of or augment(pred_of[g], seen):
                pred_of[g] = p
                gold_of[p] = g
                return True
        return False

    for p in edges:
        augment(p, set())
    return gold_of


def match(text: str, gold: Gold, preds: list[Candidate]) -> tuple[dict[int, int], set[int]]:
    """(pred → required gold matching, preds matching only optional entries)."""
    sents = _Sentences(text)
    overlap = {
        i: [j for j, g in enumerate(gold.required) if p.start < g.end and g.start < p.end]
        for i, p in enumerate(preds)
    }
    loose = {
        i: [j for j, g in enumerate(gold.required) if matches(p, g, sents)]
        for i, p in enumerate(preds)
    }
    # Overlap edges are tried first, so a same-sentence match never displaces an overlap.
    edges = {i: overlap[i] + [j for j in loose[i] if j not in overlap[i]] for i in loose}
    chosen = _max_matching({i: e for i, e in edges.items() if e})
    optional = {
        i
        for i, p in enumerate(preds)
        if i not in chosen and any(matches(p, o, sents) for o in gold.optional)
    }
    return chosen, optional


def score_document(text: str, gold: Gold, preds: list[Candidate]) -> DocScore:
    """Precision/recall counts, attribute accuracy and error lists for one document."""
    pairs, optional = match(text, gold, preds)
    score = DocScore(name=gold.name, gold=len(gold.required), predicted=len(preds))
    score.tp, score.ignored = len(pairs), len(optional)
    score.fp = len(preds) - score.tp - score.ignored
    for i, j in sorted(pairs.items()):
        _attributes(score, gold.required[j], preds[i], published=gold.published)
    matched = set(pairs.values())
    score.misses = [g.quote for j, g in enumerate(gold.required) if j not in matched]
    score.false_positives = [
        p.quote for i, p in enumerate(preds) if i not in pairs and i not in optional
    ]
    return score


def _attributes(score: DocScore, g: GoldItem, p: Candidate, *, published: date | None) -> None:
    if actor_matches(g.actors, p.actors):
        score.actor_ok += 1
    else:
        score.actor_errors.append(f"{p.quote!r}: gold {list(g.actors)} got {list(p.actors)}")
    if g.kind == p.kind.value:
        score.kind_ok += 1
    else:
        score.kind_errors.append(f"{p.quote!r}: gold {g.kind} got {p.kind.value}")
    right = deadline_right(g, p, published=published)
    if g.deadline is not None:
        score.explicit += 1
        score.explicit_ok += right
    if right:
        score.deadline_ok += 1
    else:
        want = g.deadline_value or g.deadline
        score.deadline_errors.append(
            f"{p.quote!r}: gold {want} got {p.deadline} ({p.deadline_text!r})"
        )


def not_commitment_hits(text: str, gold: Gold, preds: list[Candidate]) -> list[str]:
    """Listed non-commitments that some prediction matches (same sentence or overlap)."""
    sents = _Sentences(text)
    hits = []
    for note in gold.not_commitments:
        phrase = re.sub(r"\s*\([^)]*\)\s*$", "", note).split("...")[0].strip(" .")
        at = text.find(phrase)
        if at < 0:
            continue
        fake = GoldItem(None, phrase, at, at + len(phrase), (), "", None, None)
        if any(matches(p, fake, sents) for p in preds):
            hits.append(note)
    return hits


def summarize(scores: list[DocScore]) -> dict[str, float | int]:
    """Overall micro-averaged figures."""
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    gold = sum(s.gold for s in scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    explicit = sum(s.explicit for s in scores)
    return {
        "documents": len(scores),
        "gold": gold,
        "predicted": sum(s.predicted for s in scores),
        "tp": tp,
        "fp": fp,
        "ignored_optional": sum(s.ignored for s in scores),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "actor_accuracy": round(sum(s.actor_ok for s in scores) / tp, 3) if tp else 0.0,
        "kind_accuracy": round(sum(s.kind_ok for s in scores) / tp, 3) if tp else 0.0,
        "deadline_accuracy": round(sum(s.deadline_ok for s in scores) / tp, 3) if tp else 0.0,
        "explicit_deadlines": explicit,
        "explicit_deadline_accuracy": (
            round(sum(s.explicit_ok for s in scores) / explicit, 3) if explicit else 0.0
        ),
    }
