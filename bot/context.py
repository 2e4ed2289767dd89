"""Typed callback context: the tracker, the clock and the admin cache every handler reaches."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from tracker.domain import Article
from tracker.services import Tracker
from tracker.services.feeds import FetchFeed

D = dict[str, Any]
Clock = Callable[[], datetime]
Fetch = Callable[..., Article]  # tracker.fetch.fetch_article(url, *, now) or a test double
ADMIN_TTL = 60.0  # seconds an admin check is trusted; promotions show up within a minute
NAMES_KEPT = 10_000  # (chat, label) names this process remembers having stored


class AdminCache:
    """Remembers get_chat_member answers briefly, keyed by (chat, user)."""

    def __init__(self, *, ttl: float = ADMIN_TTL, monotonic: Callable[[], float] = time.monotonic):
        self._ttl = ttl
        self._monotonic = monotonic
        self._seen: dict[tuple[int, int], tuple[bool, float]] = {}

    def get(self, chat_id: int, user_id: int) -> bool | None:
        """The cached answer, or None when unknown or expired."""
        hit = self._seen.get((chat_id, user_id))
        if hit is None or hit[1] < self._monotonic():
            return None
        return hit[0]

    def put(self, chat_id: int, user_id: int, is_admin: bool) -> None:
        """Remember an answer for the TTL."""
        self._seen[(chat_id, user_id)] = (is_admin, self._monotonic() + self._ttl)


class NameCache:
    """The names this process last stored per (chat, label), so an unchanged name costs no
    database call; the least recently seen are forgotten past `size`."""

    def __init__(self, *, size: int = NAMES_KEPT) -> None:
        self._size = size
        self._names: OrderedDict[tuple[int, str], str] = OrderedDict()

    def known(self, chat_id: int, label: str, name: str) -> bool:
        """Whether `name` is what was last stored for `label` in the chat."""
        key = (chat_id, label)
        if self._names.get(key) != name:
            return False
        self._names.move_to_end(key)
        return True

    def put(self, chat_id: int, label: str, name: str) -> None:
        """Remember that `name` is stored for `label` in the chat."""
        self._names[(chat_id, label)] = name
        self._names.move_to_end((chat_id, label))
        if len(self._names) > self._size:
            self._names.popitem(last=False)


class Ctx(CallbackContext[ExtBot[None], D, D, D]):
    """CallbackContext with typed access to what build_application() put in bot_data."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ):
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def tracker(self) -> Tracker:
        """The service layer (synchronous: call it through asyncio.to_thread)."""
        return cast(Tracker, self.bot_data["tracker"])

    @property
    def clock(self) -> Clock:
        """Returns the current aware UTC instant."""
        return cast(Clock, self.bot_data["clock"])

    @property
    def fetch(self) -> Fetch:
        """Fetches a URL into an Article, refusing private addresses."""
        return cast(Fetch, self.bot_data["fetch"])

    @property
    def fetch_feed(self) -> FetchFeed:
        """Fetches a feed (conditional GET), refusing private addresses."""
        return cast(FetchFeed, self.bot_data["fetch_feed"])

    @property
    def admins(self) -> AdminCache:
        """Short-lived cache of admin checks."""
        return cast(AdminCache, self.bot_data["admins"])

    @property
    def names(self) -> NameCache:
        """The names this process has stored (bot.handlers.basic.remember_name)."""
        return cast(NameCache, self.bot_data["names"])

    def now(self) -> datetime:
        """The current aware UTC instant."""
        return self.clock()
