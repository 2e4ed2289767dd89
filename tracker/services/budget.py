"""The flood budget use cases (mixed into `Tracker`): reserve a send slot for a bot token and
chat, and hold every sender back after Telegram answered 429. Every process sending with the
token shares the same rows, so N dispatchers and the bot together keep Telegram's limits."""

from __future__ import annotations

from datetime import datetime, timedelta

from tracker import checks as check
from tracker.flood import TELEGRAM, Limits, Slot, admit, bucket_names
from tracker.services.base import TrackerBase
from tracker.store import budget

IDLE = timedelta(hours=1)  # buckets unused this long are pruned by the planner


class BudgetMixin(TrackerBase):
    """Shared send slots."""

    def reserve_send(
        self, bot_id: str, chat_id: int | None, *, now: datetime, limits: Limits = TELEGRAM
    ) -> Slot:
        """When a message to `chat_id` (None: a call to no chat) may be sent. A taken slot is
        the caller's: wait until `at`, then send. Otherwise the chat is busy: ask again at
        `at`."""
        now = check.aware(now)
        overall_name, chat_name = bucket_names(bot_id, chat_id)
        with self._tx() as session:
            overall = budget.locked(session, overall_name, now=now)  # always first: no deadlock
            chat = None if chat_name is None else budget.locked(session, chat_name, now=now)
            slot = admit(
                now,
                overall=overall.next_at,
                chat=None if chat is None else chat.next_at,
                chat_id=chat_id,
                limits=limits,
            )
            if slot.overall_next is not None:
                overall.next_at = slot.overall_next
            if chat is not None and slot.chat_next is not None:
                chat.next_at = slot.chat_next
            return slot

    def hold_sends(self, bot_id: str, *, until: datetime, now: datetime) -> None:
        """Telegram said "retry after": no process sends with this token before `until`."""
        now = check.aware(now)
        with self._tx() as session:
            overall = budget.locked(session, bucket_names(bot_id, None)[0], now=now)
            overall.next_at = max(overall.next_at, check.aware(until))

    def prune_budget(self, *, now: datetime) -> int:
        """Forget the buckets of chats not sent to for an hour; returns how many."""
        with self._tx() as session:
            return budget.prune(session, before=check.aware(now) - IDLE)
