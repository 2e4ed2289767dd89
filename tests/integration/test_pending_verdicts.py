"""Evidence questions kept in the database: ask, answer, cancel and expiry, on SQLite and
PostgreSQL; the verdict is recorded only by the answer, by the user who pressed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain import Status
from tracker.errors import InvalidInput, NotFound
from tracker.services import Tracker
from tracker.services.verdicts import evidence_parts
from tracker.store.db import migrate
from tracker.store.models import CommitmentRow
from tracker.store.queue import PendingVerdictRow

CHAT, OTHER_CHAT = -100500, 77
ALICE, BOB = 11, 22
PROMPT = 900
WEEK = timedelta(days=7)


def open_questions(sessions: sessionmaker[Session]) -> list[tuple[int, int, int, str, int]]:
    """(chat_id, prompt_message_id, item number, status, user_id) of every stored question."""
    p, c = PendingVerdictRow, CommitmentRow
    query = select(p.chat_id, p.prompt_message_id, c.number, p.status, p.user_id)
    query = query.join(c, c.id == p.commitment_id)
    with sessions() as session:
        return [tuple(r) for r in session.execute(query.order_by(p.id))]


def add(tracker: Tracker, now: datetime, chat_id: int = CHAT) -> int:
    return tracker.add(chat_id, "The city will open the bridge", by="tg:1", now=now).number


def ask(tracker: Tracker, cid: int, status: str, now: datetime, **kw: int) -> None:
    chat_id = kw.pop("chat_id", CHAT)
    args = {"user_id": ALICE, "prompt_message_id": PROMPT} | kw
    tracker.ask_verdict(chat_id, cid, status, now=now, **args)


class TestAskAndAnswer:
    def test_answer_with_link_and_note_records_the_verdict(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        assert open_questions(sessions) == [(CHAT, PROMPT, cid, "fulfilled", ALICE)]
        assert tracker.get(CHAT, cid).verdicts == ()  # nothing recorded by the press alone
        later = now + timedelta(minutes=3)
        got = tracker.answer_verdict(
            CHAT, PROMPT, user_id=ALICE, text="opened https://n.example/a.", now=later, by="tg:11"
        )
        assert got is not None
        verdict = got.verdicts[-1]
        assert (got.status, verdict.evidence_url, verdict.note, verdict.by, verdict.at) == (
            Status.FULFILLED,
            "https://n.example/a",
            "opened .",
            "tg:11",
            later,
        )
        assert (got, open_questions(sessions)) == (tracker.get(CHAT, cid), [])

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("skip", (None, None)),
            ("  None ", (None, None)),
            ("-", (None, None)),
            ("https://n.example/x", ("https://n.example/x", None)),
            ("see HTTP://N.example/y), thanks", ("HTTP://N.example/y", "see ), thanks")),
            ("the minister said so", (None, "the minister said so")),
            ("ftp://files.example/z", (None, "ftp://files.example/z")),
        ],
    )
    def test_evidence_parts(self, text: str, expected: tuple[str | None, str | None]) -> None:
        assert evidence_parts(text) == expected

    def test_skip_records_without_evidence(self, tracker: Tracker, now: datetime) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "not_fulfilled", now)
        got = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now)
        assert got is not None
        v = got.verdicts[-1]
        assert (got.status, v.evidence_url, v.note, v.by) == (
            Status.NOT_FULFILLED,
            None,
            None,
            str(ALICE),
        )

    def test_answered_once_only(self, tracker: Tracker, now: datetime) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "partly_fulfilled", now)
        first = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="a note", now=now)
        again = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="b note", now=now)
        assert (first is not None, again, len(tracker.get(CHAT, cid).verdicts)) == (True, None, 1)

    def test_no_such_question(self, tracker: Tracker, now: datetime) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        assert [
            tracker.answer_verdict(CHAT, PROMPT + 1, user_id=ALICE, text="skip", now=now),
            tracker.answer_verdict(OTHER_CHAT, PROMPT, user_id=ALICE, text="skip", now=now),
        ] == [None, None]
        assert tracker.get(CHAT, cid).verdicts == ()

    def test_only_the_presser_answers(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "stalled", now)
        assert tracker.answer_verdict(CHAT, PROMPT, user_id=BOB, text="skip", now=now) is None
        assert (tracker.get(CHAT, cid).verdicts, len(open_questions(sessions))) == ((), 1)
        got = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now)
        assert (got.status if got else None, open_questions(sessions)) == (Status.STALLED, [])

    def test_same_prompt_id_in_two_chats(self, tracker: Tracker, now: datetime) -> None:
        here, there = add(tracker, now), add(tracker, now, OTHER_CHAT)
        ask(tracker, here, "fulfilled", now)
        ask(tracker, there, "not_fulfilled", now, chat_id=OTHER_CHAT)
        got = tracker.answer_verdict(OTHER_CHAT, PROMPT, user_id=ALICE, text="skip", now=now)
        assert (got.number if got else None, tracker.get(CHAT, here).status) == (
            there,
            Status.OPEN,
        )


class TestAnsweringForTheAskedUser:
    """An adapter that cannot tell who replied (an anonymous group admin) looks up whom the
    question was asked to, vouches for them, and answers as them with its own audit label."""

    def test_asked_user_of_an_open_question(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now, user_id=BOB)
        assert [
            tracker.asked_user(CHAT, PROMPT, now=now + WEEK),
            tracker.asked_user(CHAT, PROMPT + 1, now=now),
            tracker.asked_user(OTHER_CHAT, PROMPT, now=now),
        ] == [BOB, None, None]
        assert len(open_questions(sessions)) == 1  # looking up answers nothing

    def test_no_asked_user_once_answered_or_expired(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        ask(tracker, cid, "stalled", now, prompt_message_id=PROMPT + 1)
        tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now)
        late = now + WEEK + timedelta(seconds=1)
        assert [
            tracker.asked_user(CHAT, PROMPT, now=now),
            tracker.asked_user(CHAT, PROMPT + 1, now=late),
        ] == [None, None]

    def test_answer_as_the_asked_user_keeps_the_label(
        self, tracker: Tracker, now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        asked = tracker.asked_user(CHAT, PROMPT, now=now)
        assert asked is not None
        got = tracker.answer_verdict(
            CHAT, PROMPT, user_id=asked, text="https://n.example/a", now=now, by="tg:anonymous"
        )
        assert got is not None
        v = got.verdicts[-1]
        assert (got.status, v.evidence_url, v.by) == (
            Status.FULFILLED,
            "https://n.example/a",
            "tg:anonymous",
        )


class TestRefusedAnswers:
    def test_cant_judge_skip_keeps_the_question_open(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "cant_judge", now)
        with pytest.raises(InvalidInput, match="a note is required for that verdict"):
            tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now)
        assert (tracker.get(CHAT, cid).verdicts, len(open_questions(sessions))) == ((), 1)
        got = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="project dropped", now=now)
        assert got is not None
        assert (got.status, got.verdicts[-1].note) == (Status.UNJUDGEABLE, "project dropped")

    def test_too_long_note_keeps_the_question_open(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        with pytest.raises(InvalidInput, match="The note is too long"):
            tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="x" * 2001, now=now)
        assert len(open_questions(sessions)) == 1

    @pytest.mark.parametrize(
        ("chat_id", "status", "error"),
        [
            (OTHER_CHAT, "fulfilled", NotFound),  # the commitment belongs to CHAT
            (CHAT, "kept", InvalidInput),
        ],
    )
    def test_bad_question_stores_nothing(
        self,
        tracker: Tracker,
        sessions: sessionmaker[Session],
        now: datetime,
        chat_id: int,
        status: str,
        error: type[Exception],
    ) -> None:
        cid = add(tracker, now)
        with pytest.raises(error):
            ask(tracker, cid, status, now, chat_id=chat_id)
        assert open_questions(sessions) == []

    def test_naive_now_is_refused(self, tracker: Tracker, now: datetime) -> None:
        cid = add(tracker, now)
        with pytest.raises(InvalidInput, match="timezone-aware"):
            ask(tracker, cid, "fulfilled", now.replace(tzinfo=None))


class TestExpiryAndCancel:
    def test_a_week_old_question_is_still_answered(self, tracker: Tracker, now: datetime) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        got = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now + WEEK)
        assert (got.status if got else None) == Status.FULFILLED

    def test_older_questions_are_ignored_and_dropped(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        late = now + WEEK + timedelta(seconds=1)
        got = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=late)
        assert (got, tracker.get(CHAT, cid).verdicts, open_questions(sessions)) == (None, (), [])

    def test_asking_drops_the_chats_expired_questions(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid, far = add(tracker, now), add(tracker, now, OTHER_CHAT)
        ask(tracker, cid, "fulfilled", now)
        ask(tracker, far, "fulfilled", now, chat_id=OTHER_CHAT)
        ask(tracker, cid, "stalled", now + timedelta(days=8), prompt_message_id=PROMPT + 1)
        assert open_questions(sessions) == [
            (OTHER_CHAT, PROMPT, far, "fulfilled", ALICE),  # another chat: left alone
            (CHAT, PROMPT + 1, cid, "stalled", ALICE),
        ]

    def test_cancel_drops_only_that_users_questions(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        ask(tracker, cid, "stalled", now, prompt_message_id=PROMPT + 1)
        ask(tracker, cid, "partly_fulfilled", now, prompt_message_id=PROMPT + 2, user_id=BOB)
        dropped = tracker.cancel_verdicts(CHAT, user_id=ALICE, now=now)
        again = tracker.cancel_verdicts(CHAT, user_id=ALICE, now=now)
        assert (dropped, again, open_questions(sessions)) == (
            2,
            0,
            [(CHAT, PROMPT + 2, cid, "partly_fulfilled", BOB)],
        )
        assert tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now) is None

    def test_cancel_does_not_count_expired_questions(
        self, tracker: Tracker, sessions: sessionmaker[Session], now: datetime
    ) -> None:
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        late = now + timedelta(days=9)
        assert (
            tracker.cancel_verdicts(CHAT, user_id=ALICE, now=late),
            open_questions(sessions),
        ) == (
            0,
            [],
        )


class TestTwoProcesses:
    def test_an_answer_being_recorded_elsewhere_is_not_recorded_twice(
        self, pg_schema_factory: Callable[[], Engine], now: datetime
    ) -> None:
        """PostgreSQL: while process A holds the question (mid-answer), process B's copy of the
        same answer waits for A's commit, then finds no question and records nothing."""
        engine = pg_schema_factory()
        migrate(engine)
        tracker = Tracker(sessionmaker(engine, expire_on_commit=False))
        cid = add(tracker, now)
        ask(tracker, cid, "fulfilled", now)
        result: dict[str, Any] = {}

        def process_b() -> None:
            result["b"] = tracker.answer_verdict(CHAT, PROMPT, user_id=ALICE, text="skip", now=now)

        p = PendingVerdictRow
        mine = (p.chat_id == CHAT) & (p.prompt_message_id == PROMPT)
        with engine.connect() as a:
            with a.begin():  # process A: lock the question, answer it, commit later
                a.execute(select(p.id).where(mine).with_for_update())
                b = threading.Thread(target=process_b)
                b.start()
                b.join(timeout=0.5)
                waited = b.is_alive()
                a.execute(delete(p).where(mine))
            b.join(timeout=10)
        verdicts: tuple[Any, ...] = tracker.get(CHAT, cid).verdicts
        engine.dispose()
        assert (waited, result, verdicts) == (True, {"b": None}, ())
