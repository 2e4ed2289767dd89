"""Corrections (mixed into `Tracker`): fix an item's actor or action, untrack it (hidden from
lists, stats and follow-ups, kept in history and export) and track it again. Every change is
an `EditRow` holding the old value, so nothing a user recorded is lost."""

from __future__ import annotations

from datetime import datetime

from tracker import checks as check
from tracker.domain import Commitment, EditField
from tracker.errors import InvalidInput
from tracker.services.base import TrackerBase
from tracker.store.models import CommitmentRow, EditRow
from tracker.store.repository import Repository

MAX_ACTOR = 200


def _audit(
    row: CommitmentRow, field: EditField, old: str, new: str, by: str, at: datetime
) -> None:
    row.edits.append(EditRow(at=at, by=by, field=field.value, old_value=old, new_value=new))


class EditsMixin(TrackerBase):
    """The correction use cases."""

    def edit(
        self, chat_id: int, number: int, field: EditField | str, value: str, *, by: str,
        now: datetime,
    ) -> Commitment:  # fmt: skip
        """Replace the actor(s) or the action of the chat's item `number`; the old value is kept
        in its edits. Actors are typed comma-separated."""
        chosen, by, now = _field(field), check.label(by), check.aware(now)
        if chosen is EditField.ACTOR:
            actors = check.actors([a for a in value.split(",") if a.strip()] or [""])
            new = ", ".join(actors)
        else:
            new = check.statement(value)

        def work(repo: Repository) -> Commitment:
            row = repo.commitment(chat_id, number)
            old = ", ".join(row.actors) if chosen is EditField.ACTOR else row.action
            if old != new:
                _audit(row, chosen, old, new, by, now)
                if chosen is EditField.ACTOR:
                    row.actors = list(actors)
                else:
                    row.action = new
                repo.session.flush()
            return row.snapshot()

        return self._run(work)

    def set_tracked(
        self, chat_id: int, number: int, tracked: bool, *, by: str, now: datetime
    ) -> Commitment:
        """Untrack the chat's item `number` (tracked=False) or track it again; InvalidInput
        when it already is as asked."""
        by, now = check.label(by), check.aware(now)

        def work(repo: Repository) -> Commitment:
            row = repo.commitment(chat_id, number)
            if (row.untracked_at is None) == tracked:
                state = "tracked" if tracked else "untracked"
                raise InvalidInput(f"#{number} is already {state}.")
            old, new = ("no", "yes") if tracked else ("yes", "no")
            _audit(row, EditField.TRACKED, old, new, by, now)
            row.untracked_at = None if tracked else now
            row.next_checkin_at = None  # asked again on its own schedule if tracked again
            repo.session.flush()
            return row.snapshot()

        return self._run(work)


def _field(value: EditField | str) -> EditField:
    try:
        chosen = EditField(str(value).lower())
    except ValueError:
        chosen = None
    if chosen not in (EditField.ACTOR, EditField.ACTION):
        raise InvalidInput("You can edit the actor, the action or the due date.")
    return chosen
