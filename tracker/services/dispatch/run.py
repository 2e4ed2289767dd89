"""One dispatch pass: plan what is due, claim it in batches, hand each row to a `Send` port and
record the outcome. The bot implements `Send` (Telegram); the core never imports it.

Delivery guarantees: a row is marked sent only after the port reports it delivered, so a
crash between claim and send leaves it pending; its short lease (renewed every lease / 3 while
the pass runs) expires and another pass re-sends it; a pass that finds live leases waits for the
first to end once, so a crashed sender's rows go out within a lease. A crash after the send but
before `mark_sent` can repeat that one message. With a `Reserve` port the next row's send
slot is reserved and waited for while the row before it is sent and recorded (a slot gone
stale meanwhile is dropped, never used late). A pass whose renewals failed stops sending
before its lease can run out. A send that got no answer is ambiguous and waits for the
ambiguity window (tracker.services.claims). A chat that moved (a group upgraded to a
supergroup) is migrated, and its rows are sent to the new id.

The ports and records it uses live in tracker.services.dispatch.ports.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from tracker.notifications import (
    Ambiguous,
    ChatMoved,
    Delivered,
    Delivery,
    Notification,
    Rejected,
    RetryLater,
)
from tracker.services.claims import LEASE
from tracker.services.dispatch.ports import (
    BATCH,
    CHAT_GAP,
    Clock,
    Outbox,
    PassReport,
    Reserve,
    Send,
    backoff,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")


async def run_pass(
    outbox: Outbox,
    send: Send,
    *,
    clock: Clock,
    worker: str,
    batch: int = BATCH,
    lease: timedelta = LEASE,
    chat_gap: float = CHAT_GAP,
    await_leases: bool = False,
    reserve: Reserve | None = None,
) -> PassReport:
    """Plan, then send everything due until nothing claimable is left; with `await_leases`,
    then wait (once) for the first live lease to end, so a crashed sender's rows are sent.
    `reserve` (optional) takes a row's send slot ahead of its turn."""
    run = _Pass(outbox, send, clock, worker=worker, lease=lease, chat_gap=chat_gap)
    run.reserve = reserve
    run.report.planned = await run.db(outbox.plan_notifications, now=clock())
    await run.db(outbox.prune_budget, now=clock())
    heartbeat = asyncio.create_task(run.renew_forever())
    try:
        waited = False
        while True:
            claimed = await run.claim(batch)
            if claimed:
                waited = False
                await run.send_batch(claimed)
                continue
            if not await_leases or waited or not await run.wait_for_a_lease():
                return run.report
            waited = True
    finally:
        heartbeat.cancel()


