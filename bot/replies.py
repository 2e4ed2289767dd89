"""Shared handler plumbing: who and where an update is, admin checks, split replies, calls."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import (
    CallbackQuery,
    Chat,
    ChatMember,
    ForceReply,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction

from bot import keyboards, views
from bot.context import Ctx
from bot.views.text import ANONYMOUS_LABEL
from tracker.errors import PermissionDenied

T = TypeVar("T")
A = TypeVar("A")
ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: the sender of an anonymous admin's messages
_ADMIN_STATUSES = frozenset({ChatMember.ADMINISTRATOR, ChatMember.OWNER})


async def call(fn: Callable[..., T], /, *args: object, **kwargs: object) -> T:
    """Run a synchronous tracker call off the event loop."""
    return await asyncio.to_thread(fn, *args, **kwargs)


def chat_of(update: Update) -> Chat:
    """The chat whose ledger this update acts on."""
    chat = update.effective_chat
    if chat is None:
        raise PermissionDenied("This only works in a chat.")
    return chat


def message_of(update: Update) -> Message:
    """The message a command or text update carries."""
    message = update.effective_message
    if message is None:
        raise PermissionDenied("This only works on a message.")
    return message


def query_of(update: Update) -> CallbackQuery:
    """The callback query of a button press."""
    if update.callback_query is None:
        raise PermissionDenied("This only works on a button.")
    return update.callback_query


def button_action(
    update: Update, kind: type[A], *, parse: Callable[[str | None], object] = keyboards.parse
) -> tuple[CallbackQuery, A | None]:
    """The pressed query and its action (read with `parse`, the grammar of the buttons it
    may come from); None when forged, stale, inaccessible or mis-routed."""
    query = query_of(update)
    action = parse(query.data)
    message = query.message
    if not isinstance(action, kind) or message is None or not message.is_accessible:
        return query, None
    return query, action


async def pressed(
    update: Update,
    kind: type[A],
    *,
    toast: str | None = None,
    guard: Callable[[Update], Awaitable[str | None]] | None = None,
    parse: Callable[[str | None], object] = keyboards.parse,
) -> A | None:
    """Answer a button press first (with `toast`); its action, or None when stale, or when
    `guard` refuses (its reason shown as an alert toast, not as a message to the group)."""
    query, action = button_action(update, kind, parse=parse)
    refusal = None if action is None or guard is None else await guard(update)
    if action is None or refusal is not None:
        await query.answer(refusal or views.STALE_BUTTON, show_alert=refusal is not None)
        return None
    await query.answer(toast)
    return action


async def strip_buttons(query: CallbackQuery) -> None:
    """Take the buttons off the pressed message (it is answered); nothing to do when the
    client shows none, so Telegram never answers "message is not modified"."""
    message = query.message
    if isinstance(message, Message) and message.reply_markup is not None:
        await query.edit_message_reply_markup(None)


def by(update: Update) -> str:
    """The audit label of whoever sent the update (one shared label for anonymous admins)."""
    if anonymous_admin(update):
        return ANONYMOUS_LABEL
    user = update.effective_user
    return f"tg:{user.id}" if user else "tg:unknown"


def payload(message: Message) -> str:
    """The text after the leading /command (newlines kept), or the whole text/caption."""
    text = message.text or message.caption or ""
    entities = message.entities or message.caption_entities
    if entities and entities[0].type == MessageEntity.BOT_COMMAND and entities[0].offset == 0:
        return text[entities[0].length :].strip()
    return text.strip()


async def reply(
    update: Update, text: str, *, markup: InlineKeyboardMarkup | ForceReply | None = None
) -> Message:
    """Send `text` (HTML) to the update's chat, split below 4096 chars, markup on the last part."""
    message = message_of(update)
    parts = views.split_message(text)
    for part in parts[:-1]:
        await message.reply_text(part, do_quote=False)
    return await message.reply_text(parts[-1], reply_markup=markup, do_quote=False)


async def typing(update: Update) -> None:
    """Show "typing…" while a slow job runs."""
    await chat_of(update).send_action(ChatAction.TYPING)


def anonymous_admin(update: Update) -> bool:
    """Whether an anonymous admin sent this, posting as this very chat (not a linked channel)."""
    message, chat = update.effective_message, update.effective_chat
    sender = message.sender_chat if message is not None else None
    return sender is not None and chat is not None and sender.id == chat.id


async def is_admin(update: Update, context: Ctx) -> bool:
    """Whether the sender may administer this chat (always in private chats); cached briefly."""
    chat, user = chat_of(update), update.effective_user
    if chat.type == Chat.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return anonymous_admin(update)  # posting as the group, not as a linked channel
    if user is None or user.id == ANONYMOUS_ADMIN:
        return False
    return await admin_of(context, chat.id, user.id)


async def admin_of(context: Ctx, chat_id: int, user_id: int) -> bool:
    """Whether `user_id` administers the group `chat_id` (asks Telegram, cached briefly)."""
    cached = context.admins.get(chat_id, user_id)
    if cached is None:
        member = await context.bot.get_chat_member(chat_id, user_id)
        cached = member.status in _ADMIN_STATUSES
        context.admins.put(chat_id, user_id, cached)
    return cached


def admins_guard(context: Ctx) -> Callable[[Update], Awaitable[str | None]]:
    """A `pressed` guard: refuses (as a toast) anyone who does not administer the chat."""

    async def refusal(update: Update) -> str | None:
        return None if await is_admin(update, context) else views.ADMINS_ONLY

    return refusal


async def require_admin(update: Update, context: Ctx) -> None:
    """Raise PermissionDenied unless the sender administers this chat."""
    if not await is_admin(update, context):
        raise PermissionDenied(views.ADMINS_ONLY)
