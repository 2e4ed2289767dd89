"""Feed messages in the outbox: what a feed poll brought a chat (`news`) and a report offered
as suggested evidence (`evidence`) become outbox rows, queued in the transaction that records
them; a claimed row becomes its snapshot again, loaded by id when it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tracker.domain import Status
from tracker.news import Feed, FeedBatch, Link, reaches_telegram
from tracker.notifications import NoticeKind, Notification
from tracker.services.ledger import proposal_of
from tracker.store import feeds as q
from tracker.store.followup import enqueue
from tracker.store.models import ProposalRow
from tracker.store.news import LinkRow
from tracker.store.outbox import notice_base, outbox_row
from tracker.store.repository import Repository

FEED_KINDS = frozenset({NoticeKind.NEWS, NoticeKind.EVIDENCE})


def news_key(chat_id: int, feed_id: int, now: datetime) -> str:
    """One poll of a chat's feeds: a feed is polled at most once per interval, so the chat,
    the first feed polled and the instant name the batch."""
    return f"news:{chat_id}:{feed_id}:{now.strftime('%Y%m%dT%H%M%S.%f')}"


def queue_batch(repo: Repository, batch: FeedBatch, *, feed_id: int, now: datetime) -> int:
    """Queue a poll's batch for its chat (nothing for an inactive chat or the CLI's ledger)
    and mark the links it shows as offered; reports wait for their commitment's due date.
    Returns rows queued."""
    chat = repo.chat(batch.chat_id)
    if (chat is not None and not chat.active) or not reaches_telegram(batch.chat_id):
        return 0
    shown = [k.id for k in batch.links if not k.relation.reports]
    for row in q.links_by_id(repo.session, shown):
        row.offered_at = row.offered_at or now
    payload = {
        "proposals": [p.id for p in batch.proposals],
        "auto": list(batch.auto_tracked),
        "links": [k.id for k in batch.links],
        "failing": [_feed_json(f) for f in batch.failing],
    }
    key = news_key(batch.chat_id, feed_id, now)
    return enqueue(repo.session, [outbox_row(key, batch.chat_id, NoticeKind.NEWS, payload, now)])


def queue_report(repo: Repository, chat_id: int, link: LinkRow, *, now: datetime) -> int:
    """Queue a report as suggested evidence (once per link; never for the CLI's ledger) and
    mark it offered."""
    link.offered_at = link.offered_at or now
    if not reaches_telegram(chat_id):
        return 0
    key = f"evidence:{chat_id}:{link.id}"
    row = outbox_row(key, chat_id, NoticeKind.EVIDENCE, {"link": link.id}, now,
                     commitment_id=link.commitment_id)  # fmt: skip
    return enqueue(repo.session, [row])


def feed_notification(repo: Repository, row: Any) -> Notification | None:
    """The snapshot of a claimed news or evidence row; None when there is nothing left to say
    (every article and link gone, or the commitment resolved before the offer went out)."""
    base = notice_base(repo.session, row)
    if row.kind == NoticeKind.EVIDENCE:
        link = _offer(repo, int(row.payload["link"]))
        return None if link is None else Notification(**base, link=link)
    batch = _batch(repo, row.chat_id, row.payload)
    return None if batch.empty else Notification(**base, news=batch)


def _offer(repo: Repository, link_id: int) -> Link | None:
    row = repo.session.get(LinkRow, link_id)
    if row is None or Status(row.commitment.status).resolved:
        return None
    return None if row.commitment.untracked_at is not None else q.link_snapshot(row)


def _batch(repo: Repository, chat_id: int, p: dict[str, Any]) -> FeedBatch:
    found = {r.id: r for r in _proposals(repo, p["proposals"])}
    links = {r.id: r for r in q.links_by_id(repo.session, p["links"])}
    return FeedBatch(
        chat_id,
        proposals=tuple(proposal_of(repo, found[i]) for i in p["proposals"] if i in found),
        auto_tracked=tuple(int(n) for n in p["auto"]),
        links=tuple(q.link_snapshot(links[i]) for i in p["links"] if i in links),
        failing=tuple(_feed_of(chat_id, f) for f in p["failing"]),
    )


def _proposals(repo: Repository, ids: Sequence[int]) -> Sequence[ProposalRow]:
    if not ids:
        return []
    return [r for r in (repo.session.get(ProposalRow, i) for i in ids) if r is not None]


def _feed_json(feed: Feed) -> dict[str, Any]:
    return {"id": feed.id, "number": feed.number, "url": feed.url,
            "failures": feed.failures, "error": feed.last_error}  # fmt: skip


def _feed_of(chat_id: int, f: dict[str, Any]) -> Feed:
    """A failing feed as it was reported (it may have been unfollowed since)."""
    return Feed(
        id=int(f["id"]), chat_id=chat_id, url=str(f["url"]), auto=False,
        number=int(f["number"]), failures=int(f["failures"]), last_error=f["error"],
    )  # fmt: skip
