"""The link scorer's ledgers: MEANTIME clusters, and the modern set (every gold commitment of
seeds/modern/dev and dev2 published before the later article)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import score_links  # noqa: E402

MODERN = ROOT / "seeds" / "links" / "modern"


@pytest.mark.skipif(not (MODERN / "sources.jsonl").exists(), reason="no modern link set")
def test_the_modern_ledger_holds_every_earlier_commitment_and_no_later_one() -> None:
    later = json.loads((MODERN / "dev.json").read_text(encoding="utf-8"))["later_documents"][0]
    ledger, keys, published = score_links.modern_ledger_for(later)
    assert ledger and all(item.published < published for item in ledger)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in score_links._MODERN_GOLD}
    earlier = {
        (doc, c["id"])
        for doc, gold in golds.items()
        if date.fromisoformat(gold["published"]) < published
        for c in gold["commitments"]
    }
    assert set(keys.values()) == earlier


def test_every_modern_link_names_a_gold_commitment_published_before_it() -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in score_links._MODERN_GOLD}
    sources = score_links._modern_sources()
    for part in ("dev", "blind"):
        data = json.loads((MODERN / f"{part}.json").read_text(encoding="utf-8"))
        for link in data["links"]:
            ref = link["commitment"]
            gold = golds[ref["document"]]
            assert ref["id"] in {c["id"] for c in gold["commitments"]}
            assert gold["published"] < sources[link["later"]]["published"]
