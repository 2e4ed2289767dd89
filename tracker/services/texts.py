"""Article texts once per export: rows after the first that quote the same article carry, in
`source_text_in`, the number of the row holding its text; import puts the text back. Both
work row by row, so a streamed export or import stays streamed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tracker.errors import InvalidInput


def share_texts(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each article text once: a later row quoting the same source names, in `source_text_in`,
    the number of the row that carries it (exports were many times the ledger's size)."""
    first: dict[tuple[Any, ...], int] = {}
    for row in rows:
        text = row.get("source_text")
        key = (text, row.get("source_url"))
        if text and key in first:
            yield row | {"source_text": None, "source_text_in": first[key]}
            continue
        if text:
            first[key] = row["number"]
        yield row | {"source_text_in": None}


def unshare_texts(rows: Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    """The inverse of `share_texts`: `source_text_in` replaced by the text it points to
    (anything but an iterable of rows is returned as is, for parse_rows to refuse)."""
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        return rows
    return _unshared(rows)


def _unshared(rows: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    texts: dict[str, Any] = {}
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            yield row
            continue
        ref = row.get("source_text_in")
        if ref not in (None, ""):
            if str(ref) not in texts:
                raise InvalidInput(
                    f"Row {n}, source_text_in: no earlier row numbered {str(ref)[:20]}."
                )
            row = dict(row) | {"source_text": texts[str(ref)], "source_text_in": None}
        elif row.get("source_text"):
            texts[str(row.get("number"))] = row["source_text"]
        yield row
