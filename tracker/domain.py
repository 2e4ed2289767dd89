"""Domain vocabulary: enums and frozen snapshots shared by every layer. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum


class Kind(StrEnum):
    """What sort of forward-looking statement a commitment is."""

    PROMISE = "promise"
    PLAN = "plan"
    AGREEMENT = "agreement"
    PREDICTION = "prediction"


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


class DueBasis(StrEnum):
    """Where a due date came from."""

    DEADLINE = "deadline"  # an explicit time expression in the text
    DEFAULT = "default"  # the kind's default follow-up horizon: an assumption


class PublishedBasis(StrEnum):
    """How an article's publication date was established."""

    GIVEN = "given"  # supplied by the user
    TEXT = "text"  # byline or dateline in the text
    METADATA = "metadata"  # HTML metadata
    FETCHED = "fetched"  # nothing better: the day it was fetched or pasted
    UNKNOWN = "unknown"


# How a publication date was found, as people read it ("published 2019-03-03 (from the text)").
BASIS_WORDS: dict[PublishedBasis, str] = {
    PublishedBasis.GIVEN: "as given",
    PublishedBasis.TEXT: "from the text",
    PublishedBasis.METADATA: "from the page's metadata",
    PublishedBasis.FETCHED: "the day it was read",
    PublishedBasis.UNKNOWN: "unknown",
}


class TimexType(StrEnum):
    """TIMEX3 types (TimeML)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression found in text: [start, end) offsets, its TIMEX3 value and `mod`.

    `mod` is TIMEX3's modifier of the value's period: "START", "MID" or "END" ("early 2009",
    "mid-2011", "the end of 1990" all have the year as their value), or None.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def period_value(self) -> str:
        """The value whose calendar period the expression bounds: the middle of a year is its
        June and its end its December ("by mid-2011" is due 2011-06-30); otherwise `value`."""
        if self.mod in ("MID", "END") and len(self.value) == 4 and self.value.isdigit():
            return f"{self.value}-{'06' if self.mod == 'MID' else '12'}"
        return self.value


MAX_HORIZON_DAYS = 36500  # a default follow-up horizon is 1 day to 100 years


@dataclass(frozen=True, slots=True)
class Horizons:
    """Default follow-up horizons in days, used when a statement gives no deadline."""

    promise: int = 365
    plan: int = 180
    agreement: int = 365
    prediction: int = 365

    def days(self, kind: Kind) -> int:
        return int(getattr(self, kind.value))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A forward-looking statement found in a text, not yet tracked."""

    quote: str
    start: int
    end: int
    actors: tuple[str, ...]
    kind: Kind
    action: str
    due: date
    due_basis: DueBasis
    deadline: date | None = None
    deadline_text: str | None = None
    deadline_value: str | None = None
    confidence: float = 0.5

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of reading one article: its reference date and candidates in text order."""

    published: date | None
    published_basis: PublishedBasis
    commitments: tuple[Candidate, ...]
    read_to: int | None = None  # where reading stopped in a text too long to read whole


@dataclass(frozen=True, slots=True)
class Article:
    """An article as handed to the core: text plus whatever metadata the edge found."""

    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_basis: PublishedBasis = PublishedBasis.UNKNOWN


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


class VerdictsBy(StrEnum):
    """Who may record verdicts in a group chat."""

    EVERYONE = "everyone"
    ADMINS = "admins"


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """Per-chat (per-ledger) preferences. Times are local to `timezone`."""

    chat_id: int
    timezone: str = "UTC"
    digest_time: time = time(9, 0)
    digest_days: frozenset[int] = frozenset(range(7))  # 0 = Monday
    summary_day: int = 6  # Sunday
    summary_time: time = time(18, 0)
    verdicts_by: VerdictsBy = VerdictsBy.EVERYONE
    horizons: Horizons = Horizons()
    checkin_every_days: int = 7  # an unanswered check-in is asked again after this many days
    active: bool = True
