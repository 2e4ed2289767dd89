"""Validation of imported ledger rows: every row is checked before anything is written,
and the first problem is reported with its row number and field name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from tracker import checks as check
from tracker.domain import DueBasis, Kind, PublishedBasis, Status, Verdict
from tracker.errors import InvalidInput
from tracker.services.rows import (
    EXPORT_FIELDS,
    DueChangeIn,
    Fields,
    RowIn,
    SourceIn,
    parse_due_change,
    parse_edit,
    parse_verdict,
    to_date,
    to_datetime,
    to_int,
    to_list,
    to_text,
)

MAX_ROWS = 100_000
MAX_TIMEX_VALUE = 64  # the deadline_value column
# Item numbers are 32-bit integers on PostgreSQL (to 2,147,483,647); an imported number stays
# well below, so the numbers after the highest one are left for the chat's new items.
MAX_NUMBER = 1_000_000_000
_SOURCE_FIELDS = ("source_url", "source_title", "source_publisher", "source_published")


def parse_rows(rows: Iterable[Mapping[str, Any]], *, by: str, now: datetime) -> list[RowIn]:
    """Validate every row (1-based numbers in errors); raise on the first bad one. Rows may
    come from a stream; each source text is kept once however many rows repeat it."""
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        raise InvalidInput("The import must be a list of rows.")
    parsed: list[RowIn] = []
    sources: dict[str, SourceIn] = {}
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise InvalidInput(f"Too many rows (over {MAX_ROWS:,}); at most {MAX_ROWS:,} at once.")
        one = parse_row(Fields(number, row), by=by, now=now)
        if one.source is not None:
            one = replace(one, source=sources.setdefault(one.source.key, one.source))
        parsed.append(one)
    return parsed


def parse_row(f: Fields, *, by: str, now: datetime) -> RowIn:
    """One validated row; missing optional fields get the importer's defaults."""
    if not isinstance(f.row, Mapping):
        raise InvalidInput(f"Row {f.number} is not a record. Nothing was imported.")
    unknown = sorted(set(f.row) - set(EXPORT_FIELDS), key=str)
    if unknown:
        raise f.fail(str(unknown[0]), "is not a known column.")
    quote = f.get("quote", to_text, None)
    action = f.get("action", to_text, None) or quote
    if action is None:
        raise f.fail("quote", "a quote or an action is required.")
    source = _source(f)
    deadline = f.get("deadline", to_date, None)
    history: list[Verdict] = f.get("verdicts", _verdicts, [])
    verdicts = tuple(history)
    return RowIn(
        kind=f.get("kind", check.kind, Kind.PROMISE),
        actors=f.get("actors", lambda v: check.actors(to_list(v)), ()),
        action=action,
        quote=quote or action,
        span=_span(f, source),
        deadline=deadline,
        deadline_text=f.get("deadline_text", to_text, None),
        deadline_value=f.get("deadline_value", _timex_value, None),
        due=f.get("due", to_date, deadline),
        due_basis=f.get("due_basis", DueBasis, _basis(deadline)),
        created_by=f.get("created_by", lambda v: check.label(v, what="creator"), by),
        created_at=f.get("created_at", to_datetime, None),
        source=source,
        verdicts=_history(f, verdicts, by=by, now=now),
        due_changes=tuple(f.get("due_changes", _due_changes, [])),
        untracked_at=f.get("untracked_at", to_datetime, None),
        edits=tuple(f.get("edits", lambda v: [parse_edit(e) for e in to_list(v)], [])),
        number=f.get("number", _number, None),
    )


def _number(value: Any) -> int:
    number = to_int(value)
    if not 1 <= number <= MAX_NUMBER:
        raise InvalidInput(f"an item number must be from 1 to {MAX_NUMBER:,}.")
    return number


def _timex_value(value: Any) -> str | None:
    text = to_text(value)
    if text is not None and len(text) > MAX_TIMEX_VALUE:
        raise InvalidInput(f"at most {MAX_TIMEX_VALUE} characters (a TIMEX3 value).")
    return text


def _basis(deadline: object) -> DueBasis:
    return DueBasis.DEFAULT if deadline is None else DueBasis.DEADLINE


def _verdicts(value: Any) -> list[Verdict]:
    return [parse_verdict(entry) for entry in to_list(value)]


def _due_changes(value: Any) -> list[DueChangeIn]:
    return [parse_due_change(entry) for entry in to_list(value)]


def _source(f: Fields) -> SourceIn | None:
    text = f.get("source_text", to_text, None)
    url = f.get("source_url", lambda v: check.evidence_url(to_text(v)), None)
    if text is None and url is None:
        for name in _SOURCE_FIELDS:
            if f.row.get(name) not in (None, ""):
                raise f.fail(name, "a source needs source_text or source_url.")
        return None
    return SourceIn(
        key=check.content_hash(text or "", url=url),
        url=url,
        title=f.get("source_title", to_text, None),
        publisher=f.get("source_publisher", to_text, None),
        published=f.get("source_published", to_date, None),
        published_basis=f.get("source_published_basis", PublishedBasis, PublishedBasis.UNKNOWN),
        text=text or "",
    )


def _span(f: Fields, source: SourceIn | None) -> tuple[int, int] | None:
    start = f.get("span_start", to_int, None)
    end = f.get("span_end", to_int, None)
    if start is None and end is None:
        return None
    if start is None or end is None or start >= end:
        raise f.fail("span_start", "span_start and span_end must both be given, start < end.")
    if source is None or (source.text and end > len(source.text)):
        raise f.fail("span_end", "the span must lie inside source_text.")
    return (start, end)


def _history(
    f: Fields, verdicts: tuple[Verdict, ...], *, by: str, now: datetime
) -> tuple[Verdict, ...]:
    """The verdict history; a bare status without history becomes one verdict by the importer."""
    status = f.get("status", check.status, None)
    latest = verdicts[-1].status if verdicts else Status.OPEN
    if status is None or status is latest:
        return verdicts
    if verdicts:
        raise f.fail("status", f"“{status.value}” is not the last verdict ({latest.value}).")
    if status is Status.UNJUDGEABLE:
        raise f.fail("status", "cant_judge needs a verdict with a note in verdicts.")
    return (Verdict(id=0, status=status, at=now, by=by),)
