"""Use cases of links from later articles: read an article against a chat's open commitments
and store what it says of them; list a commitment's links; the moved deadlines to ask about
and the reports to offer as evidence. A link never records a verdict by itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from tracker import checks as check
from tracker.domain import Article, Proposal
from tracker.errors import NotFound
from tracker.extract.published import find_published
from tracker.links import Found, Tracked, find_links
from tracker.news import Link
from tracker.services.feed_outbox import queue_report
from tracker.services.ledger import stored_source
from tracker.services.proposals import ProposalsMixin
from tracker.store import feeds as q
from tracker.store.models import CommitmentRow
from tracker.store.news import LinkRow
from tracker.store.repository import Repository
from tracker.store.upsert import insert_ignore


def _tracked(row: CommitmentRow) -> Tracked:
    published = row.source.published if row.source else row.created_at.date()
    return Tracked(row.id, tuple(row.actors), row.action, row.quote, row.deadline, published)


class LinksMixin(ProposalsMixin):
    """Links from later articles to tracked commitments (mixed into `Tracker`): every article
    proposed to a chat is also read against the chat's open commitments."""

    def propose(self, chat_id: int, article: Article, *, now: datetime) -> Proposal:
        """Extract candidates from an article (ProposalsMixin.propose) and store its links."""
        return self.read(chat_id, article, now=now)[0]

    def read(
        self, chat_id: int, article: Article, *, now: datetime
    ) -> tuple[Proposal, list[Link]]:
        """Propose the article's candidates and link it to the chat's open commitments."""
        proposal = super().propose(chat_id, article, now=now)
        dated = replace(article, published=article.published or proposal.source.published)
        return proposal, self.link(chat_id, dated, now=now)[1]

    def link(self, chat_id: int, article: Article, *, now: datetime) -> tuple[date, list[Link]]:
        """Read `article` against the chat's open commitments, store its source and the links
        found (each once), and return its reference date and those links. Tracks nothing."""
        now = check.aware(now)
        if not article.text.strip():
            check.statement(article.text)  # raises the usual "no text" error
        chat, ledger = self._read(
            lambda repo: (
                self._chat(repo, chat_id),
                [_tracked(r) for r in q.open_commitments(repo.session, chat_id)],
            )
        )
        published = article.published or find_published(article.text) or self._today(chat, now)
        found = find_links(article.text, ledger, published=published)  # outside a transaction
        links = self._run(lambda repo: self._store_links(repo, article, found, now), retry=True)
        return published, links

    def _store_links(
        self, repo: Repository, article: Article, found: Sequence[Found], now: datetime
    ) -> list[Link]:
        source = stored_source(repo, article, now=now)
        ids = sorted({f.commitment for f in found})
        # a commitment's own article says nothing new about it
        own = {r.id for r in q.commitments_from(repo.session, ids, source_id=source.id)}
        rows = [
            {"commitment_id": f.commitment, "source_id": source.id, "relation": f.relation.value,
             "quote": f.quote, "span_start": f.start, "span_end": f.end,
             "new_deadline": f.new_deadline, "confidence": f.confidence, "created_at": now}
            for f in found
            if f.commitment not in own
        ]  # fmt: skip
        insert_ignore(repo.session, LinkRow, rows, keys=["commitment_id", "source_id", "relation"])
        return [
            q.link_snapshot(r) for r in q.link_rows(repo.session, ids) if r.source_id == source.id
        ]

    def links(self, chat_id: int, number: int) -> list[Link]:
        """The links of the chat's item `number`, oldest first (NotFound when it has none)."""

        def work(repo: Repository) -> list[Link]:
            row = repo.commitment(chat_id, number)
            return [q.link_snapshot(r) for r in q.link_rows(repo.session, [row.id])]

        return self._run(work)

    def get_link(self, chat_id: int, link_id: int) -> Link:
        """One link of the chat (NotFound when it is another chat's or unknown)."""

        def work(repo: Repository) -> Link:
            row = repo.session.get(LinkRow, link_id) if 0 < link_id < 2**31 else None
            # NotFound for an unknown link exactly as for another chat's
            if row is None or row.commitment.chat_id != chat_id:
                raise NotFound("That suggestion is not for this chat (or no longer exists).")
            return q.link_snapshot(row)

        return self._run(work)

    def queue_offers(self, *, now: datetime) -> int:
        """Queue in the outbox, as suggested evidence, every report not yet offered whose
        commitment is due or overdue in its chat today (marked offered in the same
        transaction, so each is offered once); returns rows queued."""
        now = check.aware(now)

        def work(repo: Repository) -> int:
            queued = 0
            for row in q.unoffered_reports(repo.session):
                chat = self._chat(repo, row.commitment.chat_id)
                if row.commitment.due <= self._today(chat, now) and chat.active:
                    queued += queue_report(repo, chat.chat_id, row, now=now)
            return queued

        return self._run(work)
