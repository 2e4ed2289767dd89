"""Fixing and removing items: /edit, /untrack (with Undo), /track N, /due, /snooze, and the
Untrack/Undo buttons. Every change keeps the old value in the item's history."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot import forms, keyboards, views
from bot.context import Ctx
from bot.keyboards import ItemAction
from bot.replies import by, call, chat_of, pressed, query_of, reply
from bot.views import followup as views_followup
from tracker.domain import Commitment
from tracker.errors import InvalidDeadline
from tracker.services import Tracker


async def edit(update: Update, context: Ctx) -> None:
    """/edit N actor|action|due VALUE: correct an item; the old value stays in its history."""
    args = context.args or []
    if len(args) < 3:
        await reply(update, views.EDIT_USAGE)
        return
    number, field, value = forms.commitment_id(args[0]), args[1].lower(), " ".join(args[2:])
    kwargs = {"by": by(update), "context": context}
    item, today = await call(_edit, chat_of(update).id, number, field, value, **kwargs)
    await reply(update, views.edited(item, field, today=today), markup=keyboards.card(item))


async def due(update: Update, context: Ctx) -> None:
    """/due N DATE: move an item's due date (the same as /edit N due DATE)."""
    args = context.args or []
    if len(args) < 2:
        await reply(update, views.DUE_USAGE)
        return
    number, text = forms.commitment_id(args[0]), " ".join(args[1:])
    kwargs = {"by": by(update), "context": context}
    item, today = await call(_edit, chat_of(update).id, number, "due", text, **kwargs)
    await reply(update, views.edited(item, "due", today=today))


def _edit(
    chat_id: int, number: int, field: str, value: str, *, by: str, context: Ctx
) -> tuple[Commitment, date]:
    """Apply one correction; due dates are read in the chat's zone (dateparser only here)."""
    tracker, now = context.tracker, context.now()
    today = views.local_date(now, tracker.settings(chat_id).timezone)
    if field != "due":
        return tracker.edit(chat_id, number, field, value, by=by, now=now), today
    from tracker.deadlines import parse_deadline  # imports dateparser: only when first needed

    found = parse_deadline(value, ref=today)
    if found is None:
        raise InvalidDeadline(f"I can't read “{value[:40]}” as a date; try e.g. 2027-03-31.")
    return tracker.set_due(chat_id, number, found[0], by=by, now=now), today


async def untrack(update: Update, context: Ctx) -> None:
    """/untrack N: hide an item from lists and follow-ups (kept in history); Undo button."""
    if not context.args:
        await reply(update, views.UNTRACK_USAGE)
        return
    item = await _set_tracked(update, context, forms.commitment_id(context.args[0]), False)
    await reply(update, views.untracked(item), markup=keyboards.undo(item.number))


async def retrack(update: Update, context: Ctx, number: int) -> None:
    """/track N: track an untracked item again."""
    item = await _set_tracked(update, context, number, True)
    await reply(update, views.retracked(item), markup=keyboards.card(item))


async def item_button(update: Update, context: Ctx) -> None:
    """Untrack under a card, or Undo under "untracked": change it and redraw the buttons."""
    action = await pressed(update, ItemAction)
    if action is None:
        return
    item = await _set_tracked(update, context, action.number, action.op == "u")
    await query_of(update).edit_message_reply_markup(keyboards.card(item))
    text = views.retracked(item) if action.op == "u" else views.untracked(item)
    await reply(update, text)


async def _set_tracked(update: Update, context: Ctx, number: int, tracked: bool) -> Commitment:
    tracker: Tracker = context.tracker
    kwargs = {"by": by(update), "now": context.now()}
    return await call(tracker.set_tracked, chat_of(update).id, number, tracked, **kwargs)


async def snooze(update: Update, context: Ctx) -> None:
    """/snooze N WHEN: not yet; ask again tomorrow, in 3 days, next monday, on 2027-01-15."""
    args = context.args or []
    if len(args) < 2:
        await reply(update, views.SNOOZE_USAGE)
        return
    chat_id, number, when = chat_of(update).id, forms.commitment_id(args[0]), " ".join(args[1:])
    kwargs = {"by": by(update), "now": context.now()}
    item, again = await call(context.tracker.snooze, chat_id, number, when, **kwargs)
    prefs = await call(context.tracker.settings, chat_id)
    await reply(update, views_followup.snoozed(item, again, tz=prefs.timezone))
