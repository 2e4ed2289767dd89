"""The feed part of the dispatch pass: poll the feeds due now (claimed through the database),
send each chat one message for what its feeds brought, and offer reports as suggested evidence
once their commitment is due."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot import views
from bot.context import Clock
from bot.news import keyboards
from bot.news import views as news_views
from bot.replies import call
from tracker.fetch import FeedPage, fetch_feed
from tracker.links import Relation
from tracker.news import FeedBatch
from tracker.services import Tracker
from tracker.services.dispatch import worker_id
from tracker.services.feeds import FetchFeed

logger = logging.getLogger(__name__)
WORKER = worker_id()


def default_fetch_feed(url: str, etag: str | None, last_modified: str | None) -> FeedPage:
    """Fetch a feed under the URL policy (no private addresses)."""
    return fetch_feed(url, etag=etag, last_modified=last_modified)


async def poll(
    bot: Bot, tracker: Tracker, *, clock: Clock, fetch: FetchFeed = default_fetch_feed
) -> int:
    """Poll due feeds, send one message per chat, offer due evidence; messages sent."""
    now = clock()
    sent = 0
    for batch in await call(tracker.poll_feeds, fetch, now=now, worker=WORKER):
        sent += await _send_batch(bot, tracker, batch, now=now)
    for chat_id, link in await call(tracker.reports_to_offer, now=now):
        if await _send(bot, chat_id, news_views.suggestion(link), keyboards.evidence(link)):
            await call(tracker.mark_offered, [link.id], now=now)
            sent += 1
    return sent


async def _send_batch(bot: Bot, tracker: Tracker, batch: FeedBatch, *, now: datetime) -> int:
    moves = [k for k in batch.links if k.relation is Relation.MOVES_DEADLINE]
    markup = keyboards.batch(batch.proposals, moves)
    if not await _send(bot, batch.chat_id, news_views.batch(batch), markup):
        return 0
    await call(
        tracker.mark_offered, [k.id for k in batch.links if not k.relation.reports], now=now
    )
    return 1


async def _send(bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    parts = views.split_message(text)
    try:
        for part in parts[:-1]:
            await bot.send_message(chat_id, part)
        await bot.send_message(chat_id, parts[-1], reply_markup=markup)
    except TelegramError:
        logger.warning("could not send feed news to chat %s", chat_id, exc_info=True)
        return False
    return True
