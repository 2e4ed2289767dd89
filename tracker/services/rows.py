"""Ledger rows: commitments ↔ export dicts (JSON-safe values only) and the validation of
imported rows, plus proposal candidates ↔ stored JSON records."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from tracker import checks as check
from tracker.domain import Candidate, DueBasis, Edit, EditField, Kind, PublishedBasis, Verdict
from tracker.errors import InvalidInput
from tracker.store.models import CommitmentRow

T = TypeVar("T")

EXPORT_FIELDS = (
    "number",
    "kind",
    "actors",
    "action",
    "quote",
    "span_start",
    "span_end",
    "deadline",
    "deadline_text",
    "deadline_value",
    "due",
    "due_basis",
    "status",
    "created_by",
    "created_at",
    "source_url",
    "source_title",
    "source_publisher",
    "source_published",
    "source_published_basis",
    "source_text",
    "verdicts",
    "due_changes",
    "untracked_at",
    "edits",
    "source_text_in",
)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def export_row(row: CommitmentRow) -> dict[str, Any]:
    """Everything about one commitment as a JSON-safe dict (its chat number, no database ids)."""
    src = row.source
    return {
        "number": row.number,
        "kind": row.kind,
        "actors": list(row.actors),
        "action": row.action,
        "quote": row.quote,
        "span_start": row.span_start,
        "span_end": row.span_end,
        "deadline": _iso(row.deadline),
        "deadline_text": row.deadline_text,
        "deadline_value": row.deadline_value,
        "due": row.due.isoformat(),
        "due_basis": row.due_basis,
        "status": row.status,
        "created_by": row.created_by,
        "created_at": row.created_at.isoformat(),
        "source_url": src and src.url,
        "source_title": src and src.title,
        "source_publisher": src and src.publisher,
        "source_published": src and _iso(src.published),
        "source_published_basis": src and src.published_basis,
        "source_text": (src and src.text) or None,
        "verdicts": [
            {"status": v.status, "at": v.at.isoformat(), "by": v.by}
            | {"evidence_url": v.evidence_url, "note": v.note}
            for v in row.verdicts
        ],
        "due_changes": [
            {"at": c.at.isoformat(), "by": c.by, "old_due": c.old_due.isoformat()}
            | {"old_basis": c.old_basis, "new_due": c.new_due.isoformat()}
            for c in row.due_changes
        ],
        "untracked_at": _iso(row.untracked_at),
        "edits": [
            {"field": e.field, "at": e.at.isoformat(), "by": e.by}
            | {"old": e.old_value, "new": e.new_value}
            for e in row.edits
        ],
    }


def candidate_record(candidate: Candidate) -> dict[str, Any]:
    """A candidate as a JSON record for the proposals table."""
    return {
        "quote": candidate.quote,
        "start": candidate.start,
        "end": candidate.end,
        "actors": list(candidate.actors),
        "kind": candidate.kind.value,
        "action": candidate.action,
        "due": candidate.due.isoformat(),
        "due_basis": candidate.due_basis.value,
        "deadline": _iso(candidate.deadline),
        "deadline_text": candidate.deadline_text,
        "deadline_value": candidate.deadline_value,
        "confidence": candidate.confidence,
    }


def candidate_from_record(record: Mapping[str, Any]) -> Candidate:
    """The inverse of `candidate_record`."""
    deadline = record.get("deadline")
    return Candidate(
        quote=record["quote"],
        start=int(record["start"]),
        end=int(record["end"]),
        actors=tuple(record["actors"]),
        kind=Kind(record["kind"]),
        action=record["action"],
        due=date.fromisoformat(record["due"]),
        due_basis=DueBasis(record["due_basis"]),
        deadline=None if deadline is None else date.fromisoformat(deadline),
        deadline_text=record.get("deadline_text"),
        deadline_value=record.get("deadline_value"),
        confidence=float(record.get("confidence", 0.5)),
    )


@dataclass(frozen=True, slots=True)
class SourceIn:
    """A validated source of an imported row."""

    key: str
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    published_basis: PublishedBasis
    text: str


@dataclass(frozen=True, slots=True)
class DueChangeIn:
    """A validated due-date change of an imported row."""

    at: datetime
    by: str
    old_due: date
    old_basis: DueBasis
    new_due: date


@dataclass(frozen=True, slots=True)
class RowIn:
    """A validated imported commitment; `due is None` means "apply the default horizon"."""

    kind: Kind
    actors: tuple[str, ...]
    action: str
    quote: str
    span: tuple[int, int] | None
    deadline: date | None
    deadline_text: str | None
    deadline_value: str | None
    due: date | None
    due_basis: DueBasis
    created_by: str
    created_at: datetime | None  # None: not given (the import's time is stored)
    source: SourceIn | None
    verdicts: tuple[Verdict, ...]
    due_changes: tuple[DueChangeIn, ...]
    untracked_at: datetime | None = None
    edits: tuple[Edit, ...] = ()
    number: int | None = None  # the number the file gives it (kept when free: services.bulk)


class Fields:
    """Reads the fields of one import row, naming row and field in every error."""

    def __init__(self, number: int, row: Mapping[str, Any]) -> None:
        self.number = number
        self.row = row

    def fail(self, name: str, problem: str) -> InvalidInput:
        """An error naming this row and field; nothing is imported."""
        return InvalidInput(f"Row {self.number}, field {name}: {problem} Nothing was imported.")

    def get(self, name: str, convert: Callable[[Any], T], default: T) -> T:
        """Field `name` converted, or `default` when absent or empty."""
        value = self.row.get(name)
        if value is None or value == "":
            return default
        try:
            return convert(value)
        except InvalidInput as err:
            raise self.fail(name, str(err)) from None
        except (TypeError, ValueError, KeyError, AttributeError):
            raise self.fail(name, f"“{str(value)[:80]}” is not valid.") from None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_date(value: Any) -> date:
    """An ISO calendar date YYYY-MM-DD (real dates only: 2021-02-30 is refused)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value.strip()):
        raise InvalidInput(f"“{value}” is not a date (YYYY-MM-DD).")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"“{value}” is not a real date (YYYY-MM-DD).") from None
    return check.in_range(day)


