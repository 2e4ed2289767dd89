"""The time budget of reading one article (issue 14, item 1): a reading that runs over is
refused with a message and stores nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from itertools import count

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain import Article
from tracker.errors import TooSlow
from tracker.services import Tracker
from tracker.store.models import ProposalRow, SourceRow

TEXT = "The city will build a new bridge by 2027. The mayor will open it in May. " * 5


def rows(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        sources = session.scalar(select(func.count()).select_from(SourceRow))
        proposals = session.scalar(select(func.count()).select_from(ProposalRow))
    return sources or 0, proposals or 0


def test_a_reading_over_budget_is_refused_and_stores_nothing(
    sessions: sessionmaker[Session], now: datetime
) -> None:
    ticks = count()
    slow = Tracker(sessions, extract_seconds=3, monotonic=lambda: float(next(ticks)))
    with pytest.raises(TooSlow, match="Nothing was saved"):
        slow.propose(1, Article(text=TEXT), now=now)
    assert rows(sessions) == (0, 0)
    with pytest.raises(TooSlow):
        slow.add(1, TEXT, by="u", now=now)
    assert slow.list(1).total == 0


def test_within_budget_the_proposal_is_stored(
    sessions: sessionmaker[Session], now: datetime
) -> None:
    proposal = Tracker(sessions, monotonic=lambda: 0.0).propose(1, Article(text=TEXT), now=now)
    assert proposal.candidates
    assert rows(sessions) == (1, 1)
