"""What the weekly chart shows, as plain data: the overall rate in its title, one bar for all
items, one per top actor, "Others" for the rest, and a legend of colour-blind-safe colours.
Pure: no matplotlib, no I/O, no clock (the date comes with the `Stats`)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from tracker.domain import Rate, Stats
from tracker.stats import TOP_ACTORS


@dataclass(frozen=True, slots=True)
class Series:
    """One outcome stacked in every bar: the `Rate` field it counts, its legend label, colour."""

    field: str
    label: str
    colour: str


# Okabe & Ito's palette ("Color Universal Design", 2008), distinguishable with the common
# colour-vision deficiencies; final verdicts first, stacked left to right in this order.
SERIES = (
    Series("fulfilled", "fulfilled", "#009E73"),  # bluish green
    Series("partly", "partly (counts half)", "#56B4E9"),  # sky blue
    Series("not_fulfilled", "not fulfilled", "#D55E00"),  # vermillion
    Series("unjudgeable", "can't be judged", "#999999"),  # grey
    Series("in_progress", "not yet (in progress)", "#F0E442"),  # yellow
    Series("overdue_unchecked", "overdue unchecked", "#E69F00"),  # orange
    Series("not_yet_due", "not yet due", "#0072B2"),  # blue
)
assert [s.field for s in SERIES] == [f.name for f in fields(Rate)]

NAME_LIMIT = 24  # characters of an actor's name on a phone-width chart
ALL_ITEMS = "All items"
NO_ACTOR = "No actor named"
OTHERS = "Others"
NOTE = "An item with several actors counts in each of its actors' bars"


@dataclass(frozen=True, slots=True)
class Bar:
    """One horizontal bar: its label (name, then its rate) and the counts it stacks."""

    name: str
    rate: Rate

    @property
    def label(self) -> str:
        return f"{self.name}\n{bar_rate(self.rate)}"


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the chart shows; bars top to bottom, series left to right."""

    title: str
    subtitle: str
    bars: tuple[Bar, ...]
    series: tuple[Series, ...]
    note: str


def percent(rate: Rate) -> str:
    """The fulfilment rate as the text summary writes it ("62%"); "—" when nothing judged."""
    return "—" if rate.fulfilment is None else f"{rate.fulfilment:.0%}"


def headline(rate: Rate) -> str:
    """The chart's title: the overall rate and, always, what is overdue and unchecked."""
    overdue = f"{rate.overdue_unchecked} overdue unchecked"
    if not rate.judged:
        return f"Nothing judged yet · {overdue}"
    return f"Kept {percent(rate)} of {rate.judged} judged · {overdue}"


def subtitle(stats: Stats) -> str:
    """The line under the title: the judged ones by verdict, the total and the date."""
    rate = stats.overall
    verdicts = f"{rate.fulfilled} fulfilled, {rate.partly} partly, {rate.not_fulfilled} not"
    return f"{verdicts} · {rate.total} in all · {stats.today.isoformat()}"


def bar_rate(rate: Rate) -> str:
    """The second line of a bar's label."""
    if not rate.total:
        return "every item is in a bar above"
    if not rate.judged:
        return f"none judged of {rate.total}"
    return f"{percent(rate)} kept of {rate.judged} judged"


def shorten(name: str, limit: int = NAME_LIMIT) -> str:
    """A name cut to `limit` characters, the cut marked with an ellipsis."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def bars(stats: Stats) -> tuple[Bar, ...]:
    """All items, the top actors, then "Others" and "No actor named" when they exist: every
    item is in the first bar and in at least one of the others."""
    actors = list(stats.by_actor.items())
    rows = [Bar(ALL_ITEMS, stats.overall)]
    rows += [Bar(shorten(name), rate) for name, rate in actors[:TOP_ACTORS]]
    rest = len(actors) - TOP_ACTORS
    if rest > 0:
        rows.append(Bar(f"{OTHERS} ({rest} actor{'s' if rest != 1 else ''})", stats.others))
    if stats.no_actor.total:
        rows.append(Bar(NO_ACTOR, stats.no_actor))
    return tuple(rows)


def chart_data(stats: Stats) -> ChartData | None:
    """What to draw; None when nothing is tracked (there is nothing to chart)."""
    if not stats.overall.total:
        return None
    rows = bars(stats)
    present = tuple(s for s in SERIES if any(getattr(b.rate, s.field) for b in rows))
    return ChartData(headline(stats.overall), subtitle(stats), rows, present, note(rows))


def note(rows: tuple[Bar, ...]) -> str:
    """The note under the legend: how co-actors count, and which bars count each item once."""
    once = [
        f"“{name}”" for name in (ALL_ITEMS, OTHERS) if any(b.name.startswith(name) for b in rows)
    ]
    verb = "counts" if len(once) == 1 else "count"
    return f"{NOTE}; {' and '.join(once)} {verb} each item once."


def describe(data: ChartData) -> str:
    """The chart in words (the PNG's description, for screen readers and tests)."""
    lines = [data.title, data.subtitle]
    for bar in data.bars:
        counts = [(getattr(bar.rate, s.field), s.label) for s in data.series]
        shown = ", ".join(f"{n} {label}" for n, label in counts if n) or "none"
        lines.append(f"{bar.name}: {shown} ({bar_rate(bar.rate)})")
    lines.append(data.note)
    return "\n".join(lines)
