"""Shared pieces of the CLI's output: stable JSON, ISO dates, clipped cells, due dates."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tracker.domain import DueBasis


def dumps(data: Any) -> str:
    """Stable, human-readable JSON (non-ASCII kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def due_text(due: date, basis: DueBasis) -> str:
    return f"{due.isoformat()} (assumed)" if basis is DueBasis.DEFAULT else due.isoformat()


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
