"""`tracker follow`, `feeds`, `link` and `show --json` links, on a temporary SQLite ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'l.db'}", *args])

    return invoke


def test_link_prints_the_contract_and_show_lists_links_with_their_source(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(SEEDS / "51682.txt"), "--yes", "--published", "2007-05-14")
    linked = run("link", str(SEEDS / "62929.txt"), "--published", "2007-05-27", "--json")
    found = json.loads(linked.output)
    assert (linked.exit_code, found["published"]) == (0, "2007-05-27")
    assert set(found["links"][0]) == {
        "commitment",
        "relation",
        "quote",
        "span",
        "new_deadline",
        "confidence",
    }
    item = found["links"][0]["commitment"]
    shown = json.loads(run("show", str(item), "--json").output)
    assert shown["links"][0]["source"]["published"] == "2007-05-27"
    assert json.loads(run("list", "--json").output)["total"] == 4  # link tracks nothing


def test_follow_feeds_and_hostile_urls(run) -> None:  # type: ignore[no-untyped-def]
    assert run("follow", "https://news.example/feed.xml", "--auto").exit_code == 0
    assert "1. https://news.example/feed.xml (auto)" in run("feeds").output
    refused = run("follow", "http://127.0.0.1/feed")
    assert (refused.exit_code, refused.output.startswith("Error:")) == (2, True)
