"""Which gold folders are blind (their errors never printed): every holdout until it is
retired to development with a RETIRED.md, and the scorers refuse to print a blind set's
lines or errors."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import score_extraction  # noqa: E402
import score_lines  # noqa: E402
from scoring import is_blind  # noqa: E402


def test_holdouts_are_blind_until_retired(tmp_path: Path) -> None:
    held = tmp_path / "modern" / "holdout9"
    held.mkdir(parents=True)
    assert is_blind(held) and not is_blind(tmp_path / "modern" / "dev9")
    (held / "RETIRED.md").write_text("measured at the end; retired", encoding="utf-8")
    assert not is_blind(held)


def test_the_current_holdouts_are_blind() -> None:
    assert is_blind(ROOT / "seeds" / "holdout")
    assert is_blind(ROOT / "seeds" / "modern" / "holdout5")
    assert is_blind(ROOT / "seeds" / "modern" / "holdout6")  # annotated, never scored yet
    for retired in ("holdout", "holdout2", "holdout3", "holdout4"):
        assert not is_blind(ROOT / "seeds" / "modern" / retired)


def test_scorers_refuse_a_blind_sets_errors(tmp_path: Path) -> None:
    held = ROOT / "seeds" / "modern" / "holdout5"
    out = tmp_path / "x.json"
    assert score_lines.main([str(held), "--lines", "5", "--json-out", str(out)]) != 0
    assert score_extraction.main([str(held), "--errors", "--json-out", str(out)]) != 0
    assert not out.exists()
