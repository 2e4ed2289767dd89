"""Verdicts: the buttons on a card, the ForceReply evidence question and its answer.

A verdict is recorded when the evidence question is answered (or skipped), so the history gets
one entry with its evidence. The open question is stored by the tracker (not in this process),
so the answer may reach a restarted or another bot process; /cancel drops it. In a group, an
anonymous admin's reply answers a question asked to an admin, since only admins post anonymously.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram import Chat, ForceReply, Message, Update

from bot import views, views_followup
from bot.context import Ctx
from bot.keyboards import SnoozeAction, VerdictAction
from bot.replies import (
    admin_of,
    anonymous_admin,
    by,
    call,
    chat_of,
    is_admin,
    message_of,
    pressed,
    query_of,
    reply,
)
from tracker.domain import Commitment, Status, VerdictsBy
from tracker.errors import PermissionDenied

RACE_WINDOW = timedelta(seconds=10)  # a reply this soon after its question may beat the storing
RACE_WAIT_SECONDS = 0.5


async def verdict_button(update: Update, context: Ctx) -> None:
    """A verdict button: check who may judge, then ask for evidence with a ForceReply."""
    action = await pressed(update, VerdictAction)
    if action is None:
        return
    await _check_judge(update, context)
    chat_id = chat_of(update).id
    item = await call(context.tracker.get, chat_id, action.commitment_id)
    markup = ForceReply(selective=True, input_field_placeholder="link or note, or skip")
    prompt = await reply(update, _prompt(update, item.id, action.status), markup=markup)
    # Only now is the prompt's id known; the answer is a reply to it, in any bot process.
    asked = {"user_id": query_of(update).from_user.id, "prompt_message_id": prompt.message_id}
    ask = context.tracker.ask_verdict
    await call(ask, chat_id, item.id, action.status, now=context.now(), **asked)


async def snooze_button(update: Update, context: Ctx) -> None:
    """ "Not yet, ask again in N days" under a check-in: reschedule it and say when."""
    action = await pressed(update, SnoozeAction)
    if action is None:
        return
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


check_judge = _check_judge  # shared with the prefilled verdict buttons of bot/handlers/news.py


async def evidence(update: Update, context: Ctx) -> bool:
    """A reply to one of our evidence questions: record its verdict; False if it answers none."""
    message = message_of(update)
    to = message.reply_to_message
    if to is None or to.from_user is None or to.from_user.id != context.bot.id:
        return False  # not a reply to the bot: no question to look up
    item = await _answer(update, context, to.message_id)
    if item is None and _just_asked(message, to):
        # The question is stored once Telegram has confirmed the prompt; a reply racing that
        # (an instant client, a slow database) gets one more look instead of being dropped.
        await asyncio.sleep(RACE_WAIT_SECONDS)
        item = await _answer(update, context, to.message_id)
    if item is None:
        return False
    await reply(update, "Recorded: " + views.line(item))
    return True


async def _answer(update: Update, context: Ctx, prompt_id: int) -> Commitment | None:
    """Record the reply as the answer to the question asked in `prompt_id`, if it is one."""
    message, chat_id = message_of(update), chat_of(update).id
    user_id = await _answerer(update, context, prompt_id)
    if user_id is None:
        return None
    text = message.text or message.caption or ""
    answer = {"user_id": user_id, "text": text, "now": context.now(), "by": by(update)}
    return await call(context.tracker.answer_verdict, chat_id, prompt_id, **answer)


def _just_asked(message: Message, to: Message) -> bool:
    """A reply sent right after one of our evidence questions (Telegram's clock on both)."""
    return views.EVIDENCE_ASK in (to.text or "") and message.date - to.date < RACE_WINDOW


async def _answerer(update: Update, context: Ctx, prompt_id: int) -> int | None:
    """Whose answer a reply counts as: its sender's; an anonymous admin's counts as the asked
    user's when that user is an admin too (Telegram hides which admin is speaking)."""
    message, chat_id = message_of(update), chat_of(update).id
    if message.sender_chat is None:
        return message.from_user.id if message.from_user else None
    if not anonymous_admin(update):
        return None  # a linked channel or another chat answers for no one here
    asked = await call(context.tracker.asked_user, chat_id, prompt_id, now=context.now())
    if asked is None or not await admin_of(context, chat_id, asked):
        return None
    return asked
