"""The writes of an import: validated rows stored with a few multi-row INSERT statements
(sources, commitments, verdicts, due changes), so the write lock is held briefly.

Identity, so that importing an export twice adds nothing and a round trip keeps every row:
a row with a span is the chat's commitment on that (source, span); one without a span is
(source, created_at, creator, quote), and without created_at (source, creator, quote).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from tracker.domain import ChatSettings, DueBasis, Status
from tracker.schedule import local_today
from tracker.services.rows import RowIn, SourceIn
from tracker.store.models import CommitmentRow, DueChangeRow, SourceRow, VerdictRow
from tracker.store.repository import Repository

BATCH = 2_000  # rows per INSERT statement

Key = tuple[Any, ...]


def import_into(
    repo: Repository, chat_id: int, rows: Sequence[RowIn], *, chat: ChatSettings, now: datetime
) -> int:
    """Write validated rows and return how many were new."""
    source_ids = _sources(repo, rows, now=now)
    known = _known(repo, chat_id, set(source_ids.values()))
    new: list[tuple[RowIn, int | None]] = []
    for row in rows:
        source_id = None if row.source is None else source_ids[row.source.key]
        keys = _keys(row, source_id)
        if any(key in known for key in keys):
            continue
        known.update(keys)
        new.append((row, source_id))
    for batch in _batches(new):
        _write(repo, chat_id, batch, chat=chat, now=now)
    return len(new)


def _keys(row: RowIn, source_id: int | None) -> list[Key]:
    """The identities of a row: its span, else its natural keys (loose: no created_at)."""
    if row.span is not None and source_id is not None:
        return [("span", source_id, *row.span)]
    loose = ("loose", source_id, row.created_by, row.quote)
    if row.created_at is None:
        return [loose]
    return [("named", source_id, row.created_at.astimezone(UTC), row.created_by, row.quote)]


def _known(repo: Repository, chat_id: int, source_ids: set[int]) -> set[Key]:
    known: set[Key] = {("span", *key) for key in repo.keys_for_sources(chat_id, source_ids)}
    for source_id, at, by, quote in repo.spanless_keys(chat_id):
        known.add(("named", source_id, at.astimezone(UTC), by, quote))
        known.add(("loose", source_id, by, quote))
    return known


def _sources(repo: Repository, rows: Sequence[RowIn], *, now: datetime) -> dict[str, int]:
    """Ids of the rows' sources, the missing ones inserted."""
    wanted = {r.source.key: r.source for r in rows if r.source is not None}
    ids = repo.source_ids(wanted)
    missing = [_source_values(src, now=now) for key, src in wanted.items() if key not in ids]
    for i in range(0, len(missing), BATCH):
        batch = missing[i : i + BATCH]
        for key_id, values in zip(repo.reserve_ids(SourceRow, len(batch)), batch, strict=True):
            values["id"] = key_id
            ids[values["content_hash"]] = key_id
        repo.session.connection().execute(insert(SourceRow), batch)
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


def _batches(
    new: list[tuple[RowIn, int | None]],
) -> Iterator[list[tuple[RowIn, int | None]]]:
    for i in range(0, len(new), BATCH):
        yield new[i : i + BATCH]


def _write(
    repo: Repository,
    chat_id: int,
    batch: list[tuple[RowIn, int | None]],
    *,
    chat: ChatSettings,
    now: datetime,
) -> None:
    ids = repo.reserve_ids(CommitmentRow, len(batch))
    values = [
        _values(row, chat_id, source_id, chat=chat, now=now) | {"id": cid}
        for cid, (row, source_id) in zip(ids, batch, strict=True)
    ]
    connection = repo.session.connection()
    connection.execute(insert(CommitmentRow), values)
    verdicts = [
        {"commitment_id": cid, "status": v.status.value, "at": v.at, "by": v.by}
        | {"evidence_url": v.evidence_url, "note": v.note}
        for cid, (row, _) in zip(ids, batch, strict=True)
        for v in row.verdicts
    ]
    changes = [
        {"commitment_id": cid, "at": c.at, "by": c.by, "old_due": c.old_due}
        | {"old_basis": c.old_basis.value, "new_due": c.new_due}
        for cid, (row, _) in zip(ids, batch, strict=True)
        for c in row.due_changes
    ]
    if verdicts:
        connection.execute(insert(VerdictRow), verdicts)
    if changes:
        connection.execute(insert(DueChangeRow), changes)


def _values(
    row: RowIn, chat_id: int, source_id: int | None, *, chat: ChatSettings, now: datetime
) -> dict[str, Any]:
    """The column values of a new commitment (default due date from the chat's horizon)."""
    created_at = row.created_at or now
    local = local_today(chat.timezone, now=created_at)
    due = row.due or local + timedelta(days=chat.horizons.days(row.kind))
    return {
        "chat_id": chat_id,
        "source_id": source_id,
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
    }
