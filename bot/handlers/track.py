"""Tracking articles: /track, links and articles sent or forwarded, and the proposal buttons."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from telegram import Chat, Message, Update

from bot import forms, keyboards, views
from bot.context import Ctx, Fetch
from bot.handlers.basic import unknown
from bot.handlers.items import retrack
from bot.handlers.verdicts import evidence
from bot.keyboards import TrackAction
from bot.replies import (
    button_action,
    by,
    call,
    chat_of,
    message_of,
    payload,
    query_of,
    reply,
    typing,
)
from tracker.checks import find_url
from tracker.domain import Proposal, PublishedBasis
from tracker.errors import InvalidInput
from tracker.fetch import article_from_text
from tracker.phrases.reminders import looks_like_reminder
from tracker.services import Tracker

MIN_ARTICLE_CHARS = 200  # shorter stray text is chat, not an article
_OTHER_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*://\S+")  # a lone link of another scheme


async def track(update: Update, context: Ctx) -> None:
    """/track <link or text>, or /track in reply to an article: offer its commitments."""
    message = message_of(update)
    # With privacy mode on, a group bot never sees the article itself, only a reply to it.
    quoted = message.reply_to_message
    text = payload(message) or (payload(quoted) if quoted else "")
    if not text:
        await reply(update, views.TRACK_USAGE)
    elif forms.is_number(text):  # /track 12: an untracked item, tracked again
        await retrack(update, context, forms.commitment_id(text))
    else:
        await offer(update, context, text, posted=_posted(quoted or message))


async def text_message(update: Update, context: Ctx) -> None:
    """Plain text: an evidence answer, an article or link to track, or a hint."""
    message = message_of(update)
    if await evidence(update, context):
        return
    if _looks_like_article(message):
        await offer(update, context, payload(message), posted=_posted(message))
    elif looks_like_reminder(payload(message)) and message.chat.type == Chat.PRIVATE:
        await reply(update, views.REMINDER_HINT)
    else:
        await unknown(update, context)


def _looks_like_article(message: Message) -> bool:
    if message.chat.type != Chat.PRIVATE and message.forward_origin is None:
        return False  # in groups only forwards count: people chat with links all the time
    text = message.text or message.caption or ""
    return (
        message.forward_origin is not None
        or bool(find_url(text))
        or (len(text) >= MIN_ARTICLE_CHARS)
    )


def _posted(message: Message) -> date | None:
    """When a forwarded post was first published: its best publication date."""
    origin = message.forward_origin
    return origin.date.date() if origin is not None else None


async def offer(update: Update, context: Ctx, text: str, *, posted: date | None = None) -> None:
    """Read the article (fetching a lone link), store a proposal and show it with buttons."""
    await typing(update)
    chat_id, now = chat_of(update).id, context.now()
    found = await call(
        _propose, context.tracker, context.fetch, chat_id, text, now=now, posted=posted
    )
    await reply(update, views.proposal(found), markup=keyboards.proposal(found))


def _propose(
    tracker: Tracker, fetch: Fetch, chat_id: int, text: str, *, now: datetime, posted: date | None
) -> Proposal:
    url = find_url(text)
    if url is None and _OTHER_SCHEME.fullmatch(text.strip()):
        raise InvalidInput("I only read http(s) links; send an http:// or https:// address.")
    if url and len(text) < MIN_ARTICLE_CHARS:
        article = fetch(url, now=now)
    else:
        article = article_from_text(text, ref=posted or now.date())
        if posted and article.published is None:  # no byline: the post's own date is best
            article = replace(article, published=posted, published_basis=PublishedBasis.GIVEN)
    return tracker.propose(chat_id, article, now=now)


async def proposal_button(update: Update, context: Ctx) -> None:
    """Track all / pick / toggle / save picked / drop under a proposal; once it is saved or
    dropped, its old buttons only answer "Already handled" and edit nothing."""
    query, action = button_action(update, TrackAction)
    if action is None or (action.op == "s" and not action.mask):
        await query.answer(views.STALE_BUTTON if action is None else views.PICK_SOME)
    elif action.op == "p":
        await _toggle(update, context, action)
    else:
        await _settle(update, context, action)


async def _toggle(update: Update, context: Ctx, action: TrackAction) -> None:
    """Redraw the picker with one candidate toggled (unless the proposal is closed)."""
    query = query_of(update)
    found = await call(context.tracker.get_proposal, chat_of(update).id, action.proposal_id)
    await query.answer(views.ALREADY_HANDLED if found.closed else None)
    if not found.closed:
        markup = keyboards.picker(action.proposal_id, size=action.size, mask=action.mask)
        await query.edit_message_reply_markup(markup)


async def _settle(update: Update, context: Ctx, action: TrackAction) -> None:
    """Accept all or the picked candidates, or drop them, closing the proposal; then remove
    the buttons. A press on a closed proposal changes nothing."""
    picks = keyboards.picks(action.mask) if action.op == "s" else None
    kwargs = {"drop": action.op == "d", "by": by(update), "now": context.now()}
    chat_id, query = chat_of(update).id, query_of(update)
    done = await call(context.tracker.settle, chat_id, action.proposal_id, picks, **kwargs)
    await query.answer(views.settled_toast(done))
    if done is not None:
        await query.edit_message_reply_markup(None)
        await reply(update, views.settled(done))
