"""The link scorer's ledgers: MEANTIME clusters, and the modern sets (every gold commitment of
seeds/modern/dev and dev2, or of the sets a link file names, published before the later
article)."""

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
MODERN_SETS = sorted(p for p in (ROOT / "seeds" / "links").glob("modern*") if p.is_dir())


def golds_of(sets: tuple[str, ...]) -> dict[str, dict]:
    paths = [p for name in sets for p in (ROOT / "seeds" / "modern" / name).glob("*.json")]
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in paths}


@pytest.mark.skipif(not (MODERN / "sources.jsonl").exists(), reason="no modern link set")
def test_the_modern_ledger_holds_every_earlier_commitment_and_no_later_one() -> None:
    later = json.loads((MODERN / "dev.json").read_text(encoding="utf-8"))["later_documents"][0]
    ledger, keys, published = score_links.modern_ledger_for(later)
    assert ledger and all(item.published < published for item in ledger)
    golds = golds_of(score_links.MODERN_LEDGER)
    earlier = {
        (doc, c["id"])
        for doc, gold in golds.items()
        if date.fromisoformat(gold["published"]) < published
        for c in gold["commitments"]
    }
    assert set(keys.values()) == earlier


@pytest.mark.parametrize("folder", MODERN_SETS, ids=lambda p: p.name)
def test_every_modern_link_names_a_gold_commitment_published_before_it(folder: Path) -> None:
    sources = score_links._modern_sources(folder)
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        golds = golds_of(tuple(data.get("ledger", score_links.MODERN_LEDGER)))
        for link in data["links"]:
            ref = link["commitment"]
            gold = golds[ref["document"]]
            assert ref["id"] in {c["id"] for c in gold["commitments"]}
            assert gold["published"] < sources[link["later"]]["published"]


def test_a_blind_part_prints_no_errors_until_retired(tmp_path: Path) -> None:
    blind = ROOT / "seeds" / "links" / "modern3" / "blind.json"
    out = tmp_path / "x.json"
    assert score_links.main([str(blind), "--errors", "--json-out", str(out)]) == 2
    assert not out.exists() and not score_links.retired(blind)
    part = tmp_path / "blind.json"
    part.write_text('{"part": "blind"}', encoding="utf-8")
    assert not score_links.retired(part)
    (tmp_path / "RETIRED.md").write_text("blind.json was measured and retired", encoding="utf-8")
    assert score_links.retired(part)