def to_datetime(value: Any) -> datetime:
    """An aware ISO 8601 timestamp."""
    try:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"“{value}” is not an ISO 8601 timestamp.") from None
    if parsed.tzinfo is None:
        raise InvalidInput(f"“{value}” has no UTC offset.")
    check.in_range(parsed.date())
    return parsed


def to_int(value: Any) -> int:
    """A non-negative whole number."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput(f"“{value}” is not a whole number.")
    number = int(value)
    if number < 0:
        raise InvalidInput("must not be negative.")
    return number


def to_text(value: Any) -> str | None:
    """A free-text value kept verbatim, blank as None (numbers refused: shifted columns)."""
    if not isinstance(value, str):
        raise InvalidInput("must be text.")
    return check.storable(value) if value.strip() else None


def to_list(value: Any) -> list[Any]:
    """A JSON list (CSV cells are decoded by ledger_io)."""
    if not isinstance(value, list):
        raise InvalidInput("must be a list.")
    return value


def parse_verdict(entry: Any) -> Verdict:
    """One verdict of an imported history."""
    if not isinstance(entry, Mapping):
        raise InvalidInput("each verdict must be an object.")
    status = check.status(entry.get("status", ""))
    note = check.note(entry.get("note"), verdict=status)
    return Verdict(
        id=0,
        status=status,
        at=to_datetime(entry.get("at")),
        by=check.label(entry.get("by") or "", what="verdict author"),
        evidence_url=check.evidence_url(entry.get("evidence_url")),
        note=note,
    )


def parse_edit(entry: Any) -> Edit:
    """One correction of an imported history."""
    if not isinstance(entry, Mapping):
        raise InvalidInput("each edit must be an object.")
    old, new = entry.get("old"), entry.get("new")
    return Edit(
        field=EditField(str(entry.get("field"))),
        at=to_datetime(entry.get("at")),
        by=check.label(entry.get("by") or "", what="edit author"),
        old=None if old is None else str(old),
        new=None if new is None else str(new),
    )


def parse_due_change(entry: Any) -> DueChangeIn:
    """One due-date change of an imported history."""
    if not isinstance(entry, Mapping):
        raise InvalidInput("each due change must be an object.")
    return DueChangeIn(
        at=to_datetime(entry.get("at")),
        by=check.label(entry.get("by") or "", what="due change author"),
        old_due=to_date(entry.get("old_due")),
        old_basis=DueBasis(str(entry.get("old_basis"))),
        new_due=to_date(entry.get("new_due")),
    )
