"""The one error handler: user-safe TrackerError replies, blocked chats, the rest logged."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden

from bot.context import Ctx
from bot.views import escape
from tracker.errors import FetchError, TrackerError, UnsafeURL

logger = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. Please try again later."
# The core's messages are terse facts; these lead-ins say what they mean for the user.
_LEAD_INS: tuple[tuple[type[TrackerError], str], ...] = (
    (UnsafeURL, "I won't fetch that link: "),
    (FetchError, "I couldn't fetch that link: "),
)


async def error_handler(update: object, context: Ctx) -> None:
    """Reply politely to TrackerError; mark blocked chats inactive; log anything else."""
    error = context.error
    if isinstance(error, TrackerError):
        lead = next((text for kind, text in _LEAD_INS if isinstance(error, kind)), "")
        await _tell(update, lead + escape(str(error)))
    elif isinstance(error, Forbidden):
        await _deactivate(update, context)
    elif isinstance(error, BadRequest) and "not modified" in error.message.lower():
        logger.debug("edit with identical content ignored")  # a button pressed twice
    else:
        logger.error("unhandled error for update %r", update, exc_info=error)
        await _tell(update, APOLOGY)


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
    await asyncio.to_thread(context.tracker.update_settings, chat.id, active=False)
