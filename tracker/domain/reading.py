"""What reading a text gives: kinds of statement, time expressions, candidates, the
extraction of one article and the article as handed to the core. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    """What sort of forward-looking statement a commitment is."""

    PROMISE = "promise"
    PLAN = "plan"
    AGREEMENT = "agreement"
    PREDICTION = "prediction"


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
