"""compute_stats: each commitment lands in exactly one bucket; groups by actor and kind."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.domain import Commitment, DueBasis, Kind, Rate, Stats, Status
from tracker.stats import TOP_ACTORS, bucket, compute_stats, sum_rates

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


class TestOthers:
    """Actors beyond the first TOP_ACTORS share one "Others" group that counts each item once."""

    TOP = tuple(f"Top {i}" for i in range(TOP_ACTORS))

    def ledger(self, *rest: Commitment) -> list[Commitment]:
        """Two items per top actor (so they stay on top), then `rest`."""
        return [make(Status.FULFILLED, actors=(a,)) for a in self.TOP for _ in range(2)] + [*rest]

    def test_an_item_of_two_other_actors_counts_once(self) -> None:
        stats = compute_stats(self.ledger(make(Status.NOT_FULFILLED, actors=("X", "Y"))),
                              today=TODAY)  # fmt: skip
        assert (list(stats.by_actor)[:TOP_ACTORS], stats.others) == (
            list(self.TOP),
            Rate(not_fulfilled=1),
        )
        assert stats.by_actor["X"] == stats.by_actor["Y"] == Rate(not_fulfilled=1)

    def test_an_item_with_a_top_co_actor_is_not_in_others(self) -> None:
        items = self.ledger(make(Status.PARTLY, actors=("X", "top 0")), make(actors=("Z",)))
        assert compute_stats(items, today=TODAY).others == Rate(not_yet_due=1)

    def test_items_naming_no_actor(self) -> None:
        stats = compute_stats([make(actors=()), make(Status.FULFILLED)], today=TODAY)
        assert (stats.no_actor, stats.others) == (Rate(not_yet_due=1), Rate())

    def test_top_actors_others_and_no_actor_partition_the_items(self) -> None:
        names = [f"A{i}" for i in range(10)]
        items = [
            make(list(Status)[i % len(Status)], actors=tuple(names[j % 10] for j in range(i % 3)))
            for i in range(60)
        ] + [make(actors=(names[i], names[(i * 3) % 10].lower())) for i in range(10)]
        stats = compute_stats(items, today=TODAY)
        top = {a.casefold() for a in list(stats.by_actor)[:TOP_ACTORS]}
        with_top = sum(1 for c in items if top & {a.casefold() for a in c.actors})
        counts = (with_top, stats.others.total, stats.no_actor.total)
        assert (sum(counts), stats.others.total > 0) == (stats.overall.total, True)


def test_sum_rates_adds_bucket_by_bucket() -> None:
    rates = [Rate(fulfilled=1, not_yet_due=2), Rate(fulfilled=3, partly=1), Rate()]
    assert sum_rates(rates) == Rate(fulfilled=4, partly=1, not_yet_due=2)


def _stats_of(overall: Rate, by_actor: dict[str, Rate], by_kind: dict[Kind, Rate]) -> Stats:
    return Stats(today=TODAY, overall=overall, by_actor=by_actor, by_kind=by_kind,
                 others=Rate(), no_actor=Rate())  # fmt: skip
