"""The weekly chart: what it shows (bars, 'Others', rate in the title, palette, legend) is
tested on the prepared data and on the matplotlib figure, not only on the PNG bytes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from PIL import Image

from tracker.chart import build_figure, chart_data, describe, render_summary
from tracker.chart.data import SERIES, ChartData, bars, headline, shorten
from tracker.chart.draw import LEGEND_PT, WIDTH_IN, render_png
from tracker.domain import Rate, Stats
from tracker.stats import TOP_ACTORS

TODAY = date(2026, 11, 27)
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#999999", "#000000"}  # fmt: skip


def stats(overall: Rate, actors: dict[str, Rate] | None = None, **rest: Rate) -> Stats:
    others, no_actor = rest.get("others", Rate()), rest.get("no_actor", Rate())
    return Stats(TODAY, overall, actors or {}, {}, others, no_actor)


SMALL = stats(
    Rate(fulfilled=1, partly=1, not_fulfilled=1, overdue_unchecked=1),
    {"Mayor": Rate(fulfilled=1, overdue_unchecked=1), "Council": Rate(partly=1)},
)
MANY = stats(
    Rate(fulfilled=9, overdue_unchecked=3),
    {f"Actor {i}": Rate(fulfilled=10 - i) for i in range(9)},
    others=Rate(fulfilled=2, overdue_unchecked=1),
    no_actor=Rate(overdue_unchecked=2),
)


class TestData:
    def test_title_carries_the_rate_and_overdue_unchecked(self) -> None:
        data = chart_data(SMALL)
        assert data is not None
        assert (data.title, data.subtitle) == (
            "Kept 50% of 3 judged · 1 overdue unchecked",
            "1 fulfilled, 1 partly, 1 not · 4 in all · 2026-11-27",
        )

    @pytest.mark.parametrize(
        ("rate", "expected"),
        [
            (Rate(fulfilled=2, partly=1, not_fulfilled=1), "Kept 62% of 4 judged · 0 overdue"),
            (Rate(unjudgeable=2, overdue_unchecked=3), "Nothing judged yet · 3 overdue"),
            (Rate(fulfilled=4, overdue_unchecked=6), "Kept 100% of 4 judged · 6 overdue"),
        ],
    )  # fmt: skip
    def test_headline(self, rate: Rate, expected: str) -> None:
        assert headline(rate) == f"{expected} unchecked"

    def test_top_actors_then_others_then_no_actor(self) -> None:
        names = [bar.name for bar in bars(MANY)]
        expected = ["All items", *(f"Actor {i}" for i in range(TOP_ACTORS)), "Others (3 actors)",
                    "No actor named"]  # fmt: skip
        assert names == expected
        assert [b.rate for b in bars(MANY)][-2:] == [MANY.others, MANY.no_actor]

    def test_no_others_bar_when_every_actor_has_a_bar(self) -> None:
        assert [bar.name for bar in bars(SMALL)] == ["All items", "Mayor", "Council"]

    def test_others_is_shown_even_when_its_items_are_in_bars_above(self) -> None:
        seven = stats(Rate(fulfilled=1), {f"A{i}": Rate(fulfilled=1) for i in range(7)})
        last = bars(seven)[-1]
        assert (last.name, last.label) == ("Others (1 actor)", "Others (1 actor)\n"
                                           "every item is in a bar above")  # fmt: skip

    def test_bar_labels_carry_each_rate(self) -> None:
        assert [bar.label for bar in bars(SMALL)] == [
            "All items\n50% kept of 3 judged",
            "Mayor\n100% kept of 1 judged",
            "Council\n50% kept of 1 judged",
        ]

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Mayor", "Mayor"),
            ("European Commission for Energy", "European Commission for…"),
            ("Ministry  of\nTransport", "Ministry of Transport"),
        ],
    )
    def test_long_names_end_in_an_ellipsis(self, name: str, expected: str) -> None:
        assert (shorten(name), len(shorten(name)) <= 24) == (expected, True)

    def test_note_says_co_actors_count_in_each_bar(self) -> None:
        assert (chart_data(MANY) or pytest.fail()).note == (
            "An item with several actors counts in each of its actors' bars;"
            " “All items” and “Others” count each item once."
        )

    def test_legend_lists_only_outcomes_present(self) -> None:
        data = chart_data(SMALL) or pytest.fail()
        assert [s.field for s in data.series] == [
            "fulfilled", "partly", "not_fulfilled", "overdue_unchecked"
        ]  # fmt: skip

    def test_palette_is_okabe_ito_and_distinct(self) -> None:
        colours = [s.colour.upper() for s in SERIES]
        assert (set(colours) <= OKABE_ITO, len(set(colours))) == (True, len(SERIES))

    def test_nothing_tracked_draws_no_chart(self) -> None:
        empty = stats(Rate())
        assert (chart_data(empty), render_summary(empty)) == (None, None)

    def test_description_reads_the_chart_out(self) -> None:
        data = chart_data(SMALL) or pytest.fail()
        assert describe(data).splitlines()[:3] == [
            "Kept 50% of 3 judged · 1 overdue unchecked",
            "1 fulfilled, 1 partly, 1 not · 4 in all · 2026-11-27",
            "All items: 1 fulfilled, 1 partly (counts half), 1 not fulfilled,"
            " 1 overdue unchecked (50% kept of 3 judged)",
        ]


def drawn(data: ChartData) -> Figure:
    figure = build_figure(data)
    figure.draw_without_rendering()  # lay out, so positions and ticks are final
    return figure


class TestFigure:
    def test_count_axis_has_integer_ticks(self) -> None:
        axes = drawn(chart_data(SMALL) or pytest.fail()).axes[0]
        ticks = [t for t in axes.get_xticks() if 0 <= t <= axes.get_xlim()[1]]
        assert ticks == [0, 1, 2, 3, 4]

    def test_bars_use_the_palette_and_stack_the_counts(self) -> None:
        data = chart_data(SMALL) or pytest.fail()
        axes = drawn(data).axes[0]
        by_colour: dict[str, list[float]] = {}
        for patch in axes.patches:
            by_colour.setdefault(to_hex(patch.get_facecolor()).upper(), []).append(
                patch.get_width()
            )
        expected = {s.colour: [getattr(b.rate, s.field) for b in data.bars] for s in data.series}
        assert by_colour == expected

    def test_tick_labels_are_the_bars_top_down(self) -> None:
        data = chart_data(MANY) or pytest.fail()
        axes = drawn(data).axes[0]
        labels = [t.get_text() for t in axes.get_yticklabels()]
        top_down = sorted(zip(axes.get_yticks(), labels, strict=True),
                          key=lambda p: -axes.transData.transform((0, p[0]))[1])  # fmt: skip
        assert [label for _, label in top_down] == [b.label for b in data.bars]

    def test_legend_below_the_bars_and_readable_on_a_phone(self) -> None:
        figure = drawn(chart_data(MANY) or pytest.fail())
        (legend,) = figure.legends or [sf.legends[0] for sf in figure.subfigs if sf.legends]
        below = legend.get_window_extent().y1 < figure.axes[0].get_window_extent().y0
        sizes = {t.get_fontsize() for t in legend.get_texts()}
        assert (below, min(sizes) >= 11, LEGEND_PT >= 11, figure.get_figwidth()) == (
            True, True, True, WIDTH_IN
        )  # fmt: skip
        assert [t.get_text() for t in legend.get_texts()] == [
            "fulfilled", "overdue unchecked"
        ]  # fmt: skip

    def test_png_describes_itself(self) -> None:
        data = chart_data(MANY) or pytest.fail()
        png = render_png(data)
        image = Image.open(io.BytesIO(png))
        assert (image.format, image.width, image.text["Description"]) == (
            "PNG", WIDTH_IN * 150, describe(data)
        )  # fmt: skip
