"""Fulfilment figures: counts per group (`Rate`) and a ledger's figures at one instant.
Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.reading import Kind


@dataclass(frozen=True, slots=True)
class Rate:
    """Fulfilment counts for one group (overall, one actor or one kind)."""

    fulfilled: int = 0
    partly: int = 0
    not_fulfilled: int = 0
    unjudgeable: int = 0
    in_progress: int = 0  # rated "not yet" / stalled, not final
    overdue_unchecked: int = 0  # due, no final verdict
    not_yet_due: int = 0

    @property
    def judged(self) -> int:
        """Denominator of the fulfilment rate: final verdicts that could be judged."""
        return self.fulfilled + self.partly + self.not_fulfilled

    @property
    def total(self) -> int:
        return (
            self.judged
            + self.unjudgeable
            + self.in_progress
            + self.overdue_unchecked
            + self.not_yet_due
        )

    @property
    def fulfilment(self) -> float | None:
        """Share fulfilled among judged items, partly counting half; None when none judged."""
        if not self.judged:
            return None
        return (self.fulfilled + 0.5 * self.partly) / self.judged


@dataclass(frozen=True, slots=True)
class Stats:
    """Fulfilment figures for one ledger at one instant."""

    today: date
    overall: Rate
    by_actor: dict[str, Rate]
    by_kind: dict[Kind, Rate]
    others: Rate  # each once: items with actors, none among by_actor's first TOP_ACTORS
    no_actor: Rate  # items naming no actor
