"""Self-checking docs: README set-up commands, CLI command table, and .env.example vs Settings."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from bot.settings import env_keys
from tracker.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    """The shell commands in the README's set-up block."""
    section = README.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the set-up section needs a ```sh block"
    lines = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def env_example() -> list[tuple[str, str]]:
    """(key, comment above it) for every assignment in .env.example."""
    pairs, comment = [], ""
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comment = line.lstrip("# ").strip()
        elif "=" in line:
            pairs.append((line.split("=", 1)[0].strip(), comment))
            comment = ""
    return pairs


def test_readme_has_exactly_two_setup_commands_and_they_exist() -> None:
    commands = setup_commands()
    assert commands == ["make demo", "make test"]
    assert {"demo", "test"} <= make_targets()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_make_demo_runs_tracker_demo_and_make_test_runs_pytest() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:.*\n\t\$\(BIN\)/tracker demo$", makefile, re.M)
    assert re.search(r"^test:.*\n\t\$\(BIN\)/pytest", makefile, re.M)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_cli_command_is_in_the_readme(name: str) -> None:
    assert f"`tracker {name}" in README


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_cli_command_has_help(name: str) -> None:
    command = cli.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and command.help.strip()


def test_env_example_declares_exactly_the_settings() -> None:
    assert [key for key, _ in env_example()] == env_keys()


def test_every_env_example_key_has_a_comment() -> None:
    assert [key for key, comment in env_example() if not comment] == []
