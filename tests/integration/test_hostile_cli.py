"""Careless and hostile command lines (issue 14, items 4 and 10): one `Error: ...` line, exit
status 2, no traceback, nothing written; on SQLite and PostgreSQL where a ledger is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli

BIG = [str(2**63), str(2**31)]


def invoke(db: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], input=input)


def snapshot(db: str) -> str:
    return invoke(db, "export").stdout


@pytest.fixture
def ledger(any_db: str) -> str:
    assert invoke(any_db, "add", "The city will build a bridge").exit_code == 0
    return any_db


def refused(db: str, *args: str, input: str | None = None, says: str = "") -> None:
    before = snapshot(db)
    result = invoke(db, *args, input=input)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert says in lines[0]
    assert "Traceback" not in result.output
    assert snapshot(db) == before


@pytest.mark.parametrize("big", BIG)
@pytest.mark.parametrize(
    "command", [("show",), ("verdict", "{}", "fulfilled"), ("due", "{}", "2030-01-01")]
)
def test_huge_ids(ledger: str, big: str, command: tuple[str, ...]) -> None:
    args = [a.replace("{}", big) for a in command]
    if len(args) == 1:
        args.append(big)
    refused(ledger, *args)


@pytest.mark.parametrize("big", BIG)
def test_huge_offset(ledger: str, big: str) -> None:
    refused(ledger, "list", "--offset", str(2**63))


def test_huge_ledger(ledger: str) -> None:
    refused(ledger, "--ledger", str(2**63), "list")


def test_non_utf8_argument(ledger: str) -> None:
    refused(ledger, "add", "Build a bridge \udcff", says="not UTF-8")


def test_a_date_near_9999(ledger: str) -> None:
    refused(ledger, "extract", "-", "--published", "9999-12-31", input="The city will build it.")


def _import(db: str, tmp_path: Path, text: str, says: str = "") -> None:
    path = tmp_path / "rows.json"
    path.write_text(text, encoding="utf-8")
    refused(db, "import", str(path), says=says)


def test_import_created_at_near_9999(ledger: str, tmp_path: Path) -> None:
    row = {"quote": "Build it", "created_at": "9999-12-31T23:00:00+00:00"}
    _import(ledger, tmp_path, json.dumps([row]), says="out of range")


def test_import_deeply_nested_json(ledger: str, tmp_path: Path) -> None:
    _import(ledger, tmp_path, "[" + "[" * 100_000 + "]" * 100_000 + "]")


def test_import_lone_surrogate(ledger: str, tmp_path: Path) -> None:
    _import(ledger, tmp_path, '[{"quote": "Build \\ud800 it"}]', says="not UTF-8")


def test_import_nul_character(ledger: str, tmp_path: Path) -> None:
    _import(ledger, tmp_path, '[{"quote": "Build \\u0000 it"}]', says="NUL")


def test_import_value_longer_than_its_column(ledger: str, tmp_path: Path) -> None:
    row = {"quote": "Build it", "deadline_value": "2" * 65}
    _import(ledger, tmp_path, json.dumps([row]), says="deadline_value")


def test_unsupported_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", "mysql://u@localhost/x", "list"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: unsupported database 'mysql'; use sqlite or postgresql\n",
    )


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{notes}", "list"])
    assert result.exit_code == 2 and result.stderr.startswith("Error: cannot open the database")
    assert notes.read_text() == "not a database\n" * 100


def test_missing_folder_for_the_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{missing}/x.db", "list"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: no folder '{missing}' for the database\n",
    )
    assert not missing.parent.exists()


def test_unknown_outcome_status_in_a_gold_file(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "The city will build a new bridge by 2027, the mayor said."
    (seeds / "a.txt").write_text(text)
    gold = {"published": "2020-01-01", "commitments": [{"id": 1, "span": [0, len(text)]}],
            "outcomes_known": [{"id": 1, "status": "kinda", "on": "2021-01-01"}]}  # fmt: skip
    (seeds / "a.json").write_text(json.dumps(gold))
    result = CliRunner().invoke(
        cli, ["demo", "--seeds", str(seeds), "--db-file", str(tmp_path / "d.db")]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: unknown outcome status 'kinda'")
