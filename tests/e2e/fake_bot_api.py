"""A small fake of the Telegram Bot API, served over real HTTP on 127.0.0.1 (asyncio streams).

PTB talks to it through `base_url`, exactly as to api.telegram.org. It records every request,
answers the methods the bot uses, and enforces the real limits: 1-4096 characters of text after
entity parsing, captions ≤ 1024, valid HTML (Telegram's tag set, escaped < > &), callback_data of
1-64 bytes, one answer per callback query, "message is not modified". Tests can block a chat
(403), make a chat unknown (400 "chat not found"), mark a group as upgraded to a supergroup (400
with `parameters.migrate_to_chat_id`, as the real API answers), make the next calls answer 429
with retry_after or fail with a 5xx, or answer a method late (`delays`: the call takes effect
at once, its answer comes after the delay, as when Telegram is slow to reply). sendPhoto takes a
multipart upload and keeps the bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from tests.e2e.bot_api_rules import (
    ApiError,
    parse_html,
    utf16_len,
)
from tests.e2e.bot_methods import BOT_ID, BOT_USERNAME, BotMethods
from tests.e2e.http_wire import decode, read_request

__all__ = ["BOT_ID", "BOT_USERNAME", "TOKEN", "Call", "FakeBotApi", "parse_html", "utf16_len"]

TOKEN = f"{BOT_ID}:AAH-fake-token-for-tests-0123456789abcdef"


@dataclass
class Call:
    """One recorded request."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


class FakeBotApi(BotMethods):
    """The fake server: `await start()`, point PTB at `base_url`, inspect `calls`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.blocked: set[int] = set()  # chats that blocked the bot: 403
        self.missing: set[int] = set()  # chats that do not exist (any more): 400
        self.migrated: dict[int, int] = {}  # group → the supergroup it became: 400 + new id
        self.outages: dict[str, list[int]] = {}  # method → 5xx status of the next answers
        self.admins: dict[int, set[int]] = {}  # chat id → admin user ids (getChatMember)
        self.floods: dict[str, list[int]] = {}  # method → retry_after of the next answers
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.answered: set[str] = set()
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.updates: list[dict[str, Any]] = []  # queued for getUpdates
        self.delays: dict[str, float] = {}  # method → seconds before its answer is sent
        self.drops: dict[str, int] = {}  # method → next requests whose connection is cut
        self._arrived = asyncio.Event()
        self._ids = itertools.count(1000)
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        """Value for ApplicationBuilder.base_url (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Listen on a free local port."""
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Close the listening socket and open connections."""
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                self._server.close_clients()
            await self._server.wait_closed()

    # -- test helpers ---------------------------------------------------------------------------

    def flood(self, method: str, *, retry_after: int, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with 429 Too Many Requests."""
        self.floods.setdefault(method, []).extend([retry_after] * times)

    def fail(self, method: str, *, status: int = 502, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with a 5xx server error."""
        self.outages.setdefault(method, []).extend([status] * times)

    def drop(self, method: str, *, times: int = 1) -> None:
        """Close the connection of the next `times` calls of `method` without answering."""
        self.drops[method] = self.drops.get(method, 0) + times

    def sent(self, method: str = "sendMessage", *, chat_id: int | None = None) -> list[Call]:
        """Successful calls of `method` (to `chat_id`), oldest first."""
        return [
            c
            for c in self.calls
            if c.method == method
            and c.status == 200
            and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def texts(self, *, chat_id: int | None = None) -> list[str]:
        """Texts of the messages sent (and edits made), oldest first."""
        methods = ("sendMessage", "editMessageText")
        return [
            c.params["text"]
            for c in self.calls
            if c.method in methods
            and c.status == 200
            and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def last(self, method: str = "sendMessage") -> dict[str, Any]:
        """Parameters of the last successful call of `method`."""
        return self.sent(method)[-1].params

    # -- HTTP -----------------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await read_request(reader)
                if request is None:
                    break
                if request[0].endswith("/getUpdates"):  # long polling: hold until one arrives
                    await self._wait_for_updates(
                        decode(request[1].get("content-type", ""), request[2])
                    )
                if self._dropped(*request):
                    break  # the connection is closed unanswered
                status, body = self._dispatch(*request)
                delay = self.delays.get(request[0].rsplit("/", 1)[-1], 0.0)
                if delay:
                    await asyncio.sleep(delay)
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    def _dropped(self, path: str, headers: dict[str, str], body: bytes) -> bool:
        method = path.rsplit("/", 1)[-1]
        if not self.drops.get(method):
            return False
        self.drops[method] -= 1
        params = decode(headers.get("content-type", ""), body)
        self.calls.append(Call(method, params, status=0))
        return True

    def _dispatch(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        method = path.rsplit("/", 1)[-1]
        params = decode(headers.get("content-type", ""), body)
        call = Call(method, params)
        self.calls.append(call)
        try:
            if not path.startswith(f"/bot{TOKEN}/"):
                raise ApiError(401, "Unauthorized")
            result = self._answer(method, params)
        except ApiError as err:
            call.status = err.code
            answer = {"ok": False, "error_code": err.code, "description": err.description}
            if err.parameters:
                answer["parameters"] = err.parameters
            return err.code, json.dumps(answer).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # -- Bot API methods ------------------------------------------------------------------------

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if self.floods.get(method):
            retry = self.floods[method].pop(0)
            raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        if self.outages.get(method):
            raise ApiError(self.outages[method].pop(0), "Bad Gateway")
        chat_id = params.get("chat_id")
        if chat_id is not None and int(chat_id) in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id is not None and int(chat_id) in self.missing:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id is not None and int(chat_id) in self.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self.migrated[int(chat_id)],
            )
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    def queue_update(self, update: dict[str, Any]) -> None:
        """Hand `update` to the next getUpdates (for a bot polling in another process)."""
        self.updates.append(update)
        self._arrived.set()

    async def _wait_for_updates(self, params: dict[str, Any]) -> None:
        offset = int(params.get("offset", 0))
        if any(up["update_id"] >= offset for up in self.updates):
            return
        self._arrived.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._arrived.wait(), min(float(params.get("timeout", 0)), 1.0))

    def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset", 0))
        self.updates = [up for up in self.updates if up["update_id"] >= offset]
        return self.updates[: int(params.get("limit", 100))]
