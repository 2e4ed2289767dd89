"""The `tracker` command line: global options, error handling at the edge, command registration.

Heavy libraries (sqlalchemy, dateparser, httpx, trafilatura) are imported inside the commands that
need them, so `tracker --help` starts fast. This is the only module that reads the environment
(click's envvar support, and the TRACKER_HORIZON_<KIND>_DAYS variables the bot reads too).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from tracker.checks import MAX_CHAT_ID
from tracker.cli.common import Env, env_horizons, parse_tz
from tracker.domain import MAX_HORIZON_DAYS, Horizons, Kind
from tracker.errors import TrackerError


class _Failure(click.ClickException):
    """A TrackerError shown as one line, exit status 2."""

    exit_code = 2


class TrackerGroup(click.Group):
    """A click group that turns TrackerError and usage errors into a one-line `Error: ...`."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as err:
            err.ctx = None  # without a context click prints the message alone, no usage dump
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            raise _Failure(str(err)) from None
        except click.UsageError as err:
            err.ctx = None
            raise


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="DATABASE_URL",
    metavar="URL",
    help="Database URL (env DATABASE_URL); default: a SQLite file under --data-dir.",
)
@click.option(
    "--data-dir",
    envvar="TRACKER_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data"),
    show_default=True,
    help="Directory for the default SQLite ledger and the demo database (env TRACKER_DATA_DIR).",
)
@click.option(
    "--ledger",
    type=click.IntRange(-MAX_CHAT_ID - 1, MAX_CHAT_ID),
    default=0,
    show_default=True,
    help="Ledger (chat) id to work on.",
)
@click.option(
    "--tz",
    envvar="TRACKER_TZ",
    default="UTC",
    show_default=True,
    help="Time zone for 'today' (env TRACKER_TZ), e.g. Europe/Berlin.",
)
@click.option(
    "--horizon",
    "horizons",
    type=(click.Choice([k.value for k in Kind]), click.IntRange(1, MAX_HORIZON_DAYS)),
    multiple=True,
    metavar="KIND DAYS",
    help="Follow-up horizon of a kind when a statement gives no deadline, for `extract` and "
    "new ledgers, e.g. --horizon plan 90 (env TRACKER_HORIZON_<KIND>_DAYS).",
)
@click.version_option(package_name="commitment-tracker", prog_name="tracker")
@click.pass_context
def cli(
    ctx: click.Context,
    db: str | None,
    data_dir: Path,
    ledger: int,
    tz: str,
    horizons: tuple[tuple[str, int], ...],
) -> None:
    """Track promises, plans, agreements and predictions in the news until they fall due."""
    try:
        zone = parse_tz(tz)
        chosen = env_horizons(os.environ) | dict(horizons)
    except TrackerError as err:
        raise _Failure(str(err)) from None
    ctx.obj = Env(
        db=db or None, data_dir=data_dir, ledger=ledger, tz=zone, horizons=Horizons(**chosen)
    )


def _register() -> None:
    from tracker.cli import ingest, ledger, news, read, settings

    for module in (read, ledger, settings, ingest, news):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="tracker")


if __name__ == "__main__":
    main()
