"""People's names (mixed into `Tracker`): the latest display name seen for each audit label in
a chat. The ledger records the stable label (`tg:<user id>`); views look the name up, so a
renamed user shows under their new name everywhere and nothing recorded changes."""

from __future__ import annotations

import re
from datetime import datetime

from tracker import checks as check
from tracker.services.base import TrackerBase
from tracker.store.members import MAX_NAME, MemberNameRow, member_name, member_names
from tracker.store.repository import Repository

_SPACE = re.compile(r"\s+")


def display_name(name: str) -> str | None:
    """A name as shown: spaces collapsed, at most `MAX_NAME` characters; None when empty."""
    text = check.clean(_SPACE.sub(" ", name))
    return text[:MAX_NAME] if text else None


class MembersMixin(TrackerBase):
    """The name use cases."""

    def remember_name(self, chat_id: int, label: str, name: str, *, now: datetime) -> bool:
        """Store `name` as the chat's name for `label` (the latest wins); False when it was
        already known, or the name is empty."""
        shown, label, now = display_name(name), check.label(label), check.aware(now)
        if shown is None:
            return False

        def work(repo: Repository) -> bool:
            row = member_name(repo.session, chat_id, label)
            if row is not None and row.name == shown:
                return False
            if row is None:
                repo.add(MemberNameRow(chat_id=chat_id, label=label, name=shown, seen_at=now))
            else:
                row.name, row.seen_at = shown, now
            return True

        return self._run(work, retry=True)  # two processes seeing a new name at once

    def member_names(self, chat_id: int) -> dict[str, str]:
        """The chat's known names by label (`tg:<user id>` → latest display name)."""
        return self._run(lambda repo: member_names(repo.session, chat_id))
