"""Verdicts: the buttons on a card, the ForceReply evidence question and its answer.

A verdict is recorded when the evidence question is answered (or skipped), so the history gets
one entry with its evidence; /cancel drops an unanswered question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Chat, ForceReply, Message, Update

from bot import forms, views, views_followup
from bot.context import Ctx
from bot.keyboards import SnoozeAction, VerdictAction
from bot.replies import button_action, by, call, chat_of, is_admin, message_of, reply
from tracker.domain import Status, VerdictsBy
from tracker.errors import PermissionDenied

MAX_PENDING = 100  # open evidence questions remembered per chat


@dataclass(frozen=True, slots=True)
class Pending:
    """A verdict waiting for its evidence answer."""

    commitment_id: int
    status: Status
    user_id: int


async def verdict_button(update: Update, context: Ctx) -> None:
    """A verdict button: check who may judge, then ask for evidence with a ForceReply."""
    query, action = button_action(update, VerdictAction)
    if action is None:
        await query.answer(views.STALE_BUTTON)
        return
    await query.answer()
    await _check_judge(update, context)
    item = await call(context.tracker.get, chat_of(update).id, action.commitment_id)
    markup = ForceReply(selective=True, input_field_placeholder="link or note, or skip")
    prompt = await reply(update, _prompt(update, item.id, action.status), markup=markup)
    waiting = _pending(context)
    waiting[prompt.message_id] = Pending(item.id, action.status, query.from_user.id)
    while len(waiting) > MAX_PENDING:  # unanswered questions: forget the oldest
        del waiting[next(iter(waiting))]


async def snooze_button(update: Update, context: Ctx) -> None:
    """ "Not yet, ask again in N days" under a check-in: reschedule it and say when."""
    query, action = button_action(update, SnoozeAction)
    if action is None:
        await query.answer(views.STALE_BUTTON)
        return
    await query.answer()
    await _check_judge(update, context)
    chat_id, cid, days = chat_of(update).id, action.commitment_id, action.days
    kwargs = {"by": by(update), "now": context.now()}
    item, again = await call(context.tracker.snooze, chat_id, cid, days, **kwargs)
    prefs = await call(context.tracker.settings, chat_id)
    await reply(update, views_followup.snoozed(item, again, tz=prefs.timezone))


def _prompt(update: Update, commitment_id: int, status: Status) -> str:
    user = update.effective_user
    # Mentioning the user is what makes a selective ForceReply reach only them in a group.
    mention = f"{user.mention_html()}, " if user else ""
    return mention + views.evidence_prompt(commitment_id, status)


async def _check_judge(update: Update, context: Ctx) -> None:
    """Raise PermissionDenied when this chat lets only admins judge and the user is not one."""
    chat = chat_of(update)
    if chat.type == Chat.PRIVATE:
        return
    prefs = await call(context.tracker.settings, chat.id)
    if prefs.verdicts_by is VerdictsBy.ADMINS and not await is_admin(update, context):
        raise PermissionDenied("Only the chat's admins may record verdicts here.")


def _pending(context: Ctx) -> dict[int, Any]:
    assert context.chat_data is not None  # every update we handle has a chat
    pending: dict[int, Any] = context.chat_data.setdefault("pending", {})
    return pending


def is_evidence(message: Message, context: Ctx) -> bool:
    """Whether `message` answers an evidence question this chat is waiting on."""
    to = message.reply_to_message
    return to is not None and context.chat_data is not None and to.message_id in _pending(context)


async def evidence(update: Update, context: Ctx) -> None:
    """The answer to an evidence question: record the verdict with its link or note."""
    message = message_of(update)
    key = message.reply_to_message.message_id if message.reply_to_message else 0
    wait: Pending = _pending(context)[key]  # is_evidence() checked that it is there
    if message.from_user is None or message.from_user.id != wait.user_id:
        return  # someone else's question: leave it open for them
    url, note = _evidence_parts(message.text or "")
    record = context.tracker.record_verdict
    chat_id, cid, status = chat_of(update).id, wait.commitment_id, wait.status
    kwargs = {"by": by(update), "now": context.now(), "evidence_url": url, "note": note}
    item = await call(record, chat_id, cid, status, **kwargs)
    del _pending(context)[key]  # only once recorded: a refused answer can be retried
    await reply(update, "Recorded: " + views.line(item))


def _evidence_parts(text: str) -> tuple[str | None, str | None]:
    if text.strip().lower() in views.SKIP_WORDS:
        return None, None
    url = forms.find_url(text)
    note = text.replace(url, "").strip() if url else text.strip()
    return url, note or None
