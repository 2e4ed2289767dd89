"""A commitment's card with what later articles said: goal-post history ("deadline moved
2008 → 2009 → 2011", each with its source) and a one-tap "move the due date?" button."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import keyboards
from bot.news import views
from tracker.domain import Commitment
from tracker.links import Relation
from tracker.news import Link


def news_card(
    card: str, item: Commitment, links: Sequence[Link]
) -> tuple[str, InlineKeyboardMarkup]:
    """The card text with its goal-post history, and the verdict buttons (+ move due date)."""
    markup = keyboards.card(item)
    first = (item.deadline or item.due).isoformat()
    history = views.goalposts(links, first=first)
    if history is None:
        return card, markup
    moves = [k for k in links if k.relation is Relation.MOVES_DEADLINE and k.new_deadline]
    latest = moves[-1] if moves else None
    rows = list(markup.inline_keyboard)
    if latest is not None and latest.new_deadline != item.due:
        label = f"Move due date to {latest.new_deadline}?"
        rows.append((InlineKeyboardButton(label, callback_data=f"mv:{latest.id}"),))
    return f"{card}\n{history}", InlineKeyboardMarkup(rows)
