"""Row-building steps of the services: sources (stored once), proposals, picks, candidates
turned into commitments, due dates from deadlines or horizons, and bulk import writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from tracker import checks as check
from tracker.domain import (
    Article,
    Candidate,
    ChatSettings,
    DueBasis,
    Extraction,
    Horizons,
    Proposal,
    PublishedBasis,
    Status,
)
from tracker.errors import InvalidDeadline, InvalidInput
from tracker.schedule import local_today
from tracker.services.rows import RowIn, SourceIn, candidate_from_record
from tracker.store.models import (
    CommitmentRow,
    DueChangeRow,
    EditRow,
    ProposalRow,
    SourceRow,
    VerdictRow,
)
from tracker.store.repository import Repository


class Reading:
    """extract() run on an article before its source is stored, re-run if the text differs."""

    def __init__(
        self, known: SourceRow | None, article: Article, *, today: date, horizons: Horizons
    ) -> None:
        self.article, self.today, self.horizons = article, today, horizons
        self.text = article.text if known is None else known.text
        published = article.published if known is None else known.published
        basis = article.published_basis if known is None else known.published_basis
        if published is None and article.published is not None:
            published, basis = article.published, article.published_basis
        self.found = self._extract(self.text, published, PublishedBasis(basis))

    def _extract(self, text: str, published: date | None, basis: PublishedBasis) -> Extraction:
        from tracker.extract import extract

        return extract(
            text,
            published=published,
            published_basis=basis,
            fallback_ref=self.today,
            horizons=self.horizons,
        )

    def of(self, source: SourceRow) -> Extraction:
        """The extraction for the stored source's text (spans must index that text)."""
        if source.text == self.text:
            return self.found
        basis = PublishedBasis(source.published_basis)
        return self._extract(source.text, source.published, basis)


def stored_source(repo: Repository, article: Article, *, now: datetime) -> SourceRow:
    """The source row for this article's text, created once; fills in missing metadata."""
    key = check.content_hash(article.text)
    row = repo.source_by_hash(key)
    if row is None:
        row = SourceRow(content_hash=key, text=article.text, created_at=now)
        row.published_basis = PublishedBasis.UNKNOWN.value
        repo.add(row)
    row.url = row.url or check.clean(article.url)
    row.title = row.title or check.clean(article.title)
    row.publisher = row.publisher or check.clean(article.publisher)
    if row.published is None and article.published is not None:
        row.published, row.published_basis = article.published, article.published_basis.value
    return row


def proposal_of(repo: Repository, row: ProposalRow) -> Proposal:
    """The snapshot of a stored proposal; `accepted` = candidates the chat already tracks."""
    candidates = tuple(candidate_from_record(r) for r in row.candidates)
    tracked = repo.tracked_spans(row.chat_id, row.source_id)
    numbers = {i: tracked[c.span].number for i, c in enumerate(candidates, 1) if c.span in tracked}
    return Proposal(
        id=row.id,
        chat_id=row.chat_id,
        source=row.source.snapshot(),
        candidates=candidates,
        accepted=frozenset(numbers),
        numbers=numbers,
        closed=row.closed_at is not None,
    )


def picks_of(picks: Sequence[int] | None, count: int) -> list[int]:
    """Validated 1-based picks, in order, without repeats."""
    if picks is None:
        return list(range(1, count + 1))
    if not count:
        raise InvalidInput("This proposal has no candidates to pick.")
    if not picks:
        raise InvalidInput(f"Pick at least one number from 1 to {count}.")
    for pick in picks:
        if isinstance(pick, bool) or not isinstance(pick, int) or not 1 <= pick <= count:
            raise InvalidInput(f"Pick numbers from 1 to {count}; “{pick}” is not one.")
    return list(dict.fromkeys(picks))


def from_candidate(
    candidate: Candidate, chat_id: int, source: SourceRow, *, by: str, now: datetime
) -> CommitmentRow:
    """A new open commitment quoting `candidate` from `source`."""
    return CommitmentRow(
        chat_id=chat_id,
        source=source,
        actors=list(check.actors(candidate.actors)),
        action=candidate.action,
        kind=candidate.kind.value,
        quote=candidate.quote,
        span_start=candidate.start,
        span_end=candidate.end,
        deadline=candidate.deadline,
        deadline_text=candidate.deadline_text,
        deadline_value=candidate.deadline_value,
        due=candidate.due,
        due_basis=candidate.due_basis.value,
        status=Status.OPEN.value,
        created_by=by,
        created_at=now,
    )


def guess(text: str, *, today: date, horizons: Horizons) -> Candidate | None:
    """The first candidate extract() finds in a typed statement (published = today)."""
    from tracker.extract import extract

    found = extract(
        text,
        published=today,
        published_basis=PublishedBasis.GIVEN,
        fallback_ref=today,
        horizons=horizons,
    )
    return found.commitments[0] if found.commitments else None


