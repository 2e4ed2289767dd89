"""The `tracker` command line end to end on temporary SQLite ledgers (CliRunner + processes)."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_fe10bd665bb93794.txt"
CANDIDATE_KEYS = {
    "quote",
    "span",
    "actors",
    "kind",
    "action",
    "deadline",
    "deadline_text",
    "deadline_value",
    "due",
    "due_basis",
    "confidence",
}
KINDS = {"promise", "plan", "agreement", "prediction"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


def run(db: str, *args: str, input: str | bytes | None = None) -> Result:
    """Invoke `tracker --db DB ARGS...` in-process."""
    return CliRunner().invoke(cli, ["--db", db, *args], input=input, catch_exceptions=False)


def ok(db: str, *args: str, input: str | bytes | None = None) -> str:
    result = run(db, *args, input=input)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def as_json(db: str, *args: str) -> Any:
    return json.loads(ok(db, *args, "--json"))


def is_iso_date(value: object) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


class TestTimex:
    def test_json_contract_with_non_ascii_and_crlf(self, db: str, tmp_path: Path) -> None:
        raw = "Netanyahu’s team met last week.\r\nThey will meet again next month.\r\n".encode()
        path = tmp_path / "crlf.txt"
        path.write_bytes(raw)
        data = as_json(db, "timex", str(path), "--ref", "2019-03-03")
        text = raw.decode("utf-8")
        assert data == {
            "ref": "2019-03-03",
            "timexes": [
                {"text": "last week", "span": [21, 30], "type": "DATE", "value": "2019-W08"},
                {"text": "next month", "span": [54, 64], "type": "DATE", "value": "2019-04"},
            ],
        }
        assert [text[s:e] for s, e in (t["span"] for t in data["timexes"])] == [
            "last week",
            "next month",
        ]

    def test_stdin_gives_the_same_offsets_as_a_file(self, db: str) -> None:
        raw = SEED.read_bytes()
        from_stdin = json.loads(ok(db, "timex", "-", "--ref", "2019-03-03", "--json", input=raw))
        from_file = as_json(db, "timex", str(SEED), "--ref", "2019-03-03")
        text = raw.decode("utf-8")
        assert from_stdin == from_file
        assert all(text[s:e] == t["text"] for t in from_file["timexes"] for s, e in [t["span"]])

    def test_table(self, db: str, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text("They will meet next month.", encoding="utf-8")
        out = ok(db, "timex", str(path), "--ref", "2019-03-03")
        assert out.splitlines()[0] == "reference date 2019-03-03: 1 time expression(s)"
        assert out.splitlines()[1].split() == ["15-25", "DATE", "2019-04", "next", "month"]


class TestExtract:
    def test_seed_json_contract(self, db: str) -> None:
        data = as_json(db, "extract", str(SEED))
        text = SEED.read_bytes().decode("utf-8")
        assert (set(data), data["published"], data["published_basis"]) == (
            {"published", "published_basis", "commitments"},
            "2019-03-03",
            "text",
        )
        assert data["commitments"], "the seed article has commitments"
        for c in data["commitments"]:
            start, end = c["span"]
            assert set(c) == CANDIDATE_KEYS
            assert c["quote"] == text[start:end]
            assert c["kind"] in KINDS and c["due_basis"] in {"deadline", "default"}
            assert all(isinstance(a, str) for a in c["actors"])
            assert is_iso_date(c["due"]) and 0 <= c["confidence"] <= 1
            assert (c["deadline"] is None) == (c["due_basis"] == "default")
            assert c["deadline"] is None or is_iso_date(c["deadline"])

    def test_given_date_wins(self, db: str) -> None:
        data = as_json(db, "extract", str(SEED), "--published", "2019-03-05")
        assert (data["published"], data["published_basis"]) == ("2019-03-05", "given")

    def test_table_marks_assumed_due_dates(self, db: str) -> None:
        data = as_json(db, "extract", str(SEED))
        out = ok(db, "extract", str(SEED))
        assumed = sum(c["due_basis"] == "default" for c in data["commitments"])
        assert out.splitlines()[0] == "published 2019-03-03 (text)"
        assert out.count("(assumed)") == assumed


class TestLedger:
    def test_add_show_verdict_due_list(self, db: str) -> None:
        out = ok(db, "add", "The ministry will open 12 clinics", "--actor", "Health Ministry")
        assert out.splitlines()[0] == "added #1"
        assert ok(db, "verdict", "1", "not-yet") == "#1 is now in_progress\n"
        evidence = "https://example.org/report"
        ok(db, "verdict", "1", "broken", "--evidence", evidence, "--note", "none opened")
        assert ok(db, "due", "1", "2030-01-31") == "#1 is now due 2030-01-31\n"
        shown = as_json(db, "show", "1")
        assert (shown["id"], shown["status"], shown["due"], shown["actors"]) == (
            1,
            "not_fulfilled",
            "2030-01-31",
            ["Health Ministry"],
        )
        verdicts = [(v["status"], v["evidence_url"], v["note"]) for v in shown["verdicts"]]
        assert verdicts == [
            ("in_progress", None, None),
            ("not_fulfilled", evidence, "none opened"),
        ]
        text = ok(db, "show", "1")
        assert "in_progress" in text and "not_fulfilled" in text and evidence in text

    @pytest.mark.parametrize(
        ("alias", "status"),
        [
            ("fulfilled", "fulfilled"),
            ("partly", "partly_fulfilled"),
            ("not-fulfilled", "not_fulfilled"),
            ("broken", "not_fulfilled"),
            ("not-yet", "in_progress"),
            ("in-progress", "in_progress"),
            ("stalled", "stalled"),
        ],
    )
    def test_status_aliases(self, db: str, alias: str, status: str) -> None:
        ok(db, "add", "The city will build a bridge", "--actor", "Mayor")
        assert ok(db, "verdict", "1", alias) == f"#1 is now {status}\n"

    def test_list_filters(self, db: str) -> None:
        ok(db, "add", "We will finish the road", "--actor", "A", "--deadline", "2020-05-01")
        ok(db, "add", "We will open the port", "--actor", "B", "--deadline", "2040-05-01")
        ok(db, "verdict", "1", "fulfilled")
        everything = as_json(db, "list")
        assert (everything["total"], [c["id"] for c in everything["items"]]) == (2, [1, 2])
        fulfilled = as_json(db, "list", "--status", "fulfilled")
        assert [c["id"] for c in fulfilled["items"]] == [1]
        early = as_json(db, "list", "--due-before", "2030-01-01")
        assert [c["due"] for c in early["items"]] == ["2020-05-01"]
        assert as_json(db, "list", "--overdue")["total"] == 0
        table = ok(db, "list")
        assert table.splitlines()[-1] == "showing 1-2 of 2"

    def test_stats_json_and_denominators(self, db: str) -> None:
        ok(db, "add", "We will finish the road", "--actor", "A", "--kind", "promise")
        ok(db, "add", "We will open the port", "--actor", "A", "--kind", "promise")
        ok(db, "verdict", "1", "fulfilled")
        ok(db, "verdict", "2", "broken")
        data = as_json(db, "stats")
        assert set(data) == {"today", "overall", "by_actor", "by_kind"}
        overall = data["overall"]
        assert (overall["fulfilled"], overall["not_fulfilled"], overall["judged"]) == (1, 1, 2)
        assert overall["fulfilment"] == 0.5
        assert data["by_kind"]["promise"]["judged"] == 2
        line = next(x for x in ok(db, "stats").splitlines() if x.startswith("overall"))
        assert line.split()[:3] == ["overall", "50%", "2"]


class TestGlobalOptions:
    def test_database_url_from_the_environment(self, db: str) -> None:
        runner = CliRunner(env={"DATABASE_URL": db})
        added = runner.invoke(cli, ["add", "We will build a dam", "--actor", "Utility"])
        assert added.exit_code == 0
        assert [c["actors"] for c in as_json(db, "list")["items"]] == [["Utility"]]

    def test_default_sqlite_file_under_data_dir(self, tmp_path: Path) -> None:
        args = ["--data-dir", str(tmp_path / "d"), "add", "We will build a dam"]
        assert CliRunner(env={"DATABASE_URL": None}).invoke(cli, args).exit_code == 0
        assert (tmp_path / "d" / "tracker.db").is_file()

    def test_time_zone_from_the_environment_is_checked(self, db: str) -> None:
        result = CliRunner(env={"TRACKER_TZ": "Nowhere/Land"}).invoke(cli, ["--db", db, "list"])
        assert (result.exit_code, result.stderr) == (
            2,
            "Error: Unknown time zone “Nowhere/Land”; use a name like Europe/Berlin.\n",
        )

    def test_horizons_from_the_environment_and_the_option(self, db: str) -> None:
        text = "Acme will hire 5 engineers."
        args = ["--db", db, "extract", "-", "--published", "2020-01-01", "--json"]
        env = {"TRACKER_HORIZON_PLAN_DAYS": "30"}
        by_env = CliRunner(env=env).invoke(cli, args, input=text)
        by_option = CliRunner(env=env).invoke(cli, ["--horizon", "plan", "10", *args], input=text)
        assert [json.loads(r.stdout)["commitments"][0]["due"] for r in (by_env, by_option)] == [
            "2020-01-31",
            "2020-01-11",
        ]

    def test_a_new_ledger_takes_the_horizon_and_time_zone_given(self, db: str) -> None:
        args = ["--tz", "Pacific/Kiritimati", "--horizon", "plan", "10", "--ledger", "3"]
        ok(db, *args, "add", "Acme will hire engineers", "--kind", "plan")
        [item] = as_json(db, "--ledger", "3", "list")["items"]
        created = datetime.fromisoformat(item["created_at"])
        local_day = created.astimezone(ZoneInfo("Pacific/Kiritimati")).date()
        assert (item["due_basis"], item["due"]) == (
            "default",
            (local_day + timedelta(days=10)).isoformat(),
        )

    def test_a_bad_horizon_in_the_environment_is_one_line(self, db: str) -> None:
        env = {"TRACKER_HORIZON_PLAN_DAYS": "soon"}
        result = CliRunner(env=env).invoke(cli, ["--db", db, "list"])
        assert (result.exit_code, result.stderr) == (
            2,
            "Error: TRACKER_HORIZON_PLAN_DAYS must be a number of days from 1 to 36500, "
            "not 'soon'\n",
        )

    def test_ledgers_are_separate(self, db: str) -> None:
        ok(db, "--ledger", "7", "add", "We will build a dam")
        assert as_json(db, "list")["total"] == 0
        assert as_json(db, "--ledger", "7", "list")["total"] == 1


class TestIngest:
    def test_file_with_picks(self, db: str) -> None:
        out = ok(db, "ingest", str(SEED), "--pick", "1,2")
        assert out.splitlines()[-1] == "tracking 2 commitment(s): #1, #2"
        items = as_json(db, "list")["items"]
        assert [c["source"]["published"] for c in items] == ["2019-03-03", "2019-03-03"]

    def test_a_pick_beyond_the_candidates_is_refused_and_nothing_is_tracked(self, db: str) -> None:
        result = run(db, "ingest", str(SEED), "--pick", "1,99")
        assert result.exit_code == 2
        assert "Pick numbers from 1 to" in result.stderr and "99" in result.stderr
        assert as_json(db, "list")["total"] == 0

    def test_file_all_without_a_tty(self, db: str) -> None:
        found = len(as_json(db, "extract", str(SEED))["commitments"])
        ok(db, "ingest", str(SEED))
        assert as_json(db, "list")["total"] == found

    def test_directory_with_progress_bar(self, db: str, tmp_path: Path) -> None:
        folder = tmp_path / "articles"
        folder.mkdir()
        shutil.copy(SEED, folder / "a.txt")
        (folder / "b.txt").write_text(
            "The mayor promised on Monday to open three new schools by September 2027.",
            encoding="utf-8",
        )
        result = run(db, "ingest", str(folder))
        assert result.exit_code == 0
        assert "Ingesting" in result.stderr
        lines = result.stdout.splitlines()
        assert [line.split(":")[0] for line in lines] == ["a.txt", "b.txt"]

    def test_interactive_prompt_on_a_terminal(self, db: str) -> None:
        main, terminal = pty.openpty()
        with os.fdopen(main, "wb", buffering=0) as keyboard:
            keyboard.write(b"2\n")
            done = subprocess.run(
                [sys.executable, "-m", "tracker", "--db", db, "ingest", str(SEED)],
                stdin=terminal,
                capture_output=True,
                text=True,
                timeout=120,
            )
        os.close(terminal)
        assert done.returncode == 0, done.stderr
        # the answer is echoed on the terminal, not on stdout, so both land on one line
        assert done.stdout.splitlines()[-1] == (
            "Track which? (e.g. 1,3 or all) [all]: tracking 1 commitment(s): #1"
        )
        assert as_json(db, "list")["total"] == 1


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_export_import_export_is_identical(self, tmp_path: Path, fmt: str) -> None:
        first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
        ok(first, "ingest", str(SEED), "--pick", "1,3")
        ok(first, "add", "Ministers will publish the plan", "--actor", "Cabinet")
        ok(first, "verdict", "1", "partly", "--note", "half done")
        ok(first, "due", "2", "2031-12-31")
        exported = tmp_path / f"ledger.{fmt}"
        ok(first, "export", "--format", fmt, "-o", str(exported))
        assert ok(second, "import", str(exported)) == "imported 3 commitment(s)\n"
        again = ok(second, "export", "--format", fmt)
        assert again == exported.read_text(encoding="utf-8")


class TestDemo:
    def test_demo_prints_the_three_sections_on_a_fresh_ledger(self, tmp_path: Path) -> None:
        args = ["--data-dir", str(tmp_path), "demo"]
        first = CliRunner().invoke(cli, args, catch_exceptions=False)
        second = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert (first.exit_code, second.exit_code) == (0, 0)
        headers = [x for x in first.stdout.splitlines() if x.lstrip("\n").startswith("== ")]
        assert [h.split(" ")[1] for h in headers] == ["Commitments", "Due", "Stats"]
        assert "published 2019-03-03 (given)" in first.stdout
        assert (tmp_path / "demo.db").exists()
        # the ledger is replaced each run, so the figures do not accumulate
        assert first.stdout == second.stdout

    def test_demo_records_the_seed_gold_files_known_outcomes(self, tmp_path: Path) -> None:
        db = tmp_path / "demo.db"
        run = CliRunner().invoke(
            cli, ["--data-dir", str(tmp_path), "demo"], catch_exceptions=False
        )
        assert "recorded 2 known outcome(s) from 000_fe10bd665bb93794.json" in run.stdout
        listed = CliRunner().invoke(
            cli, ["--db", f"sqlite:///{db}", "list", "--status", "fulfilled", "--json"]
        )
        fulfilled = json.loads(listed.stdout)
        assert sorted(c["quote"] for c in fulfilled["items"]) == [
            "Putin even has plans to visit Jerusalem now",
            "he accepted my invitation",
        ]


class TestProcesses:
    def test_python_dash_m_tracker_help(self) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "--help"], capture_output=True, text=True
        )
        assert (done.returncode, done.stdout.splitlines()[0]) == (
            0,
            "Usage: tracker [OPTIONS] COMMAND [ARGS]...",
        )

    def test_console_script_bad_date_is_one_line(self, tmp_path: Path) -> None:
        script = Path(sys.executable).with_name("tracker")
        done = subprocess.run(
            [str(script), "timex", str(SEED), "--ref", "2019-02-30"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == (
            "Error: Invalid value for '--ref': "
            "'2019-02-30' is not a valid date (day is out of range for month)\n"
        )

    def test_extract_subprocess_json(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "extract", str(SEED), "--json"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert done.returncode == 0
        assert json.loads(done.stdout)["published"] == "2019-03-03"


def test_help_imports_no_heavy_module() -> None:
    probe = (
        "import sys; from tracker.cli import cli; "
        "heavy = ('sqlalchemy', 'httpx', 'dateparser', 'trafilatura', 'tracker.extract'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "[]\n")


def test_every_command_and_option_has_help() -> None:
    missing = [p.name for p in cli.params if isinstance(p, click.Option) and not p.help]
    for name, command in cli.commands.items():
        if not command.help:
            missing.append(name)
        for param in command.params:
            if isinstance(param, click.Option) and not param.help and param.name != "help":
                missing.append(f"{name} {param.opts[0]}")
    assert missing == []
