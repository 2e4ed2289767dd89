"""The writes of an import: validated rows turned into driver-ready parameters before any
write transaction (`prepare`), then stored a chunk at a time with a few multi-row INSERT
statements each (`import_into`), so the write lock is held for the inserts alone.

Identity, so that importing an export twice adds nothing and a round trip keeps every row:
a row with a span is the chat's commitment on that (source, span); one without a span is
(source, created_at, creator, quote), and without created_at (source, creator, quote).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Connection, Dialect, Table, insert

from tracker.domain import ChatSettings, DueBasis, Status
from tracker.schedule import local_today
from tracker.services.numbers import assign, keepable
from tracker.services.rows import RowIn, SourceIn
from tracker.store.base import Base
from tracker.store.models import CommitmentRow, DueChangeRow, EditRow, SourceRow, VerdictRow
from tracker.store.repository import Repository

BATCH = 5_000  # rows per INSERT statement

Key = tuple[Any, ...]


class Binder:
    """One table's INSERT, compiled once, and its values converted the way the driver takes
    them (the columns' own bind processors: aware UTC times, JSON, dates)."""

    def __init__(self, model: type[Base], dialect: Dialect, *, with_id: bool) -> None:
        table: Table = model.__table__  # type: ignore[assignment]
        columns = [c for c in table.columns if with_id or c.name != "id"]
        self.procs = {c.name: _processor(c.type, dialect) for c in columns}
        compiled = insert(table).compile(dialect=dialect, column_keys=list(self.procs))
        self.sql = str(compiled)
        self.order = list(compiled.positiontup or []) if compiled.positional else None

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """`values` converted for the driver (None stays NULL)."""
        procs = self.procs
        return {k: v if v is None or procs[k] is None else procs[k](v) for k, v in values.items()}

    def insert(self, connection: Connection, rows: list[dict[str, Any]]) -> None:
        """One executemany of bound rows."""
        if not rows:
            return
        order = self.order
        params: Any = rows if order is None else [tuple(r[k] for k in order) for r in rows]
        connection.exec_driver_sql(self.sql, params)


def _processor(kind: Any, dialect: Dialect) -> Any:
    """The column type's bind processor; JSON as text where the driver would adapt it."""
    proc = kind.bind_processor(dialect)
    if proc is None and isinstance(kind, JSON):  # psycopg leaves JSON to its adapters
        return json.dumps
    return proc


@dataclass(slots=True)
class Prepared:
    """A validated row with its INSERT parameters bound (ids and number filled in at write
    time; `keep` is the file's number when no other item of the file has it)."""

    row: RowIn
    commitment: dict[str, Any]
    verdicts: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    edits: list[dict[str, Any]]
    keep: int | None


@dataclass(frozen=True, slots=True)
class Binders:
    commitments: Binder
    verdicts: Binder
    changes: Binder
    sources: Binder
    edits: Binder

    @classmethod
    def of(cls, dialect: Dialect) -> Binders:
        return cls(
            Binder(CommitmentRow, dialect, with_id=True),
            Binder(VerdictRow, dialect, with_id=False),
            Binder(DueChangeRow, dialect, with_id=False),
            Binder(SourceRow, dialect, with_id=True),
            Binder(EditRow, dialect, with_id=False),
        )


def prepare(
    rows: Sequence[RowIn], binders: Binders, *, chat_id: int, chat: ChatSettings, now: datetime
) -> list[Prepared]:
    """Every row's parameters, bound before any lock is taken."""
    keep = keepable(rows, lambda row: _keys(row, row.source.key if row.source else None)[0])
    out = []
    for row, number in zip(rows, keep, strict=True):
        verdicts = [
            binders.verdicts.bind(
                {"commitment_id": 0, "status": v.status.value, "at": v.at, "by": v.by}
                | {"evidence_url": v.evidence_url, "note": v.note}
            )
            for v in row.verdicts
        ]
        changes = [
            binders.changes.bind(
                {"commitment_id": 0, "at": c.at, "by": c.by, "old_due": c.old_due}
                | {"old_basis": c.old_basis.value, "new_due": c.new_due}
            )
            for c in row.due_changes
        ]
        edits = [
            binders.edits.bind(
                {"commitment_id": 0, "at": e.at, "by": e.by, "field": e.field.value}
                | {"old_value": e.old, "new_value": e.new}
            )
            for e in row.edits
        ]
        values = binders.commitments.bind(_values(row, chat_id, chat=chat, now=now))
        out.append(Prepared(row, values, verdicts, changes, edits, number))
    return out


def import_into(
    repo: Repository,
    prepared: Sequence[Prepared],
    binders: Binders,
    *,
    now: datetime,
    above: int = 0,
) -> int:
    """Write the prepared rows that are new to the chat; return how many there were. `above`:
    the highest number a row after these may keep (new numbers here go past it)."""
    if not prepared:
        return 0
    chat_id = prepared[0].commitment["chat_id"]
    source_ids = _sources(repo, [p.row for p in prepared], binders.sources, now=now)
    quotes = {p.row.quote for p in prepared if p.row.span is None}
    known = _known(repo, chat_id, set(source_ids.values()), quotes)
    new: list[tuple[Prepared, int | None]] = []
    for item in prepared:
        source_id = None if item.row.source is None else source_ids[item.row.source.key]
        keys = _keys(item.row, source_id)
        if any(key in known for key in keys):
            continue
        known.update(keys)
        new.append((item, source_id))
    numbers = _numbers(repo, chat_id, [item.keep for item, _ in new], above=above)
    for i in range(0, len(new), BATCH):
        _write(repo, new[i : i + BATCH], numbers[i : i + BATCH], binders)
    return len(new)


def _keys(row: RowIn, source_id: int | str | None) -> list[Key]:
    """The identities of a row: its span, else its natural keys (loose: no created_at)."""
    if row.span is not None and source_id is not None:
        return [("span", source_id, *row.span)]
    if row.created_at is None:
        return [("loose", source_id, row.created_by, row.quote)]
    return [("named", source_id, row.created_at.astimezone(UTC), row.created_by, row.quote)]


def _known(repo: Repository, chat_id: int, source_ids: set[int], quotes: set[str]) -> set[Key]:
    """The identities already stored that rows with these sources or quotes could have."""
    known: set[Key] = {("span", *key) for key in repo.keys_for_sources(chat_id, source_ids)}
    for source_id, at, by, quote in repo.spanless_keys(chat_id, quotes):
        known.add(("named", source_id, at.astimezone(UTC), by, quote))
        known.add(("loose", source_id, by, quote))
    return known


def _sources(
    repo: Repository, rows: Sequence[RowIn], binder: Binder, *, now: datetime
) -> dict[str, int]:
    """Ids of the rows' sources, the missing ones inserted."""
    wanted = {r.source.key: r.source for r in rows if r.source is not None}
    ids = repo.source_ids(wanted)
    missing = [src for key, src in wanted.items() if key not in ids]
    fresh = repo.reserve_ids(SourceRow, len(missing))
    values = []
    for source_id, src in zip(fresh, missing, strict=True):
        ids[src.key] = source_id
        values.append(binder.bind(_source_values(src, now=now) | {"id": source_id}))
    binder.insert(repo.session.connection(), values)
    return ids


def _source_values(src: SourceIn, *, now: datetime) -> dict[str, Any]:
    return {
        "content_hash": src.key,
        "text": src.text,
        "url": src.url,
        "title": src.title,
        "publisher": src.publisher,
        "published": src.published,
        "published_basis": src.published_basis.value,
        "created_at": now,
    }


def _write(
    repo: Repository,
    batch: list[tuple[Prepared, int | None]],
    numbers: list[int],
    binders: Binders,
) -> None:
    ids = repo.reserve_ids(CommitmentRow, len(batch))
    commitments: list[dict[str, Any]] = []
    verdicts: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    edits: list[dict[str, Any]] = []
    for cid, number, (item, source_id) in zip(ids, numbers, batch, strict=True):
        commitments.append(item.commitment | {"id": cid, "number": number, "source_id": source_id})
        verdicts.extend(v | {"commitment_id": cid} for v in item.verdicts)
        changes.extend(c | {"commitment_id": cid} for c in item.changes)
        edits.extend(e | {"commitment_id": cid} for e in item.edits)
    connection = repo.session.connection()
    binders.commitments.insert(connection, commitments)
    binders.verdicts.insert(connection, verdicts)
    binders.changes.insert(connection, changes)
    binders.edits.insert(connection, edits)


def _numbers(repo: Repository, chat_id: int, wanted: list[int | None], *, above: int) -> list[int]:
    """The new rows' numbers (services.numbers.assign). A number another writer takes after
    this read clashes on the unique (chat, number) key, and the chunk's retry finds it taken."""
    if not wanted:
        return []
    taken = repo.taken_numbers(chat_id, {n for n in wanted if n is not None})
    return assign(wanted, taken, top=max(repo.top_number(chat_id), above))


def _values(row: RowIn, chat_id: int, *, chat: ChatSettings, now: datetime) -> dict[str, Any]:
    """The column values of a new commitment (default due date from the chat's horizon)."""
    created_at = row.created_at or now
    local = local_today(chat.timezone, now=created_at)
    due = row.due or local + timedelta(days=chat.horizons.days(row.kind))
    return {
        "id": 0,
        "chat_id": chat_id,
        "source_id": None,
        "actors": list(row.actors),
        "action": row.action,
        "kind": row.kind.value,
        "quote": row.quote,
        "span_start": None if row.span is None else row.span[0],
        "span_end": None if row.span is None else row.span[1],
        "deadline": row.deadline,
        "deadline_text": row.deadline_text,
        "deadline_value": row.deadline_value,
        "due": due,
        "due_basis": row.due_basis.value if row.due else DueBasis.DEFAULT.value,
        "status": row.verdicts[-1].status.value if row.verdicts else Status.OPEN.value,
        "created_by": row.created_by,
        "created_at": created_at,
        "next_checkin_at": None,
        "untracked_at": row.untracked_at,
    }
