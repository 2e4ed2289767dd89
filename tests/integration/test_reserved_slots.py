"""Send slots reserved ahead: a dispatch pass reserves (and waits for) the next row's slot while
the row in flight is sent and recorded, one row at a time, never has two sends unrecorded, and
drops a slot that went stale waiting for its turn; the bot's limiter sends through a fresh
reserved slot without reserving again, and reserves anew for a stale one."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.limiter import Reserved, SharedFloodLimiter
from tests.integration.test_outbox import CHAT, MONDAY_0901, OTHER, outbox, seed
from tracker.flood import Limits
from tracker.notifications import Delivered, Delivery, Notification
from tracker.services import Tracker
from tracker.services.dispatch import Ticket, run_pass

THIRD = 502
LIMITS = Limits(per_second=20.0, chat_gap=timedelta(seconds=0.5), group_gap=timedelta(seconds=1))


class Pipeline:
    """A Send and a Reserve port logging what happens when; `stale` tickets first go stale."""

    def __init__(self, tracker: Tracker, sessions: Any, stale: int = 0) -> None:
        self.tracker, self.sessions, self.stale = tracker, sessions, stale
        self.events: list[tuple[str, str]] = []
        self.sending = 0
        self.max_sending = 0
        self.unrecorded_at_send: list[int] = []
        self.ahead_at_reserve: list[int] = []  # slots already reserved, their rows not sent

    async def send(self, note: Notification) -> Delivery:
        sent_so_far = sum(1 for kind, _ in self.events if kind == "sent")
        recorded = sum(1 for _, state, _ in outbox(self.sessions) if state == "sent")
        self.unrecorded_at_send.append(sent_so_far - recorded)
        self.sending += 1
        self.max_sending = max(self.max_sending, self.sending)
        self.events.append(("send", note.key))
        await asyncio.sleep(0.05)  # the request on its way: the next slot is being taken
        self.sending -= 1
        self.events.append(("sent", note.key))
        return Delivered(len(self.events))

    async def reserve(self, note: Notification) -> Ticket:
        kinds = [kind for kind, _ in self.events]
        self.ahead_at_reserve.append(kinds.count("reserve") - kinds.count("send"))
        self.events.append(("reserve", note.key))
        if self.stale:
            self.stale -= 1
            return Ticket(self.must_not_send, lambda: False)
        return Ticket(self.send, lambda: True)

    async def must_not_send(self, note: Notification) -> Delivery:
        raise AssertionError(f"{note.key} sent through a stale slot")


async def test_the_next_slot_is_taken_while_one_row_is_in_flight(
    tracker: Tracker, sessions: Any
) -> None:
    for chat in (CHAT, OTHER, THIRD):
        seed(tracker, chat, [date(2026, 3, 30)])
        tracker.update_settings(chat, digest_days=[])
    ports = Pipeline(tracker, sessions)
    report = await run_pass(tracker, ports.send, clock=lambda: MONDAY_0901, worker="w",
                            chat_gap=0, reserve=ports.reserve)  # fmt: skip
    kinds = [kind for kind, _ in ports.events]
    first_sent = kinds.index("sent")
    assert report.sent == 3 and ports.max_sending == 1
    assert "reserve" in kinds[kinds.index("send") : first_sent]  # reserved during a send
    assert ports.unrecorded_at_send == [0, 0, 0]  # each send after the one before was recorded
    assert ports.ahead_at_reserve == [0, 0, 0]  # one slot taken ahead at a time, not one per chat


async def test_a_slot_gone_stale_is_dropped_and_another_reserved(
    tracker: Tracker, sessions: Any
) -> None:
    seed(tracker, CHAT, [date(2026, 3, 30)])
    tracker.update_settings(CHAT, digest_days=[])
    ports = Pipeline(tracker, sessions, stale=2)
    report = await run_pass(tracker, ports.send, clock=lambda: MONDAY_0901, worker="w",
                            chat_gap=0, reserve=ports.reserve)  # fmt: skip
    kinds = [kind for kind, _ in ports.events]
    assert (report.sent, kinds) == (1, ["reserve", "reserve", "reserve", "send", "sent"])
    assert {state for _, state, _ in outbox(sessions)} == {"sent"}


async def _through(limiter: SharedFloodLimiter, chat: int, ahead: Reserved | None) -> None:
    async def callback() -> None:
        return None

    await limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": chat}, ahead)


def _wall() -> datetime:
    return datetime.now(UTC)


async def test_a_fresh_reserved_slot_is_used_without_reserving_again(tracker: Tracker) -> None:
    limiter = SharedFloodLimiter(tracker, "1", limits=LIMITS)
    ahead = await limiter.reserve_ahead(7)
    await _through(limiter, 7, ahead)
    following = tracker.reserve_send("1", 7, now=_wall(), limits=LIMITS)
    # Only the reservation ahead counts: the chat is next free within one chat gap of it (a
    # second reservation would have waited for the chat, then pushed that a gap further).
    assert following.taken is False and following.at <= ahead.at + LIMITS.chat_gap


async def test_a_stale_reserved_slot_is_replaced_by_a_new_one(tracker: Tracker) -> None:
    limiter = SharedFloodLimiter(tracker, "1", limits=LIMITS)
    stale = Reserved(at=_wall() - timedelta(seconds=1), chat=7)
    other_chat = Reserved(at=_wall(), chat=8)
    assert not limiter.fresh(stale) and limiter.fresh(other_chat)
    await _through(limiter, 7, stale)  # not fresh: a slot is reserved for this send
    await _through(limiter, 7, other_chat)  # reserved for another chat: not used here
    following = tracker.reserve_send("1", 7, now=_wall(), limits=LIMITS)
    assert following.taken is False
    assert following.at - _wall() > LIMITS.chat_gap / 2  # the second send took a slot too
