"""The fake Bot API with Telegram's flood limits enforced on sends: 30 messages/s overall,
1/s per chat, 20/min per group (sliding windows; a breach answers 429 with retry_after)."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from tests.e2e.bot_api_rules import ApiError
from tests.e2e.fake_bot_api import FakeBotApi

SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


class FloodControlledApi(FakeBotApi):
    """FakeBotApi counting every 429 it answers in `too_many`."""

    def __init__(self) -> None:
        super().__init__()
        self.overall: deque[float] = deque()
        self.per_chat: dict[int, deque[float]] = {}
        self.too_many = 0

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method in SENDS:
            self._admit(int(params["chat_id"]), time.monotonic())
        return super()._answer(method, params)

    def _admit(self, chat_id: int, now: float) -> None:
        window, limit = (60.0, 20) if chat_id < 0 else (1.0, 1)
        chat = self.per_chat.setdefault(chat_id, deque())
        for times, span in ((self.overall, 1.0), (chat, window)):
            while times and times[0] <= now - span:
                times.popleft()
        if len(self.overall) >= 30 or len(chat) >= limit:
            self.too_many += 1
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self.overall.append(now)
        chat.append(now)