class _Pass:
    """One pass's state: its report, and a lock that keeps database calls one at a time (a
    session factory bound to one connection, as in-memory SQLite is, is not thread-safe)."""

    def __init__(
        self, outbox: Outbox, send: Send, clock: Clock, *, worker: str, lease: timedelta,
        chat_gap: float,
    ) -> None:  # fmt: skip
        self.outbox, self.send, self.clock, self.chat_gap = outbox, send, clock, chat_gap
        self.worker, self.lease = worker, lease
        self.report = PassReport()
        self.moved: dict[int, int] = {}  # old chat id → new, learnt during this pass
        self.held: set[int] = set()  # claimed rows not yet recorded
        self.valid_until: datetime | None = None  # our leases hold until then (with margin)
        self.reserve: Reserve | None = None
        self._lock = asyncio.Lock()
        self._in_flight = asyncio.Lock()
        self._next = asyncio.Lock()  # held by the row waiting for its slot and then its turn

    async def claim(self, batch: int) -> list[Notification]:
        now = self.clock()
        claimed = await self.db(self.outbox.claim_notifications, worker=self.worker, now=now,
                                limit=batch, lease=self.lease)  # fmt: skip
        if claimed:
            self.held.update(note.id for note in claimed)
            self.valid_until = now + self.lease * 2 / 3
        return claimed

    async def send_batch(self, claimed: list[Notification]) -> None:
        by_chat: dict[int, list[Notification]] = {}
        for note in claimed:
            by_chat.setdefault(note.chat_id, []).append(note)
        # Chats in parallel (the rate limiter paces them), each chat's messages in order.
        await asyncio.gather(*(self.chat(notes) for notes in by_chat.values()))

    async def renew_forever(self) -> None:
        """Every lease / 3, extend the leases on the rows still held."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            if not self.held:
                continue
            now = self.clock()
            try:
                await self.db(self.outbox.renew_leases, set(self.held), worker=self.worker,
                              now=now, lease=self.lease)  # fmt: skip
            except Exception as err:  # the next send checks valid_until and stops in time
                logger.warning("could not renew leases: %s", err)
                continue
            self.valid_until = now + self.lease * 2 / 3

    async def wait_for_a_lease(self) -> bool:
        """Sleep until the first live lease on a due row ends; False when there is none."""
        expiry = await self.db(self.outbox.lease_expiry, now=self.clock())
        if expiry is None:
            return False
        wait = min((expiry - self.clock()).total_seconds(), self.lease.total_seconds()) + 0.5
        logger.info("rows leased by another sender; waiting %.1f s for a lease to end", wait)
        await asyncio.sleep(max(wait, 0.0))
        return True

    async def db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a synchronous tracker call in a thread, one at a time."""
        async with self._lock:
            return await asyncio.to_thread(fn, *args, **kwargs)

    async def chat(self, notes: list[Notification]) -> None:
        """Send one chat's rows in order; stop when the chat turns out to be gone."""
        for index, note in enumerate(notes):
            if index and self.chat_gap:
                await asyncio.sleep(self.chat_gap)
            if self.valid_until is not None and self.clock() >= self.valid_until:
                logger.warning("leases not renewed in time; leaving %s to another pass", note.key)
                return  # the lease may lapse: another sender could be taking the row over
            if not await self.one(note):
                return  # its other rows were cancelled with the chat

    async def one(self, note: Notification) -> bool:
        """Send one row (to its chat's new id if the chat moved) and record the outcome; False
        when the chat is gone."""
        new_id = self.moved.get(note.chat_id)
        if new_id is not None:  # an earlier row of this pass found the chat moved
            note = replace(note, chat_id=new_id)
        if note.ambiguous:
            logger.warning("notification %s: sending again after %d unanswered send(s); it may "
                           "arrive twice", note.key, note.ambiguous)  # fmt: skip
        # One message in flight per process: the next goes out once this one is recorded, so
        # a crash repeats at most the message in flight (chats still wait their gaps apart).
        send = await self._turn(note)
        try:
            result = await self._send(note, send)
            if isinstance(result, ChatMoved) and result.new_chat_id != note.chat_id:
                note = await self._migrate(note, result)
                result = await self._send(note, self.send)
            try:
                return await self._record(note, result)
            finally:
                self.held.discard(note.id)
        finally:
            self._in_flight.release()

    async def _turn(self, note: Notification) -> Send:
        """Take the in-flight turn; with a `Reserve` port, first wait for the row's reserved
        slot while the row in flight is sent and recorded (one row at a time: slots are not
        taken far ahead). A slot that went stale waiting for the turn is dropped and another
        reserved (aside, as its chat now waits a gap); after three, the send paces itself."""
        for attempt in range(3 if self.reserve is not None else 0):
            assert self.reserve is not None  # for the type checker: see range()
            async with self._next if attempt == 0 else contextlib.nullcontext():
                ticket = await self.reserve(note)
                await self._in_flight.acquire()
            if ticket.fresh():
                return ticket.send
            self._in_flight.release()
            logger.warning("the send slot of %s went stale waiting for its turn", note.key)
        await self._in_flight.acquire()
        return self.send

    async def _send(self, note: Notification, send: Send) -> Delivery:
        try:
            return await send(note)
        except Exception as err:  # a bug rendering this row: fail it, keep the pass going
            logger.error("notification %s could not be sent", note.key, exc_info=err)
            return Rejected(f"{type(err).__name__}: {err}")

    async def _migrate(self, note: Notification, moved: ChatMoved) -> Notification:
        """The group became a supergroup: move its ledger and outbox (this row included, so
        its id still marks it sent) to the new id, and address the row there."""
        logger.info("chat %s moved to %s (%s)", note.chat_id, moved.new_chat_id, moved.error)
        await self.db(self.outbox.migrate_chat, note.chat_id, moved.new_chat_id, now=self.clock())
        self.moved[note.chat_id] = moved.new_chat_id
        self.report.chats_moved += 1
        return replace(note, chat_id=moved.new_chat_id)

    async def _record(self, note: Notification, result: Delivery) -> bool:
        """Store what became of one row; False when its chat is gone."""
        now, report = self.clock(), self.report
        if isinstance(result, Delivered):
            await self.db(self.outbox.mark_sent, note.id, message_id=result.message_id, now=now)
            report.sent += 1
        elif isinstance(result, RetryLater | ChatMoved):  # moved twice at once: try later
            after = result.after if isinstance(result, RetryLater) else None
            retry_at = now + (after or backoff(note.attempts))
            logger.info("notification %s: %s; retry at %s", note.key, result.error, retry_at)
            await self.db(self.outbox.release, note.id, now=now, error=result.error,
                          retry_at=retry_at)  # fmt: skip
            report.retried += 1
        elif isinstance(result, Ambiguous):
            until = await self.db(self.outbox.mark_ambiguous, note.id, now=now, error=result.error)
            logger.warning("notification %s: no answer (%s), maybe delivered; not resent before "
                           "%s", note.key, result.error, until)  # fmt: skip
            report.ambiguous += 1
        elif isinstance(result, Rejected):
            logger.warning("notification %s rejected: %s", note.key, result.error)
            await self.db(self.outbox.reject, note.id, now=now, error=result.error)
            report.rejected += 1
        else:
            logger.info("chat %s gone (%s); stopping its follow-ups", note.chat_id, result.error)
            await self.db(self.outbox.deactivate_chat, note.chat_id, now=now, reason=result.error)
            report.chats_gone += 1
            return False
        return True
