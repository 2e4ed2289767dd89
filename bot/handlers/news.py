"""Followed news: /follow, /feeds, /unfollow, the "move the due date" and prefilled verdict
buttons under links from later articles, and the poll pass of the dispatch tick."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Update

from bot import views
from bot.context import Ctx
from bot.handlers.verdicts import judge_refusal
from bot.news import keyboards
from bot.news import views as news_views
from bot.replies import by, call, chat_of, message_of, payload, pressed, query_of, reply
from tracker.news import Link

logger = logging.getLogger(__name__)


async def follow(update: Update, context: Ctx) -> None:
    """/follow URL [auto]: follow a feed; auto tracks candidates with an explicit deadline."""
    words = payload(message_of(update)).split()
    if not words or len(words) > 2 or (len(words) == 2 and words[1].lower() != "auto"):
        await reply(update, news_views.FOLLOW_USAGE)
        return
    feed = await call(
        context.tracker.follow, chat_of(update).id, words[0], auto=len(words) == 2,
        by=by(update), now=context.now(),
    )  # fmt: skip
    await reply(update, news_views.followed(feed))


async def feeds(update: Update, context: Ctx) -> None:
    """/feeds: the chat's feeds with their last check and errors."""
    found = await call(context.tracker.feeds, chat_of(update).id)
    await reply(update, news_views.feeds(found))


async def unfollow(update: Update, context: Ctx) -> None:
    """/unfollow N: stop following feed N of /feeds."""
    word = payload(message_of(update)).strip()
    if not word.isdigit():
        await reply(update, news_views.UNFOLLOW_USAGE)
        return
    gone = await call(context.tracker.unfollow, chat_of(update).id, int(word))
    await reply(update, news_views.unfollowed(gone))


async def link_button(update: Update, context: Ctx) -> None:
    """A "move due date" or prefilled verdict button under a link (re-checked on the server:
    the link must belong to this chat; a verdict follows the chat's rule on who judges)."""
    action = await pressed(
        update, keyboards.LinkAction, guard=_judging_guard(context), parse=keyboards.parse
    )
    if isinstance(action, keyboards.MoveDue | keyboards.LinkVerdict):
        link = await call(context.tracker.get_link, chat_of(update).id, action.link_id)
        await _act_on_link(update, context, action, link)


def _judging_guard(context: Ctx) -> Callable[[Update], Awaitable[str | None]]:
    """Prefilled verdict buttons are verdicts: the same rule as the check-in's buttons."""

    async def refusal(update: Update) -> str | None:
        if isinstance(keyboards.parse(query_of(update).data), keyboards.LinkVerdict):
            return await judge_refusal(update, context)
        return None

    return refusal


async def _act_on_link(
    update: Update, context: Ctx, action: keyboards.MoveDue | keyboards.LinkVerdict, link: Link
) -> None:
    """Move the item's due date to the link's, or record the prefilled verdict with the link
    as its evidence."""
    chat_id, tracker = chat_of(update).id, context.tracker
    if isinstance(action, keyboards.MoveDue) and link.new_deadline is not None:
        item = await call(
            tracker.set_due, chat_id, link.number, link.new_deadline, by=by(update),
            now=context.now(),
        )  # fmt: skip
        await reply(update, f"Due date moved: {views.line(item)}")
    elif isinstance(action, keyboards.LinkVerdict):
        item = await call(
            tracker.record_verdict, chat_id, link.number, action.status, by=by(update),
            now=context.now(), evidence_url=link.source.url, note=link.quote[:1000],
        )  # fmt: skip
        await reply(update, f"Recorded: {views.line(item)}")
