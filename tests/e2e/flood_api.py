"""The fake Bot API with Telegram's flood limits enforced on sends: 30 messages/s overall,
1/s per chat, 20/min per group (sliding windows; a breach answers 429 with retry_after); and a
ledger whose chats all have a digest due now, for dispatchers running as real processes."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from typing import Any

from sqlalchemy import insert

from tests.e2e.bot_api_rules import ApiError
from tests.e2e.fake_bot_api import FakeBotApi
from tracker.store.db import make_engine, migrate
from tracker.store.models import ChatRow, CommitmentRow

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


def seed_due_digests(url: str, chat_ids: Sequence[int]) -> None:
    """Migrate `url`; give each chat one item due in three days and a digest due at today's
    00:00 UTC slot (the real clock: `tracker-bot dispatch` reads it)."""
    engine = make_engine(url)
    migrate(engine)
    now = datetime.now(UTC)
    rows = [
        {"chat_id": chat, "timezone": "UTC", "active": True, "digest_days": "0,1,2,3,4,5,6",
         "digest_time": time_of_day(0), "summary_time": time_of_day(18),
         "last_digest_at": now - timedelta(days=2), "last_summary_at": now,
         "summary_day": 6, "horizons": "{}", "verdicts_by": "everyone", "checkin_every_days": 7}
        for chat in chat_ids
    ]  # fmt: skip
    items = [
        {"chat_id": r["chat_id"], "actors": ["Mayor"], "action": "open the bridge",
         "kind": "promise", "quote": "The city will open the bridge.",
         "due": date.today() + timedelta(days=3), "due_basis": "deadline", "status": "open",
         "created_by": "test", "created_at": now - timedelta(days=9), "number": 1}
        for r in rows
    ]  # fmt: skip
    with engine.begin() as connection:
        connection.execute(insert(ChatRow), rows)
        connection.execute(insert(CommitmentRow), items)
    engine.dispose()
