"""The linker's inputs and outputs: a tracked commitment as the matcher sees it, a relation,
and a link found in a later article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = ["Found", "Relation", "Tracked"]


class Relation(StrEnum):
    """What a later sentence says about a tracked commitment."""

    RESTATES = "restates"
    MOVES_DEADLINE = "moves_deadline"
    REPORTS_DONE = "reports_done"
    REPORTS_PARTLY = "reports_partly"
    REPORTS_NOT_DONE = "reports_not_done"

    @property
    def reports(self) -> bool:
        """A report of an outcome (done, partly, not done), offered as evidence."""
        return self.value.startswith("reports_")


@dataclass(frozen=True, slots=True)
class Tracked:
    """An open commitment of the ledger: who, what, the quote, by when, and its source's date."""

    id: int
    actors: tuple[str, ...]
    action: str
    quote: str
    deadline: date | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A sentence of the later article linked to a tracked commitment."""

    commitment: int
    relation: Relation
    quote: str
    start: int
    end: int
    new_deadline: date | None = None
    confidence: float = 0.5

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)
