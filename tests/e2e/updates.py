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
_update_ids = itertools.count(1)
_message_ids = itertools.count(1)
_query_ids = itertools.count(1)


def user(user_id: int) -> dict[str, Any]:
    """A human user."""
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "en"}


def chat(chat_id: int) -> dict[str, Any]:
    """A private chat (positive id) or a supergroup (negative id)."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    return {"id": chat_id, "type": "supergroup", "title": "Test group"}


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
) -> dict[str, Any]:
    """An update carrying a text message; a leading /command gets its bot_command entity."""
    sender = user_id if user_id is not None else (chat_id if chat_id > 0 else ALICE)
    msg: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(sender),
        "text": text,
    }
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    if forwarded:
        origin = {
            "type": "channel",
            "date": int(time.time()) - 86400,
            "message_id": 5,
            "chat": {"id": -100555, "type": "channel", "title": "News"},
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
) -> dict[str, Any]:
    """A button press on the bot's message `message_id` (too old to edit if `inaccessible`)."""
    sender = user_id if user_id is not None else (chat_id if chat_id > 0 else ALICE)
    query = {
        "id": str(next(_query_ids)),
        "from": user(sender),
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
