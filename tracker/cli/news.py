"""The `follow`, `feeds`, `poll` and `link` commands: followed news and later-article links."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import click

from tracker.cli.common import DATE, Env
from tracker.cli.ingest import load_article
from tracker.cli.render import dumps

if TYPE_CHECKING:  # tracker.news imports the extractor: loaded when a command runs
    from tracker.news import FeedBatch

CLI_USER = "cli"


@click.command()
@click.argument("url")
@click.option("--auto", is_flag=True, help="Track candidates with an explicit deadline at once.")
@click.pass_obj
def follow(env: Env, url: str, auto: bool) -> None:
    """Follow an RSS, Atom or JSON feed; `tracker poll` reads its new articles."""
    feed = env.tracker().follow(env.ledger, url, auto=auto, by=CLI_USER, now=env.now())
    click.echo(f"Following feed {feed.number}: {feed.url}{' (auto)' if feed.auto else ''}")


@click.command()
@click.pass_obj
def feeds(env: Env) -> None:
    """The feeds this ledger follows, with their last check and errors."""
    found = env.tracker().feeds(env.ledger)
    if not found:
        click.echo("No feeds followed: tracker follow URL")
    for f in found:
        checked = f.last_checked_at.isoformat(timespec="minutes") if f.last_checked_at else "never"
        error = f"  failing ({f.failures}): {f.last_error}" if f.failures else ""
        click.echo(f"{f.number}. {f.url}{' (auto)' if f.auto else ''}  checked {checked}{error}")


@click.command()
@click.pass_obj
def poll(env: Env) -> None:
    """One pass over every ledger's feeds that are due: new articles proposed and linked.
    What a Telegram chat's ledger got is queued for a bot on this database to send; ledger 0
    (the default) is no chat, so nothing is queued for it: its news is printed here."""
    from tracker.fetch import FeedPage, fetch_feed
    from tracker.services.dispatch import worker_id

    def fetch(url: str, etag: str | None, modified: str | None) -> FeedPage:
        return fetch_feed(url, etag=etag, last_modified=modified)

    batches = env.tracker().poll_feeds(fetch, now=env.now(), worker=worker_id())
    for b in batches:
        click.echo("\n".join(batch_report(b)))
    if not batches:
        click.echo("Nothing new.")


def batch_report(b: FeedBatch) -> list[str]:
    """What `tracker poll` prints for one ledger's batch, saying whether a bot will send it."""
    from tracker.news import reaches_telegram

    where = "queued for the bot" if reaches_telegram(b.chat_id) else "not queued, no Telegram chat"
    head = (
        f"ledger {b.chat_id} ({where}): {len(b.proposals)} articles with candidates, "
        f"{len(b.auto_tracked)} tracked automatically, {len(b.links)} links, "
        f"{len(b.failing)} failing feeds"
    )
    articles = [
        f"  {p.source.title or p.source.url or 'article'}: {len(p.candidates)} candidates"
        for p in b.proposals
    ]
    return [head, *articles, *(f"  feed {f.number} failing: {f.last_error}" for f in b.failing)]


@click.command()
@click.argument("source", metavar="FILE|URL|-")
@click.option("--published", type=DATE, help="Publication date; default: found in the text.")
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON.")
@click.pass_obj
def link(env: Env, source: str, published: date | None, as_json: bool) -> None:
    """Link a later article to the ledger's open commitments (tracks nothing new)."""
    article = load_article(env, source, published=published)
    day, links = env.tracker().link(env.ledger, article, now=env.now())
    rows = [
        {"commitment": k.number, "relation": k.relation.value, "quote": k.quote,
         "span": list(k.span), "confidence": k.confidence,
         "new_deadline": k.new_deadline.isoformat() if k.new_deadline else None}
        for k in links
    ]  # fmt: skip
    if as_json:
        click.echo(dumps({"published": day.isoformat(), "links": rows}))
        return
    for r in rows:
        click.echo(f"#{r['commitment']} {r['relation']}: {json.dumps(r['quote'])[:200]}")
    if not rows:
        click.echo("No links to open commitments.")


COMMANDS = [follow, feeds, poll, link]
