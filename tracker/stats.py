"""Pure fulfilment statistics over commitment snapshots: overall, by actor and by kind.
No I/O and no clock: the caller passes `today`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date

from tracker.domain import Commitment, Kind, Rate, Stats, Status

# Final verdicts map one-to-one onto a bucket of `Rate`.
_FINAL_BUCKET = {
    Status.FULFILLED: "fulfilled",
    Status.PARTLY: "partly",
    Status.NOT_FULFILLED: "not_fulfilled",
    Status.UNJUDGEABLE: "unjudgeable",
}
_BUCKETS = tuple(f.name for f in fields(Rate))
TOP_ACTORS = 6  # actors with a bar of their own on the chart; the rest make up `others`


def bucket(commitment: Commitment, *, today: date) -> str:
    """The one `Rate` field a commitment counts in on `today`.

    - a final verdict counts as itself: fulfilled, partly, not_fulfilled, unjudgeable;
    - otherwise, due before `today` counts as overdue_unchecked, whatever the interim
      verdict: a "still in progress" past the due date is not a kept promise, and counting
      it anywhere else would hide it;
    - otherwise in_progress (rated in progress or stalled) or not_yet_due (still open).
    """
    final = _FINAL_BUCKET.get(commitment.status)
    if final is not None:
        return final
    if commitment.due < today:
        return "overdue_unchecked"
    if commitment.status in (Status.IN_PROGRESS, Status.STALLED):
        return "in_progress"
    return "not_yet_due"


def rate_of(buckets: Iterable[str]) -> Rate:
    """A `Rate` counting bucket names (as returned by `bucket`)."""
    counts = dict.fromkeys(_BUCKETS, 0)
    for name in buckets:
        counts[name] += 1
    return Rate(**counts)


def sum_rates(rates: Iterable[Rate]) -> Rate:
    """The counts of several `Rate`s added up, bucket by bucket."""
    counts = dict.fromkeys(_BUCKETS, 0)
    for rate in rates:
        for name in _BUCKETS:
            counts[name] += getattr(rate, name)
    return Rate(**counts)


def compute_stats(commitments: Iterable[Commitment], *, today: date) -> Stats:
    """Fulfilment figures on `today`.

    Every commitment counts exactly once in `overall` and once in its kind; it counts once
    under each of its actors (so actor totals may add up to more than `overall`). Actors are
    grouped case-insensitively under the first spelling seen. `by_kind` follows the order of
    `Kind`; `by_actor` lists the most frequent actors first, then alphabetically. `others`
    counts, once each, the commitments with actors none of whom is among the first
    TOP_ACTORS of `by_actor`; `no_actor` those naming nobody: with the top actors, every
    commitment is in at least one of them.
    """
    items = [(bucket(c, today=today), c) for c in commitments]
    kinds: dict[Kind, list[str]] = {}
    actors: dict[str, list[str]] = {}
    spelling: dict[str, str] = {}
    for name, commitment in items:
        kinds.setdefault(commitment.kind, []).append(name)
        for actor in dict.fromkeys(a.casefold() for a in commitment.actors):
            shown = spelling.setdefault(actor, _first(commitment.actors, actor))
            actors.setdefault(shown, []).append(name)
    order = sorted(actors, key=lambda a: (-len(actors[a]), a.casefold(), a))
    others, no_actor = _rest(items, top={a.casefold() for a in order[:TOP_ACTORS]})
    return Stats(
        today=today,
        overall=rate_of(name for name, _ in items),
        by_actor={a: rate_of(actors[a]) for a in order},
        by_kind={k: rate_of(kinds[k]) for k in Kind if k in kinds},
        others=others,
        no_actor=no_actor,
    )


def _rest(items: Iterable[tuple[str, Commitment]], *, top: set[str]) -> tuple[Rate, Rate]:
    """`others` and `no_actor`: the commitments in no top actor's group, each counted once."""
    others: list[str] = []
    nobody: list[str] = []
    for name, commitment in items:
        named = {a.casefold() for a in commitment.actors}
        if not named:
            nobody.append(name)
        elif not named & top:
            others.append(name)
    return rate_of(others), rate_of(nobody)


def _first(names: Iterable[str], folded: str) -> str:
    return next(n for n in names if n.casefold() == folded)
