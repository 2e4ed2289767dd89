"""Bad input at the CLI edge: one `Error: ...` line on stderr, exit 2, no traceback, no writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.ledger_io import to_csv, to_json

GERMAN = (
    "Die Regierung hat am Montag in Berlin über den Haushalt beraten. Der Minister sagte, "
    "dass die Gespräche schwierig gewesen seien und noch keine Einigung erzielt wurde. "
    "Die Opposition kritisierte den Entwurf scharf und forderte mehr Geld für Schulen."
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A ledger holding one commitment, so that 'nothing changed' can be checked."""
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    done = invoke(url, "add", "The city will build a bridge", "--actor", "Mayor")
    assert done.exit_code == 0
    return url


def invoke(db: str, *args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], input=input)


def snapshot(db: str) -> str:
    return invoke(db, "export", "--format", "json").stdout


def assert_refused(db: str, *args: str, message: str, input: bytes | None = None) -> None:
    before = snapshot(db)
    result = invoke(db, *args, input=input)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")
    assert "Traceback" not in result.output
    assert snapshot(db) == before


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "empty": b"",
        "blank": b"  \n\r\n\t",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1": "Le président a promis qu'il réduirait les impôts.".encode("latin-1"),
        "huge": b"The minister will act. " * 220_000,
    }
    paths = {}
    for name, data in made.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        paths[name] = path
    return paths


READ_ERRORS = {
    "empty": "{} is empty",
    "blank": "{} is empty",
    "binary": "{} looks like a binary file, not text",
    "latin1": "{} is not UTF-8 text (bad byte at 5)",
    "huge": "{} is larger than 2 MB; split it",
}


@pytest.mark.parametrize("kind", sorted(READ_ERRORS))
@pytest.mark.parametrize(
    "command",
    [("extract",), ("timex", "--ref", "2019-03-03"), ("ingest",)],
    ids=["extract", "timex", "ingest"],
)
def test_unreadable_files(
    db: str, files: dict[str, Path], kind: str, command: tuple[str, ...]
) -> None:
    path = str(files[kind])
    message = READ_ERRORS[kind].format(path)
    assert_refused(db, command[0], path, *command[1:], message=message)


def test_bad_bytes_on_stdin(db: str) -> None:
    message = "standard input is not UTF-8 text (bad byte at 3)"
    assert_refused(db, "extract", "-", message=message, input=b"caf\xe9 au lait")


def test_missing_file(db: str, tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    message = f"cannot read {path}: No such file or directory"
    assert_refused(db, "extract", str(path), message=message)


def test_another_language_is_not_an_error(db: str, tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = invoke(db, "extract", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "no forward-looking statements found",
        "note: the text does not look like English; only English is supported",
    ]
    data = json.loads(invoke(db, "extract", str(path), "--json").stdout)
    assert data["commitments"] == []


INVALID_DAY = "'2019-02-30' is not a valid date (day is out of range for month)"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("extract", "SEED", "--published", "2019-02-30"), "'--published'"),
        (("timex", "SEED", "--ref", "2019-02-30"), "'--ref'"),
        (("list", "--due-before", "2019-02-30"), "'--due-before'"),
        (("ingest", "SEED", "--published", "2019-02-30"), "'--published'"),
        (("due", "1", "2019-02-30"), "'DATE'"),
    ],
)
def test_impossible_dates(db: str, args: tuple[str, ...], option: str) -> None:
    seed = str(Path(__file__).resolve().parents[2] / "seeds" / "000_fe10bd665bb93794.txt")
    real = [seed if a == "SEED" else a for a in args]
    assert_refused(db, *real, message=f"Invalid value for {option}: {INVALID_DAY}")


def test_date_in_another_form(db: str) -> None:
    message = "Invalid value for '--due-before': '03/02/2019' is not a date in YYYY-MM-DD form"
    assert_refused(db, "list", "--due-before", "03/02/2019", message=message)


