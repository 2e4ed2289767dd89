"""Use cases of the ledger: `Tracker` has one method per use case, owns every transaction and
returns frozen domain snapshots, never ORM objects."""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tracker import checks as check
from tracker.domain import ChatSettings, Commitment, DueBasis, Horizons, Kind, Page, Stats, Status
from tracker.errors import InvalidInput
from tracker.services.base import DEFAULT_HORIZONS
from tracker.services.budget import BudgetMixin
from tracker.services.bulk import Binders, Prepared, import_into, prepare
from tracker.services.claims import ClaimsMixin
from tracker.services.edits import EditsMixin
from tracker.services.feeds import FeedsMixin
from tracker.services.followup import FollowupMixin, ensure_chat
from tracker.services.imports import parse_rows
from tracker.services.ledger import guess, set_deadline
from tracker.services.members import MembersMixin
from tracker.services.migrate import MigrationMixin
from tracker.services.numbers import ceilings
from tracker.services.rows import export_row
from tracker.services.texts import share_texts, unshare_texts
from tracker.services.verdicts import VerdictsMixin, append_verdict, new_verdict
from tracker.stats import compute_stats
from tracker.store.db import make_engine, make_sessionmaker, migrate
from tracker.store.models import ChatRow, CommitmentRow, DueChangeRow
from tracker.store.repository import Filters, Repository

MAX_PAGE = 500
EXPORT_BATCH = 500  # commitments loaded at a time by iter_export
IMPORT_CHUNK = 2_000  # imported rows written per transaction


