"""Tracker use cases on SQLite and PostgreSQL, including bad input that must change nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from tracker.domain import (
    Article,
    ChatSettings,
    Commitment,
    DueBasis,
    Horizons,
    Kind,
    PublishedBasis,
    Status,
    VerdictsBy,
)
from tracker.errors import InvalidDeadline, InvalidInput, NotFound
from tracker.services import Tracker
from tracker.services.texts import unshare_texts
from tracker.stats import compute_stats

CHAT, OTHER = -100123, 42
ARTICLE = Article(
    text=(
        "LONDON, March 3 (Reuters) - The city council will build a new bridge over the river"
        " by 2028, the mayor said on Tuesday.\n\nAcme Corp will open a factory in the town,"
        " its chief executive promised. Prices rose 3% last year."
    ),
    url="https://example.com/bridge",
    title="Council promises a bridge",
    publisher="Example News",
    published=date(2026, 3, 3),
    published_basis=PublishedBasis.TEXT,
)


def seed(tracker: Tracker, rows: Sequence[dict[str, Any]], *, now: datetime, chat: int = CHAT):
    """Commitments stored through import (no extractor involved), oldest id first."""
    assert tracker.import_rows(chat, rows, by="seed", now=now) == len(rows)
    return sorted(tracker.list(chat, limit=500).items, key=lambda c: c.id)[-len(rows) :]


def everything(tracker: Tracker, chat: int = CHAT) -> list[dict[str, Any]]:
    return tracker.export_rows(chat)


class TestPropose:
    def test_stores_the_extractors_candidates_and_the_source(self, tracker, now) -> None:
        from tracker.extract import extract

        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        expected = extract(
            ARTICLE.text,
            published=ARTICLE.published,
            published_basis=ARTICLE.published_basis,
            fallback_ref=now.date(),
            horizons=Horizons(),
        )
        assert proposal.candidates == expected.commitments
        assert (proposal.chat_id, proposal.accepted) == (CHAT, frozenset())
        src = proposal.source
        assert (src.url, src.title, src.publisher, src.published, src.published_basis) == (
            ARTICLE.url,
            ARTICLE.title,
            ARTICLE.publisher,
            ARTICLE.published,
            PublishedBasis.TEXT,
        )
        assert tracker.get_proposal(CHAT, proposal.id) == proposal

    def test_same_article_is_one_source_even_reformatted_or_in_another_chat(
        self, tracker, now
    ) -> None:
        first = tracker.propose(CHAT, ARTICLE, now=now)
        spaced = Article(text="  " + ARTICLE.text.replace(" ", "  ") + "\n", url=None)
        second = tracker.propose(OTHER, spaced, now=now)
        assert second.source == first.source
        assert second.id != first.id

    def test_spans_index_the_stored_text_when_the_article_comes_back_reformatted(
        self, tracker, now
    ) -> None:
        tracker.propose(OTHER, ARTICLE, now=now)
        spaced = Article(text=ARTICLE.text.replace(" ", "   "))
        proposal = tracker.propose(CHAT, spaced, now=now)
        tracker.accept(CHAT, proposal.id, None, by="u", now=now)
        exported = tracker.export_rows(CHAT)
        assert [r["source_text"] is None for r in exported] == [False] + [True] * (
            len(exported) - 1
        )  # each text once; unshare_texts puts it back in every row
        rows = list(unshare_texts(exported))
        assert [r["source_text"][r["span_start"] : r["span_end"]] for r in rows] == [
            r["quote"] for r in rows
        ]
        assert (len(rows), rows[0]["source_text"]) == (len(proposal.candidates), ARTICLE.text)

    def test_a_linked_release_speaks_for_its_sites_institution(self, tracker, now) -> None:
        text = (
            "Funding confirmed\n12 December 2022\n£257 million will be handed to councils "
            "across England to make sure refuges are available to victims.\n"
        )
        linked = Article(text=text, url="https://www.gov.uk/government/news/funding")
        proposal = tracker.propose(CHAT, linked, now=now)
        assert proposal.candidates[0].actors[0] == "UK Government"
        again = tracker.propose(OTHER, Article(text=text, url=None), now=now)
        assert again.candidates[0].actors[0] == "UK Government"  # the stored source's address

    def test_empty_article_is_refused(self, tracker, now) -> None:
        with pytest.raises(InvalidInput):
            tracker.propose(CHAT, Article(text="  \n "), now=now)

    def test_another_chats_or_unknown_proposal_is_not_found(self, tracker, now) -> None:
        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        for chat, ident in ((OTHER, proposal.id), (CHAT, proposal.id + 1000)):
            with pytest.raises(NotFound) as err:
                tracker.get_proposal(chat, ident)
            assert str(err.value) == f"There is no proposal #{ident} in this chat."


class TestAccept:
    def test_picked_candidate_becomes_a_commitment(self, tracker, now) -> None:
        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        assert len(proposal.candidates) >= 2, "the article has two clear commitments"
        [made] = tracker.accept(CHAT, proposal.id, [2], by="tg:7", now=now)
        cand = proposal.candidates[1]
        assert made == Commitment(
            id=made.id,
            chat_id=CHAT,
            actors=cand.actors,
            action=cand.action,
            kind=cand.kind,
            quote=cand.quote,
            due=cand.due,
            due_basis=cand.due_basis,
            status=Status.OPEN,
            created_by="tg:7",
            created_at=now,
            span=cand.span,
            deadline=cand.deadline,
            deadline_text=cand.deadline_text,
            deadline_value=cand.deadline_value,
            source=proposal.source,
            number=1,  # the chat's first item, whatever its row id
        )
        assert tracker.get_proposal(CHAT, proposal.id).accepted == frozenset({2})

    def test_accepting_twice_does_not_duplicate(self, tracker, now) -> None:
        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        first = tracker.accept(CHAT, proposal.id, [1], by="a", now=now)
        again = tracker.accept(CHAT, proposal.id, None, by="b", now=now)
        n = len(proposal.candidates)
        assert again[0] == first[0]
        assert tracker.list(CHAT).total == n
        # Re-proposing the same article and accepting again still adds nothing.
        redo = tracker.propose(CHAT, ARTICLE, now=now)
        assert redo.accepted == frozenset(range(1, n + 1))
        assert tracker.accept(CHAT, redo.id, None, by="c", now=now) == again
        assert tracker.list(CHAT).total == n

    @pytest.mark.parametrize("picks", [[0], [1, 99], [], [True]])
    def test_bad_pick_stores_nothing(self, tracker, now, picks) -> None:
        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        with pytest.raises(InvalidInput):
            tracker.accept(CHAT, proposal.id, picks, by="a", now=now)
        assert tracker.list(CHAT).total == 0

    def test_other_chats_or_unknown_proposal(self, tracker, now) -> None:
        proposal = tracker.propose(CHAT, ARTICLE, now=now)
        for chat, ident in ((OTHER, proposal.id), (CHAT, proposal.id + 1000)):
            with pytest.raises(NotFound):
                tracker.accept(chat, ident, None, by="a", now=now)
        assert (tracker.list(OTHER).total, tracker.list(CHAT).total) == (0, 0)


class TestAdd:
    def test_explicit_deadline_is_parsed_in_the_chats_timezone(self, tracker, now) -> None:
        from tracker.deadlines import parse_deadline

        tracker.update_settings(CHAT, timezone="Pacific/Kiritimati")  # UTC+14: already 16 March
        made = tracker.add(
            CHAT, "Fix the roads", actor="Mayor", deadline="2027-06-30", kind="promise",
            by="tg:1", now=now,
        )  # fmt: skip
        day, value = parse_deadline("2027-06-30", ref=date(2026, 3, 16)) or (None, None)
        assert (made.due, made.due_basis, made.deadline, made.deadline_value) == (
            day,
            DueBasis.DEADLINE,
            day,
            value,
        )
        assert (made.actors, made.kind, made.quote, made.deadline_text) == (
            ("Mayor",),
            Kind.PROMISE,
            "Fix the roads",
            "2027-06-30",
        )
        assert tracker.get(CHAT, made.number) == made

    def test_without_deadline_the_kinds_horizon_applies(self, tracker, now) -> None:
        tracker.update_settings(CHAT, timezone="Pacific/Kiritimati")
        made = tracker.add(CHAT, "Plant trees", actor="Parks", kind=Kind.PLAN, by="u", now=now)
        assert (made.due, made.due_basis, made.deadline) == (
            date(2026, 3, 16) + timedelta(days=180),
            DueBasis.DEFAULT,
            None,
        )

    def test_a_new_chat_starts_in_the_trackers_default_timezone(self, sessions, now) -> None:
        tracker = Tracker(sessions, timezone="Pacific/Kiritimati")  # UTC+14: already 16 March
        made = tracker.add(CHAT, "Plant trees", actor="Parks", kind=Kind.PLAN, by="u", now=now)
        assert (tracker.settings(CHAT).timezone, made.due) == (
            "Pacific/Kiritimati",
            date(2026, 3, 16) + timedelta(days=180),
        )

    def test_an_unknown_default_timezone_is_refused_at_start(self, sessions) -> None:
        with pytest.raises(InvalidInput):
            Tracker(sessions, timezone="Mars/Olympus")

    def test_missing_details_are_read_from_the_statement(self, tracker, now) -> None:
        from tracker.extract import extract

        statement = "The city council will build a new bridge over the river by 2028."
        made = tracker.add(CHAT, statement, by="u", now=now)
        found = extract(
            statement,
            published=now.date(),
            published_basis=PublishedBasis.GIVEN,
            fallback_ref=now.date(),
            horizons=Horizons(),
        ).commitments
        assert found, "the extractor reads this plain promise"
        cand = found[0]  # add() takes the first candidate
        got = (made.kind, made.actors, made.action, made.due, made.due_basis, made.deadline_text)
        assert got == (
            cand.kind,
            cand.actors,
            cand.action,
            cand.due,
            cand.due_basis,
            cand.deadline_text,
        )

    def test_unreadable_deadline_stores_nothing(self, tracker, now) -> None:
        with pytest.raises(InvalidDeadline):
            tracker.add(CHAT, "Fix it", deadline="when pigs fly", kind="plan", by="u", now=now)
        assert tracker.list(CHAT).total == 0

    @pytest.mark.parametrize(
        ("statement", "kind", "by"), [("  ", None, "u"), ("x", "wish", "u"), ("x", None, " ")]
    )
    def test_bad_input_stores_nothing(self, tracker, now, statement, kind, by) -> None:
        with pytest.raises(InvalidInput):
            tracker.add(CHAT, statement, kind=kind, by=by, now=now)
        assert tracker.list(CHAT).total == 0


class TestGet:
    def test_missing_and_other_chats_ids_give_the_same_message(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        messages = []
        for chat, ident in ((OTHER, item.number), (CHAT, item.number + 1000)):
            with pytest.raises(NotFound) as err:
                tracker.get(chat, ident)
            messages.append(str(err.value).replace(str(ident), "N"))
        assert messages == ["There is no item #N in this chat; see /list."] * 2


ROWS = [
    {"quote": "C", "due": "2026-05-01", "status": "fulfilled"},
    {"quote": "A", "due": "2026-03-01"},
    {"quote": "B", "due": "2026-03-01", "status": "in_progress"},
    {"quote": "D", "due": "2026-12-01"},
    {"quote": "E", "due": "2026-02-01", "status": "not_fulfilled"},
]


class TestList:
    def test_ordered_by_due_then_id_with_total(self, tracker, now) -> None:
        seed(tracker, ROWS, now=now)
        page = tracker.list(CHAT, limit=2, offset=1)
        assert ([c.quote for c in page.items], page.total, page.offset, page.limit) == (
            ["A", "B"],
            5,
            1,
            2,
        )

    def test_filters(self, tracker, now) -> None:
        seed(tracker, ROWS, now=now)
        seed(tracker, [{"quote": "elsewhere", "due": "2026-01-01"}], now=now, chat=OTHER)

        def quotes(**kw: Any) -> list[str]:
            return [c.quote for c in tracker.list(CHAT, **kw).items]

        assert quotes(statuses=["open", Status.IN_PROGRESS]) == ["A", "B", "D"]
        assert quotes(due_before=date(2026, 5, 1)) == ["E", "A", "B"]
        assert quotes(overdue_on=date(2026, 5, 2)) == ["A", "B"]

    @pytest.mark.parametrize(
        "kw", [{"statuses": ["done"]}, {"limit": 0}, {"limit": 501}, {"offset": -1}]
    )
    def test_bad_arguments(self, tracker, kw) -> None:
        with pytest.raises(InvalidInput):
            tracker.list(CHAT, **kw)


class TestRecordVerdict:
    def test_verdicts_are_appended_and_the_latest_is_the_status(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        later = now + timedelta(days=1)
        tracker.record_verdict(CHAT, item.number, "in_progress", by="tg:1", now=now)
        done = tracker.record_verdict(
            CHAT, item.number, Status.FULFILLED, by="tg:2", now=later,
            evidence_url="https://news.example/opened", note=" Opened today. ",
        )  # fmt: skip
        got = [(v.status, v.at, v.by, v.evidence_url, v.note) for v in done.verdicts]
        assert (done.status, got) == (
            Status.FULFILLED,
            [
                (Status.IN_PROGRESS, now, "tg:1", None, None),
                (Status.FULFILLED, later, "tg:2", "https://news.example/opened", "Opened today."),
            ],
        )
        assert tracker.get(CHAT, item.number) == done

    @pytest.mark.parametrize(
        "kw",
        [
            {"status": "done"},
            {"evidence_url": "ftp://example.com/x"},
            {"evidence_url": "javascript:alert(1)"},
            {"evidence_url": "https://"},
            {"evidence_url": "https://example.com/" + "a" * 2040},
            {"note": "n" * 2001},
            {"status": "cant_judge"},
            {"status": "cant_judge", "note": "   "},
        ],
    )
    def test_bad_input_changes_nothing(self, tracker, now, kw) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        args = {"status": "fulfilled"} | kw
        with pytest.raises(InvalidInput):
            tracker.record_verdict(CHAT, item.number, args.pop("status"), by="u", now=now, **args)
        assert tracker.get(CHAT, item.number) == item

    def test_cant_judge_with_a_reason(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        got = tracker.record_verdict(
            CHAT, item.number, "cant_judge", by="u", now=now, note="vague"
        )
        assert (got.status, got.verdicts[-1].note) == (Status.UNJUDGEABLE, "vague")

    def test_unknown_or_other_chats_id(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        for chat, ident in ((OTHER, item.number), (CHAT, item.number + 1000)):
            with pytest.raises(NotFound):
                tracker.record_verdict(chat, ident, "fulfilled", by="u", now=now)
        assert tracker.get(CHAT, item.number) == item


class TestSetDue:
    def test_due_change_is_audited(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        moved = tracker.set_due(CHAT, item.number, date(2026, 9, 30), by="tg:3", now=now)
        # A user's date is not an assumed horizon any more; the audit row keeps the old basis.
        assert (moved.due, moved.due_basis) == (date(2026, 9, 30), DueBasis.DEADLINE)
        assert everything(tracker)[0]["due_changes"] == [
            {
                "at": now.isoformat(),
                "by": "tg:3",
                "old_due": "2026-05-01",
                "old_basis": "default",
                "new_due": "2026-09-30",
            }
        ]

    def test_same_due_records_nothing(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        assert tracker.set_due(CHAT, item.number, item.due, by="u", now=now) == item
        assert everything(tracker)[0]["due_changes"] == []

    @pytest.mark.parametrize("due", [datetime(2026, 9, 30, tzinfo=UTC), "2026-09-30", None])
    def test_not_a_date(self, tracker, now, due) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        with pytest.raises(InvalidInput):
            tracker.set_due(CHAT, item.number, due, by="u", now=now)
        assert tracker.get(CHAT, item.number) == item

    def test_other_chats_id(self, tracker, now) -> None:
        [item] = seed(tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)
        with pytest.raises(NotFound):
            tracker.set_due(OTHER, item.number, date(2027, 1, 1), by="u", now=now)
        assert tracker.get(CHAT, item.number) == item


class TestStats:
    def test_stats_match_the_pure_computation(self, tracker, now) -> None:
        seed(tracker, ROWS, now=now)
        seed(tracker, [{"quote": "other", "due": "2026-01-01"}], now=now, chat=OTHER)
        today = date(2026, 4, 1)
        expected = compute_stats(tracker.list(CHAT).items, today=today)
        assert tracker.stats(CHAT, today=today) == expected
        assert expected.overall.total == 5


class TestSettings:
    def test_defaults_until_changed(self, tracker) -> None:
        assert tracker.settings(CHAT) == ChatSettings(chat_id=CHAT)

    def test_tracker_horizons_are_the_default(self, sessions) -> None:
        custom = Horizons(promise=30, plan=60, agreement=90, prediction=120)
        assert Tracker(sessions, horizons=custom).settings(CHAT).horizons == custom

    def test_update_and_read_back(self, tracker) -> None:
        horizons = Horizons(plan=90)
        got = tracker.update_settings(
            CHAT, timezone="Europe/Berlin", digest_time="07:45", digest_days={0, 2, 4},
            summary_day=4, summary_time=time(17, 0), verdicts_by="admins", horizons=horizons,
            active=False,
        )  # fmt: skip
        assert got == ChatSettings(
            chat_id=CHAT,
            timezone="Europe/Berlin",
            digest_time=time(7, 45),
            digest_days=frozenset({0, 2, 4}),
            summary_day=4,
            summary_time=time(17, 0),
            verdicts_by=VerdictsBy.ADMINS,
            horizons=horizons,
            active=False,
        )
        assert tracker.settings(CHAT) == got
        assert tracker.settings(OTHER) == ChatSettings(chat_id=OTHER)

    @pytest.mark.parametrize(
        "change",
        [
            {"timezone": "Mars/Olympus"},
            {"timezone": "../etc/passwd"},
            {"digest_time": "25:00"},
            {"digest_days": {7}},
            {"summary_day": -1},
            {"verdicts_by": "owner"},
            {"horizons": Horizons(plan=0)},
            {"active": "yes"},
            {"colour": "blue"},
        ],
    )
    def test_bad_value_changes_nothing(self, tracker, change) -> None:
        tracker.update_settings(CHAT, timezone="Europe/Paris")
        before = tracker.settings(CHAT)
        with pytest.raises(InvalidInput):
            tracker.update_settings(CHAT, **({"active": False} | change))
        assert tracker.settings(CHAT) == before

    def test_chat_horizon_is_used_by_add(self, tracker, now) -> None:
        tracker.update_settings(CHAT, horizons=Horizons(promise=10))
        made = tracker.add(
            CHAT, "Reply to the letter", actor="Bob", kind="promise", by="u", now=now
        )
        assert (made.due, made.due_basis) == (now.date() + timedelta(days=10), DueBasis.DEFAULT)


@pytest.fixture(params=["sqlite", "postgresql"])
def pooled_tracker(request, tmp_path):
    """A Tracker on a real connection pool (file SQLite or a private PostgreSQL schema)."""
    from tracker.store.db import make_engine, make_sessionmaker, migrate

    if request.param == "sqlite":
        engine = make_engine(None, data_dir=tmp_path)
    else:
        engine = request.getfixturevalue("pg_schema_factory")()
    migrate(engine)
    yield Tracker(make_sessionmaker(engine))
    engine.dispose()


class TestConcurrency:
    def test_parallel_accepts_of_one_proposal_store_each_candidate_once(
        self, pooled_tracker, now
    ) -> None:
        from concurrent.futures import ThreadPoolExecutor
        from threading import Barrier

        proposal = pooled_tracker.propose(CHAT, ARTICLE, now=now)
        barrier = Barrier(4)

        def press(user: int) -> list[int]:
            barrier.wait()
            made = pooled_tracker.accept(CHAT, proposal.id, None, by=f"tg:{user}", now=now)
            return [c.id for c in made]

        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(press, range(4)))
        assert results[1:] == results[:1] * 3
        assert pooled_tracker.list(CHAT).total == len(proposal.candidates)

    def test_parallel_verdicts_are_all_kept(self, pooled_tracker, now) -> None:
        from concurrent.futures import ThreadPoolExecutor

        [item] = seed(pooled_tracker, [{"quote": "Build it", "due": "2026-05-01"}], now=now)

        def vote(user: int) -> None:
            pooled_tracker.record_verdict(CHAT, item.number, "stalled", by=f"tg:{user}", now=now)

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(vote, range(8)))
        got = pooled_tracker.get(CHAT, item.number).verdicts
        assert sorted(v.by for v in got) == sorted(f"tg:{u}" for u in range(8))


def test_reading_is_redone_on_the_text_a_racing_writer_stored(now) -> None:
    from tracker.extract import extract
    from tracker.services.ledger import Reading
    from tracker.store.models import SourceRow

    spaced = Article(text=ARTICLE.text.replace(" ", "  "))
    reading = Reading(None, spaced, today=now.date(), horizons=Horizons())
    stored = SourceRow(text=ARTICLE.text, published=date(2026, 3, 3), published_basis="text")
    expected = extract(
        ARTICLE.text,
        published=date(2026, 3, 3),
        published_basis=PublishedBasis.TEXT,
        fallback_ref=now.date(),
        horizons=Horizons(),
    )
    assert (reading.of(stored), reading.found == expected) == (expected, False)