@pytest.mark.parametrize(
    "args",
    [("show", "999"), ("verdict", "999", "fulfilled"), ("due", "999", "2030-01-01")],
)
def test_unknown_ids(db: str, args: tuple[str, ...]) -> None:
    before = snapshot(db)
    result = invoke(db, *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "999" in result.stderr
    assert snapshot(db) == before


def test_bad_status(db: str) -> None:
    message = (
        "Invalid value for 'STATUS': unknown status 'kept-ish'; use one of: fulfilled, partly, "
        "not-fulfilled (broken), not-yet, stalled, cant-judge, open"
    )
    assert_refused(db, "verdict", "1", "kept-ish", message=message)


def test_bad_evidence_url(db: str) -> None:
    message = "The evidence link must be an http(s) URL with a host, ≤ 2048 chars."
    assert_refused(
        db, "verdict", "1", "fulfilled", "--evidence", "javascript:alert(1)", message=message
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "only http and https URLs can be fetched, not 'javascript'"),
        ("ftp://example.com/a.txt", "only http and https URLs can be fetched, not 'ftp'"),
        ("http://0x7f.1/", "numeric host '0x7f.1' is not a plain dotted IPv4 address"),
        ("http://2130706433/", "numeric host '2130706433' is not a plain dotted IPv4 address"),
        ("http://user:pw@example.com/", "URLs with a user name or password are refused"),
        (
            "http://127.0.0.1:9/",
            "127.0.0.1 points to a private or reserved network address (127.0.0.1)",
        ),
    ],
)
def test_bad_urls(db: str, url: str, message: str) -> None:
    assert_refused(db, "ingest", url, message=message)


def test_bad_pick(db: str) -> None:
    assert_refused(
        db,
        "ingest",
        "x.txt",
        "--pick",
        "one",
        message="--pick takes numbers like 1,3 or 'all', not 'one'",
    )


def test_bad_time_zone(db: str) -> None:
    message = "Unknown time zone “Mars/Olympus”; use a name like Europe/Berlin."
    assert_refused(db, "--tz", "Mars/Olympus", "list", message=message)


def test_unknown_import_format(db: str, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xml"
    path.write_text("<x/>", encoding="utf-8")
    message = f"cannot tell the format of {str(path)!r}; pass --format csv or json"
    assert_refused(db, "import", str(path), message=message)


def rows(count: int, *, bad: int | None = None) -> list[dict[str, object]]:
    """`count` distinct importable rows; row number `bad` (1-based) has an impossible due date."""
    made = []
    for number in range(1, count + 1):
        made.append(
            {
                "kind": "promise",
                "actors": [f"Actor {number % 7}"],
                "action": f"open school number {number}",
                "quote": f"We will open school number {number}.",
                "span_start": None,
                "span_end": None,
                "deadline": None,
                "deadline_text": None,
                "deadline_value": None,
                "due": "2019-02-30" if number == bad else "2027-06-30",
                "due_basis": "default",
                "status": "open",
                "created_by": "import-test",
                "created_at": "2026-01-02T03:04:05+00:00",
                "source_url": None,
                "source_title": None,
                "source_publisher": None,
                "source_published": None,
                "source_published_basis": None,
                "source_text": None,
                "verdicts": [],
                "due_changes": [],
            }
        )
    return made


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_failing_import_of_1000_rows_imports_none(db: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"rows.{fmt}"
    data = rows(1000, bad=700)
    path.write_text(to_csv(data) if fmt == "csv" else to_json(data), encoding="utf-8")
    before = snapshot(db)
    result = invoke(db, "import", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "700" in result.stderr
    assert snapshot(db) == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_good_import_of_1000_rows(db: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"rows.{fmt}"
    data = rows(1000)
    path.write_text(to_csv(data) if fmt == "csv" else to_json(data), encoding="utf-8")
    result = invoke(db, "import", str(path))
    assert (result.exit_code, result.stdout) == (0, "imported 1000 commitment(s)\n")


def test_malformed_csv(db: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('kind,actors,due\npromise,"unterminated,2020-01-01\n', encoding="utf-8")
    before = snapshot(db)
    result = invoke(db, "import", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert snapshot(db) == before
