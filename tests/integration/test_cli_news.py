"""`tracker follow`, `feeds`, `link` and `show --json` links, on a temporary SQLite ledger."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.cli.news import batch_report
from tracker.news import CLI_LEDGER, Feed, FeedBatch


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'l.db'}", *args])

    return invoke


PLAN = (
    "Acme Rail Works to build Leeds train factory\nAcme Rail Works said on Monday it will open a "
    "new train factory in Leeds by the end of 2027, creating 400 jobs.\n"
)
DELAY = (
    "Acme Rail Works delays Leeds train factory\nAcme Rail Works said the opening of its Leeds "
    "train factory has been postponed to 2029 because of supply problems.\n"
)


def test_link_prints_the_contract_and_show_lists_links_with_their_source(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plan.txt").write_text(PLAN)
    (tmp_path / "delay.txt").write_text(DELAY)
    run("ingest", str(tmp_path / "plan.txt"), "--yes", "--published", "2026-03-02")
    linked = run("link", str(tmp_path / "delay.txt"), "--published", "2026-09-01", "--json")
    found = json.loads(linked.output)
    assert (linked.exit_code, found["published"]) == (0, "2026-09-01")
    assert set(found["links"][0]) == {
        "commitment",
        "relation",
        "quote",
        "span",
        "new_deadline",
        "confidence",
    }
    link = found["links"][0]
    assert (link["relation"], link["new_deadline"]) == ("moves_deadline", "2029-12-31")
    shown = json.loads(run("show", str(link["commitment"]), "--json").output)
    assert shown["links"][0]["source"]["published"] == "2026-09-01"
    assert json.loads(run("list", "--json").output)["total"] == 1  # link tracks nothing


def test_follow_feeds_and_hostile_urls(run) -> None:  # type: ignore[no-untyped-def]
    assert run("follow", "https://news.example/feed.xml", "--auto").exit_code == 0
    assert "1. https://news.example/feed.xml (auto)" in run("feeds").output
    refused = run("follow", "http://127.0.0.1/feed")
    assert (refused.exit_code, refused.output.startswith("Error:")) == (2, True)


def test_poll_says_which_ledgers_get_a_message(run) -> None:  # type: ignore[no-untyped-def]
    down = Feed(id=1, chat_id=0, url="https://down.example/f", auto=False, number=1,
                failures=3, last_error="the server answered 500")  # fmt: skip
    cli_ledger = batch_report(FeedBatch(CLI_LEDGER, failing=(down,)))
    chat = batch_report(FeedBatch(-1001234, failing=(replace(down, chat_id=-1001234),)))
    assert (cli_ledger[0].split(":")[0], chat[0].split(":")[0]) == (
        "ledger 0 (not queued, no Telegram chat)",
        "ledger -1001234 (queued for the bot)",
    )
    assert chat[1] == "  feed 1 failing: the server answered 500"
    assert "ledger 0 (the default) is no chat" in " ".join(run("poll", "--help").output.split())
