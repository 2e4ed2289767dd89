"""`tracker ingest` (file, directory or URL) and `tracker demo` (the whole job on the seeds)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import tracker
from tracker.cli.common import (
    CLI_USER,
    DATE,
    Env,
    looks_english,
    open_tracker,
    parse_date,
    parse_picks,
    read_text,
    stderr_progress,
)
from tracker.cli.files import fresh_demo_ledger
from tracker.cli.render import (
    NOTHING_FOUND,
    candidates_table,
    commitments_table,
    stats_text,
)
from tracker.domain import BASIS_WORDS, Article, PublishedBasis, Status
from tracker.errors import InvalidInput

if TYPE_CHECKING:
    from tracker.domain import Commitment, Proposal
    from tracker.services import Tracker

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CHECKOUT_SEEDS = Path(tracker.__file__).resolve().parents[1] / "seeds"
# A checkout (editable install) has seeds/ beside the package; an installed package (the Docker
# image) finds them in the working directory.
DEFAULT_SEEDS = _CHECKOUT_SEEDS if _CHECKOUT_SEEDS.is_dir() else Path("seeds")


def article_from_file(path: str, *, published: date | None) -> Article:
    """An Article from a UTF-8 text file; a short first line serves as the title."""
    text = read_text(path)
    first, _, rest = text.strip().partition("\n")
    basis = PublishedBasis.GIVEN if published else PublishedBasis.UNKNOWN
    title = first.strip() if rest.strip() and len(first) <= 150 else None
    return Article(text=text, title=title, published=published, published_basis=basis)


def _fetch(env: Env, url: str, *, published: date | None) -> Article:
    from dataclasses import replace

    from tracker.fetch import fetch_article

    article = fetch_article(url, now=env.now())
    if published:
        return replace(article, published=published, published_basis=PublishedBasis.GIVEN)
    return article


def load_article(env: Env, source: str, *, published: date | None) -> Article:
    """The article a FILE|URL|- argument names: a web page is fetched, a file or stdin read."""
    if source != "-" and not Path(source).exists() and _SCHEME.match(source):
        return _fetch(env, source, published=published)
    return article_from_file(source, published=published)


def _choose(picks: list[int] | None, *, ask: bool) -> list[int] | None:
    """The 1-based picks to accept: given, prompted for, or None for all (the service checks
    them against the proposal)."""
    if picks is None and ask:
        answer = click.prompt("Track which? (e.g. 1,3 or all)", default="all")
        picks = parse_picks(answer)
    return picks


def _ingest_one(env: Env, article: Article, picks: list[int] | None, *, ask: bool) -> None:
    service = env.tracker()
    if ask:  # show the candidates first; nothing is stored before the answer
        found = service.read_article(env.ledger, article, now=env.now())
        click.echo(_heading(article.title or article.url, found.published, found.published_basis))
        click.echo(candidates_table(found.commitments))
        if not found.commitments:
            return _not_english_note(article)
        picks = _choose(picks, ask=ask)
    source, candidates, accepted = service.track_article(
        env.ledger, article, picks, by=CLI_USER, now=env.now()
    )
    if not ask:
        click.echo(_heading(source.title or source.url, source.published, source.published_basis))
        click.echo(candidates_table(candidates))
    if not candidates:
        return _not_english_note(article)
    ids = ", ".join(f"#{c.id}" for c in accepted)
    click.echo(f"tracking {len(accepted)} commitment(s): {ids}")
    return None


def _not_english_note(article: Article) -> None:
    if not looks_english(article.text):
        click.echo("note: the text does not look like English; only English is supported")


def _heading(title: str | None, published: date | None, basis: PublishedBasis) -> str:
    when = published.isoformat() if published else "date unknown"
    return f"{title or 'untitled'}\npublished {when} ({BASIS_WORDS[basis]})"


def _source_heading(proposal: Proposal) -> str:
    src = proposal.source
    when = src.published.isoformat() if src.published else "date unknown"
    basis = BASIS_WORDS[src.published_basis]
    return f"{src.title or src.url or 'untitled'}\npublished {when} ({basis})"


def _ingest_dir(env: Env, folder: Path, *, published: date | None) -> None:
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise InvalidInput(f"no *.txt files in {folder}")
    articles = [(p, article_from_file(str(p), published=published)) for p in paths]
    service = env.tracker()
    summary = []
    with stderr_progress([p for p, _ in articles], label="Ingesting") as bar:
        for path, (_, article) in zip(bar, articles, strict=True):
            _, _, accepted = service.track_article(
                env.ledger, article, None, by=CLI_USER, now=env.now()
            )
            summary.append(f"{path.name}: {len(accepted)} commitment(s) tracked")
    click.echo("\n".join(summary))


@click.command()
@click.argument("source", metavar="FILE|DIR|URL|-")
@click.option(
    "--pick", metavar="1,3|all", help="Which candidates to track (default: ask, or all)."
)
@click.option("--published", type=DATE, help="Publication date; default: found in the text.")
@click.option("--yes", "-y", is_flag=True, help="Track every candidate without asking.")
@click.pass_obj
def ingest(env: Env, source: str, pick: str | None, published: date | None, yes: bool) -> None:
    """Extract commitments from an article (file, folder of *.txt, or web page) and track them."""
    picks = parse_picks(pick)
    path = Path(source)
    if path.is_dir():
        if pick is not None:
            raise InvalidInput("--pick works on one article; a folder tracks every candidate")
        _ingest_dir(env, path, published=published)
        return
    article = load_article(env, source, published=published)
    ask = pick is None and not yes and sys.stdin.isatty() and source != "-"
    _ingest_one(env, article, picks, ask=ask)


def _gold(txt: Path) -> dict[str, Any]:
    """The sibling gold .json of a seed article, or {} when there is none."""
    gold = txt.with_suffix(".json")
    if not gold.is_file():
        return {}
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InvalidInput(f"cannot read {gold.name}: {err}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{gold.name} is not a JSON object")
    return data


def _seed_published(gold: dict[str, Any]) -> date | None:
    """The gold file's "published" date, when it gives one."""
    value = gold.get("published")
    return parse_date(value) if isinstance(value, str) else None


