"""Follow-up use cases (mixed into `Tracker`): plan due check-ins, digests and summaries into
the outbox, stop or resume a chat's follow-ups, snooze a check-in (claiming and reporting back
are in services.claims).

Planning is idempotent: every row has a unique key, inserted with "on conflict do nothing",
and each chat's bookkeeping moves forward in the same commit as its rows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from tracker import checks as check
from tracker.domain import ChatSettings, Commitment, Status
from tracker.notifications import NoticeKind, stats_to_json
from tracker.phrases.when import snooze_date
from tracker.schedule import (
    Open,
    ask_at,
    local_today,
    next_slot,
    plan_checkins,
    slot_at,
    slot_due,
)
from tracker.services.base import TrackerBase
from tracker.services.verdicts import append_verdict
from tracker.stats import compute_stats
from tracker.store import followup as fr
from tracker.store.models import ChatRow, VerdictRow
from tracker.store.outbox import outbox_row
from tracker.store.repository import Repository

logger = logging.getLogger(__name__)
NO_SLOT_RECHECK = timedelta(days=7)  # chats with no digest days are looked at weekly
PLAN_CHUNK = 100  # chats per planning transaction
SUMMARY_GAP_DAYS = 6  # at most one weekly summary per week, even when its day or time moves


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%MZ")


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + PLAN_CHUNK] for i in range(0, len(ids), PLAN_CHUNK)]


def _asking(chats: Sequence[ChatRow], waiting: dict[int, list[Open]], now: datetime) -> list[int]:
    """The chats with a check-in slot reached: most items due tomorrow are not yet asked."""
    found = []
    for chat in chats:
        at, tz = chat.digest_time, chat.timezone
        if any(ask_at(item, at=at, tz=tz) <= now for item in waiting[chat.chat_id]):
            found.append(chat.chat_id)
    return found


def ensure_chat(
    repo: Repository, defaults: ChatSettings, *, now: datetime | None = None
) -> ChatRow:
    """The chat's settings row, created with `defaults` when missing (its digests start next
    slot, so a first /track does not trigger an immediate digest)."""
    row = repo.chat(defaults.chat_id)
    if row is None:
        row = ChatRow(chat_id=defaults.chat_id)
        row.apply(defaults)
        row.last_digest_at = row.last_summary_at = now
        repo.add(row)
    return row


class FollowupMixin(TrackerBase):
    """Outbox use cases."""

    _backfilled: bool = False

    # -- planning ------------------------------------------------------------------------------

    def plan_notifications(self, *, now: datetime) -> int:
        """Insert the outbox rows due at `now` (duplicates ignored); returns how many are new.

        Each chat's rows commit together with its bookkeeping, PLAN_CHUNK chats per
        transaction, so a big 09:00 fan-out never holds SQLite's write lock for long.
        """
        now = check.aware(now)
        if not self._backfilled:  # ledgers from before the outbox had no chat rows
            with self._tx() as session:
                for chat_id in fr.missing_chat_ids(session):
                    ensure_chat(Repository(session), self._defaults(chat_id), now=now)
            self._backfilled = True
        with self._tx() as session:
            due = fr.due_chat_ids(session, now=now)
            waiting = fr.open_for_checkin(session, now=now)
            asking = _asking(fr.active_chats(session, waiting), waiting, now)
        count = 0
        for chunk in _chunks(due):
            with self._tx() as session:  # re-read: another planner may be done
                chats = fr.active_chats(session, chunk)
                count += sum(self._plan_chat(session, chat, now) for chat in chats)
        for chunk in _chunks(asking):
            with self._tx() as session:  # re-read: answers and snoozes since
                fresh = fr.open_for_checkin(session, now=now, chats=chunk)
                for chat in fr.active_chats(session, fresh):
                    count += self._plan_checkins(session, chat, fresh[chat.chat_id], now)
        return count

    def _plan_chat(self, session: Session, chat: ChatRow, now: datetime) -> int:
        prefs, count = chat.snapshot(), 0
        if chat.next_digest_at is None or chat.next_digest_at <= now:
            days, at, tz = prefs.digest_days, prefs.digest_time, prefs.timezone
            slot = slot_due(days, at, tz, last=chat.last_digest_at, now=now)
            if slot is not None:
                count += self._plan_digest(session, chat, slot, now)
                chat.last_digest_at = slot
            chat.next_digest_at = next_slot(days, at, tz, after=now) or now + NO_SLOT_RECHECK
        if chat.next_summary_at is None or chat.next_summary_at <= now:
            days, at, tz = frozenset({prefs.summary_day}), prefs.summary_time, prefs.timezone
            slot = slot_due(days, at, tz, last=chat.last_summary_at, now=now)
            if slot is not None:
                count += self._plan_summary(session, chat, slot, now)
                chat.last_summary_at = slot
            chat.next_summary_at = next_slot(days, at, tz, after=now) or now + NO_SLOT_RECHECK
        return count

    def _plan_digest(self, session: Session, chat: ChatRow, slot: datetime, now: datetime) -> int:
        since = chat.last_digest_at or slot - timedelta(days=7)
        today = local_today(chat.timezone, now=slot)
        ids = fr.digest_ids(session, chat.chat_id, today=today, since=since, until=slot)
        if not (ids["coming"] or ids["overdue_total"] or ids["resolved"]):
            return 0  # a chat with nothing to say gets nothing
        key = f"digest:{chat.chat_id}:{_stamp(slot)}"
        return fr.enqueue(session, [outbox_row(key, chat.chat_id, NoticeKind.DIGEST, ids, now)])

    def _plan_summary(self, session: Session, chat: ChatRow, slot: datetime, now: datetime) -> int:
        today = local_today(chat.timezone, now=slot)
        last = (chat.summary_figures or {}).get("today")
        if last is not None and (today - date.fromisoformat(last)).days < SUMMARY_GAP_DAYS:
            return 0  # the summary time moved this week: this week's summary was sent
        stats = compute_stats(Repository(session).all_light(chat.chat_id), today=today)
        if not stats.overall.total:
            return 0
        figures = stats_to_json(stats)
        payload = {"stats": figures, "previous": chat.summary_figures}
        chat.summary_figures = figures
        key = f"summary:{chat.chat_id}:{_stamp(slot)}"
        return fr.enqueue(
            session, [outbox_row(key, chat.chat_id, NoticeKind.SUMMARY, payload, now)]
        )

    def _plan_checkins(
        self, session: Session, chat: ChatRow, items: list[Open], now: datetime
    ) -> int:
        prefs = chat.snapshot()
        at, tz, every = prefs.digest_time, prefs.timezone, chat.checkin_every_days
        plan = plan_checkins(items, at=at, tz=tz, now=now, reask_days=every)
        rows = [
            outbox_row(f"checkin:{chat.chat_id}:{item.id}:{_stamp(when)}", chat.chat_id,
                       NoticeKind.CHECKIN, {"ask_at": when.isoformat()}, now, item.id)
            for item, when in plan.send
        ]  # fmt: skip
        moved = [item.id for item, _ in plan.send] + [item.id for item in plan.rolled]
        fr.reschedule(session, moved, at=plan.next_ask)
        return fr.enqueue(session, rows)

    def deactivate_chat(self, chat_id: int, *, now: datetime, reason: str = "blocked") -> int:
        """Stop all follow-ups to a chat (blocked the bot, or gone); returns rows cancelled."""
        with self._tx() as session:
            row = ensure_chat(Repository(session), self._defaults(chat_id), now=now)
            row.active = False
            return fr.cancel_pending(session, chat_id, reason=reason)

    # -- user actions on check-ins -------------------------------------------------------------

    def snooze(
        self, chat_id: int, number: int, when: str, *, by: str, now: datetime
    ) -> tuple[Commitment, datetime]:
        """ "Not yet, ask again <when>" ("tomorrow", "in 3 days", "next monday", a date): an
        in-progress verdict, and the check-in moved to that day at the chat's hour."""
        by, now = check.label(by), check.aware(now)

        def work(repo: Repository) -> tuple[Commitment, datetime]:
            row = repo.commitment(chat_id, number)
            prefs = ensure_chat(repo, self._defaults(chat_id), now=now).snapshot()
            day = snooze_date(when, today=local_today(prefs.timezone, now=now))
            row.next_checkin_at = slot_at(day, prefs.digest_time, prefs.timezone)
            verdict = VerdictRow(status=Status.IN_PROGRESS.value, at=now, by=by)
            return append_verdict(repo, row, verdict), row.next_checkin_at

        return self._run(work)

    def reactivate_chat(self, chat_id: int) -> bool:
        """The chat talks to the bot again (it was unblocked): resume follow-ups; True if it
        had been inactive."""
        with self._tx() as session:
            row = Repository(session).chat(chat_id)
            if row is None or row.active:
                return False
            row.active = True
            row.next_digest_at = row.next_summary_at = None  # recompute from now on
            return True

    def set_checkin_interval(self, chat_id: int, days: int, *, now: datetime) -> int:
        """How many days an unanswered check-in waits before it is asked again."""
        days = check.checkin_days(days)
        with self._tx() as session:
            row = ensure_chat(Repository(session), self._defaults(chat_id), now=check.aware(now))
            row.checkin_every_days = days
            return days
