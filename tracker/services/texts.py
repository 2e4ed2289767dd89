"""Article texts once per export: rows after the first that quote the same article carry, in
`source_text_in`, the number of the row holding its text; import puts the text back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tracker.errors import InvalidInput


def share_texts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each article text once: a later row quoting the same source names, in `source_text_in`,
    the number of the row that carries it (exports were many times the ledger's size)."""
    first: dict[tuple[Any, ...], int] = {}
    shared = []
    for row in rows:
        text = row.get("source_text")
        key = (text, row.get("source_url"))
        if text and key in first:
            row = row | {"source_text": None, "source_text_in": first[key]}
        else:
            row = row | {"source_text_in": None}
            if text:
                first[key] = row["number"]
        shared.append(row)
    return shared


def unshare_texts(rows: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    """The inverse of `share_texts`: `source_text_in` replaced by the text it points to
    (anything but a list of rows is returned as is, for parse_rows to refuse)."""
    if isinstance(rows, str | bytes) or not isinstance(rows, Sequence):
        return rows
    texts: dict[Any, Any] = {}
    full: list[Mapping[str, Any]] = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            full.append(row)
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
        full.append(row)
    return full
