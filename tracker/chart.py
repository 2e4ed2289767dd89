"""The weekly summary chart: stacked bars of verdict buckets, overall and per actor, as PNG
bytes. matplotlib is imported lazily with the Agg backend (no display needed)."""

from __future__ import annotations

import io
from dataclasses import fields

from tracker.domain import Rate, Stats

MAX_ACTORS = 8
# (Rate field, legend label, colour): the buckets a chart shows, final verdicts first.
SERIES = (
    ("fulfilled", "fulfilled", "#2e7d32"),
    ("partly", "partly", "#9ccc65"),
    ("not_fulfilled", "not fulfilled", "#c62828"),
    ("unjudgeable", "can't be judged", "#9e9e9e"),
    ("in_progress", "not yet", "#fbc02d"),
    ("overdue_unchecked", "overdue, unchecked", "#ef6c00"),
    ("not_yet_due", "not yet due", "#90caf9"),
)
assert {s[0] for s in SERIES} == {f.name for f in fields(Rate)}


def rows_of(stats: Stats) -> list[tuple[str, Rate]]:
    """The bars to draw: overall, then the most frequent actors."""
    actors = list(stats.by_actor.items())[:MAX_ACTORS]
    return [("Overall", stats.overall), *actors]


def render_summary(stats: Stats, *, title: str | None = None) -> bytes:
    """A PNG of the figures: one horizontal stacked bar per row of `rows_of(stats)`."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers; must precede pyplot
    from matplotlib.figure import Figure

    rows = rows_of(stats)[::-1]  # first row on top
    figure = Figure(figsize=(8, 1.2 + 0.5 * len(rows)), dpi=100)
    axes = figure.add_subplot()
    names = [name[:30] for name, _ in rows]
    left = [0] * len(rows)
    for field, label, colour in SERIES:
        values = [getattr(rate, field) for _, rate in rows]
        axes.barh(names, values, left=left, label=label, color=colour)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_xlabel("commitments")
    axes.set_title(title or f"Commitments as of {stats.today.isoformat()}")
    axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")  # keeps the outside legend
    return buffer.getvalue()
