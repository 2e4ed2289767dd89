"""Ledger export/import rows ↔ JSON and CSV, streamed both ways so any export can be read
back whatever its size. CSV flattens the lists: actors joined with "; ", verdict and
due-change histories as JSON strings, and a cell a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) or one starting with ' gets a leading '
(OWASP's advice), which reading undoes. from_x(to_x(rows)) == rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from tracker.errors import InvalidInput

ACTOR_SEPARATOR = "; "
INT_COLUMNS = frozenset({"number", "span_start", "span_end", "source_text_in"})
JSON_COLUMNS = frozenset({"verdicts", "due_changes", "edits"})
LIST_COLUMNS = frozenset({"actors"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")
_CHUNK = 1 << 20  # characters read at a time
_MAX_DEPTH = 64  # nesting levels of a JSON row: deeper is not an export


def write_json(rows: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    """Rows as a pretty JSON array, written one row at a time."""
    out.write("[")
    for number, row in enumerate(rows):
        body = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("," if number else "") + "\n  " + body)
    out.write("\n]\n")


def to_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as a pretty JSON array (UTF-8 text, non-ASCII kept readable)."""
    out = io.StringIO()
    write_json(rows, out)
    return out.getvalue()


def iter_json(stream: TextIO) -> Iterator[dict[str, Any]]:
    """Rows from a JSON array of objects, parsed one row at a time."""
    reader = _JsonArray(stream)
    for number, row in enumerate(reader, start=1):
        if not isinstance(row, dict):
            raise InvalidInput(f"Row {number} is not a JSON object.")
        _check_depth(number, row)
        yield row


def from_json(text: str) -> list[dict[str, Any]]:
    """Rows from JSON text holding an array of objects."""
    return list(iter_json(io.StringIO(text)))


class _JsonArray:
    """Decodes the values of a top-level JSON array from a stream, one at a time."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.buf, self.pos, self.line = stream, "", 0, 1
        self.decoder = json.JSONDecoder()

    def __iter__(self) -> Iterator[Any]:
        if self._next_char() != "[":
            raise InvalidInput("The JSON file must hold a list of rows.")
        self.pos += 1
        if self._next_char() == "]":
            return self._end()
        while True:
            yield self._value()
            char = self._next_char()
            if char == "]":
                return self._end()
            if char != ",":
                raise self._error("expected , or ] between rows")
            self.pos += 1

    def _end(self) -> None:
        self.pos += 1
        if self._next_char() != "":
            raise self._error("extra data after the list of rows")

    def _next_char(self) -> str:
        """The next non-blank character (reading more as needed), "" at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.line += self.buf[self.pos] == "\n"
                self.pos += 1
            if self.pos < len(self.buf) or not self._more():
                return self.buf[self.pos : self.pos + 1]

    def _more(self) -> bool:
        chunk = self.stream.read(_CHUNK)
        if chunk:
            self.buf = self.buf[self.pos :] + chunk
            self.pos = 0
        return bool(chunk)

    def _value(self) -> Any:
        self._next_char()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                if not self._more():  # perhaps only cut short by the chunk: read on
                    raise self._error(err.msg, at=err.pos) from None
                continue
            except RecursionError:
                raise self._error("nested too deeply") from None
            if end == len(self.buf) and self._more():
                continue  # a number may go on in the next chunk
            self.line += self.buf.count("\n", self.pos, end)
            self.pos = end
            return value

    def _error(self, message: str, *, at: int | None = None) -> InvalidInput:
        line = self.line + self.buf.count("\n", self.pos, at if at is not None else self.pos)
        return InvalidInput(f"The file is not valid JSON (line {line}: {message}).")


def _check_depth(number: int, value: Any, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise InvalidInput(f"Row {number} is nested too deeply to be an export row.")
    children = (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    )
    for child in children:
        _check_depth(number, child, depth + 1)


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
        text = ACTOR_SEPARATOR.join(str(v) for v in value)
    elif name in JSON_COLUMNS:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = str(value)
    return "'" + text if text.startswith(_ESCAPED_STARTS) else text


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, *, columns: Sequence[str]) -> None:
    """Rows as CSV with a header of `columns`, written one row at a time."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_flat(name, row.get(name)) for name in columns])


def to_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as CSV with a header; None becomes an empty cell."""
    out = io.StringIO()
    write_csv(rows, out, columns=_columns(rows))
    return out.getvalue()


def _cell(number: int, name: str, text: str) -> Any:
    """One CSV cell decoded back to its row value."""
    if text.startswith("'") and text[1:].startswith(_ESCAPED_STARTS):
        text = text[1:]
    if text == "":
        return [] if name in LIST_COLUMNS or name in JSON_COLUMNS else None
    if name in LIST_COLUMNS:
        return [part.strip() for part in text.split(";") if part.strip()]
    try:
        if name in JSON_COLUMNS:
            return json.loads(text)
        if name in INT_COLUMNS:
            return int(text)
    except (ValueError, RecursionError):
        kind = "JSON" if name in JSON_COLUMNS else "a whole number"
        raise InvalidInput(f"Row {number}, field {name}: “{text[:40]}” is not {kind}.") from None
    return text


def iter_csv(stream: TextIO) -> Iterator[dict[str, Any]]:
    """Rows from CSV with a header row (row numbers in errors count data rows from 1)."""
    if stream.read(1) not in ("\ufeff", ""):
        stream.seek(0)
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
        if not header or any(not name.strip() for name in header):
            raise InvalidInput("The CSV file needs a header row naming every column.")
        for number, cells in enumerate((c for c in reader if c), start=1):
            if len(cells) != len(header):
                raise InvalidInput(
                    f"Row {number} has {len(cells)} cells but the header has {len(header)}."
                )
            yield {
                name: _cell(number, name, cell) for name, cell in zip(header, cells, strict=True)
            }
    except csv.Error as err:
        raise InvalidInput(
            f"The CSV file is malformed near line {reader.line_num}: {err}."
        ) from None


def from_csv(text: str) -> list[dict[str, Any]]:
    """Rows from CSV text with a header row."""
    return list(iter_csv(io.StringIO(text, newline="")))