class Tracker(
    FeedsMixin,
    FollowupMixin,
    ClaimsMixin,
    VerdictsMixin,
    MigrationMixin,
    BudgetMixin,
    EditsMixin,
    MembersMixin,
):
    """The ledger's use cases over a session factory (transactions: services.base; proposals:
    services.proposals; follow-ups: services.followup and services.claims; evidence questions:
    services.verdicts; group upgrades: services.migrate; flood budget: services.budget; feeds
    and links from later articles: services.feeds, services.links, FeedsMixin including
    LinksMixin including ProposalsMixin; /edit and /untrack: services.edits; people's names:
    services.members)."""

    # -- commitments ---------------------------------------------------------------------------

    def add(
        self,
        chat_id: int,
        statement: str,
        *,
        actor: str | None = None,
        deadline: str | None = None,
        kind: Kind | str | None = None,
        by: str,
        now: datetime,
    ) -> Commitment:
        """Track a statement typed by a user; its deadline is read in the chat's time zone."""
        text, by, now = check.statement(statement), check.label(by), check.aware(now)
        deadline = check.clean(deadline)
        chosen_kind = None if kind is None else check.kind(kind)
        actors = () if actor is None else check.actors([actor])

        chat = self.settings(chat_id)
        today, horizons = self._today(chat, now), chat.horizons
        # Only read the statement when the user left something for it to tell us.
        wanted = chosen_kind is None or not actors or deadline is None
        budget = self._deadline()
        found = guess(text, today=today, horizons=horizons, deadline=budget) if wanted else None

        def work(repo: Repository) -> Commitment:
            ensure_chat(repo, chat, now=now)
            final_kind = chosen_kind or (found.kind if found else Kind.PROMISE)
            row = CommitmentRow(
                chat_id=chat_id,
                actors=list(actors or (found.actors if found else ())),
                action=found.action if found and found.action else text,
                kind=final_kind.value,
                quote=text,
                status=Status.OPEN.value,
                created_by=by,
                created_at=now,
            )
            set_deadline(row, deadline, found, today=today, horizon=horizons.days(final_kind))
            repo.add(row)
            return row.snapshot()

        return self._run(work, retry=True)

    def get(self, chat_id: int, number: int) -> Commitment:
        """The chat's commitment with this number (NotFound when the chat has none)."""
        return self._read(lambda repo: repo.commitment(chat_id, number).snapshot())

    def list(
        self,
        chat_id: int,
        *,
        statuses: Collection[Status | str] | None = None,
        due_before: date | None = None,
        overdue_on: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """A page of commitments by (due, id); due_before is exclusive, overdue_on = overdue."""
        if not 1 <= limit <= MAX_PAGE or not 0 <= offset <= check.MAX_ID:
            raise InvalidInput(
                f"The page size must be 1 to {MAX_PAGE} and the offset 0 to {check.MAX_ID}."
            )
        if isinstance(statuses, str):  # one status given bare, not as a collection
            statuses = [statuses]
        wanted = None if statuses is None else frozenset(check.status(s) for s in statuses)
        filters = Filters(statuses=wanted, due_before=due_before, overdue_on=overdue_on)

        def work(repo: Repository) -> Page:
            rows, total = repo.page(chat_id, filters, limit=limit, offset=offset)
            items = tuple(r.snapshot() for r in rows)
            return Page(items=items, total=total, offset=offset, limit=limit)

        return self._read(work)

    def record_verdict(
        self,
        chat_id: int,
        number: int,
        status: Status | str,
        *,
        by: str,
        now: datetime,
        evidence_url: str | None = None,
        note: str | None = None,
    ) -> Commitment:
        """Append a verdict; it becomes the current status. Earlier verdicts are kept."""
        verdict = new_verdict(status, by=by, now=now, evidence_url=evidence_url, note=note)
        return self._run(
            lambda repo: append_verdict(repo, repo.commitment(chat_id, number), verdict)
        )

    def set_due(
        self, chat_id: int, number: int, due: date, *, by: str, now: datetime
    ) -> Commitment:
        """Move the due date; the old date and basis are kept in the due_changes audit table.

        A date a user chose is no longer an assumed horizon, so the basis becomes "deadline".
        """
        new_due, by, now = check.due_date(due), check.label(by), check.aware(now)

        def work(repo: Repository) -> Commitment:
            row = repo.commitment(chat_id, number)
            if row.due != new_due:
                change = DueChangeRow(
                    at=now, by=by, old_due=row.due, old_basis=row.due_basis, new_due=new_due
                )
                row.due_changes.append(change)
                row.due, row.due_basis = new_due, DueBasis.DEADLINE.value
                row.next_checkin_at = None  # ask on the new due date, not on the old schedule
                repo.session.flush()
            return row.snapshot()

        return self._run(work)

    # -- figures, export, import, settings ----------------------------------------------------

    def stats(self, chat_id: int, *, today: date) -> Stats:
        """Fulfilment figures for the chat on `today` (see tracker.stats.compute_stats)."""
        rows = self._read(lambda repo: repo.all_light(chat_id))
        return compute_stats(rows, today=today)

    def export_rows(self, chat_id: int) -> builtins.list[dict[str, Any]]:
        """Every commitment of the chat (untracked ones too) with its number, source and full
        history; each article text once (see services.texts)."""
        return builtins.list(self.iter_export(chat_id))

    def iter_export(self, chat_id: int) -> Iterator[dict[str, Any]]:
        """`export_rows`, produced a batch at a time (one read transaction) for streaming."""
        with self._read_tx() as session:
            batches = Repository(session).full_batches(chat_id, size=EXPORT_BATCH)
            yield from share_texts(export_row(r) for batch in batches for r in batch)

    def import_rows(
        self, chat_id: int, rows: Iterable[Mapping[str, Any]], *, by: str, now: datetime
    ) -> int:
        """Validate every row first (one bad row: nothing is written), then store them
        IMPORT_CHUNK rows per transaction, so other writers get turns in between; an import cut
        short is completed by running it again (stored rows are recognised, none doubles).
        A row keeps the file's number when the chat has it free (services.numbers). Returns
        how many rows were new."""
        by, now = check.label(by), check.aware(now)
        parsed = parse_rows(unshare_texts(rows), by=by, now=now)
        chat = self.settings(chat_id)
        binders = Binders.of(self._dialect())
        prepared = prepare(parsed, binders, chat_id=chat_id, chat=chat, now=now)
        del parsed
        later = ceilings([p.keep for p in prepared], IMPORT_CHUNK)
        added = 0
        for index, above in enumerate(later):
            if index:
                self._give_writers_a_turn()
            chunk = prepared[index * IMPORT_CHUNK : (index + 1) * IMPORT_CHUNK]

            def work(repo: Repository, chunk: list[Prepared] = chunk, above: int = above) -> int:
                ensure_chat(repo, self._chat(repo, chat_id), now=now)
                return import_into(repo, chunk, binders, now=now, above=above)

            added += self._run(work, retry=True)
        return added

    def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults until changed)."""
        return self._read(lambda repo: self._chat(repo, chat_id))

    def update_settings(
        self, chat_id: int, *, now: datetime | None = None, **changes: Any
    ) -> ChatSettings:
        """Change some settings; every value is checked before anything is stored. With `now`,
        digest and summary slots before it are not owed (the chat did not ask for them)."""

        def work(repo: Repository) -> ChatSettings:
            updated = check.settings_change(self._chat(repo, chat_id), changes)
            row = repo.chat(chat_id)
            if row is None:
                row = ChatRow(chat_id=chat_id)
                repo.session.add(row)
            if now is not None:
                at = check.aware(now)
                row.last_digest_at = max(row.last_digest_at or at, at)
                row.last_summary_at = max(row.last_summary_at or at, at)
            row.apply(updated)
            row.next_digest_at = row.next_summary_at = None  # the planner recomputes the slots
            repo.session.flush()
            return row.snapshot()

        return self._run(work, retry=True)


def open_tracker(
    url: str | None,
    *,
    data_dir: Path,
    horizons: Horizons = DEFAULT_HORIZONS,
    timezone: str = "UTC",
) -> Tracker:
    """A `Tracker` on the database at `url` (or the SQLite default under `data_dir`), migrated to
    the newest schema; `Tracker.dispose()` closes its connections."""
    engine = make_engine(url, data_dir=data_dir)
    migrate(engine)
    return Tracker(make_sessionmaker(engine), horizons=horizons, timezone=timezone)
