"""CSV exports are spreadsheet-safe (issue 14, item 7): a cell a spreadsheet would run as a
formula gets a leading ' (OWASP), and reading the CSV back undoes it."""

from __future__ import annotations

import csv
import io

import pytest

from tracker import ledger_io

DANGEROUS = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=already", "'plain"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_cells_are_escaped_and_restored(value: str) -> None:
    actor = value.strip()  # actor names are stored stripped
    rows = [{"quote": value, "actors": [actor, "Mayor"], "note": value}]
    text = ledger_io.to_csv(rows)
    cells = list(csv.reader(io.StringIO(text, newline="")))[1]
    assert cells[0].startswith("'") and cells[2].startswith("'")
    assert cells[1].startswith("'") == actor.startswith(("=", "+", "-", "@", "'"))
    assert ledger_io.from_csv(text) == rows


def test_ordinary_cells_are_left_as_they_are() -> None:
    rows = [{"quote": "Build a bridge", "due": "2027-12-31", "note": "5-year plan"}]
    text = ledger_io.to_csv(rows)
    assert text.splitlines()[1] == "Build a bridge,2027-12-31,5-year plan"
    assert ledger_io.from_csv(text) == rows
