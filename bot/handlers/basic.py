"""/start, /help, /cancel, groups upgraded to supergroups, and the hint for anything not
understood."""

from __future__ import annotations

import logging

from telegram import Chat, Update

from bot import views
from bot.context import Ctx
from bot.handlers.ledger import send_card
from bot.replies import anonymous_admin, by, call, chat_of, message_of, payload, reply

logger = logging.getLogger(__name__)


async def start(update: Update, context: Ctx) -> None:
    """/start [payload]: welcome (offering to set the time zone); deep links "help" and
    "item_<N>" (or the older "show-<N>") open help or a card."""
    arg, group = payload(message_of(update)), chat_of(update).type != Chat.PRIVATE
    number = arg.removeprefix("item_").removeprefix("show-")
    if arg == "help":
        await reply(update, views.help_text(group=group))
    elif number != arg and number.isascii() and number.isdigit():
        await send_card(update, context, int(number))
    else:
        await reply(update, views.GROUP_WELCOME if group else views.WELCOME)
    # /start after unblocking the bot: follow-ups stopped when it was blocked resume.
    await call(context.tracker.reactivate_chat, chat_of(update).id)


async def help_command(update: Update, context: Ctx) -> None:
    """/help: every command with an example (groups: how tracking works there)."""
    await reply(update, views.help_text(group=chat_of(update).type != Chat.PRIVATE))


async def cancel(update: Update, context: Ctx) -> None:
    """/cancel: drop the evidence questions this user has open in this chat."""
    user_id = update.effective_user.id if update.effective_user else 0
    kwargs = {"user_id": user_id, "now": context.now()}
    dropped = await call(context.tracker.cancel_verdicts, chat_of(update).id, **kwargs)
    await reply(update, views.CANCELLED if dropped else views.NOTHING_TO_CANCEL)


async def unknown(update: Update, context: Ctx) -> None:
    """Unknown command or stray text in a private chat: a short hint (groups stay quiet)."""
    if chat_of(update).type == Chat.PRIVATE:
        await reply(update, views.HINT)


async def stale_button(update: Update, context: Ctx) -> None:
    """A button whose data our grammar does not know: answer politely, change nothing."""
    if update.callback_query is not None:
        await update.callback_query.answer(views.STALE_BUTTON)


async def migrated(update: Update, context: Ctx) -> None:
    """A group became a supergroup (either service message): its ledger moves to the new id."""
    message = message_of(update)
    old = message.migrate_from_chat_id or message.chat.id  # in the new chat, or the old one
    new = message.migrate_to_chat_id or message.chat.id
    moved = await call(context.tracker.migrate_chat, old, new, now=context.now())
    logger.info("chat %s became supergroup %s: %d commitments moved", old, new, moved)


async def remember_name(update: Update, context: Ctx) -> None:
    """Any update from a person: keep their latest display name in this chat, so histories
    show it beside what the ledger records (the stable `tg:<id>` label)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.is_bot or anonymous_admin(update):
        return
    label, name = by(update), user.full_name
    if not context.names.known(chat.id, label, name):
        await call(context.tracker.remember_name, chat.id, label, name, now=context.now())
        context.names.put(chat.id, label, name)
