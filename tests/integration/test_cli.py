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

    def test_mod_is_given_where_timex3_has_one(self, db: str, tmp_path: Path) -> None:
        path = tmp_path / "m.txt"
        path.write_text("Done by the end of 1990, not in 1989.", encoding="utf-8")
        data = as_json(db, "timex", str(path), "--ref", "1989-10-26")
        assert [(t["value"], t.get("mod")) for t in data["timexes"]] == [
            ("1990", "END"),
            ("1989", None),
        ]
        table = ok(db, "timex", str(path), "--ref", "1989-10-26").splitlines()
        assert table[1].split()[2:4] == ["1990", "END"]

    def test_reading_commands_never_open_a_database(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text("Acme will open a plant in May.", encoding="utf-8")
        data = tmp_path / "data"
        for command in (["extract"], ["timex", "--ref", "2019-03-03"]):
            args = ["--data-dir", str(data), *command, str(path)]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, result.output
        assert not data.exists() or not list(data.iterdir())

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

    def test_a_page_address_names_a_releases_voice(self, db: str, tmp_path: Path) -> None:
        path = tmp_path / "release.txt"
        path.write_text(
            "Funding confirmed\n12 December 2022\n£257 million will be handed to councils "
            "across England to make sure refuges are available to victims.\n",
            encoding="utf-8",
        )
        url = "https://www.gov.uk/government/news/funding"
        linked = as_json(db, "extract", str(path), "--url", url)
        plain = as_json(db, "extract", str(path))
        assert linked["commitments"][0]["actors"][0] == "UK Government"
        assert plain["commitments"][0]["actors"][0] != "UK Government"

    def test_table_marks_assumed_due_dates(self, db: str) -> None:
        data = as_json(db, "extract", str(SEED))
        out = ok(db, "extract", str(SEED))
        assumed = sum(c["due_basis"] == "default" for c in data["commitments"])
        assert out.splitlines()[0] == "published 2019-03-03 (from the text)"
        assert out.count("(assumed)") == assumed


class TestLedger:
    def test_add_show_verdict_due_list(self, db: str) -> None:
        out = ok(db, "add", "The ministry will open 12 clinics", "--actor", "Health Ministry")
        assert out.splitlines()[0] == "added #1"
        assert ok(db, "verdict", "1", "not-yet") == "#1 is now not yet\n"
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
        assert "not yet" in text and "not fulfilled" in text and evidence in text
        assert "in_progress" not in text and "not_fulfilled" not in text

    @pytest.mark.parametrize(
        ("alias", "status"),
        [
            ("fulfilled", "fulfilled"),
            ("partly", "partly fulfilled"),
            ("not-fulfilled", "not fulfilled"),
            ("broken", "not fulfilled"),
            ("not-yet", "not yet"),
            ("in-progress", "not yet"),
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


DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DEFAULT_SETTINGS = {
    "ledger": 0,
    "timezone": "UTC",
    "digest_time": "09:00",
    "digest_days": DAYS,
    "summary_day": "sun",
    "summary_time": "18:00",
    "verdicts_by": "everyone",
    "horizons": {"promise": 365, "plan": 180, "agreement": 365, "prediction": 365},
    "checkin_every_days": 7,
    "active": True,
}


def due_after(item: dict[str, Any], zone: str, days: int) -> str:
    """The date `days` after the local day, in `zone`, on which `item` was added."""
    created = datetime.fromisoformat(item["created_at"])
    return (created.astimezone(ZoneInfo(zone)).date() + timedelta(days=days)).isoformat()


class TestSettings:
    def test_defaults_as_text_and_json(self, any_db: str) -> None:
        assert as_json(any_db, "settings") == DEFAULT_SETTINGS
        assert ok(any_db, "settings").splitlines() == [
            "settings of ledger 0 (horizons and check-ins in days, times local):",
            "  timezone  UTC",
            "  digest    09:00 daily",
            "  summary   sun 18:00",
            "  verdicts  everyone",
            "  horizon   promise 365",
            "  horizon   plan 180",
            "  horizon   agreement 365",
            "  horizon   prediction 365",
            "  checkins  7",
            "  active    yes",
        ]

    def test_a_new_ledger_shows_the_global_defaults(self, any_db: str) -> None:
        args = ["--ledger", "4", "--tz", "Europe/Berlin", "--horizon", "plan", "30"]
        shown = as_json(any_db, *args, "settings")
        assert (shown["ledger"], shown["timezone"], shown["horizons"]["plan"]) == (
            4,
            "Europe/Berlin",
            30,
        )

    @pytest.mark.parametrize(
        ("words", "changed", "line"),
        [
            (
                ["timezone", "Europe/Berlin"],
                {"timezone": "Europe/Berlin"},
                "timezone  Europe/Berlin",
            ),
            (["tz", "Asia/Tokyo"], {"timezone": "Asia/Tokyo"}, "timezone  Asia/Tokyo"),
            (
                ["digest", "7:30", "mon-wed,fri"],
                {"digest_time": "07:30", "digest_days": ["mon", "tue", "wed", "fri"]},
                "digest    07:30 mon-wed,fri",
            ),
            (
                ["digest", "21:05", "fri-mon"],
                {"digest_time": "21:05", "digest_days": ["mon", "fri", "sat", "sun"]},
                "digest    21:05 mon,fri-sun",
            ),
            (["digest", "10:00"], {"digest_time": "10:00"}, "digest    10:00 daily"),
            (["digest", "off"], {"digest_days": []}, "digest    09:00 off"),
            (
                ["digest", "08:00", "weekdays"],
                {"digest_time": "08:00", "digest_days": DAYS[:5]},
                "digest    08:00 mon-fri",
            ),
            (
                ["summary", "friday", "17:00"],
                {"summary_day": "fri", "summary_time": "17:00"},
                "summary   fri 17:00",
            ),
            (["verdicts", "Admins"], {"verdicts_by": "admins"}, "verdicts  admins"),
            (
                ["horizon", "plan", "90"],
                {"horizons": {"promise": 365, "plan": 90, "agreement": 365, "prediction": 365}},
                "horizon   plan 90",
            ),
            (["checkins", "14"], {"checkin_every_days": 14}, "checkins  14"),
        ],
    )
    def test_each_setting_is_changed_and_shown(
        self, any_db: str, words: list[str], changed: dict[str, Any], line: str
    ) -> None:
        expected = DEFAULT_SETTINGS | changed
        assert json.loads(ok(any_db, "settings", *words, "--json")) == expected
        assert as_json(any_db, "settings") == expected
        out = ok(any_db, "settings").splitlines()
        assert f"  {line}" in out
        assert ok(any_db, "settings", *words).splitlines()[0] == f"changed {' '.join(words)}"

    def test_a_changed_horizon_is_used_by_add_and_only_in_its_ledger(self, any_db: str) -> None:
        ok(any_db, "settings", "horizon", "plan", "10")
        # a ledger's own horizon wins over the defaults for new ledgers
        ok(any_db, "--horizon", "plan", "5", "add", "Acme will hire engineers", "--kind", "plan")
        ok(any_db, "--ledger", "2", "add", "Acme will hire engineers", "--kind", "plan")
        [mine] = as_json(any_db, "list")["items"]
        [other] = as_json(any_db, "--ledger", "2", "list")["items"]
        assert (mine["due_basis"], mine["due"]) == ("default", due_after(mine, "UTC", 10))
        assert other["due"] == due_after(other, "UTC", 180)
        assert as_json(any_db, "--ledger", "2", "settings")["horizons"]["plan"] == 180

    def test_a_changed_time_zone_is_used_for_today_by_add(self, any_db: str) -> None:
        # 25 hours apart, so the two zones never share a calendar day
        east, west = "Pacific/Kiritimati", "Pacific/Pago_Pago"
        ok(any_db, "--tz", west, "settings", "horizon", "plan", "10")
        ok(any_db, "--tz", west, "settings", "timezone", east)
        ok(any_db, "--tz", west, "add", "Acme will hire engineers", "--kind", "plan")
        [item] = as_json(any_db, "--tz", west, "list")["items"]
        assert item["due"] == due_after(item, east, 10) != due_after(item, west, 10)

    def test_a_changed_time_zone_decides_what_is_overdue(self, any_db: str) -> None:
        east, west = "Pacific/Kiritimati", "Pacific/Pago_Pago"  # never the same calendar day
        today_west = datetime.now(ZoneInfo(west)).date()
        ok(any_db, "--tz", west, "settings", "timezone", east)
        ok(any_db, "--tz", west, "add", "Acme will hire", "--deadline", today_west.isoformat())
        # today in the ledger's own zone is already past the due date
        assert as_json(any_db, "--tz", west, "list", "--overdue")["total"] == 1

    @pytest.mark.parametrize(
        ("words", "message"),
        [
            (
                ["timezone", "Mars/Olympus"],
                "Unknown time zone “Mars/Olympus”; use a name like Europe/Berlin.",
            ),
            (["horizon", "plan", "0"], "The plan horizon must be 1 to 36500 days."),
            (["horizon", "plan", "40000"], "The plan horizon must be 1 to 36500 days."),
            (["horizon", "plan", "-5"], "“-5” is not a whole number of days."),
            (
                ["horizon", "decree", "90"],
                "Unknown kind “decree”. Use one of: promise, plan, agreement, prediction.",
            ),
            (
                ["horizon", "plan"],
                "Usage: tracker settings horizon "
                "promise|plan|agreement|prediction DAYS, e.g. horizon plan 90.",
            ),
            (["digest", "25:00"], "“25:00” is not a time of day like 09:00, 8am or 6:30pm."),
            (
                ["digest", "13pm", "mon-fri"],
                "“13pm” is not a time of day like 09:00, 8am or 6:30pm.",
            ),
            (["digest", "10:00", "someday"], "“someday” is not a weekday like mon or sun."),
            (
                ["summary", "sun"],
                "Usage: tracker settings summary DAY HH:MM, e.g. summary sun 18:00.",
            ),
            (["verdicts", "nobody"], "Verdicts are recorded by “everyone” or “admins”."),
            (["checkins", "0"], "The check-in interval must be 1 to 365 days."),
            (
                ["colour", "blue"],
                "Unknown setting “colour”. Use one of: timezone, digest, "
                "summary, verdicts, horizon, checkins.",
            ),
            (
                ["timezone"],
                "Usage: tracker settings timezone CITY|ZONE|UTC±H, e.g. timezone Berlin.",
            ),
        ],
    )
    def test_a_bad_value_is_one_line_and_changes_nothing(
        self, any_db: str, words: list[str], message: str
    ) -> None:
        ok(any_db, "settings", "timezone", "Asia/Tokyo")
        before = as_json(any_db, "settings")
        result = run(any_db, "settings", *words)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")
        assert as_json(any_db, "settings") == before


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
        assert "published 2019-03-03 (as given)" in first.stdout
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
        "import sys; from tracker.cli.app import cli; "
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


class TestLedgerNumbers:
    def test_each_ledger_numbers_its_items_from_one(self, any_db: str) -> None:
        ok(any_db, "add", "The city will open the bridge")
        ok(any_db, "add", "The port will reopen")
        assert ok(any_db, "--ledger", "5", "add", "The council will vote").startswith("added #1\n")
        shown = as_json(any_db, "--ledger", "5", "show", "1")
        assert (shown["id"], shown["quote"]) == (1, "The council will vote")
        assert as_json(any_db, "show", "2")["quote"] == "The port will reopen"
