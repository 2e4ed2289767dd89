"""The weekly summary chart. `data` decides what it shows (pure, no matplotlib); `draw` turns
that into a matplotlib figure and PNG bytes (matplotlib imported lazily, Agg backend)."""

from __future__ import annotations

from tracker.chart.data import ChartData, chart_data, describe
from tracker.chart.draw import build_figure, render_summary

__all__ = ["ChartData", "build_figure", "chart_data", "describe", "render_summary"]
