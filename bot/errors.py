"""The one error handler: user-safe TrackerError replies, blocked chats, groups upgraded to
supergroups, the rest logged."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import BadRequest, ChatMigrated, Forbidden

from bot.context import Ctx
from bot.views import escape
from tracker.errors import FetchError, TrackerError, UnsafeURL

logger = logging.getLogger(__name__)

_HARMLESS = (
    "not modified",
    "message to edit not found",
    "message can't be edited",
    "message to delete not found",
)
APOLOGY = "Sorry, something went wrong on my side. Please try again later."
# The core's messages are terse facts; these lead-ins say what they mean for the user.
_LEAD_INS: tuple[tuple[type[TrackerError], str], ...] = (
    (UnsafeURL, "I won't fetch that link: "),
    (FetchError, "I couldn't fetch that link: "),
)


async def error_handler(update: object, context: Ctx) -> None:
    """Reply politely to TrackerError; mark blocked chats inactive; move upgraded groups' ledgers;
    log anything else."""
    error = context.error
    if isinstance(error, TrackerError):
        lead = next((text for kind, text in _LEAD_INS if isinstance(error, kind)), "")
        await _tell(update, lead + escape(str(error)))
    elif isinstance(error, Forbidden):
        await _deactivate(update, context)
    elif isinstance(error, ChatMigrated):  # no reply: the old chat id takes no messages
        await _migrate(update, context, error.new_chat_id)
    elif isinstance(error, BadRequest) and _harmless(error.message):
        logger.debug("ignored: %s", error.message)  # a button pressed twice, a message deleted
    else:
        logger.error("unhandled error for update %r", update, exc_info=error)
        await _tell(update, APOLOGY)


def _harmless(message: str) -> bool:
    """Edits of messages users changed or deleted, or of content that did not change."""
    text = message.lower()
    return any(part in text for part in _HARMLESS)


async def _tell(update: object, text: str) -> None:
    if isinstance(update, Update) and update.effective_message is not None:
        await update.effective_message.reply_text(text, do_quote=False)


async def _deactivate(update: object, context: Ctx) -> None:
    """The bot was blocked or removed: stop sending to that chat (digests skip inactive ones)."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is None:
        logger.warning("Forbidden without a chat: %s", context.error)
        return
    logger.info("chat %s blocked the bot; marking it inactive", chat.id)
    await asyncio.to_thread(context.tracker.deactivate_chat, chat.id, now=context.now())


async def _migrate(update: object, context: Ctx, new_chat_id: int) -> None:
    """A reply went to a group that has become a supergroup: its ledger moves to the new id."""
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is None:
        logger.warning("ChatMigrated without a chat: %s", context.error)
        return
    now = context.now()
    moved = await asyncio.to_thread(context.tracker.migrate_chat, chat.id, new_chat_id, now=now)
    logger.info("chat %s became supergroup %s: %d commitments moved", chat.id, new_chat_id, moved)
