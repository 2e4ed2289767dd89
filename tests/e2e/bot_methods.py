"""The Bot API methods the fake server answers (getMe, setMyCommands, webhooks, getChatMember,
sendMessage/Document/Photo, answerCallbackQuery, edits), each checking the real API's limits
(tests/e2e/bot_api_rules.py) and keeping the messages it sent; mixed into FakeBotApi."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from tests.e2e.bot_api_rules import CAPTION_LIMIT, TEXT_LIMIT, ApiError, check_markup, check_text

BOT_ID = 7000001
BOT_USERNAME = "tracker_test_bot"


class BotMethods:
    """`_m_<method>(params)` for each Bot API method; state lives on the server object."""

    messages: dict[tuple[int, int], dict[str, Any]]
    answered: set[str]
    commands: list[dict[str, Any]]
    webhook: dict[str, Any] | None
    admins: dict[int, set[int]]
    _ids: itertools.count[int]

    def _m_getMe(self, params: dict[str, Any]) -> Any:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Tracker",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _m_setMyCommands(self, params: dict[str, Any]) -> Any:
        for command in params["commands"]:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command["description"]) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        self.commands = params["commands"]
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        if not str(params.get("url", "")).startswith(("https://", "http://127.0.0.1")):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        self.webhook = params
        return True

    def _m_sendChatAction(self, params: dict[str, Any]) -> Any:
        return True

    def _m_getChatMember(self, params: dict[str, Any]) -> Any:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = "administrator" if user_id in self.admins.get(chat_id, set()) else "member"
        user = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        extra = {
            "can_be_edited": False,
            "is_anonymous": False,
            "can_manage_chat": True,
            "can_delete_messages": True,
            "can_manage_video_chats": True,
            "can_restrict_members": True,
            "can_promote_members": False,
            "can_change_info": True,
            "can_invite_users": True,
            "can_post_stories": False,
            "can_edit_stories": False,
            "can_delete_stories": False,
        }
        return {"status": status, "user": user, **(extra if status == "administrator" else {})}

    def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        check_text(params.get("text", ""), params.get("parse_mode"), limit=TEXT_LIMIT)
        check_markup(params.get("reply_markup"))
        return self._store(params, text=params["text"])

    def _m_sendDocument(self, params: dict[str, Any]) -> Any:
        if "caption" in params:
            check_text(params["caption"], params.get("parse_mode"), limit=CAPTION_LIMIT)
        doc = params.get("document")
        if not isinstance(doc, dict) or not doc.get("content"):
            raise ApiError(400, "Bad Request: file must be non-empty")
        return self._store(
            params,
            caption=params.get("caption", ""),
            document={
                "file_id": f"F{next(self._ids)}",
                "file_unique_id": "u",
                "file_name": doc["filename"],
                "file_size": len(doc["content"]),
            },
        )

    def _m_sendPhoto(self, params: dict[str, Any]) -> Any:
        if "caption" in params:
            check_text(params["caption"], params.get("parse_mode"), limit=CAPTION_LIMIT)
        photo = params.get("photo")
        if not isinstance(photo, dict) or not photo.get("content"):
            raise ApiError(400, "Bad Request: there is no photo in the request")
        size = len(photo["content"])
        sizes = [{"file_id": f"P{next(self._ids)}", "file_unique_id": "p", "width": 800,
                  "height": 200, "file_size": size}]  # fmt: skip
        return self._store(params, caption=params.get("caption", ""), photo=sizes)

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        query_id = str(params["callback_query_id"])
        if query_id in self.answered:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired")
        if len(params.get("text", "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.answered.add(query_id)
        return True

    def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        check_text(params.get("text", ""), params.get("parse_mode"), limit=TEXT_LIMIT)
        check_markup(params.get("reply_markup"))
        message = self._message(params)
        if message["text"] == params["text"] and message.get("reply_markup") == params.get(
            "reply_markup"
        ):
            raise ApiError(400, "Bad Request: message is not modified")
        message.update(text=params["text"], reply_markup=params.get("reply_markup"))
        return message

    def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        check_markup(params.get("reply_markup"))
        message = self._message(params)
        if message.get("reply_markup") == params.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        message["reply_markup"] = params.get("reply_markup")
        return message

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self.messages:
            raise ApiError(400, "Bad Request: message to edit not found")
        return self.messages[key]

    def remember(self, chat_id: int, message_id: int, text: str, markup: Any = None) -> None:
        """Register a message the bot sent earlier (for edits triggered by forged callbacks)."""
        self.messages[(chat_id, message_id)] = self._message_json(chat_id, message_id, text)
        self.messages[(chat_id, message_id)]["reply_markup"] = markup

    def _store(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id, message_id = int(params["chat_id"]), next(self._ids)
        message = self._message_json(chat_id, message_id, "")
        message.update(content)
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:  # the only kind echoed back
            message["reply_markup"] = markup
        self.messages[(chat_id, message_id)] = message
        return message

    @staticmethod
    def _message_json(chat_id: int, message_id: int, text: str) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        if chat_id < 0:
            chat["title"] = "Test group"
        bot = {"id": BOT_ID, "is_bot": True, "first_name": "Tracker", "username": BOT_USERNAME}
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": bot,
            "text": text,
        }
