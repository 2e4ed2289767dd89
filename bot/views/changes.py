"""Replies to changes of an item: added, edited, untracked, tracked again; its edit history on
the card; and a warning when a due date is already past."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.views.items import line
from bot.views.text import escape, person, when
from tracker.domain import Commitment, Edit, EditField


def past_warning(item: Commitment, *, today: date) -> str:
    """A warning line when the item is already due before today, else ""."""
    if item.due >= today or item.status.resolved:
        return ""
    return f"\n⚠️ {item.due.isoformat()} is already past: #{item.number} counts as overdue."


def added(item: Commitment, *, today: date) -> str:
    """The answer to /add."""
    return "Added: " + line(item) + past_warning(item, today=today)


def edited(item: Commitment, field: str, *, today: date) -> str:
    """The answer to /edit and /due: the item as it now reads (the old value is in /show)."""
    lead = "Due date changed" if field == "due" else f"{field.capitalize()} changed"
    return f"{lead}: {line(item)}" + past_warning(item, today=today)


def untracked(item: Commitment) -> str:
    """The answer to /untrack and the Untrack button."""
    return (
        f"#{item.number} untracked: it is left out of lists, figures, digests and check-ins; "
        f"its history is kept. /track {item.number} brings it back."
    )


def retracked(item: Commitment) -> str:
    """The answer to /track N and the Undo button."""
    return f"Tracking again: {line(item)}"


def edit_line(entry: Edit, tz: str, names: Mapping[str, str] | None = None) -> str:
    """One correction in a card's history (who made it by their latest name in `names`)."""
    at, by = when(entry.at, tz), person(entry.by, names)
    if entry.field is EditField.TRACKED:
        return f"• {at}: {'tracked again' if entry.new == 'yes' else 'untracked'} ({by})"
    old, new = escape(entry.old or "—"), escape(entry.new or "—")
    return f"• {at}: {entry.field.value} “{old}” → “{new}” ({by})"
