"""Verdicts: the buttons on a card, the ForceReply evidence question and its answer (a Reply
to it, or for ANSWER_WINDOW the asking user's next plain message in the chat).

A verdict is recorded when the evidence question is answered (or skipped), so the history gets
one entry with its evidence. The open question is stored by the tracker (not in this process),
so the answer may reach a restarted or another bot process; /cancel drops it. In a group, an
anonymous admin's reply answers a question asked to an admin, since only admins post anonymously.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Chat, ForceReply, Message, Update

from bot import forms, views
from bot.context import Ctx
from bot.handlers.ledger import send_card
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
    strip_buttons,
)
from bot.views import followup as views_followup
from tracker.domain import Commitment, Status, VerdictsBy
from tracker.errors import PermissionDenied
from tracker.services.verdicts import evidence_parts

JUDGES_ONLY = "Only the chat's admins may record verdicts here."
RACE_WINDOW = timedelta(seconds=10)  # a reply this soon after its question may beat the storing
RACE_WAIT_SECONDS = 0.5


async def verdict_button(update: Update, context: Ctx) -> None:
    """A verdict button: check who may judge, take the card's buttons away (it is answered),
    then ask for evidence with a ForceReply."""
    action = await pressed(update, VerdictAction, toast="Noted", guard=_judges(context))
    if action is None:
        return
    chat_id, query = chat_of(update).id, query_of(update)
    item = await call(context.tracker.get, chat_id, action.number)
    await strip_buttons(query)
    markup = ForceReply(selective=True, input_field_placeholder="link or note, or skip")
    prompt = await reply(update, _prompt(update, item.number, action.status), markup=markup)
    # Only now is the prompt's id known; the answer is a reply to it, in any bot process.
    asked = {"user_id": query.from_user.id, "prompt_message_id": prompt.message_id}
    ask = context.tracker.ask_verdict
    await call(ask, chat_id, item.number, action.status, now=context.now(), **asked)


async def snooze_button(update: Update, context: Ctx) -> None:
    """A "not yet, ask again …" button under a check-in: reschedule it and say when."""
    action = await pressed(update, SnoozeAction, toast="Snoozed", guard=_judges(context))
    if action is None:
        return
    chat_id, number, when = chat_of(update).id, action.number, action.when
    kwargs = {"by": by(update), "now": context.now()}
    item, again = await call(context.tracker.snooze, chat_id, number, when, **kwargs)
    await strip_buttons(query_of(update))
    prefs = await call(context.tracker.settings, chat_id)
    await reply(update, views_followup.snoozed(item, again, tz=prefs.timezone))


async def verdict(update: Update, context: Ctx) -> None:
    """/verdict N STATUS [evidence link or note]: record it; /verdict N shows the card."""
    args = context.args or []
    if len(args) < 2:
        await (send_card(update, context, forms.commitment_id(args[0])) if args else
               reply(update, views.VERDICT_USAGE))  # fmt: skip
        return
    number, status = forms.commitment_id(args[0]), forms.verdict_status(args[1])
    if refusal := await _judges(context)(update):
        raise PermissionDenied(refusal)
    url, note = evidence_parts(" ".join(args[2:]))
    kwargs = {"by": by(update), "now": context.now(), "evidence_url": url, "note": note}
    item = await call(context.tracker.record_verdict, chat_of(update).id, number, status, **kwargs)
    await reply(update, "Recorded: " + views.line(item))


def _prompt(update: Update, number: int, status: Status) -> str:
    user = update.effective_user
    # Mentioning the user is what makes a selective ForceReply reach only them in a group.
    mention = f"{user.mention_html()}, " if user else ""
    return mention + views.evidence_prompt(number, status)


def _judges(context: Ctx) -> Callable[[Update], Awaitable[str | None]]:
    """The guard of verdict buttons: why this user may not judge here, or None."""

    async def refusal(update: Update) -> str | None:
        chat = chat_of(update)
        if chat.type == Chat.PRIVATE:
            return None
        prefs = await call(context.tracker.settings, chat.id)
        if prefs.verdicts_by is VerdictsBy.ADMINS and not await is_admin(update, context):
            return JUDGES_ONLY
        return None

    return refusal


async def judge_refusal(update: Update, context: Ctx) -> str | None:
    """Why this user may not judge here, or None (shared with the prefilled verdict buttons
    of bot/handlers/news.py)."""
    return await _judges(context)(update)


async def evidence(update: Update, context: Ctx) -> bool:
    """An answer to one of our evidence questions, a Reply to it or the asked user's next plain
    message in the chat (within ANSWER_WINDOW): record its verdict; False if it answers none."""
    item = await _replied(update, context)
    if item is None:
        item = await _next_message(update, context)
    if item is None:
        return False
    await reply(update, "Recorded: " + views.line(item))
    return True


async def _replied(update: Update, context: Ctx) -> Commitment | None:
    """The verdict a Reply to one of our evidence questions records, if it is one."""
    message = message_of(update)
    to = message.reply_to_message
    if to is None or to.from_user is None or to.from_user.id != context.bot.id:
        return None  # not a reply to the bot: no question to look up
    item = await _answer(update, context, to.message_id)
    if item is None and _just_asked(message, to):
        # The question is stored once Telegram has confirmed the prompt; a reply racing that
        # (an instant client, a slow database) gets one more look instead of being dropped.
        await asyncio.sleep(RACE_WAIT_SECONDS)
        item = await _answer(update, context, to.message_id)
    return item


async def _next_message(update: Update, context: Ctx) -> Commitment | None:
    """The verdict the user's next plain message records while their latest question awaits
    one. Forwards stay articles; messages sent as a chat answer only by Reply."""
    message = message_of(update)
    user = message.from_user
    if user is None or message.sender_chat is not None or message.forward_origin is not None:
        return None
    text = message.text or message.caption or ""
    answer = {"user_id": user.id, "text": text, "now": context.now(), "by": by(update)}
    return await call(context.tracker.answer_next, chat_of(update).id, **answer)


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
