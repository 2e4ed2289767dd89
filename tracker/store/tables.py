"""Every table of the ledger on one `metadata` (Alembic and schema checks read it): importing the
row modules registers their tables on `Base.metadata`."""

from __future__ import annotations

from tracker.store import budget, members, models, news, queue
from tracker.store.base import Base

metadata = Base.metadata
ROW_MODULES = (budget, members, models, news, queue)  # imported for their tables
