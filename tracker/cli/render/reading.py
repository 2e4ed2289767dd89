"""What reading a text found: candidates and time expressions, as dicts and tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.cli.render.common import clip, due_text, iso
from tracker.domain import BASIS_WORDS, Candidate, Extraction, Timex

NOTHING_FOUND = "no forward-looking statements found"


def candidate_dict(c: Candidate) -> dict[str, Any]:
    """The JSON contract of one extracted commitment."""
    return {
        "quote": c.quote,
        "span": [c.start, c.end],
        "actors": list(c.actors),
        "kind": c.kind.value,
        "action": c.action,
        "deadline": iso(c.deadline),
        "deadline_text": c.deadline_text,
        "deadline_value": c.deadline_value,
        "due": c.due.isoformat(),
        "due_basis": c.due_basis.value,
        "confidence": round(float(c.confidence), 3),
    }


def extraction_dict(found: Extraction) -> dict[str, Any]:
    """The JSON contract of `tracker extract`."""
    return {
        "published": iso(found.published),
        "published_basis": found.published_basis.value,
        "commitments": [candidate_dict(c) for c in found.commitments],
    }


def timex_dict(t: Timex) -> dict[str, Any]:
    """The JSON contract of one time expression (`mod` only when TIMEX3 has one)."""
    found = {"text": t.text, "span": [t.start, t.end], "type": t.type.value, "value": t.value}
    return found | ({"mod": t.mod} if t.mod else {})


def candidates_table(candidates: Sequence[Candidate]) -> str:
    """Numbered candidates, one block each, for people to read and pick from."""
    if not candidates:
        return NOTHING_FOUND
    lines = []
    for number, c in enumerate(candidates, start=1):
        who = ", ".join(c.actors) or "(unknown actor)"
        deadline = f' by "{c.deadline_text}"' if c.deadline_text else ""
        lines.append(f"{number:>3}. [{c.kind.value}] {who}: {clip(c.action, 80)}")
        lines.append(
            f"     due {due_text(c.due, c.due_basis)}{deadline}  confidence {c.confidence:.2f}"
        )
        lines.append(f'     "{clip(c.quote, 90)}"')
    return "\n".join(lines)


def extraction_text(found: Extraction) -> str:
    """Readable `tracker extract` output."""
    published = iso(found.published) or "unknown"
    head = f"published {published} ({BASIS_WORDS[found.published_basis]})"
    return f"{head}\n{candidates_table(found.commitments)}"
