"""Forecasts: a commitment that predicts a figure (a percentage) for a year is met by a later
sentence giving a figure for the same quantity and the same year, whatever the new figure ("real
GDP to grow by 1.1% in 2025", later "by 1.4% in 2025", is one forecast, revised)."""

from __future__ import annotations

import re
from datetime import date

from tracker.links.words import content_stems

__all__ = ["Forecast", "forecast_of"]

_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per ?cent\b)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MIN_MEASURE = 2  # shared words of the quantity and place ("real GDP", "euro area inflation")
# what a forecast measures: the sentence must name each of these the forecast names ("euro
# area inflation" is not met by "euro area real GDP")
_QUANTITIES = content_stems(
    """gdp growth inflation prices unemployment employment jobs wages deficit debt borrowing
    output productivity investment imports exports trade market demand consumption emissions
    rates"""
)


class Forecast:
    """The years a forecast is for and the words of what it measures (figures left out)."""

    __slots__ = ("measure", "years")

    def __init__(self, years: frozenset[str], measure: frozenset[str]) -> None:
        self.years = years
        self.measure = measure

    def met_by(self, sentence: str) -> bool:
        """Whether `sentence` gives a figure for the same quantity in one of the same years."""
        if not (self.years and _PERCENT.search(sentence)):
            return False
        if not self.years & set(_YEAR.findall(sentence)):
            return False
        said = content_stems(sentence)
        quantity = self.measure & _QUANTITIES
        return bool(quantity) and quantity <= said and len(self.measure & said) >= _MIN_MEASURE


def forecast_of(action: str, *, deadline: date | None) -> Forecast:
    """The forecast `action` makes: for the years it names (else its deadline's year), none
    when it gives no percentage ("growth picks up in 2026" forecasts no figure)."""
    if not _PERCENT.search(action):
        return Forecast(frozenset(), frozenset())
    years = set(_YEAR.findall(action)) or ({str(deadline.year)} if deadline else set())
    measure = {s for s in content_stems(action) if not s[:1].isdigit()}
    return Forecast(frozenset(years), frozenset(measure))
