"""Domain vocabulary: enums and frozen snapshots shared by every layer. Standard library only.

`reading` (what reading a text gives), `ledger` (commitments, verdicts, sources, proposals),
`chats` (a chat's preferences), `figures` (fulfilment rates and a ledger's figures).
"""

from __future__ import annotations

from tracker.domain.chats import MAX_HORIZON_DAYS, ChatSettings, Horizons, VerdictsBy
from tracker.domain.figures import Rate, Stats
from tracker.domain.ledger import (
    ANSWER_WINDOW,
    RESOLVED,
    STATUS_WORDS,
    Commitment,
    Edit,
    EditField,
    Page,
    Proposal,
    Settled,
    Source,
    Status,
    Verdict,
)
from tracker.domain.reading import (
    BASIS_WORDS,
    Article,
    Candidate,
    DueBasis,
    Extraction,
    Kind,
    PublishedBasis,
    Timex,
    TimexType,
)

__all__ = [
    "ANSWER_WINDOW",
    "BASIS_WORDS",
    "MAX_HORIZON_DAYS",
    "RESOLVED",
    "STATUS_WORDS",
    "Article",
    "Candidate",
    "ChatSettings",
    "Commitment",
    "DueBasis",
    "Edit",
    "EditField",
    "Extraction",
    "Horizons",
    "Kind",
    "Page",
    "Proposal",
    "PublishedBasis",
    "Rate",
    "Settled",
    "Source",
    "Stats",
    "Status",
    "Timex",
    "TimexType",
    "Verdict",
    "VerdictsBy",
]
