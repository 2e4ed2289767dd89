"""A group upgraded to a supergroup keeps its ledger: `Tracker.migrate_chat` moves settings,
commitments (with verdicts and due changes), proposals, open evidence questions and the outbox
to the new chat id, on SQLite and PostgreSQL; twice is harmless, merging loses nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain import Article, Status
from tracker.errors import InvalidInput
from tracker.notifications import (
    ChatMoved,
    Delivered,
    Delivery,
    NoticeKind,
    NoticeState,
    Notification,
)
from tracker.services import Tracker
from tracker.services.dispatch import run_pass
from tracker.store.migrate import moved_key
from tracker.store.models import ChatRow, CommitmentRow, ProposalRow
from tracker.store.outbox import merged_digest, outbox_row
from tracker.store.queue import NotificationRow, PendingVerdictRow

OLD, NEW, OTHER = -400123, -1001400123, -500777  # basic group, its supergroup, a bystander
ALICE = 11
DAY = timedelta(days=1)
TEXT = (
    "By Jane Doe, March 10, 2026\nThe mayor promised that the city will open the new bridge by "
    "June 2027, officials said. The transport minister said the government will build 40 new "
    "stations within two years."
)


def fill(
    tracker: Tracker,
    chat_id: int,
    now: datetime,
    *,
    prompts: tuple[int, ...] = (900,),
    sent: tuple[NoticeKind, ...] = (NoticeKind.SUMMARY,),
) -> None:
    """A chat using every feature: settings, a proposal with one pick tracked (its due date
    moved), a typed item asked about, a judged one, open evidence questions, and follow-ups
    planned a day later (those of kinds `sent` sent, the rest still pending)."""
    tracker.update_settings(chat_id, timezone="Europe/Berlin", summary_day=0)
    proposal = tracker.propose(chat_id, Article(text=TEXT), now=now)
    (picked,) = tracker.accept(chat_id, proposal.id, [1], by="tg:1", now=now)
    tracker.set_due(chat_id, picked.number, date(2027, 7, 1), by="tg:1", now=now)
    typed = tracker.add(chat_id, "The council will publish the budget", deadline="2026-03-16",
                        by="tg:1", now=now)  # fmt: skip
    judged = tracker.add(chat_id, "The port reopens", deadline="2026-03-01", by="tg:1", now=now)
    tracker.record_verdict(chat_id, judged.number, Status.FULFILLED, by="tg:1", now=now)
    for prompt in prompts:
        tracker.ask_verdict(chat_id, typed.number, Status.PARTLY, user_id=ALICE,
                            prompt_message_id=prompt, now=now)  # fmt: skip
    later = now + DAY
    tracker.plan_notifications(now=later)
    for note in tracker.claim_notifications(worker="w", now=later):
        if note.chat_id == chat_id and note.kind in sent:
            tracker.mark_sent(note.id, message_id=5, now=later)
        else:
            tracker.release(note.id, now=later, error="not yet", retry_at=later)


def rows(sessions: sessionmaker[Session], chat_id: int) -> dict[str, Any]:
    """Everything stored under `chat_id`, in id order (outbox keys as stored)."""
    c, n, q = CommitmentRow, NotificationRow, PendingVerdictRow
    with sessions() as session:
        chat = session.get(ChatRow, chat_id)
        settings = None
        if chat is not None:
            settings = (chat.timezone, chat.summary_day, chat.active, chat.checkin_every_days,
                        chat.verdicts_by, chat.last_digest_at, chat.next_digest_at,
                        chat.last_summary_at, chat.summary_figures)  # fmt: skip
        items = session.scalars(select(c).where(c.chat_id == chat_id).order_by(c.id)).all()
        outbox = session.scalars(select(n).where(n.chat_id == chat_id).order_by(n.id)).all()
        questions = session.scalars(select(q).where(q.chat_id == chat_id).order_by(q.id)).all()
        proposals = select(ProposalRow.id).where(ProposalRow.chat_id == chat_id)
        return {
            "settings": settings,
            "commitments": [(r.id, r.source_id, r.span_start, r.span_end, r.status,
                             [v.status for v in r.verdicts], len(r.due_changes)) for r in items],
            "proposals": list(session.scalars(proposals.order_by(ProposalRow.id))),
            "questions": [(r.prompt_message_id, r.commitment_id, r.status, r.user_id)
                          for r in questions],
            "outbox": [(r.id, r.key, r.state, r.commitment_id, r.attempts, r.message_id)
                       for r in outbox],
        }  # fmt: skip


def rekeyed(before: dict[str, Any]) -> dict[str, Any]:
    """`before` as it should read under NEW: only the outbox keys change."""
    outbox = [
        (i, key.replace(f":{OLD}:", f":{NEW}:"), *rest) for i, key, *rest in before["outbox"]
    ]
    return before | {"outbox": outbox}


EMPTY = {"settings": None, "commitments": [], "proposals": [], "questions": [], "outbox": []}


class TestMove:
    def test_everything_moves_to_the_new_id(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        before, exported = rows(sessions, OLD), tracker.export_rows(OLD)
        assert [len(before[k]) for k in ("commitments", "proposals", "questions", "outbox")] == [
            3, 1, 1, 3]  # fmt: skip
        assert tracker.migrate_chat(OLD, NEW, now=now + DAY) == 3
        assert (rows(sessions, NEW), rows(sessions, OLD)) == (rekeyed(before), EMPTY)
        assert tracker.export_rows(NEW) == exported
        assert tracker.settings(NEW).timezone == "Europe/Berlin"

    def test_the_new_chat_goes_on_where_the_old_one_stopped(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        assert {item.chat_id for item in tracker.list(NEW).items} == {NEW}
        answered = tracker.answer_verdict(NEW, 900, user_id=ALICE, text="skip", now=now + DAY)
        assert answered is not None and answered.status == Status.PARTLY
        assert tracker.get_proposal(NEW, rows(sessions, NEW)["proposals"][0]).accepted == {1}
        # The slot planned under the old id is not planned again under the new one ...
        assert tracker.plan_notifications(now=now + DAY) == 0
        # ... and the next slots are planned for the new chat.
        assert tracker.plan_notifications(now=now + 2 * DAY) == 2
        keys = [key for _, key, *_ in rows(sessions, NEW)["outbox"]]
        assert keys[3:] == [f"digest:{NEW}:2026-03-17T08:00Z", f"summary:{NEW}:2026-03-16T17:00Z"]

    def test_pending_rows_keep_their_lease_and_state(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        claimed = tracker.claim_notifications(worker="w", now=now + DAY)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        # The sender that claimed a row under the old id can still mark it sent by its id.
        for note in claimed:
            tracker.mark_sent(note.id, message_id=9, now=now + DAY)
        states = [state for _, _, state, *_ in rows(sessions, NEW)["outbox"]]
        assert (len(claimed), states) == (2, [NoticeState.SENT.value] * 3)
        assert tracker.claim_notifications(worker="w", now=now + DAY) == []

    def test_a_chat_without_a_settings_row_gets_one(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        tracker.add(OLD, "The port reopens", deadline="2026-03-20", by="tg:1", now=now)
        with sessions.begin() as session:  # a ledger from before the outbox existed
            session.execute(delete(ChatRow))
        assert tracker.migrate_chat(OLD, NEW, now=now) == 1
        with sessions() as session:
            assert [r.chat_id for r in session.scalars(select(ChatRow))] == [NEW]


class TestTwice:
    def test_a_second_run_changes_nothing(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        after = (rows(sessions, NEW), rows(sessions, OLD))
        assert tracker.migrate_chat(OLD, NEW, now=now + DAY) == 0
        assert (rows(sessions, NEW), rows(sessions, OLD)) == after

    def test_rows_written_under_the_old_id_meanwhile_follow_later(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        tracker.add(OLD, "A late update to the old id", by="tg:1", now=now + DAY)
        assert tracker.migrate_chat(OLD, NEW, now=now + DAY) == 1
        # Numbered after the three items that moved before it.
        assert tracker.get(NEW, 4).quote == "A late update to the old id"
        assert tracker.list(NEW).total == 4
        assert tracker.settings(NEW).timezone == "Europe/Berlin"  # not the late default row


class TestMerge:
    def test_nothing_is_lost_and_the_new_chats_settings_win(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now, prompts=(900, 901))
        fill(tracker, NEW, now)
        tracker.update_settings(NEW, verdicts_by="admins")
        old, new = rows(sessions, OLD), rows(sessions, NEW)
        assert tracker.migrate_chat(OLD, NEW, now=now + DAY) == 3
        merged = rows(sessions, NEW)
        assert (merged["settings"], rows(sessions, OLD)) == (new["settings"], EMPTY)
        assert merged["proposals"] == sorted(new["proposals"] + old["proposals"])
        # The item both chats picked from the same article keeps both histories; the old
        # chat's copy gives up its span, which the (chat, source, span) key allows once.
        twin = old["commitments"][0]
        expected = sorted(new["commitments"] + [(*twin[:2], None, None, *twin[4:])]
                          + old["commitments"][1:])  # fmt: skip
        assert sorted(merged["commitments"]) == expected
        # Question 900 of the old chat clashes with the new chat's own and is dropped (a reply
        # to message 900 there answers the new chat's); 901 moves.
        assert sorted(merged["questions"]) == sorted(new["questions"] + old["questions"][1:])

    def test_every_outbox_row_survives_with_a_unique_key(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        fill(tracker, NEW, now)
        old, new = rows(sessions, OLD), rows(sessions, NEW)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        merged = {row[0]: row for row in rows(sessions, NEW)["outbox"]}
        assert [merged[row[0]] for row in new["outbox"]] == new["outbox"]

        # Same slots in both chats: the digest and summary keys get a suffix; the check-in
        # names its own commitment and cannot clash. Attempts and ids are kept; the old
        # chat's pending digest is folded into the new chat's (TestFold), the rest keep
        # their state.
        def expected(key: str, state: str) -> tuple[str, str]:
            moved = key.replace(f":{OLD}:", f":{NEW}:")
            if key.startswith("checkin"):
                return moved, state
            folded = key.startswith("digest")
            return f"{moved}:from:{OLD}", NoticeState.CANCELLED.value if folded else state

        moved = [(i, *expected(key, state), *rest) for i, key, state, *rest in old["outbox"]]
        assert [merged[row[0]] for row in old["outbox"]] == moved
        pending = [row for row in merged.values() if row[2] == NoticeState.PENDING.value]
        assert len(pending) == 3  # one digest for the slot, and both chats' check-ins

    def test_another_chat_is_untouched(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OTHER, now)
        fill(tracker, OLD, now)
        before = rows(sessions, OTHER)
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        assert rows(sessions, OTHER) == before
        assert tracker.list(OTHER).total == 3


class MovedSender:
    """A fake Send port for a group that became NEW: refuses OLD (and NEW too if `stuck`)."""

    def __init__(self, *, stuck: bool = False) -> None:
        self.calls: list[tuple[int, int]] = []  # (chat id, notification id)
        self.refused = {OLD, NEW} if stuck else {OLD}

    async def __call__(self, note: Notification) -> Delivery:
        self.calls.append((note.chat_id, note.id))
        if note.chat_id in self.refused:
            return ChatMoved("group chat was upgraded to a supergroup chat", new_chat_id=NEW)
        return Delivered(100 + note.id)


class TestDispatch:
    async def test_a_moved_chat_is_migrated_and_its_rows_sent_to_the_new_id(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        digest, checkin = (r[0] for r in rows(sessions, OLD)["outbox"] if r[2] == "pending")
        send, later = MovedSender(), now + DAY
        report = await run_pass(tracker, send, clock=lambda: later, worker="w", chat_gap=0)
        assert (report.sent, report.chats_moved, report.retried) == (2, 1, 0)
        assert send.calls == [(OLD, digest), (NEW, digest), (NEW, checkin)]
        states = [
            (key.split(":")[1], state) for _, key, state, *_ in rows(sessions, NEW)["outbox"]
        ]
        assert states == [(str(NEW), NoticeState.SENT.value)] * 3
        again = await run_pass(tracker, send, clock=lambda: later, worker="w", chat_gap=0)
        assert (again.sent, len(send.calls)) == (0, 3)

    async def test_a_chat_still_refused_after_moving_is_retried_later(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        send, later = MovedSender(stuck=True), now + DAY
        report = await run_pass(tracker, send, clock=lambda: later, worker="w", chat_gap=0)
        assert (report.sent, report.chats_moved, report.retried) == (0, 1, 2)
        pending = [r for r in rows(sessions, NEW)["outbox"] if r[2] == NoticeState.PENDING.value]
        assert [key.split(":")[1] for _, key, *_ in pending] == [str(NEW)] * 2


def outbox_of(sessions: sessionmaker[Session], key: str) -> NotificationRow:
    """The outbox row stored under `key`."""
    with sessions() as session:
        return session.scalars(select(NotificationRow).where(NotificationRow.key == key)).one()


EMPTY_DIGEST = {"today": "2026-03-15", "coming": [], "overdue": [], "overdue_total": 0,
                "resolved": []}  # fmt: skip


def put(
    sessions: sessionmaker[Session],
    key: str,
    *,
    at: datetime,
    error: str | None = None,
    commitment_id: int | None = None,
    failed: bool = True,
) -> int:
    """An outbox row of the chat its key names (a check-in of `commitment_id`, or an empty
    digest), failed with `error` after 8 attempts unless not `failed`; its id."""
    kind = NoticeKind.DIGEST if commitment_id is None else NoticeKind.CHECKIN
    payload = EMPTY_DIGEST if commitment_id is None else {"ask_at": at.isoformat()}
    values = outbox_row(key, int(key.split(":")[1]), kind, payload, at, commitment_id)
    with sessions.begin() as session:
        row = NotificationRow(**values)
        if failed:
            row.state, row.error, row.attempts = NoticeState.FAILED.value, error, 8
        session.add(row)
        session.flush()
        return row.id  # fmt: skip


SLOT = "2026-03-16T08:00Z"  # the digest slot fill() plans


class TestFold:
    def test_one_digest_per_slot_with_both_chats_items(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        fill(tracker, NEW, now)
        theirs, ours = (outbox_of(sessions, f"digest:{c}:{SLOT}").payload for c in (OLD, NEW))
        later = now + 2 * DAY
        tracker.migrate_chat(OLD, NEW, now=later)
        kept = outbox_of(sessions, f"digest:{NEW}:{SLOT}")
        gone = outbox_of(sessions, f"digest:{NEW}:{SLOT}:from:{OLD}")
        assert (gone.state, gone.error) == ("cancelled", f"merged into digest:{NEW}:{SLOT}")
        assert gone.payload == theirs  # kept as history
        both = {name: sorted(ours[name] + theirs[name]) for name in ("coming", "resolved")}
        assert (kept.state, kept.payload) == ("pending", ours | both)  # coming: all due 16/3
        assert [len(ids) for ids in both.values()] == [2, 2]
        notes = tracker.claim_notifications(worker="w", now=later)
        (digest,) = [note.digest for note in notes if note.digest is not None]
        assert [item.chat_id for item in digest.coming + digest.resolved] == [NEW] * 4
        before = rows(sessions, NEW)
        assert tracker.migrate_chat(OLD, NEW, now=later) == 0  # a repeat changes nothing
        assert rows(sessions, NEW) == before

    def test_summaries_keep_the_new_chats_figures(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now, sent=())
        fill(tracker, NEW, now, sent=())
        (key,) = [k for _, k, *_ in rows(sessions, NEW)["outbox"] if k.startswith("summary")]
        ours = outbox_of(sessions, key).payload
        tracker.migrate_chat(OLD, NEW, now=now + DAY)
        kept, gone = outbox_of(sessions, key), outbox_of(sessions, f"{key}:from:{OLD}")
        assert (kept.state, kept.payload) == ("pending", ours)  # figures hold no ids
        assert (gone.state, gone.error) == ("cancelled", f"merged into {key}")

    def test_a_check_in_folds_only_for_the_same_commitment_and_slot(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        one, two = (tracker.add(OLD, f"The port {n} reopens", deadline="2026-03-20", by="tg:1",
                                now=now).id for n in (1, 2))  # fmt: skip
        for chat, item in ((OLD, one), (NEW, one), (OLD, two)):
            put(sessions, f"checkin:{chat}:{item}:S", at=now, commitment_id=item, failed=False)
        tracker.migrate_chat(OLD, NEW, now=now)
        keys = [key for _, key, *_ in rows(sessions, NEW)["outbox"]]
        found = [(outbox_of(sessions, k).state, outbox_of(sessions, k).error) for k in keys]
        kept = f"checkin:{NEW}:{one}:S"
        assert list(zip(keys, found, strict=True)) == [
            (f"{kept}:from:{OLD}", ("cancelled", f"merged into {kept}")),
            (kept, ("pending", None)),
            (f"checkin:{NEW}:{two}:S", ("pending", None)),
        ]

    def test_a_row_held_by_a_sender_folds_once_given_back(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        fill(tracker, NEW, now)
        later = now + 2 * DAY
        notes = tracker.claim_notifications(worker="w", now=later)
        (held,) = [n.id for n in notes if n.kind is NoticeKind.DIGEST and n.chat_id == OLD]
        for note in notes:
            if note.id != held:
                tracker.release(note.id, now=later, error="timed out", retry_at=later)
        key = f"digest:{NEW}:{SLOT}:from:{OLD}"
        tracker.migrate_chat(OLD, NEW, now=later)  # it may be on its way: not folded
        assert outbox_of(sessions, key).state == "pending"
        tracker.release(held, now=later, error="timed out", retry_at=later)
        tracker.migrate_chat(OLD, NEW, now=later)  # e.g. the second service message
        assert outbox_of(sessions, key).state == "cancelled"


MOVED_TO_NEW = [
    f"ChatMigrated: Group migrated to supergroup. New chat id: {NEW}",  # the first outbox build
    f"Group migrated to supergroup. New chat id: {NEW}",  # ChatMoved, retried to the limit
    "Bad Request: group chat was upgraded to a supergroup chat",  # the Bot API's own words
]
NOT_MOVED = [
    "Forbidden: bot was blocked by the user",
    "Bad Request: message is too long",
    "Group migrated to supergroup. New chat id: -1009999999",  # another chat's move
    None,  # claimed 8 times (its leases expired)
]


class TestRevive:
    @pytest.mark.parametrize("error", MOVED_TO_NEW + NOT_MOVED)
    def test_only_rows_failed_because_the_chat_moved_are_sent_again(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime, error: str | None
    ) -> None:
        item = tracker.add(OLD, "The port reopens", deadline="2026-03-20", by="tg:1", now=now)
        ids = [
            put(
                sessions, f"checkin:{OLD}:{item.id}:S", at=now, error=error, commitment_id=item.id
            ),
            put(sessions, f"digest:{OLD}:S", at=now, error=error),
        ]
        later = now + DAY
        tracker.migrate_chat(OLD, NEW, now=later)
        after = [(r[2], r[4]) for r in rows(sessions, NEW)["outbox"]]  # state, attempts
        claimed = [(n.id, n.chat_id) for n in tracker.claim_notifications(worker="w", now=later)]
        if error in MOVED_TO_NEW:  # pending, due now, with a fresh count of attempts
            assert (after, claimed) == ([("pending", 0)] * 2, [(i, NEW) for i in ids])
        else:
            assert (after, claimed) == ([("failed", 8)] * 2, [])
        again = rows(sessions, NEW)
        assert tracker.migrate_chat(OLD, NEW, now=later) == 0  # a repeat changes nothing
        assert rows(sessions, NEW) == again

    async def test_a_send_that_finds_the_move_sends_what_failed_before(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        failed = put(sessions, f"digest:{OLD}:2026-03-15T08:00Z", at=now, error=MOVED_TO_NEW[0])
        send, later = MovedSender(), now + DAY
        report = await run_pass(tracker, send, clock=lambda: later, worker="w", chat_gap=0)
        assert (report.sent, report.chats_moved, (NEW, failed) in send.calls) == (3, 1, True)
        assert {state for _, _, state, *_ in rows(sessions, NEW)["outbox"]} == {"sent"}

    async def test_a_row_failed_while_the_new_id_still_refused_is_revived_by_a_later_move(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        fill(tracker, OLD, now)
        stuck, hours = MovedSender(stuck=True), [now + DAY + timedelta(hours=h) for h in range(9)]
        for at in hours[:8]:  # backoff doubles up to an hour: each pass finds them due
            await run_pass(tracker, stuck, clock=lambda at=at: at, worker="w", chat_gap=0)
        failed = [(i, attempts) for i, _, state, _, attempts, _ in rows(sessions, NEW)["outbox"]
                  if state == "failed"]  # fmt: skip
        assert [attempts for _, attempts in failed] == [8, 8]  # the digest and the check-in
        tracker.migrate_chat(OLD, NEW, now=hours[8])  # the service message, processed late
        send = MovedSender()
        await run_pass(tracker, send, clock=lambda: hours[8], worker="w", chat_gap=0)
        assert {(NEW, i) for i, _ in failed} <= set(send.calls)  # with the summary due since
        assert {state for _, _, state, *_ in rows(sessions, NEW)["outbox"]} == {"sent"}


class TestBadInput:
    @pytest.mark.parametrize(
        ("old", "new", "message"),
        [
            (OLD, OLD, "A chat cannot move to its own id."),
            (True, NEW, "A chat id must be a whole number."),
            (OLD, "-100", "A chat id must be a whole number."),
        ],
    )
    def test_refused_and_nothing_changes(
        self,
        tracker: Tracker,
        sessions: sessionmaker[Session],
        now: datetime,
        old: Any,
        new: Any,
        message: str,
    ) -> None:
        fill(tracker, OLD, now)
        before = rows(sessions, OLD)
        with pytest.raises(InvalidInput) as err:
            tracker.migrate_chat(old, new, now=now)
        assert (str(err.value), rows(sessions, OLD)) == (message, before)


def test_merged_digest_lists_both_in_the_planners_order() -> None:
    day = date(2026, 3, 16)
    dues = {i: day - i * DAY for i in range(1, 61)} | {70: day, 71: day + DAY, 72: day + DAY}
    into = {"today": "2026-03-16", "coming": [70, 72], "overdue": [*range(1, 61, 2)],
            "overdue_total": 30, "resolved": [9]}  # fmt: skip
    extra = {"today": "2026-03-17", "coming": [999, 71], "overdue": [*range(2, 61, 2)],
             "overdue_total": 30, "resolved": [7, 9]}  # fmt: skip
    assert merged_digest(into, extra, dues) == {
        "today": "2026-03-16",
        "coming": [70, 71, 72, 999],  # soonest first, same day by id; an unknown id last
        "overdue": [*range(1, 51)],  # latest first, cut at 50
        "overdue_total": 60,
        "resolved": [7, 9],
    }


@pytest.mark.parametrize(
    ("key", "taken", "expected"),
    [
        (f"digest:{OLD}:2026-03-16T08:00Z", set(), f"digest:{NEW}:2026-03-16T08:00Z"),
        (f"checkin:{OLD}:7:2026-03-16T08:00Z", set(), f"checkin:{NEW}:7:2026-03-16T08:00Z"),
        (f"summary:{OLD}:S", {f"summary:{NEW}:S"}, f"summary:{NEW}:S:from:{OLD}"),
        (f"summary:{OLD}:S", {f"summary:{NEW}:S", f"summary:{NEW}:S:from:{OLD}"},
         f"summary:{NEW}:S:from:{OLD}:2"),
        ("custom-key", set(), "custom-key"),  # not ours to rewrite: kept as it is
    ],
)  # fmt: skip
def test_moved_key(key: str, taken: set[str], expected: str) -> None:
    assert moved_key(key, OLD, NEW, taken) == expected
