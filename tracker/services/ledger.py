"""Row-building steps of the services: sources (stored once), proposals, picks, candidates
turned into commitments, due dates from deadlines or horizons, and bulk import writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from tracker import checks as check
from tracker.domain import (
    Article,
    Candidate,
    DueBasis,
    Extraction,
    Horizons,
    Proposal,
    PublishedBasis,
    Status,
)
from tracker.errors import InvalidDeadline, InvalidInput
from tracker.extract.budget import Deadline
from tracker.services.rows import candidate_from_record
from tracker.store.models import CommitmentRow, ProposalRow, SourceRow
from tracker.store.repository import Repository

MAX_SHOWN = 80  # characters of a refused deadline quoted back


class Reading:
    """extract() run on an article before its source is stored, re-run if the text differs."""

    def __init__(
        self,
        known: SourceRow | None,
        article: Article,
        *,
        today: date,
        horizons: Horizons,
        deadline: Deadline | None = None,
    ) -> None:
        self.article, self.today, self.horizons = article, today, horizons
        self.deadline = deadline
        self.text = article.text if known is None else known.text
        self.url = (known.url if known is not None else None) or article.url
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
            deadline=self.deadline,
            source_url=self.url,
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


def guess(
    text: str, *, today: date, horizons: Horizons, deadline: Deadline | None = None
) -> Candidate | None:
    """The first candidate extract() finds in a typed statement (published = today)."""
    from tracker.extract import extract

    found = extract(
        text,
        published=today,
        published_basis=PublishedBasis.GIVEN,
        fallback_ref=today,
        horizons=horizons,
        deadline=deadline,
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
            shown = text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
            raise InvalidDeadline(f"I can't read “{shown}” as a deadline.")
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
