"""INSERTs that skip rows whose unique key already exists, written the way the database in use
(PostgreSQL or SQLite) spells "ON CONFLICT DO NOTHING"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def skipping_insert(session: Session, table: Any, *, keys: Sequence[str]) -> Any:
    """An INSERT into `table` that skips a row whose unique `keys` exist."""
    module: Any = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=list(keys))


def insert_ignore(
    session: Session, table: Any, rows: Sequence[dict[str, Any]], *, keys: Sequence[str]
) -> int:
    """Insert rows, skipping those whose unique `keys` exist; returns how many were new."""
    if not rows:
        return 0
    stmt = skipping_insert(session, table, keys=keys).returning(table.id)
    return len(session.execute(stmt, list(rows)).all())
