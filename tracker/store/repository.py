"""Every ledger query: `Repository(session)` finds, pages and adds rows. No transactions here;
the services own them. Rows of another chat are reported exactly like missing ones."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, delete, func, select, text
from sqlalchemy.orm import Session, selectinload

from tracker.domain import RESOLVED, Commitment, DueBasis, Kind, Status
from tracker.errors import NotFound
from tracker.store import numbering  # also numbers new commitments on flush
from tracker.store.models import ChatRow, CommitmentRow, ProposalRow, SourceRow
from tracker.store.queue import PendingVerdictRow

_FINAL = sorted(s.value for s in RESOLVED)
_CHUNK = 500  # bound parameters per IN list, well under SQLite's limit


@dataclass(frozen=True, slots=True)
class Filters:
    """Which commitments of a chat a listing shows."""

    statuses: Collection[Status] | None = None
    due_before: date | None = None  # exclusive
    overdue_on: date | None = None  # due before this day and no final verdict


class Repository:
    """Queries over one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def chat(self, chat_id: int) -> ChatRow | None:
        """The settings row of a chat, if it was ever changed."""
        return self.session.get(ChatRow, chat_id)

    def add(self, row: object) -> None:
        """Stage a new row and assign its id."""
        self.session.add(row)
        self.session.flush()

    def source_by_hash(self, content_hash: str) -> SourceRow | None:
        """The stored source with this normalised-text hash."""
        query = select(SourceRow).where(SourceRow.content_hash == content_hash)
        return self.session.scalars(query).one_or_none()

    def proposal(self, chat_id: int, proposal_id: int, *, lock: bool = False) -> ProposalRow:
        """A proposal of this chat (locked until the transaction ends if asked), or NotFound."""
        lock_it = {"of": ProposalRow} if lock else None  # not the joined source row
        row = (
            self.session.get(ProposalRow, proposal_id, with_for_update=lock_it)
            if 0 < proposal_id < 2**31
            else None
        )
        if row is None or row.chat_id != chat_id:
            raise NotFound(f"There is no proposal #{proposal_id} in this chat.")
        return row

    def commitment(self, chat_id: int, number: int) -> CommitmentRow:
        """The chat's commitment with this number (the chat's own, not the row id), or
        NotFound."""
        query = select(CommitmentRow).where(
            CommitmentRow.chat_id == chat_id, CommitmentRow.number == number
        )
        row = self.session.scalars(query).one_or_none() if 0 < number < 2**31 else None
        if row is None:
            raise NotFound(f"There is no item #{number} in this chat; see /list.")
        return row

    def commitment_by_id(self, commitment_id: int) -> CommitmentRow:
        """A commitment by its internal row id (for rows that refer to it), or NotFound."""
        row = self.session.get(CommitmentRow, commitment_id)
        if row is None:
            raise NotFound(f"There is no commitment with id {commitment_id}.")
        return row

    def tracked_spans(self, chat_id: int, source_id: int) -> dict[tuple[int, int], CommitmentRow]:
        """Commitments of a chat quoting the given source, by their [start, end) span."""
        query = select(CommitmentRow).where(
            CommitmentRow.chat_id == chat_id,
            CommitmentRow.source_id == source_id,
            CommitmentRow.span_start.is_not(None),
        )
        rows = self.session.scalars(query).all()
        return {(r.span_start or 0, r.span_end or 0): r for r in rows}

    def page(
        self, chat_id: int, filters: Filters, *, limit: int, offset: int
    ) -> tuple[Sequence[CommitmentRow], int]:
        """One page ordered by (due, id) and the size of the whole listing."""
        where = _where(chat_id, filters)
        total = self.session.scalar(select(func.count()).select_from(CommitmentRow).where(*where))
        query = (
            select(CommitmentRow)
            .where(*where)
            .order_by(CommitmentRow.due, CommitmentRow.id)
            .limit(limit)
            .offset(offset)
        )
        return self.session.scalars(query).all(), int(total or 0)

    def all_light(self, chat_id: int) -> list[Commitment]:
        """Every commitment of a chat as a snapshot without verdicts or source (for stats)."""
        c = CommitmentRow
        query = (
            select(c.id, c.actors, c.action, c.kind, c.quote, c.due, c.due_basis, c.status)
            .add_columns(c.created_by, c.created_at, c.number)
            .where(c.chat_id == chat_id, c.untracked_at.is_(None))
            .order_by(c.id)
        )
        return [
            Commitment(
                id=r.id,
                chat_id=chat_id,
                actors=tuple(r.actors),
                action=r.action,
                kind=Kind(r.kind),
                quote=r.quote,
                due=r.due,
                due_basis=DueBasis(r.due_basis),
                status=Status(r.status),
                created_by=r.created_by,
                created_at=r.created_at,
                number=r.number,
            )
            for r in self.session.execute(query)
        ]

    def keys_for_sources(
        self, chat_id: int, source_ids: Collection[int]
    ) -> set[tuple[int, int, int]]:
        """The (source_id, span_start, span_end) keys a chat tracks for these sources."""
        if not source_ids:
            return set()
        query = select(
            CommitmentRow.source_id, CommitmentRow.span_start, CommitmentRow.span_end
        ).where(
            CommitmentRow.chat_id == chat_id,
            CommitmentRow.source_id.in_(sorted(source_ids)),
            CommitmentRow.span_start.is_not(None),
        )
        return {(a or 0, b or 0, c or 0) for a, b, c in self.session.execute(query)}

    def spanless_keys(
        self, chat_id: int, quotes: Collection[str]
    ) -> set[tuple[int | None, datetime, str, str]]:
        """(source_id, created_at, created_by, quote) of the chat's commitments without a span
        (added by hand or imported without one) whose quote is one of `quotes`."""
        c = CommitmentRow
        found: set[tuple[int | None, datetime, str, str]] = set()
        wanted = sorted(quotes)
        for i in range(0, len(wanted), _CHUNK):
            query = select(c.source_id, c.created_at, c.created_by, c.quote).where(
                c.chat_id == chat_id, c.span_start.is_(None), c.quote.in_(wanted[i : i + _CHUNK])
            )
            found.update((src, at, by, q) for src, at, by, q in self.session.execute(query))
        return found

    def top_number(self, chat_id: int) -> int:
        """The chat's highest item number (0 when it has none)."""
        return numbering.top_number(self.session, chat_id)

    def taken_numbers(self, chat_id: int, numbers: Collection[int]) -> set[int]:
        """Which of these item numbers the chat already uses."""
        c = CommitmentRow
        found: set[int] = set()
        wanted = sorted(numbers)
        for i in range(0, len(wanted), _CHUNK):
            query = select(c.number).where(
                c.chat_id == chat_id, c.number.in_(wanted[i : i + _CHUNK])
            )
            found.update(self.session.scalars(query))
        return found

    def reserve_ids(self, model: type[CommitmentRow] | type[SourceRow], count: int) -> list[int]:
        """`count` fresh primary keys for rows about to be inserted in bulk: the next ones
        after the largest on SQLite (writers are serialised there), drawn from the table's
        sequence on PostgreSQL."""
        if count <= 0:
            return []
        name = model.__tablename__
        if self.session.get_bind().dialect.name == "postgresql":
            query = text(
                "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"
            )
            return list(self.session.scalars(query, {"t": name, "n": count}))
        top = self.session.scalar(select(func.max(model.id))) or 0
        return list(range(top + 1, top + count + 1))

    def source_ids(self, hashes: Collection[str]) -> dict[str, int]:
        """Ids of the stored sources with these content hashes."""
        found: dict[str, int] = {}
        keys = sorted(hashes)
        for i in range(0, len(keys), _CHUNK):
            query = select(SourceRow.content_hash, SourceRow.id).where(
                SourceRow.content_hash.in_(keys[i : i + _CHUNK])
            )
            found.update({key: id_ for key, id_ in self.session.execute(query)})
        return found

    def full_batches(self, chat_id: int, *, size: int) -> Iterator[Sequence[CommitmentRow]]:
        """Every commitment of a chat with its history and source, `size` rows at a time."""
        ids = list(
            self.session.scalars(
                select(CommitmentRow.id)
                .where(CommitmentRow.chat_id == chat_id)
                .order_by(CommitmentRow.number)
            )
        )
        for i in range(0, len(ids), size):
            query = (
                select(CommitmentRow)
                .where(CommitmentRow.id.in_(ids[i : i + size]))
                .options(selectinload(CommitmentRow.due_changes))
                .order_by(CommitmentRow.number)
            )
            yield self.session.scalars(query).unique().all()
            self.session.expunge_all()  # a batch written out is let go

    def pending_verdict(self, chat_id: int, prompt_message_id: int) -> PendingVerdictRow | None:
        """The evidence question sent as this message, locked until the transaction ends."""
        query = (
            select(PendingVerdictRow)
            .where(
                PendingVerdictRow.chat_id == chat_id,
                PendingVerdictRow.prompt_message_id == prompt_message_id,
            )
            .with_for_update()  # two processes given the same answer: the second finds none
        )
        return self.session.scalars(query).one_or_none()

    def pending_verdicts_of(self, chat_id: int, user_id: int) -> Sequence[PendingVerdictRow]:
        """The evidence questions a user has open in a chat, oldest first."""
        query = (
            select(PendingVerdictRow)
            .where(PendingVerdictRow.chat_id == chat_id, PendingVerdictRow.user_id == user_id)
            .order_by(PendingVerdictRow.id)
            .with_for_update()
        )
        return self.session.scalars(query).all()

    def drop_pending_verdicts(self, chat_id: int, *, before: datetime) -> int:
        """Delete a chat's evidence questions asked before `before`; returns how many."""
        query = delete(PendingVerdictRow).where(
            PendingVerdictRow.chat_id == chat_id, PendingVerdictRow.created_at < before
        )
        return int(self.session.execute(query).rowcount or 0)  # type: ignore[attr-defined]


def _where(chat_id: int, filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        CommitmentRow.chat_id == chat_id,
        CommitmentRow.untracked_at.is_(None),  # untracked items stay out of every listing
    ]
    if filters.statuses is not None:
        where.append(CommitmentRow.status.in_(sorted(s.value for s in filters.statuses)))
    if filters.due_before is not None:
        where.append(CommitmentRow.due < filters.due_before)
    if filters.overdue_on is not None:
        where.append(CommitmentRow.due < filters.overdue_on)
        where.append(CommitmentRow.status.not_in(_FINAL))
    return where
