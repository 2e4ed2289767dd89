"""`tracker extract` and `tracker timex`: read a text and show what the pure core finds in it."""

from __future__ import annotations

from datetime import date

import click

from tracker.cli.common import DATE, Env, looks_english, read_text
from tracker.cli.render import (
    NOTHING_FOUND,
    dumps,
    extraction_dict,
    extraction_text,
    timex_dict,
)
from tracker.domain import PublishedBasis

NOT_ENGLISH = "the text does not look like English"
READ_PART = "the text is too long to read whole; only its first {:,} characters were read"


@click.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option(
    "--published",
    type=DATE,
    help="Publication date; default: found in the text (byline, dateline).",
)
@click.option(
    "--url",
    "source_url",
    default=None,
    help="The page's address: an official site's institution is the voice of its release.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table."
)
@click.pass_obj
def extract(
    env: Env, source: str, published: date | None, source_url: str | None, as_json: bool
) -> None:
    """Find forward-looking statements (promises, plans, agreements, predictions) in a text."""
    from tracker.extract import extract as run_extract

    text = read_text(source)
    basis = PublishedBasis.GIVEN if published else PublishedBasis.UNKNOWN
    found = run_extract(
        text,
        published=published,
        published_basis=basis,
        fallback_ref=env.today(),
        horizons=env.horizons,
        source_url=source_url,
    )
    if as_json:
        click.echo(dumps(extraction_dict(found)))
    else:
        click.echo(extraction_text(found))
    if found.read_to is not None:
        click.echo(f"note: {READ_PART.format(found.read_to)}", err=True)
    if not found.commitments and as_json:
        click.echo(NOTHING_FOUND, err=True)  # stdout stays valid JSON
    if not found.commitments and not looks_english(text):
        click.echo(f"note: {NOT_ENGLISH}; only English is supported", err=as_json)


@click.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--ref", type=DATE, required=True, help="Reference date for relative expressions.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table."
)
def timex(source: str, ref: date, as_json: bool) -> None:
    """List the time expressions in a text with their TIMEX3 values."""
    from tracker.timex import find_timexes

    text = read_text(source)
    found = find_timexes(text, ref=ref)
    if as_json:
        data = {"ref": ref.isoformat(), "timexes": [timex_dict(t) for t in found]}
        click.echo(dumps(data))
        return
    click.echo(f"reference date {ref.isoformat()}: {len(found)} time expression(s)")
    for t in found:
        value = f"{t.value} {t.mod}" if t.mod else t.value
        click.echo(f"{t.start:>6}-{t.end:<6} {t.type.value:<9} {value:<16} {t.text}")


COMMANDS = [extract, timex]
