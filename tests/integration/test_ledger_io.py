"""Export → text → import → export round trips (JSON and CSV), and all-or-nothing imports."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tracker import ledger_io
from tracker.domain import Article, PublishedBasis
from tracker.errors import InvalidInput
from tracker.services import Tracker

CHAT, COPY = 7, 8
TEXT = (
    'PARIS, 2 March — The minister will "cut, not raise" taxes by 2027; officials said.\n'
    "Zoë Lefèvre will open a new école in the town. Ça va."
)
FORMATS = [
    pytest.param(ledger_io.to_json, ledger_io.from_json, id="json"),
    pytest.param(ledger_io.to_csv, ledger_io.from_csv, id="csv"),
]


def build_ledger(tracker: Tracker, now) -> list[dict[str, Any]]:
    """A ledger with an accepted proposal, a typed commitment, verdicts and a due change."""
    article = Article(
        text=TEXT,
        url="https://example.org/news?id=1&x=2",
        title="Taxes, schools",
        published=date(2026, 3, 2),
        published_basis=PublishedBasis.GIVEN,
    )
    proposal = tracker.propose(CHAT, article, now=now)
    accepted = tracker.accept(CHAT, proposal.id, None, by="tg:1", now=now)
    typed = tracker.add(
        CHAT, "Repair the; road\nquickly", actor="Road Dept", kind="plan", by="tg:2", now=now
    )
    later = now + timedelta(hours=3)
    tracker.record_verdict(CHAT, typed.number, "stalled", by="tg:3", now=later, note='Said "soon"')
    tracker.record_verdict(
        CHAT, typed.number, "cant_judge", by="tg:3", now=later, note="No data, ; \n at all",
        evidence_url="https://example.org/a,b",
    )  # fmt: skip
    tracker.set_due(CHAT, accepted[0].number, date(2030, 1, 31), by="tg:4", now=later)
    return tracker.export_rows(CHAT)


@pytest.mark.parametrize(("dump", "load"), FORMATS)
class TestRoundTrip:
    def test_text_round_trip_is_identity(self, tracker, now, dump, load) -> None:
        rows = build_ledger(tracker, now)
        assert len(rows) >= 2
        assert load(dump(rows)) == rows

    def test_export_import_export_is_identical(self, tracker, now, dump, load) -> None:
        rows = build_ledger(tracker, now)
        text = dump(rows)
        assert tracker.import_rows(COPY, load(text), by="importer", now=now) == len(rows)
        assert dump(tracker.export_rows(COPY)) == text
        assert tracker.export_rows(COPY) == rows

    def test_importing_twice_adds_nothing(self, tracker, now, dump, load) -> None:
        rows = build_ledger(tracker, now)
        assert tracker.import_rows(CHAT, load(dump(rows)), by="i", now=now) == 0
        assert tracker.export_rows(CHAT) == rows


class TestImportDefaults:
    def test_minimal_row_gets_importer_and_horizon(self, tracker, now) -> None:
        rows = [{"quote": "Open a library", "kind": "plan", "actors": ["Town"]}]
        assert tracker.import_rows(CHAT, rows, by="csv:ann", now=now) == 1
        [got] = tracker.export_rows(CHAT)
        expected_due = (now.date() + timedelta(days=180)).isoformat()
        assert {k: got[k] for k in ("action", "due", "due_basis", "status", "created_by")} == {
            "action": "Open a library",
            "due": expected_due,
            "due_basis": "default",
            "status": "open",
            "created_by": "csv:ann",
        }

    def test_bare_status_becomes_one_verdict_by_the_importer(self, tracker, now) -> None:
        rows = [{"quote": "X", "due": "2026-01-01", "status": "fulfilled"}]
        tracker.import_rows(CHAT, rows, by="ann", now=now)
        [got] = tracker.export_rows(CHAT)
        assert got["verdicts"] == [
            {
                "status": "fulfilled",
                "at": now.isoformat(),
                "by": "ann",
                "evidence_url": None,
                "note": None,
            }
        ]


GOOD = {"quote": "Build a bridge", "due": "2027-01-01"}
V = {"status": "fulfilled", "at": "2026-01-01T00:00:00+00:00", "by": "a"}


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"due": "2026-02-30"}, "due"),
        ({"due": "tomorrow"}, "due"),
        ({"deadline": "2026/01/01"}, "deadline"),
        ({"kind": "wish"}, "kind"),
        ({"status": "done"}, "status"),
        ({"status": "cant_judge"}, "status"),
        ({"status": "open", "verdicts": [V]}, "status"),
        ({"quote": None, "action": None}, "quote"),
        ({"colour": "red"}, "colour"),
        ({"created_at": "2026-01-01T10:00:00"}, "created_at"),
        ({"created_by": " "}, "created_by"),
        ({"actors": "Ann"}, "actors"),
        ({"span_start": 0, "span_end": 5}, "span_end"),
        ({"span_start": 4, "source_text": "abcdef"}, "span_start"),
        ({"span_start": 2, "span_end": 60, "source_text": "abcdef"}, "span_end"),
        ({"source_url": "file:///etc/passwd"}, "source_url"),
        ({"source_title": "Only a title"}, "source_title"),
        ({"verdicts": [V | {"evidence_url": "ftp://x"}]}, "verdicts"),
        ({"verdicts": [V | {"status": "cant_judge"}]}, "verdicts"),
        ({"verdicts": [V | {"at": "yesterday"}]}, "verdicts"),
        ({"verdicts": ["fulfilled"]}, "verdicts"),
        ({"due_changes": [{"at": V["at"], "by": "a", "old_due": "2026-02-31"}]}, "due_changes"),
        ({"due_basis": "guess"}, "due_basis"),
        ({"due": "2021-W01-1"}, "due"),  # an ISO week date is 10 characters too
        ({"source_text": "t", "source_published_basis": "rumour"}, "source_published_basis"),
        ({"number": 0}, "number"),
        ({"number": 2**31}, "number"),  # past PostgreSQL's integer column
    ],
)
def test_bad_row_names_row_and_field_and_imports_nothing(tracker, now, bad, field) -> None:
    rows = [GOOD, GOOD | {"quote": "Second"}, GOOD | bad]
    with pytest.raises(InvalidInput) as err:
        tracker.import_rows(CHAT, rows, by="i", now=now)
    assert str(err.value).startswith(f"Row 3, field {field}:")
    assert tracker.export_rows(CHAT) == []


def test_thousand_rows_with_one_bad_imports_none(tracker, now) -> None:
    rows = [GOOD | {"quote": f"Promise {i}", "actors": ["Gov"]} for i in range(1000)]
    rows[636] = rows[636] | {"due": "2026-13-01"}
    text = ledger_io.to_csv(rows)
    with pytest.raises(InvalidInput) as err:
        tracker.import_rows(CHAT, ledger_io.from_csv(text), by="i", now=now)
    assert str(err.value).startswith("Row 637, field due:")
    assert tracker.list(CHAT).total == 0
    rows[636] = rows[636] | {"due": "2026-12-01"}
    assert tracker.import_rows(CHAT, rows, by="i", now=now) == 1000
    assert tracker.list(CHAT).total == 1000


class TestMalformedText:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("[{]", "The file is not valid JSON (line 1: "),
            ('{"quote": "x"}', "The JSON file must hold a list of rows."),
            ('[{"quote": "x"}, 3]', "Row 2 is not a JSON object."),
        ],
    )
    def test_json(self, text, message) -> None:
        with pytest.raises(InvalidInput) as err:
            ledger_io.from_json(text)
        assert str(err.value).startswith(message)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "The CSV file needs a header row naming every column."),
            ("quote,,due\r\n", "The CSV file needs a header row naming every column."),
            ("quote,due\r\na,2026-01-01\r\nb\r\n", "Row 2 has 1 cells but the header has 2."),
            ("quote,verdicts\r\na,[\r\n", "Row 1, field verdicts: “[” is not JSON."),
            ("quote,span_start\r\na,1\r\nb,x\r\n", "Row 2, field span_start: “x” is not a whole"),
        ],
    )
    def test_csv(self, text, message) -> None:
        with pytest.raises(InvalidInput) as err:
            ledger_io.from_csv(text)
        assert str(err.value).startswith(message)

    def test_csv_reads_a_bom_and_splits_actors(self) -> None:
        text = "\ufeffquote,actors\r\nBuild,Ann ;Bob; \r\n"
        assert ledger_io.from_csv(text) == [{"quote": "Build", "actors": ["Ann", "Bob"]}]
