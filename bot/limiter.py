"""The bot's rate limiter (PTB's BaseRateLimiter seam): every message sent with the token,
replies and follow-ups alike, first reserves a slot in the flood budget the database shares
between all processes (tracker.flood), then waits for it. A 429 holds every process back for
`retry_after` and is retried. A dispatch pass reserves a message's slot ahead (`reserve_ahead`)
while the message before it is sent and recorded, then sends it with the `Reserved` slot as
rate_limit_args; a slot used later than one overall gap after its instant is stale, and the
send reserves anew. If the database cannot be reached, the process paces itself
alone (same limits) and says so once in the log."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from tracker.flood import TELEGRAM, Limits, Slot, admit
from tracker.services import Tracker

logger = logging.getLogger(__name__)
Wall = Callable[[], datetime]
# Calls that put a message in a chat; edits, answers and reads are not counted.
_MESSAGES = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})


def paced(endpoint: str) -> bool:
    """Whether a Bot API method sends a message (and so draws on the flood budget)."""
    return endpoint in _MESSAGES or (endpoint.startswith("send") and endpoint != "sendChatAction")


def _wall() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Reserved:
    """rate_limit_args of a send whose slot for `chat` was reserved and waited for: it was
    due `at` (or when the reservation returned, if later)."""

    at: datetime
    chat: int | None


class SharedFloodLimiter(BaseRateLimiter[int | Reserved]):
    """One flood budget per bot token, kept in the database (rate_limit_args: max retries, or
    the slot `Reserved` ahead)."""

    def __init__(
        self,
        tracker: Tracker,
        bot_id: str,
        *,
        limits: Limits = TELEGRAM,
        max_retries: int = 3,
        wall: Wall = _wall,
    ) -> None:
        self._tracker, self._bot_id, self._limits = tracker, bot_id, limits
        self._max_retries, self._wall = max_retries, wall
        self._local: dict[int | None, datetime] = {}  # fallback buckets: None is overall
        self._alone = False  # pacing locally since the shared budget failed
        self._turn = asyncio.Lock()

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | Reserved | None,
    ) -> Any:
        ahead = rate_limit_args if isinstance(rate_limit_args, Reserved) else None
        retries = rate_limit_args if isinstance(rate_limit_args, int) else self._max_retries
        chat = _chat_id(data)
        attempt = 0
        while True:
            if paced(endpoint) and not (attempt == 0 and self._keeps(ahead, chat)):
                await self._wait_for_slot(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as err:
                if attempt >= retries:
                    raise
                attempt += 1
                await self._hold(endpoint, seconds(err.retry_after))

    async def reserve_ahead(self, chat: int | None) -> Reserved:
        """Reserve the next slot for a message to `chat` and wait for it; send the message
        with the answer as rate_limit_args while it is `fresh`."""
        at = await self._wait_for_slot(chat)
        return Reserved(max(at, self._wall()), chat)

    def fresh(self, slot: Reserved) -> bool:
        """Whether a send now still keeps to the slot (one overall gap after it was due)."""
        return self._wall() <= slot.at + self._limits.gap

    def _keeps(self, ahead: Reserved | None, chat: int | None) -> bool:
        return ahead is not None and ahead.chat == chat and self.fresh(ahead)

    async def _wait_for_slot(self, chat: int | None) -> datetime:
        # One slot at a time per process: reserving far ahead for every queued message would
        # fill the worker threads with reservations, and the records of messages already sent
        # (mark_sent) would wait behind them, so a crash would repeat many instead of one.
        while True:
            async with self._turn:
                slot = await self._reserve(chat, self._wall())
                if slot.taken:
                    await asyncio.sleep(max((slot.at - self._wall()).total_seconds(), 0.0))
                    return slot.at
            await asyncio.sleep(max((slot.at - self._wall()).total_seconds(), 0.0))

    async def _reserve(self, chat: int | None, now: datetime) -> Slot:
        try:
            slot = await asyncio.to_thread(
                self._tracker.reserve_send, self._bot_id, chat, now=now, limits=self._limits
            )
        except Exception as err:  # the database is down or busy: keep the limits alone
            if not self._alone:
                logger.warning("flood budget unavailable (%s); pacing this process alone", err)
                self._alone = True
            return self._reserve_locally(chat, now)
        self._alone = False
        return slot

    def _reserve_locally(self, chat: int | None, now: datetime) -> Slot:
        slot = admit(now, overall=self._local.get(None), chat=self._local.get(chat),
                     chat_id=chat, limits=self._limits)  # fmt: skip
        if slot.overall_next is not None:
            self._local[None] = slot.overall_next
        if chat is not None and slot.chat_next is not None:
            self._local[chat] = slot.chat_next
        return slot

    async def _hold(self, endpoint: str, wait: float) -> None:
        logger.warning("flood control on %s: every sender waits %.1f s", endpoint, wait)
        now = self._wall()
        until = now + timedelta(seconds=wait + 0.1)
        self._local[None] = max(self._local.get(None, now), until)
        try:
            await asyncio.to_thread(self._tracker.hold_sends, self._bot_id, until=until, now=now)
        except Exception as err:
            logger.warning("could not share the flood hold (%s)", err)


def _chat_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):  # no chat, or a @channel name
        return None


def seconds(value: timedelta | float) -> float:
    """A retry_after as seconds (PTB gives an int or, opted in, a timedelta)."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