def _record_known_outcomes(
    service: Tracker, env: Env, gold: dict[str, Any], tracked: list[Commitment]
) -> int:
    """Record the verdicts a gold file knows ("outcomes_known") on the matching commitments."""
    spans = {c.get("id"): c.get("span") for c in gold.get("commitments", [])}
    recorded = 0
    for outcome in gold.get("outcomes_known", []):
        start, end = spans.get(outcome.get("id")) or (0, 0)
        hits = [c for c in tracked if c.span and c.span[0] < end and start < c.span[1]]
        if not hits:
            continue
        note = (
            f"{outcome.get('on')}: {outcome.get('note')} (known outcome in the seed's gold file)"
        )
        status = _outcome_status(gold, outcome.get("status"))
        service.record_verdict(
            env.ledger, hits[0].id, status, by=CLI_USER, now=env.now(), note=note
        )
        recorded += 1
    return recorded


def _demo_ingest(service: Tracker, env: Env, seeds: list[Path]) -> list[Commitment]:
    tracked: list[Commitment] = []
    for txt in seeds:
        gold = _gold(txt)
        article = article_from_file(str(txt), published=_seed_published(gold))
        proposal = service.propose(env.ledger, article, now=env.now())
        click.echo(f"\n{txt.name}: {_source_heading(proposal)}")
        click.echo(candidates_table(proposal.candidates))
        accepted = service.accept(env.ledger, proposal.id, None, by=CLI_USER, now=env.now())
        if known := _record_known_outcomes(service, env, gold, accepted):
            click.echo(
                f"   recorded {known} known outcome(s) from {txt.with_suffix('.json').name}"
            )
        tracked += accepted
    return tracked


@click.command()
@click.option(
    "--seeds",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=DEFAULT_SEEDS,
    show_default=True,
    help="Folder of *.txt articles (with optional gold *.json giving 'published').",
)
@click.option(
    "--db-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite file for the demo ledger, replaced each run (only a file the demo made); "
    "default <data-dir>/demo.db.",
)
@click.pass_obj
def demo(env: Env, seeds: Path, db_file: Path | None) -> None:
    """Run the whole job offline on a fresh ledger: extract, schedule, report."""
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        raise InvalidInput(f"no *.txt files in {seeds}")
    if db_file is None:
        env.data_dir.mkdir(parents=True, exist_ok=True)
    target = db_file or env.data_dir / "demo.db"
    fresh_demo_ledger(target, default=db_file is None)
    service = open_tracker(
        f"sqlite:///{target}", data_dir=env.data_dir, horizons=env.horizons, timezone=env.tz.key
    )
    click.echo(f"== Commitments found in {len(paths)} article(s) (ledger {target}) ==")
    tracked = _demo_ingest(service, env, paths)
    today = env.today()
    if not tracked:
        click.echo(NOTHING_FOUND)
    unresolved = [s for s in Status if not s.resolved]
    tomorrow = today + timedelta(days=1)  # due_before is exclusive: include today
    page = service.list(env.ledger, statuses=unresolved, due_before=tomorrow, limit=500)
    click.echo(f"\n== Due or overdue as of {today.isoformat()}: {page.total} ==")
    click.echo(commitments_table(page.items, today=today))
    click.echo("\n== Stats ==")
    click.echo(stats_text(service.stats(env.ledger, today=today), top_actors=10))


COMMANDS = [ingest, demo]


def _outcome_status(gold: Any, value: Any) -> Status:
    try:
        return Status(value)
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise InvalidInput(
            f"unknown outcome status {str(value)[:40]!r} in a gold file; use one of: {names}"
        ) from None
