"""Proposals (mixed into `Tracker`): extract candidates from an article, store them once per
source, and track the candidates a user picks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tracker import checks as check
from tracker.domain import (
    Article,
    Candidate,
    Commitment,
    Extraction,
    Proposal,
    PublishedBasis,
    Settled,
    Source,
)
from tracker.errors import InvalidInput
from tracker.services.base import TrackerBase
from tracker.services.followup import ensure_chat
from tracker.services.ledger import Reading, from_candidate, picks_of, proposal_of, stored_source
from tracker.services.rows import candidate_from_record, candidate_record
from tracker.store.models import ProposalRow, SourceRow
from tracker.store.repository import Repository


class ProposalsMixin(TrackerBase):
    """The proposal use cases."""

    def propose(self, chat_id: int, article: Article, *, now: datetime) -> Proposal:
        """Extract candidates from an article, store its source (once) and the proposal."""
        _readable(article)
        now = check.aware(now)
        key = check.content_hash(article.text)
        chat, known = self._run(lambda repo: (self._chat(repo, chat_id), repo.source_by_hash(key)))
        # Extract outside any transaction: on SQLite a write transaction blocks other writers.
        today, budget = self._today(chat, now), self._deadline()
        reading = Reading(known, article, today=today, horizons=chat.horizons, deadline=budget)
        return self._run(
            lambda repo: self._store_proposal(repo, chat_id, reading, now), retry=True
        )

    def read_article(self, chat_id: int, article: Article, *, now: datetime) -> Extraction:
        """What `track_article` would find in the article; nothing is stored."""
        _readable(article)
        chat = self._run(lambda repo: self._chat(repo, chat_id))
        return Reading(
            None, article, today=self._today(chat, now), horizons=chat.horizons,
            deadline=self._deadline(),
        ).found  # fmt: skip

    def track_article(
        self,
        chat_id: int,
        article: Article,
        picks: Sequence[int] | None,
        *,
        by: str,
        now: datetime,
    ) -> tuple[Source, tuple[Candidate, ...], list[Commitment]]:
        """Store the article's source and track the picked candidates (1-based; None = all)
        in one transaction, with no proposal row: a refused pick or an interruption stores
        nothing, and tracking the same article again adds nothing."""
        _readable(article)
        by, now = check.label(by), check.aware(now)
        key = check.content_hash(article.text)
        chat, known = self._run(lambda repo: (self._chat(repo, chat_id), repo.source_by_hash(key)))
        today, budget = self._today(chat, now), self._deadline()
        reading = Reading(known, article, today=today, horizons=chat.horizons, deadline=budget)

        def work(repo: Repository) -> tuple[Source, tuple[Candidate, ...], list[Commitment]]:
            source = stored_source(repo, reading.article, now=now)
            found = reading.of(source)
            _date_source(source, found)
            candidates = found.commitments
            chosen = picks_of(picks, len(candidates)) if candidates else []
            ensure_chat(repo, self._chat(repo, chat_id), now=now)
            tracked = repo.tracked_spans(chat_id, source.id) if source.id else {}
            result = []
            for index in chosen:
                candidate = candidates[index - 1]
                row = tracked.get(candidate.span)
                if row is None:
                    row = from_candidate(candidate, chat_id, source, by=by, now=now)
                    repo.add(row)
                    tracked[candidate.span] = row
                result.append(row)
            repo.session.flush()
            return source.snapshot(), candidates, [r.snapshot() for r in result]

        return self._run(work, retry=True)

    def _store_proposal(
        self, repo: Repository, chat_id: int, reading: Reading, now: datetime
    ) -> Proposal:
        source = stored_source(repo, reading.article, now=now)
        found = reading.of(source)  # re-reads only if a racing writer stored other text first
        _date_source(source, found)
        records = [candidate_record(c) for c in found.commitments]
        row = ProposalRow(chat_id=chat_id, source=source, candidates=records, created_at=now)
        repo.add(row)
        return proposal_of(repo, row)

    def get_proposal(self, chat_id: int, proposal_id: int) -> Proposal:
        """A stored proposal of this chat with the indices already tracked."""
        return self._run(lambda repo: proposal_of(repo, repo.proposal(chat_id, proposal_id)))

    def accept(
        self,
        chat_id: int,
        proposal_id: int,
        picks: Sequence[int] | None,
        *,
        by: str,
        now: datetime,
    ) -> list[Commitment]:
        """Track the picked candidates (1-based; None = all); picking one twice is a no-op."""
        by, now = check.label(by), check.aware(now)

        def work(repo: Repository) -> list[Commitment]:
            proposal = repo.proposal(chat_id, proposal_id)
            return [item for item, _ in self._accept(repo, proposal, picks, by=by, now=now)]

        return self._run(work, retry=True)

    def settle(
        self,
        chat_id: int,
        proposal_id: int,
        picks: Sequence[int] | None,
        *,
        drop: bool = False,
        by: str,
        now: datetime,
    ) -> Settled | None:
        """A button under a proposal: track the picks (None = all) or drop them, and close the
        proposal. None when it was already closed: a later press changes nothing."""
        by, now = check.label(by), check.aware(now)

        def work(repo: Repository) -> Settled | None:
            proposal = repo.proposal(chat_id, proposal_id, lock=True)  # one press wins
            if proposal.closed_at is not None:
                return None
            proposal.closed_at = now
            if drop:
                return Settled(new=(), known=(), dropped=True)
            done = self._accept(repo, proposal, picks, by=by, now=now)
            new = tuple(item for item, fresh in done if fresh)
            return Settled(new=new, known=tuple(item for item, fresh in done if not fresh))

        return self._run(work, retry=True)

    def _accept(
        self,
        repo: Repository,
        proposal: ProposalRow,
        picks: Sequence[int] | None,
        *,
        by: str,
        now: datetime,
    ) -> list[tuple[Commitment, bool]]:
        """Each pick's commitment, in pick order, and whether it is new (tracking one twice is
        a no-op)."""
        chat_id = proposal.chat_id
        chosen = picks_of(picks, len(proposal.candidates))
        ensure_chat(repo, self._chat(repo, chat_id), now=now)
        tracked = repo.tracked_spans(chat_id, proposal.source_id)
        done = []
        for index in chosen:
            candidate = candidate_from_record(proposal.candidates[index - 1])
            row = tracked.get(candidate.span)
            fresh = row is None
            if row is None:
                row = from_candidate(candidate, chat_id, proposal.source, by=by, now=now)
                repo.add(row)
                tracked[candidate.span] = row
            done.append((row.snapshot(), fresh))
        return done


def _date_source(source: SourceRow, found: Extraction) -> None:
    """A source without a publication date takes the one its reading established."""
    if source.published is None and found.published is not None:
        source.published = found.published
        source.published_basis = PublishedBasis(found.published_basis).value


def _readable(article: Article) -> None:
    """An article with text that can be stored (no NUL, no bytes that were not UTF-8)."""
    if not article.text.strip():
        raise InvalidInput("The article has no text.")
    check.storable(article.text)
