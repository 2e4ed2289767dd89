"""The feed part of the dispatch pass: poll the feeds due now (claimed through the database)
and queue in the outbox one message per chat for what its feeds brought, and the reports now
due as suggested evidence; the dispatch pass sends them (`message` renders one)."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup

from bot.context import Clock
from bot.news import keyboards
from bot.news import views as news_views
from bot.replies import call
from tracker.fetch import FeedPage, fetch_feed
from tracker.links import Relation
from tracker.news import FeedBatch
from tracker.notifications import Notification
from tracker.services import Tracker
from tracker.services.dispatch import worker_id
from tracker.services.feeds import FetchFeed

logger = logging.getLogger(__name__)
WORKER = worker_id()


def default_fetch_feed(url: str, etag: str | None, last_modified: str | None) -> FeedPage:
    """Fetch a feed under the URL policy (no private addresses)."""
    return fetch_feed(url, etag=etag, last_modified=last_modified)


async def poll(tracker: Tracker, *, clock: Clock, fetch: FetchFeed = default_fetch_feed) -> int:
    """Poll due feeds and queue one message per chat, then queue the evidence now due;
    returns the chats with news (a dispatch pass sends every queued message)."""
    now = clock()
    batches = await call(tracker.poll_feeds, fetch, now=now, worker=WORKER)
    await call(tracker.queue_offers, now=now)
    return len(batches)


def message(note: Notification) -> tuple[str, InlineKeyboardMarkup | None]:
    """The text and buttons of a claimed feed message (a batch or suggested evidence)."""
    if note.link is not None:
        return news_views.suggestion(note.link), keyboards.evidence(note.link)
    assert note.news is not None  # a news row's snapshot carries its batch
    return news_views.batch(note.news), _batch_buttons(note.news)


def _batch_buttons(batch: FeedBatch) -> InlineKeyboardMarkup | None:
    moves = [k for k in batch.links if k.relation is Relation.MOVES_DEADLINE]
    return keyboards.batch(batch.proposals, moves)
