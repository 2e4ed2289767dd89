"""Outbox messages on Telegram (follow-ups and what feed polls bring): the JobQueue tick, and
the `Send` port of tracker.dispatch: render a claimed notification, send it, and turn Bot API
errors into delivery outcomes."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

import httpx
from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot import keyboards, views
from bot.context import Clock, Ctx
from bot.limiter import Reserved, SharedFloodLimiter, seconds
from bot.news.poll import message as news_message
from bot.news.poll import poll as poll_feeds
from bot.views import followup as views_followup
from tracker.notifications import (
    Ambiguous,
    ChatGone,
    ChatMoved,
    Delivered,
    Delivery,
    NoticeKind,
    Notification,
    Rejected,
    RetryLater,
)
from tracker.services.claims import LEASE
from tracker.services.dispatch import (
    CHAT_GAP,
    Outbox,
    PassReport,
    Reserve,
    Send,
    Ticket,
    run_pass,
    worker_id,
)

logger = logging.getLogger(__name__)
WORKER = worker_id()  # one per process: claimed_by shows who holds a lease
_GONE = ("chat not found", "bot was kicked", "user is deactivated", "have no rights to send")
# A follow-up waits this long for Telegram's answer (PTB's default is 5 s): a slow answer is
# not a failed send, and a send that stays unanswered is ambiguous, never resent at once.
SEND_TIMEOUT = 30.0
_NOT_SENT = (httpx.ConnectTimeout, httpx.PoolTimeout)  # the request never left: safe to retry


def telegram_sender(
    bot: Bot, *, clock: Clock, gap: float = CHAT_GAP, timeout: float = SEND_TIMEOUT
) -> Send:
    """The Send port over `bot`: every Bot API error becomes a Delivery outcome; `gap` seconds
    separate the parts of one notification (one message per second per chat); each send
    waits `timeout` seconds for its answer."""
    return _sender(bot, clock=clock, gap=gap, timeout=timeout, ahead=None)


def telegram_reserver(
    bot: Bot, limiter: SharedFloodLimiter, *, clock: Clock, gap: float = CHAT_GAP,
    timeout: float = SEND_TIMEOUT,
) -> Reserve:  # fmt: skip
    """The Reserve port: wait for a slot in the shared flood budget for a notification's
    first message; its ticket sends the notification through that slot."""

    async def reserve(note: Notification) -> Ticket:
        ahead = await limiter.reserve_ahead(note.chat_id)
        send = _sender(bot, clock=clock, gap=gap, timeout=timeout, ahead=ahead)
        return Ticket(send, lambda: limiter.fresh(ahead))

    return reserve


def _sender(bot: Bot, *, clock: Clock, gap: float, timeout: float, ahead: Reserved | None) -> Send:
    async def send(note: Notification) -> Delivery:
        try:
            sent = await _deliver(_Patient(bot, timeout, ahead), note, clock=clock, gap=gap)
        except TelegramError as err:
            return _outcome(err)
        return Delivered(sent.message_id)

    return send


class _Patient:
    """The sends of a follow-up with a longer read timeout; the first uses the slot reserved
    `ahead` (if any), the others reserve their own."""

    def __init__(self, bot: Bot, timeout: float, ahead: Reserved | None = None) -> None:
        self._bot, self._timeout, self._ahead = bot, timeout, ahead

    @property
    def username(self) -> str:
        return self._bot.username

    async def send_message(self, *args: Any, **kwargs: Any) -> Message:
        return await self._bot.send_message(*args, **self._options(kwargs))

    async def send_photo(self, *args: Any, **kwargs: Any) -> Message:
        return await self._bot.send_photo(*args, **self._options(kwargs))

    def _options(self, options: dict[str, Any]) -> dict[str, Any]:
        options["read_timeout"] = self._timeout
        if self._ahead is not None:
            options["rate_limit_args"], self._ahead = self._ahead, None
        return options


def _outcome(err: TelegramError) -> Delivery:
    """What a Bot API error means for the notification being sent."""
    if isinstance(err, TimedOut) and not isinstance(err.__cause__, _NOT_SENT):
        return Ambiguous(f"no answer within the read timeout ({err.message})")
    if isinstance(err, ChatMigrated):  # the group became a supergroup: the pass moves the chat
        return ChatMoved(err.message, new_chat_id=int(err.new_chat_id))
    if isinstance(err, RetryAfter):  # still flooded after the shared limiter's own retries
        return RetryLater(err.message, after=_seconds(err.retry_after))
    if isinstance(err, Forbidden):
        return ChatGone(err.message)
    if isinstance(err, BadRequest):  # before NetworkError, its base class
        gone = any(text in err.message.lower() for text in _GONE)
        return ChatGone(err.message) if gone else Rejected(err.message)
    # NetworkError (timeouts, connection errors, 5xx) and anything unexpected: retried, then
    # failed after N tries
    return RetryLater(f"{type(err).__name__}: {err.message}")


def _seconds(value: timedelta | float) -> timedelta:
    return timedelta(seconds=seconds(value))


async def _deliver(bot: _Patient, note: Notification, *, clock: Clock, gap: float) -> Message:
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
    if note.kind in (NoticeKind.NEWS, NoticeKind.EVIDENCE):
        news, buttons = news_message(note)
        return await _send_text(bot, note.chat_id, news, gap=gap, markup=buttons)
    return await _send_summary(bot, note, gap=gap)


async def _send_summary(bot: _Patient, note: Notification, *, gap: float) -> Message:
    """The chart with the overall figures as its caption, then the breakdown; the figures
    alone as text when nothing is tracked (no chart to draw)."""
    assert note.summary is not None
    from tracker.chart import render_summary  # matplotlib only when a summary is due

    png = await asyncio.to_thread(render_summary, note.summary.stats)
    caption = views_followup.summary_caption(note.summary)
    if png is None:
        first = await bot.send_message(note.chat_id, caption)
    else:
        first = await bot.send_photo(note.chat_id, png, caption=caption)
    details = views_followup.summary_details(note.summary)
    if details is None:
        return first
    await asyncio.sleep(gap)
    return await _send_text(bot, note.chat_id, details, gap=gap)


async def _send_text(
    bot: _Patient, chat_id: int, text: str, *, gap: float,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:  # fmt: skip
    """Send `text` in parts below 4,096 characters, `markup` under the last."""
    parts = views.split_message(text)
    for part in parts[:-1]:
        await bot.send_message(chat_id, part)
        await asyncio.sleep(gap)
    return await bot.send_message(chat_id, parts[-1], reply_markup=markup)


async def dispatch(
    bot: Bot,
    outbox: Outbox,
    *,
    clock: Clock,
    chat_gap: float = CHAT_GAP,
    lease: timedelta = LEASE,
    timeout: float = SEND_TIMEOUT,
    await_leases: bool = True,
) -> PassReport:
    """One full pass: plan what is due at clock() and send it all, then (`await_leases`) wait
    once for a lease another sender holds to end, so a crashed sender's rows go out now."""
    send = telegram_sender(bot, clock=clock, gap=chat_gap, timeout=timeout)
    limiter = getattr(bot, "rate_limiter", None)  # an ExtBot's; the shared budget takes slots
    reserve = (
        telegram_reserver(bot, limiter, clock=clock, gap=chat_gap, timeout=timeout)
        if isinstance(limiter, SharedFloodLimiter)
        else None
    )
    report = await run_pass(outbox, send, clock=clock, worker=WORKER, chat_gap=chat_gap,
                            lease=lease, await_leases=await_leases, reserve=reserve)  # fmt: skip
    if any(vars(report).values()):
        logger.info("dispatch pass: %s", report)
    return report


async def tick(context: Ctx) -> None:
    """JobQueue callback: poll the feeds due (their messages are queued), then one dispatch
    pass sends everything queued (the database is the schedule); the job's data is the lease
    (TRACKER_DISPATCH_LEASE_SECONDS)."""
    job = context.job
    lease = job.data if job is not None and isinstance(job.data, timedelta) else LEASE
    await poll_feeds(context.tracker, clock=context.clock, fetch=context.fetch_feed)
    await dispatch(context.bot, context.tracker, clock=context.clock, lease=lease)
