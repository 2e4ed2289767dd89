"""Every gold file the benches read is well formed: it loads, its quotes are its text's spans,
actors are lists of names, kinds and deadlines are valid and restatements point at an item.
(Format only: checking a blind holdout's format reads no extractor error.)"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
KINDS = {"promise", "plan", "agreement", "prediction"}
MODERN = sorted(p for p in (SEEDS / "modern").iterdir() if p.is_dir())
FOLDERS = [SEEDS, SEEDS / "holdout", *MODERN]
GOLD = [
    g
    for folder in FOLDERS
    for g in sorted(folder.glob("*.json"))
    if g.with_suffix(".txt").exists()
]


def test_every_modern_folder_with_texts_has_gold() -> None:
    for folder in FOLDERS:
        for text in folder.glob("*.txt"):
            if folder.name.startswith(("dev", "holdout")) or folder == SEEDS:
                assert text.with_suffix(".json").exists(), text
    assert len(GOLD) > 200


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file_is_well_formed(path: Path) -> None:
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("published"):
        date.fromisoformat(data["published"])
    items = data.get("commitments", [])
    ids = [item["id"] for item in items if item.get("id") is not None]
    assert len(ids) == len(set(ids)), "commitment ids repeat"
    named = {*ids, *(o.get("id") for o in data.get("optional", []))}
    for item in [*items, *data.get("optional", [])]:
        start, end = item["span"]
        assert text[start:end] == item["quote"], item["quote"][:60]
        actors = item.get("actors", [])
        assert isinstance(actors, list) and all(isinstance(a, str) and a for a in actors)
        if "kind" in item and item in items:
            assert item["kind"] in KINDS
        if item.get("deadline"):
            date.fromisoformat(item["deadline"])
        if item.get("same_as") is not None and isinstance(item["same_as"], int):
            assert item["same_as"] in named, f"same_as {item['same_as']} names no item"