def set_deadline(
    row: CommitmentRow, text: str | None, guess: Candidate | None, *, today: date, horizon: int
) -> None:
    """Due date from the typed deadline (stripped, None if blank), else the statement's own
    deadline, else the horizon."""
    if text is not None:
        from tracker.deadlines import parse_deadline

        parsed = parse_deadline(text, ref=today)
        if parsed is None:
            raise InvalidDeadline(f"I can't read “{text}” as a deadline.")
        row.deadline, row.deadline_value = parsed
        row.deadline_text = text
    elif guess is not None and guess.due_basis is DueBasis.DEADLINE:
        row.deadline, row.deadline_text = guess.deadline, guess.deadline_text
        row.deadline_value = guess.deadline_value
    elif found := deadline_in(row.quote, today=today):
        row.deadline_text, (row.deadline, row.deadline_value) = found
    if row.deadline is not None:
        row.due, row.due_basis = row.deadline, DueBasis.DEADLINE.value
    else:
        row.due, row.due_basis = today + timedelta(days=horizon), DueBasis.DEFAULT.value


def deadline_in(text: str, *, today: date) -> tuple[str, tuple[date, str]] | None:
    """The first time expression in a typed statement that names a day from today on, as
    (its text, (date, value)): "Ship v3 tomorrow at 9am" is due tomorrow."""
    from tracker.deadlines import parse_deadline
    from tracker.timex import find_timexes

    for timex in find_timexes(text, ref=today):
        found = parse_deadline(timex.text, ref=today)
        if found is not None and found[0] >= today:
            return timex.text, found
    return None


def import_into(
    repo: Repository, chat_id: int, rows: Sequence[RowIn], *, chat: ChatSettings, now: datetime
) -> int:
    """Write validated rows and return how many were new.

    A row is skipped when the chat already tracks its (source, span), or a commitment with
    the same quote, creator and creation time: importing an export twice adds nothing.
    """
    wanted = [r.source for r in rows if r.source is not None]
    sources = _import_sources(repo, wanted, now=now)
    spans = repo.keys_for_sources(chat_id, {s.id for s in sources.values()})
    names = repo.natural_keys(chat_id, {r.created_at for r in rows})
    added = 0
    for row in rows:
        source = None if row.source is None else sources[row.source.key]
        span = None if source is None or row.span is None else (source.id, *row.span)
        name = (row.created_at.astimezone(UTC), row.created_by, row.quote)
        if span in spans or name in names:
            continue
        if span is not None:
            spans.add(span)
        names.add(name)
        repo.session.add(_imported(row, chat_id, source, chat=chat))
        added += 1
    repo.session.flush()
    return added


def _import_sources(
    repo: Repository, wanted: Sequence[SourceIn], *, now: datetime
) -> dict[str, SourceRow]:
    found: dict[str, SourceRow] = {}
    for src in wanted:
        if src.key in found:
            continue
        row = repo.source_by_hash(src.key)
        if row is None:
            row = SourceRow(content_hash=src.key, text=src.text, url=src.url, title=src.title)
            row.publisher, row.published = src.publisher, src.published
            row.published_basis = src.published_basis.value
            row.created_at = now
            repo.add(row)
        found[src.key] = row
    return found


def _imported(
    row: RowIn, chat_id: int, source: SourceRow | None, *, chat: ChatSettings
) -> CommitmentRow:
    """A new commitment row with its verdict and due-change history."""
    local = local_today(chat.timezone, now=row.created_at)
    due = row.due or local + timedelta(days=chat.horizons.days(row.kind))
    commitment = CommitmentRow(
        chat_id=chat_id,
        source=source,
        actors=list(row.actors),
        action=row.action,
        kind=row.kind.value,
        quote=row.quote,
        span_start=None if row.span is None else row.span[0],
        span_end=None if row.span is None else row.span[1],
        deadline=row.deadline,
        deadline_text=row.deadline_text,
        deadline_value=row.deadline_value,
        due=due,
        due_basis=row.due_basis.value if row.due else DueBasis.DEFAULT.value,
        status=row.verdicts[-1].status.value if row.verdicts else Status.OPEN.value,
        created_by=row.created_by,
        created_at=row.created_at,
    )
    commitment.verdicts = [
        VerdictRow(
            status=v.status.value, at=v.at, by=v.by, evidence_url=v.evidence_url, note=v.note
        )
        for v in row.verdicts
    ]
    commitment.due_changes = [
        DueChangeRow(
            at=c.at, by=c.by, old_due=c.old_due, old_basis=c.old_basis.value, new_due=c.new_due
        )
        for c in row.due_changes
    ]
    commitment.untracked_at = row.untracked_at
    commitment.edits = [
        EditRow(at=e.at, by=e.by, field=e.field.value, old_value=e.old, new_value=e.new)
        for e in row.edits
    ]
    return commitment
