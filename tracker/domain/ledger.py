"""What a chat's ledger holds: commitments with their verdicts and corrections, sources,
proposals waiting for picks, and pages of listings. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from tracker.domain.reading import Candidate, DueBasis, Kind, PublishedBasis


class Status(StrEnum):
    """Verdict scale, after PolitiFact's Obameter and the Polimètre."""

    OPEN = "open"  # not yet rated
    IN_PROGRESS = "in_progress"  # "not yet": work under way, ask again later
    STALLED = "stalled"
    FULFILLED = "fulfilled"
    PARTLY = "partly_fulfilled"
    NOT_FULFILLED = "not_fulfilled"
    UNJUDGEABLE = "cant_judge"  # needs a reason (the verdict's note)

    @property
    def resolved(self) -> bool:
        """True for final verdicts (the ones fulfilment rates are made of)."""
        return self in RESOLVED


RESOLVED = frozenset({Status.FULFILLED, Status.PARTLY, Status.NOT_FULFILLED, Status.UNJUDGEABLE})


# After a verdict button, the user's next plain message in the chat answers its evidence
# question for this long (no Reply needed): time to find a link, short enough that later chat
# is read as chat again. A Reply to the question answers it for 7 days.
ANSWER_WINDOW = timedelta(minutes=10)


# What people read for each status (the values are for storage and files, never shown).
STATUS_WORDS: dict[Status, str] = {
    Status.OPEN: "open",
    Status.IN_PROGRESS: "not yet",
    Status.STALLED: "stalled",
    Status.FULFILLED: "fulfilled",
    Status.PARTLY: "partly fulfilled",
    Status.NOT_FULFILLED: "not fulfilled",
    Status.UNJUDGEABLE: "can't be judged",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One entry of a commitment's audit trail."""

    id: int
    status: Status
    at: datetime  # aware UTC
    by: str
    evidence_url: str | None = None
    note: str | None = None


class EditField(StrEnum):
    """What an audited correction changed."""

    ACTOR = "actor"
    ACTION = "action"
    TRACKED = "tracked"  # "no" when untracked, "yes" when tracked again


@dataclass(frozen=True, slots=True)
class Edit:
    """One correction in a commitment's audit trail: the old value is never lost."""

    field: EditField
    at: datetime  # aware UTC
    by: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """A stored article."""

    id: int
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    published_basis: PublishedBasis
    content_hash: str


@dataclass(frozen=True, slots=True)
class Commitment:
    """A tracked commitment with its full verdict history (oldest first)."""

    id: int
    chat_id: int
    actors: tuple[str, ...]
    action: str
    kind: Kind
    quote: str
    due: date
    due_basis: DueBasis
    status: Status
    created_by: str
    created_at: datetime
    span: tuple[int, int] | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    deadline_value: str | None = None
    source: Source | None = None
    verdicts: tuple[Verdict, ...] = field(default=())
    number: int = 0  # the chat's own number; `id` is internal
    untracked: bool = False  # hidden from lists and follow-ups, kept in history and export
    edits: tuple[Edit, ...] = field(default=())

    def overdue(self, today: date) -> bool:
        """Past its due date and not yet given a final verdict."""
        return self.due < today and not self.status.resolved


@dataclass(frozen=True, slots=True)
class Proposal:
    """Candidates extracted from one stored article, waiting for the user to pick (1-based)."""

    id: int
    chat_id: int
    source: Source
    candidates: tuple[Candidate, ...]
    accepted: frozenset[int] = frozenset()  # 1-based indices already tracked
    numbers: dict[int, int] = field(default_factory=dict)  # tracked index → item number
    closed: bool = False  # saved or dropped: its buttons are spent


@dataclass(frozen=True, slots=True)
class Settled:
    """What pressing Track/Save/Drop did: items newly tracked and those tracked before."""

    new: tuple[Commitment, ...]
    known: tuple[Commitment, ...]
    dropped: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing and the size of the whole listing."""

    items: tuple[Commitment, ...]
    total: int
    offset: int
    limit: int
