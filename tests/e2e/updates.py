"""Update builders for end-to-end tests: Bot API JSON as Telegram would send it."""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.e2e.fake_bot_api import BOT_ID, BOT_USERNAME

ALICE = 111  # private chat id == user id
BOB = 222
GROUP = -1001234567890
OTHER_GROUP = -1009876543210
LINKED_CHANNEL = -100555
GROUP_ANONYMOUS_BOT = 1087968824  # `from` of an anonymous admin's messages
CHANNEL_BOT = 136817688  # `from` of messages sent on behalf of a channel
_update_ids = itertools.count(1)
_message_ids = itertools.count(1)
_query_ids = itertools.count(1)


def user(user_id: int, name: str | None = None) -> dict[str, Any]:
    """A human user (first name `name`, default "User<id>")."""
    first = name if name is not None else f"User{user_id}"
    return {"id": user_id, "is_bot": False, "first_name": first, "language_code": "en"}


def chat(chat_id: int) -> dict[str, Any]:
    """A private chat (positive id) or a supergroup (negative id)."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    return {"id": chat_id, "type": "supergroup", "title": "Test group"}


def channel(chat_id: int) -> dict[str, Any]:
    """A channel (e.g. one linked to a group)."""
    return {"id": chat_id, "type": "channel", "title": "News"}


def _helper_bot(user_id: int, username: str) -> dict[str, Any]:
    """One of Telegram's service bots that stand in as `from` for chats."""
    return {"id": user_id, "is_bot": True, "first_name": username, "username": username}


def bot_message(chat_id: int, message_id: int, text: str = "…") -> dict[str, Any]:
    """A message the bot sent earlier."""
    bot = {"id": BOT_ID, "is_bot": True, "first_name": "Tracker", "username": BOT_USERNAME}
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": bot,
        "text": text,
    }


def message(
    text: str,
    *,
    chat_id: int = ALICE,
    user_id: int | None = None,
    reply_to: dict[str, Any] | None = None,
    forwarded: bool = False,
    sender_chat: int | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """An update carrying a text message; a leading /command gets its bot_command entity.

    With `sender_chat` the message is sent on behalf of a chat, as Telegram sends it: the chat
    itself for an anonymous admin (from GroupAnonymousBot), else a channel (from Channel_Bot).
    """
    sender = user_id if user_id is not None else (chat_id if chat_id > 0 else ALICE)
    msg: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(sender, name),
        "text": text,
    }
    if sender_chat == chat_id:
        msg["from"] = _helper_bot(GROUP_ANONYMOUS_BOT, "GroupAnonymousBot")
        msg["sender_chat"] = chat(chat_id)
    elif sender_chat is not None:
        msg["from"] = _helper_bot(CHANNEL_BOT, "Channel_Bot")
        msg["sender_chat"] = channel(sender_chat)
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    if forwarded:
        origin = {
            "type": "channel",
            "date": int(time.time()) - 86400,
            "message_id": 5,
            "chat": channel(LINKED_CHANNEL),
        }
        msg["forward_origin"] = origin
    return {"update_id": next(_update_ids), "message": msg}


def callback(
    data: str,
    *,
    chat_id: int = ALICE,
    user_id: int | None = None,
    message_id: int,
    inaccessible: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    """A button press on the bot's message `message_id` (too old to edit if `inaccessible`)."""
    sender = user_id if user_id is not None else (chat_id if chat_id > 0 else ALICE)
    query = {
        "id": str(next(_query_ids)),
        "from": user(sender, name),
        "chat_instance": str(chat_id),
        "message": {"chat": chat(chat_id), "message_id": message_id, "date": 0}
        if inaccessible
        else bot_message(chat_id, message_id),
        "data": data,
    }
    return {"update_id": next(_update_ids), "callback_query": query}


async def send(app: Any, payload: dict[str, Any]) -> None:
    """Feed one update through the whole Application, as polling would."""
    from telegram import Update

    await app.process_update(Update.de_json(payload, app.bot))
