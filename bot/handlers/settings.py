"""/settings: show preferences; change them by button or typed form (admins in groups)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from telegram import Update

from bot import forms, keyboards, views
from bot.context import Ctx
from bot.keyboards import SettingAction
from bot.replies import admins_guard, call, chat_of, pressed, query_of, reply, require_admin
from bot.views import followup as views_followup
from tracker.domain import ChatSettings
from tracker.services import Tracker


async def settings(update: Update, context: Ctx) -> None:
    """/settings [form]: show the settings, or apply a typed change ("timezone Europe/Berlin")."""
    chat_id, args = chat_of(update).id, context.args or []
    if args:
        await require_admin(update, context)
    if args and args[0].lower() == "checkins":
        await _checkins(update, context, args[1:])
        return
    prefs = await call(_apply_form, context.tracker, chat_id, args, now=context.now())
    await reply(update, views.chat_settings(prefs), markup=keyboards.settings())


async def _checkins(update: Update, context: Ctx, args: Sequence[str]) -> None:
    """/settings checkins <days>: how long an unanswered check-in waits to be asked again."""
    days, chat_id = forms.checkin_days(args), chat_of(update).id
    await call(context.tracker.set_checkin_interval, chat_id, days, now=context.now())
    await reply(update, views_followup.checkin_interval(days))


def _apply_form(
    tracker: Tracker, chat_id: int, args: Sequence[str], *, now: datetime
) -> ChatSettings:
    current = tracker.settings(chat_id)
    if not args:
        return current
    return tracker.update_settings(chat_id, now=now, **forms.settings_change(args, current))


async def settings_button(update: Update, context: Ctx) -> None:
    """A choice button under /settings: apply it (admins only in groups) and redraw."""
    action = await pressed(update, SettingAction, toast="Saved", guard=admins_guard(context))
    if action is None:
        return
    changes = forms.setting_choice(action.key, action.value)
    chat_id, now = chat_of(update).id, context.now()
    prefs = await call(context.tracker.update_settings, chat_id, now=now, **changes)
    text, markup = views.chat_settings(prefs), keyboards.settings()
    await query_of(update).edit_message_text(text, reply_markup=markup)
