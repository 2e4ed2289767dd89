"""Follow-ups on Telegram: the JobQueue tick, and the `Send` port of tracker.dispatch: render a
claimed notification, send it, and turn Bot API errors into delivery outcomes."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from telegram import Bot, Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot import keyboards, views
from bot.context import Clock, Ctx
from bot.views import followup as views_followup
from tracker.notifications import (
    ChatGone,
    ChatMoved,
    Delivered,
    Delivery,
    NoticeKind,
    Notification,
    Rejected,
    RetryLater,
)
from tracker.services.dispatch import CHAT_GAP, Outbox, PassReport, Send, run_pass, worker_id

logger = logging.getLogger(__name__)
WORKER = worker_id()  # one per process: claimed_by shows who holds a lease
_GONE = ("chat not found", "bot was kicked", "user is deactivated", "have no rights to send")


def telegram_sender(bot: Bot, *, clock: Clock, gap: float = CHAT_GAP) -> Send:
    """The Send port over `bot`: every Bot API error becomes a Delivery outcome; `gap` seconds
    separate the parts of one notification (one message per second per chat)."""

    async def send(note: Notification) -> Delivery:
        try:
            sent = await _deliver(bot, note, clock=clock, gap=gap)
        except TelegramError as err:
            return _outcome(err)
        return Delivered(sent.message_id)

    return send


def _outcome(err: TelegramError) -> Delivery:
    """What a Bot API error means for the notification being sent."""
    if isinstance(err, ChatMigrated):  # the group became a supergroup: the pass moves the chat
        return ChatMoved(err.message, new_chat_id=int(err.new_chat_id))
    if isinstance(err, RetryAfter):  # still flooded after AIORateLimiter's own retries
        return RetryLater(err.message, after=_seconds(err.retry_after))
    if isinstance(err, Forbidden):
        return ChatGone(err.message)
    if isinstance(err, BadRequest):  # before NetworkError, its base class
        gone = any(text in err.message.lower() for text in _GONE)
        return ChatGone(err.message) if gone else Rejected(err.message)
    # NetworkError (timeouts, connection errors, 5xx) and anything unexpected: retried, then
    # failed after N tries
    return RetryLater(f"{type(err).__name__}: {err.message}")


def _seconds(value: Any) -> timedelta:
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


async def _deliver(bot: Bot, note: Notification, *, clock: Clock, gap: float) -> Message:
    """Send one notification; the last message sent is returned."""
    if note.kind is NoticeKind.CHECKIN:
        assert note.commitment is not None  # claim_notifications fills it for check-ins
        today = views.local_date(clock(), note.timezone)
        text = views_followup.checkin(note.commitment, today=today)
        markup = keyboards.checkin(note.commitment.number)
        return await bot.send_message(note.chat_id, text, reply_markup=markup)
    if note.kind is NoticeKind.DIGEST:
        assert note.digest is not None
        text = views_followup.digest(note.digest, bot=bot.username)
        return await _send_text(bot, note.chat_id, text, gap=gap)
    assert note.summary is not None
    from tracker.chart import render_summary  # matplotlib only when a summary is due

    png = await asyncio.to_thread(render_summary, note.summary.stats)
    caption = views_followup.summary_caption(note.summary)
    photo = await bot.send_photo(note.chat_id, png, caption=caption)
    details = views_followup.summary_details(note.summary)
    if details is None:
        return photo
    await asyncio.sleep(gap)
    return await _send_text(bot, note.chat_id, details, gap=gap)


async def _send_text(bot: Bot, chat_id: int, text: str, *, gap: float) -> Message:
    sent = None
    for index, part in enumerate(views.split_message(text)):
        if index:
            await asyncio.sleep(gap)
        sent = await bot.send_message(chat_id, part)
    assert sent is not None  # split_message returns at least one part
    return sent


async def dispatch(
    bot: Bot, outbox: Outbox, *, clock: Clock, chat_gap: float = CHAT_GAP
) -> PassReport:
    """One full pass: plan what is due at clock() and send it all."""
    send = telegram_sender(bot, clock=clock, gap=chat_gap)
    report = await run_pass(outbox, send, clock=clock, worker=WORKER, chat_gap=chat_gap)
    if report.planned or report.sent or report.retried or report.chats_gone or report.chats_moved:
        logger.info("dispatch pass: %s", report)
    return report


async def tick(context: Ctx) -> None:
    """JobQueue callback: one dispatch pass (the database is the schedule)."""
    await dispatch(context.bot, context.tracker, clock=context.clock)
