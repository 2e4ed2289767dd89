"""Ledger commands: add, list, show, verdict, due, import, export, stats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from tracker.checks import MAX_ID
from tracker.cli.common import CLI_USER, DATE, ID, STATUS, Env
from tracker.cli.files import check_output, open_input, open_output
from tracker.cli.render import (
    commitment_dict,
    commitment_text,
    commitments_table,
    dumps,
    link_dict,
    stats_dict,
    stats_text,
)
from tracker.domain import STATUS_WORDS, Kind, Status
from tracker.errors import InvalidInput

_KINDS = click.Choice([k.value for k in Kind], case_sensitive=False)
_FORMATS = click.Choice(["csv", "json"], case_sensitive=False)


@click.command()
@click.argument("statement")
@click.option("--actor", help="Who made the commitment.")
@click.option(
    "--deadline", metavar="TEXT", help='Deadline, e.g. "by the end of 2026", 2026-05-01.'
)
@click.option("--kind", type=_KINDS, help="promise, plan, agreement or prediction.")
@click.pass_obj
def add(
    env: Env, statement: str, actor: str | None, deadline: str | None, kind: str | None
) -> None:
    """Track a statement typed by hand."""
    if not statement.strip():
        raise InvalidInput("the statement is empty")
    added = env.tracker().add(
        env.ledger,
        statement,
        actor=actor,
        deadline=deadline,
        by=CLI_USER,
        now=env.now(),
        kind=Kind(kind.lower()) if kind else None,
    )
    click.echo(f"added #{added.number}")
    click.echo(commitment_text(added, today=env.ledger_today()))


@click.command("list")
@click.option(
    "--status", "statuses", type=STATUS, multiple=True, help="Only this status (repeat)."
)
@click.option("--due-before", type=DATE, help="Only commitments due before this date.")
@click.option("--overdue", is_flag=True, help="Only commitments past due with no final verdict.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, help="Page size.")
@click.option("--offset", type=click.IntRange(0, MAX_ID), default=0, help="Skip this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def list_(
    env: Env,
    statuses: tuple[Status, ...],
    due_before: date | None,
    overdue: bool,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List tracked commitments, soonest due first."""
    today = env.ledger_today()
    page = env.tracker().list(
        env.ledger,
        statuses=list(statuses) or None,
        due_before=due_before,
        overdue_on=today if overdue else None,
        limit=limit,
        offset=offset,
    )
    if as_json:
        items = [commitment_dict(c) for c in page.items]
        data = {"total": page.total, "offset": page.offset, "limit": page.limit, "items": items}
        click.echo(dumps(data))
        return
    click.echo(commitments_table(page.items, today=today))
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "0"
    click.echo(f"showing {shown} of {page.total}")


@click.command()
@click.argument("commitment_id", metavar="ID", type=ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show(env: Env, commitment_id: int, as_json: bool) -> None:
    """Show one commitment with its verdict history."""
    found = env.tracker().get(env.ledger, commitment_id)
    if as_json:
        links = env.tracker().links(env.ledger, commitment_id)
        click.echo(dumps(commitment_dict(found) | {"links": [link_dict(k) for k in links]}))
    else:
        click.echo(commitment_text(found, today=env.ledger_today()))


@click.command()
@click.argument("commitment_id", metavar="ID", type=ID)
@click.argument("status", type=STATUS)
@click.option("--evidence", metavar="URL", help="Link to the evidence for this verdict.")
@click.option("--note", metavar="TEXT", help="Why (required for cant-judge).")
@click.pass_obj
def verdict(
    env: Env, commitment_id: int, status: Status, evidence: str | None, note: str | None
) -> None:
    """Record a verdict: fulfilled, partly, broken, not-yet, stalled or cant-judge."""
    updated = env.tracker().record_verdict(
        env.ledger,
        commitment_id,
        status,
        by=CLI_USER,
        now=env.now(),
        evidence_url=evidence,
        note=note,
    )
    click.echo(f"#{updated.number} is now {STATUS_WORDS[updated.status]}")


@click.command()
@click.argument("commitment_id", metavar="ID", type=ID)
@click.argument("day", metavar="DATE", type=DATE)
@click.pass_obj
def due(env: Env, commitment_id: int, day: date) -> None:
    """Change a commitment's due date (YYYY-MM-DD)."""
    updated = env.tracker().set_due(env.ledger, commitment_id, day, by=CLI_USER, now=env.now())
    click.echo(f"#{updated.number} is now due {updated.due.isoformat()}")


def _format_of(path: str, given: str | None) -> str:
    if given:
        return given.lower()
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in ("csv", "json"):
        raise InvalidInput(f"cannot tell the format of {path!r}; pass --format csv or json")
    return suffix


@click.command("import")
@click.argument("file", metavar="FILE")
@click.option("--format", "fmt", type=_FORMATS, help="csv or json; default: from the extension.")
@click.pass_obj
def import_(env: Env, file: str, fmt: str | None) -> None:
    """Import commitments from a CSV or JSON export (one bad row: none imported)."""
    from tracker.ledger_io import iter_csv, iter_json

    kind = _format_of(file, fmt)
    with open_input(file) as stream:
        rows = iter_csv(stream) if kind == "csv" else iter_json(stream)
        count = env.tracker().import_rows(env.ledger, rows, by=CLI_USER, now=env.now())
    click.echo(f"imported {count} commitment(s)")


@click.command()
@click.option(
    "--format", "fmt", type=_FORMATS, default="json", show_default=True, help="csv or json."
)
@click.option("-o", "--output", metavar="FILE", help="Write here instead of to stdout.")
@click.option("--force", is_flag=True, help="Replace an SQLite file given as --output.")
@click.pass_obj
def export(env: Env, fmt: str, output: str | None, force: bool) -> None:
    """Export the ledger, verdict history included, as CSV or JSON."""
    from tracker.ledger_io import write_csv, write_json
    from tracker.services.rows import EXPORT_FIELDS

    check_output(output, ledger=env.database_file(), force=force)
    rows = env.tracker().iter_export(env.ledger)
    with open_output(output) as out:
        if fmt.lower() == "csv":
            write_csv(rows, out, columns=EXPORT_FIELDS)
        else:
            write_json(rows, out)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def stats(env: Env, as_json: bool) -> None:
    """Fulfilment rates overall, by kind and by actor, with their denominators."""
    figures = env.tracker().stats(env.ledger, today=env.ledger_today())
    click.echo(dumps(stats_dict(figures)) if as_json else stats_text(figures))


COMMANDS = [add, list_, show, verdict, due, import_, export, stats]
