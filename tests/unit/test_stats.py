"""compute_stats: each commitment lands in exactly one bucket; groups by actor and kind."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.domain import Commitment, DueBasis, Kind, Rate, Stats, Status
from tracker.stats import bucket, compute_stats

TODAY = date(2026, 3, 15)


def make(
    status: Status = Status.OPEN,
    *,
    due: date = TODAY,
    actors: tuple[str, ...] = ("Acme",),
    kind: Kind = Kind.PROMISE,
) -> Commitment:
    return Commitment(
        id=1,
        chat_id=1,
        actors=actors,
        action="build it",
        kind=kind,
        quote="Acme will build it.",
        due=due,
        due_basis=DueBasis.DEADLINE,
        status=status,
        created_by="t",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


PAST, FUTURE = date(2026, 3, 14), date(2026, 3, 16)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        (Status.FULFILLED, PAST, "fulfilled"),
        (Status.FULFILLED, FUTURE, "fulfilled"),
        (Status.PARTLY, PAST, "partly"),
        (Status.NOT_FULFILLED, FUTURE, "not_fulfilled"),
        (Status.UNJUDGEABLE, PAST, "unjudgeable"),
        (Status.OPEN, PAST, "overdue_unchecked"),
        (Status.OPEN, TODAY, "not_yet_due"),  # due today is not overdue yet
        (Status.OPEN, FUTURE, "not_yet_due"),
        (Status.IN_PROGRESS, FUTURE, "in_progress"),
        (Status.STALLED, TODAY, "in_progress"),
        (Status.IN_PROGRESS, PAST, "overdue_unchecked"),  # "not yet" past due is not hidden
        (Status.STALLED, PAST, "overdue_unchecked"),
    ],
)
def test_bucket(status: Status, due: date, expected: str) -> None:
    assert bucket(make(status, due=due), today=TODAY) == expected


class TestComputeStats:
    def test_empty_ledger(self) -> None:
        assert compute_stats([], today=TODAY) == _stats_of(Rate(), {}, {})

    def test_overall_counts_every_commitment_once(self) -> None:
        items = [
            make(Status.FULFILLED),
            make(Status.FULFILLED),
            make(Status.PARTLY),
            make(Status.NOT_FULFILLED),
            make(Status.UNJUDGEABLE),
            make(Status.STALLED, due=FUTURE),
            make(Status.OPEN, due=PAST),
            make(Status.OPEN, due=FUTURE),
        ]
        expected = Rate(
            fulfilled=2,
            partly=1,
            not_fulfilled=1,
            unjudgeable=1,
            in_progress=1,
            overdue_unchecked=1,
            not_yet_due=1,
        )
        stats = compute_stats(items, today=TODAY)
        assert (stats.overall, stats.overall.total, stats.overall.fulfilment) == (
            expected,
            8,
            0.625,
        )

    def test_by_actor_counts_shared_commitments_under_each_actor(self) -> None:
        items = [
            make(Status.FULFILLED, actors=("Acme", "City Council")),
            make(Status.NOT_FULFILLED, actors=("acme",)),
            make(Status.OPEN, due=FUTURE, actors=()),
        ]
        stats = compute_stats(items, today=TODAY)
        assert stats.by_actor == {
            "Acme": Rate(fulfilled=1, not_fulfilled=1),
            "City Council": Rate(fulfilled=1),
        }
        assert list(stats.by_actor) == ["Acme", "City Council"]  # most frequent first

    def test_by_kind_follows_kind_order_and_lists_only_present_kinds(self) -> None:
        items = [
            make(Status.OPEN, due=PAST, kind=Kind.PREDICTION),
            make(Status.FULFILLED, kind=Kind.PLAN),
            make(Status.PARTLY, kind=Kind.PLAN),
        ]
        stats = compute_stats(items, today=TODAY)
        assert stats.by_kind == {
            Kind.PLAN: Rate(fulfilled=1, partly=1),
            Kind.PREDICTION: Rate(overdue_unchecked=1),
        }
        assert list(stats.by_kind) == [Kind.PLAN, Kind.PREDICTION]

    def test_fulfilment_is_none_when_nothing_judged(self) -> None:
        stats = compute_stats([make(Status.UNJUDGEABLE), make(Status.OPEN)], today=TODAY)
        assert stats.overall.fulfilment is None


def _stats_of(overall: Rate, by_actor: dict[str, Rate], by_kind: dict[Kind, Rate]) -> Stats:
    return Stats(today=TODAY, overall=overall, by_actor=by_actor, by_kind=by_kind)
