"""Nothing a user recorded is lost (issue 14, item 3): export never writes over a database,
demo replaces only its own ledger, round trips keep rows that share a quote, an import
without created_at is not doubled, any export can be imported back (streamed), and a
refused or interrupted ingest stores nothing. On SQLite and PostgreSQL where a ledger is used."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tracker import ledger_io
from tracker.cli import cli
from tracker.domain import Article, PublishedBasis
from tracker.errors import InvalidInput
from tracker.services import Tracker
from tracker.store.models import CommitmentRow, ProposalRow, SourceRow

SEED = Path(__file__).resolve().parents[2] / "seeds" / "100911.txt"


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def refused(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output


class TestExportTarget:
    def test_the_ledgers_own_database_is_refused_even_with_force(self, tmp_path: Path) -> None:
        db = tmp_path / "tracker.db"
        url = f"sqlite:///{db}"
        assert invoke("--db", url, "add", "The city will build a bridge").exit_code == 0
        before = db.read_bytes()
        for extra in ([], ["--force"]):
            result = invoke("--db", url, "export", "-o", str(db), *extra)
            refused(result, f"{db} is this ledger's database; export to another file")
        assert db.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"

    def test_another_sqlite_file_needs_force(self, tmp_path: Path) -> None:
        url = f"sqlite:///{tmp_path / 'ledger.db'}"
        other = tmp_path / "other.db"
        sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
        result = invoke("--db", url, "export", "-o", str(other))
        refused(result, f"{other} is an SQLite database; pass --force to replace it")
        assert invoke("--db", url, "export", "-o", str(other), "--force").exit_code == 0
        assert json.loads(other.read_text()) == []

    def test_empty_output_name_is_refused_clearly(self, tmp_path: Path) -> None:
        result = invoke("--db", f"sqlite:///{tmp_path / 'l.db'}", "export", "-o", "")
        refused(result, "-o needs a file name (or - for standard output)")


class TestDemoTarget:
    def test_a_file_the_demo_did_not_make_is_left_alone(self, tmp_path: Path) -> None:
        notes = tmp_path / "notes.txt"
        notes.write_text("my notes")
        ledger = tmp_path / "ledger.db"
        assert invoke("--db", f"sqlite:///{ledger}", "add", "Build a bridge").exit_code == 0
        for target in (notes, ledger):
            before = target.read_bytes()
            result = invoke("demo", "--db-file", str(target))
            refused(
                result,
                f"{target} was not made by tracker demo; it is left alone. "
                "Choose another --db-file",
            )
            assert target.read_bytes() == before

    def test_an_older_demo_ledger_at_the_default_path_is_replaced(self, tmp_path: Path) -> None:
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        (seeds / "a.txt").write_text(SEED.read_text())
        sqlite3.connect(tmp_path / "demo.db").execute("CREATE TABLE t (x)").connection.close()
        result = invoke("--data-dir", str(tmp_path), "demo", "--seeds", str(seeds))
        assert result.exit_code == 0, result.output

    def test_the_demo_replaces_its_own_ledger(self, tmp_path: Path) -> None:
        target = tmp_path / "demo.db"
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        (seeds / "a.txt").write_text(SEED.read_text())
        for _ in range(2):
            result = invoke("demo", "--seeds", str(seeds), "--db-file", str(target))
            assert result.exit_code == 0, result.output


def _two_sources_one_quote(tracker: Tracker, now: datetime) -> None:
    """Two articles with the same sentence, tracked at the same instant by the same user."""
    for n in (1, 2):
        text = f"Report {n}.\nThe city will build a new bridge by 2027."
        article = Article(text=text, url=f"https://example.org/{n}", published=date(2026, 1, 1),
                          published_basis=PublishedBasis.GIVEN)  # fmt: skip
        proposal = tracker.propose(7, article, now=now)
        tracker.accept(7, proposal.id, None, by="tg:1", now=now)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_keeps_commitments_that_share_a_quote(
    tracker: Tracker, now: datetime, fmt: str
) -> None:
    _two_sources_one_quote(tracker, now)
    tracker.add(7, "Fix the road", by="tg:1", now=now)
    tracker.add(7, "Fix the road", by="tg:1", now=now.replace(minute=31))
    rows = tracker.export_rows(7)
    assert len(rows) == 4
    dump, load = (ledger_io.to_json, ledger_io.from_json)
    if fmt == "csv":
        dump, load = (ledger_io.to_csv, ledger_io.from_csv)
    assert tracker.import_rows(8, load(dump(rows)), by="i", now=now) == 4
    assert tracker.export_rows(8) == rows
    assert tracker.import_rows(8, load(dump(rows)), by="i", now=now) == 0


def test_rows_without_created_at_imported_twice_are_not_doubled(
    tracker: Tracker, now: datetime
) -> None:
    rows = [
        {"quote": "Open a library", "created_by": "ann"},
        {"quote": "Open a library", "source_url": "https://example.org/1"},
    ]
    assert tracker.import_rows(7, rows, by="csv", now=now) == 2
    later = now.replace(hour=11)
    assert tracker.import_rows(7, rows, by="csv", now=later) == 0
    assert tracker.list(7).total == 2


def test_json_is_read_as_a_stream_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"quote": f"Row “{n}”", "actors": ["A"], "span_start": 10**n} for n in range(30)]
    text = ledger_io.to_json(rows)
    monkeypatch.setattr(ledger_io, "_CHUNK", 7)
    assert list(ledger_io.iter_json(io.StringIO(text))) == rows
    with pytest.raises(InvalidInput, match="line 3"):
        list(ledger_io.iter_json(io.StringIO('[\n{"quote": "a"},\n{"quote": }]')))


def test_an_import_larger_than_the_old_cap_is_read(tmp_path: Path, any_db: str) -> None:
    """51 MB of JSON (the cap was 50 MB): the import streams it."""
    text = "The city will build a new bridge by 2027. " * 25_000  # about 1 MB per source
    rows = [
        {
            "quote": f"Row {n}",
            "source_text": f"{n}: {text}",
            "created_at": "2026-01-01T00:00:00+00:00",
        }
        for n in range(50)
    ]
    path = tmp_path / "big.json"
    with path.open("w", encoding="utf-8") as out:
        ledger_io.write_json(rows, out)
    assert path.stat().st_size > 50_000_000
    result = invoke("--db", any_db, "import", str(path))
    assert (result.exit_code, result.stdout) == (0, "imported 50 commitment(s)\n"), result.output


def counts(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t)) or 0
            for t in (SourceRow, ProposalRow, CommitmentRow)
        )


def test_a_refused_pick_stores_nothing(sessions: sessionmaker[Session], now: datetime) -> None:
    tracker = Tracker(sessions)
    article = Article(text=SEED.read_text())
    with pytest.raises(InvalidInput, match="99"):
        tracker.track_article(7, article, [99], by="cli", now=now)
    assert counts(sessions) == (0, 0, 0)


def test_tracking_an_article_again_adds_no_rows(
    sessions: sessionmaker[Session], now: datetime
) -> None:
    tracker = Tracker(sessions)
    article = Article(text=SEED.read_text())
    _, candidates, first = tracker.track_article(7, article, None, by="cli", now=now)
    assert first and len(first) == len(candidates)
    _, _, again = tracker.track_article(7, article, None, by="cli", now=now)
    assert [c.id for c in again] == [c.id for c in first]
    assert counts(sessions) == (1, 0, len(first))


def test_cli_ingest_with_a_bad_pick_writes_nothing(any_db: str) -> None:
    result = invoke("--db", any_db, "ingest", str(SEED), "--pick", "99")
    assert result.exit_code == 2 and "Traceback" not in result.output
    exported = invoke("--db", any_db, "export")
    assert json.loads(exported.stdout) == []
    _: Any = None
