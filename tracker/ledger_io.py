"""Ledger export/import rows ↔ JSON and CSV text. CSV flattens the lists: actors joined with
"; ", verdict and due-change histories as JSON strings. from_x(to_x(rows)) == rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tracker.errors import InvalidInput

ACTOR_SEPARATOR = "; "
INT_COLUMNS = frozenset({"number", "span_start", "span_end", "source_text_in"})
JSON_COLUMNS = frozenset({"verdicts", "due_changes", "edits"})
LIST_COLUMNS = frozenset({"actors"})


def to_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as a pretty JSON array (UTF-8 text, non-ASCII kept readable)."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> list[dict[str, Any]]:
    """Rows from a JSON array of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InvalidInput(f"The file is not valid JSON (line {err.lineno}: {err.msg}).") from None
    if not isinstance(data, list):
        raise InvalidInput("The JSON file must hold a list of rows.")
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise InvalidInput(f"Row {number} is not a JSON object.")
    return data


def _columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Column names in first-seen order over all rows."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _flat(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in LIST_COLUMNS:
        return ACTOR_SEPARATOR.join(str(v) for v in value)
    if name in JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def to_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as CSV with a header; None becomes an empty cell."""
    columns = _columns(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_flat(name, row.get(name)) for name in columns])
    return out.getvalue()


def _cell(number: int, name: str, text: str) -> Any:
    """One CSV cell decoded back to its row value."""
    if text == "":
        return [] if name in LIST_COLUMNS or name in JSON_COLUMNS else None
    if name in LIST_COLUMNS:
        return [part.strip() for part in text.split(";") if part.strip()]
    try:
        if name in JSON_COLUMNS:
            return json.loads(text)
        if name in INT_COLUMNS:
            return int(text)
    except ValueError:
        kind = "JSON" if name in JSON_COLUMNS else "a whole number"
        raise InvalidInput(f"Row {number}, field {name}: “{text[:40]}” is not {kind}.") from None
    return text


def from_csv(text: str) -> list[dict[str, Any]]:
    """Rows from CSV text with a header row (row numbers in errors count data rows from 1)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader, None)
        if not header or any(not name.strip() for name in header):
            raise InvalidInput("The CSV file needs a header row naming every column.")
        rows = []
        for number, cells in enumerate((c for c in reader if c), start=1):
            if len(cells) != len(header):
                raise InvalidInput(
                    f"Row {number} has {len(cells)} cells but the header has {len(header)}."
                )
            rows.append(
                {name: _cell(number, name, cell) for name, cell in zip(header, cells, strict=True)}
            )
    except csv.Error as err:
        raise InvalidInput(
            f"The CSV file is malformed near line {reader.line_num}: {err}."
        ) from None
    return rows
