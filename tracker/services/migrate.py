"""Chat migration (mixed into `Tracker`): when a Telegram group becomes a supergroup its chat id
changes, and everything the old id owns moves to the new one in one transaction.

Idempotent: a second run (both service messages arrive, or a send learns of the move later)
finds nothing left under the old id. Merging into a chat that already has rows loses nothing:
the new chat's settings win, a commitment both chats track keeps both histories (see
tracker.store.migrate.move_commitments), and clashing outbox keys get a suffix; two pending rows
for one slot are then folded into the new chat's (see tracker.store.migrate.fold_outbox), and
rows that failed only because the chat had moved are revived, so every message still owed is
sent once, to the new id.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import NamedTuple

from tracker import checks as check
from tracker.errors import InvalidInput
from tracker.services.base import TrackerBase
from tracker.services.followup import ensure_chat
from tracker.store import migrate as mr
from tracker.store.members import move_names
from tracker.store.repository import Repository

logger = logging.getLogger(__name__)


def chat_ids(old: int, new: int) -> tuple[int, int]:
    """Two distinct whole-number chat ids, or InvalidInput."""
    if any(isinstance(x, bool) or not isinstance(x, int) for x in (old, new)):
        raise InvalidInput("A chat id must be a whole number.")
    if old == new:
        raise InvalidInput("A chat cannot move to its own id.")
    return old, new


class Moved(NamedTuple):
    """What one migration did, for the log."""

    settings: bool  # the old chat's settings row became the new chat's
    commitments: int
    twins: int  # commitments that gave up their span to the new chat's copy
    proposals: int
    questions: int
    dropped: int  # questions whose prompt id the new chat already used
    notices: int  # outbox rows moved
    suffixed: int  # ... of them re-keyed with ":from:<old>"
    revived: int  # failed only because the chat had moved: pending again
    folded: int  # pending duplicates of a slot merged into the new chat's row


class MigrationMixin(TrackerBase):
    """The chat-migration use case."""

    def migrate_chat(self, old_chat_id: int, new_chat_id: int, *, now: datetime) -> int:
        """Move every row of `old_chat_id` to `new_chat_id` (a group upgraded to a supergroup);
        harmless when repeated. Returns how many commitments moved."""
        old, new = chat_ids(old_chat_id, new_chat_id)
        now = check.aware(now)
        # A clashing row the new chat stored meanwhile is an IntegrityError: look again once.
        done = self._run(lambda repo: self._move(repo, old, new, now), retry=True)
        if any(done):
            logger.info(
                "chat %s moved to %s: %d commitments (%d twins), %d proposals, %d questions "
                "(%d dropped), %d outbox rows (%d re-keyed, %d revived, %d folded), settings %s",
                old, new, done.commitments, done.twins, done.proposals, done.questions,
                done.dropped, done.notices, done.suffixed, done.revived, done.folded,
                "moved" if done.settings else "kept",
            )  # fmt: skip
        return done.commitments

    def _move(self, repo: Repository, old: int, new: int, now: datetime) -> Moved:
        """Every move query in one transaction."""
        session = repo.session
        settings_moved = mr.move_settings(session, old, new)
        moved, twins = mr.move_commitments(session, old, new)
        proposals = mr.move_proposals(session, old, new)
        questions, dropped = mr.move_questions(session, old, new)
        move_names(session, old, new)
        notices, suffixed = mr.move_outbox(session, old, new)
        # Revived first: a revived digest may be the duplicate of a slot the fold then merges.
        revived = mr.revive_moved(session, new, now=now)
        folded = mr.fold_outbox(session, old, new, now=now)
        if moved:  # a ledger from before the outbox may have no settings row to move
            ensure_chat(repo, self._defaults(new), now=now)
        return Moved(settings_moved, moved, twins, proposals, questions, dropped, notices,
                     suffixed, revived, folded)  # fmt: skip
