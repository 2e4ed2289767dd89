"""The weekly chart drawn with matplotlib (imported lazily, Agg backend): horizontal bars
stacked by outcome, the rate in the title, the legend and the co-actor note below the bars,
sized for a phone. Pure apart from building PNG bytes in memory."""

from __future__ import annotations

import io
import math
import textwrap
from typing import TYPE_CHECKING

from tracker.chart.data import ChartData, chart_data, describe
from tracker.domain import Stats

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

WIDTH_IN = 6.4  # shown about 400 px wide on a phone: 12 pt stays as large as body text
DPI = 150
TITLE_PT, LABEL_PT, LEGEND_PT, NOTE_PT = 14, 12, 12, 11
BAR_IN = 0.62  # height per bar (two-line labels)
LEGEND_ROW_IN = 0.3
LEGEND_COLUMNS = 2


def build_figure(data: ChartData) -> Figure:
    """The figure: bars (first bar on top), then the legend and the note below them."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers; must precede pyplot
    from matplotlib.figure import Figure

    plot_in = BAR_IN * len(data.bars) + 1.6  # + title and count axis
    key_in = LEGEND_ROW_IN * math.ceil(len(data.series) / LEGEND_COLUMNS) + 0.7  # + note
    figure = Figure(figsize=(WIDTH_IN, plot_in + key_in), dpi=DPI, layout="constrained")
    top, bottom = figure.subfigures(2, 1, squeeze=False, height_ratios=[plot_in, key_in])[:, 0]
    axes = top.add_subplot()
    _bars(axes, data)
    _title(top, data)
    _legend(bottom, axes, data)
    return figure


def _bars(axes: Axes, data: ChartData) -> None:
    from matplotlib.ticker import MaxNLocator

    rows = range(len(data.bars))
    left = [0] * len(data.bars)
    for series in data.series:
        values = [getattr(bar.rate, series.field) for bar in data.bars]
        axes.barh(rows, values, left=left, label=series.label, color=series.colour)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(rows, [bar.label for bar in data.bars], fontsize=LABEL_PT)
    axes.invert_yaxis()  # the first bar (all items) on top
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
    axes.tick_params(axis="x", labelsize=LABEL_PT)
    axes.set_xlabel("items", fontsize=LABEL_PT)
    axes.spines[["top", "right"]].set_visible(False)


def _title(figure: SubFigure, data: ChartData) -> None:
    title = textwrap.fill(data.title, 48)
    figure.suptitle(f"{title}\n{textwrap.fill(data.subtitle, 60)}", fontsize=TITLE_PT)


def _legend(key: SubFigure, axes: Axes, data: ChartData) -> None:
    """The legend at full width under the bars, then the co-actor note."""
    handles, labels = axes.get_legend_handles_labels()
    key.legend(handles, labels, loc="upper center", ncols=LEGEND_COLUMNS,
               fontsize=LEGEND_PT, frameon=False)  # fmt: skip
    note = textwrap.fill(data.note, 64)
    key.text(0.5, 0.04, note, ha="center", va="bottom", fontsize=NOTE_PT, style="italic")


def render_png(data: ChartData) -> bytes:
    """The figure as PNG bytes; its description (tEXt) says what the chart shows."""
    buffer = io.BytesIO()
    metadata = {"Title": data.title, "Description": describe(data)}
    build_figure(data).savefig(buffer, format="png", metadata=metadata)
    return buffer.getvalue()


def render_summary(stats: Stats) -> bytes | None:
    """The weekly chart of `stats` as PNG bytes; None when nothing is tracked."""
    data = chart_data(stats)
    return None if data is None else render_png(data)
