"""Rendering for `tracker`: snapshots to JSON-ready dicts and plain-text tables (`common`,
`reading`, `ledger`, `figures`)."""

from __future__ import annotations

from tracker.cli.render.common import clip, due_text, dumps, iso
from tracker.cli.render.figures import (
    days_text,
    rate_dict,
    settings_dict,
    settings_text,
    stats_dict,
    stats_text,
)
from tracker.cli.render.ledger import (
    commitment_dict,
    commitment_text,
    commitments_table,
    link_dict,
    source_dict,
    verdict_dict,
)
from tracker.cli.render.reading import (
    NOTHING_FOUND,
    candidate_dict,
    candidates_table,
    extraction_dict,
    extraction_text,
    timex_dict,
)

__all__ = [
    "NOTHING_FOUND",
    "candidate_dict",
    "candidates_table",
    "clip",
    "commitment_dict",
    "commitment_text",
    "commitments_table",
    "days_text",
    "due_text",
    "dumps",
    "extraction_dict",
    "extraction_text",
    "iso",
    "link_dict",
    "rate_dict",
    "settings_dict",
    "settings_text",
    "source_dict",
    "stats_dict",
    "stats_text",
    "timex_dict",
    "verdict_dict",
]
