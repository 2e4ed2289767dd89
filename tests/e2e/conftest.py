"""End-to-end fixtures: the real Application talking HTTP to FakeBotApi, over the shared
`tracker` fixture of tests/conftest.py (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from bot.app import build_application
from bot.settings import Settings
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.feed_site import Site, serving
from tracker.domain import Article
from tracker.fetch import fetch_article
from tracker.flood import UNPACED

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
NEWS_BODY = (
    "<html><head><title>Bridge plans</title></head><body><article><h1>Bridge plans</h1>"
    "<p>By Jane Doe, November 20, 2026</p>"
    "<p>The mayor promised that the city will open the new bridge by June 2027, officials said."
    " The transport minister said the government will build 40 new stations within two years."
    "</p><p>Critics said the budget was too small for such plans. The council meets on Monday."
    "</p></article></body></html>"
)


class Clock:
    """A settable clock: the bot's only notion of now."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _resolve(host: str, port: int) -> list[str]:
    """Offline DNS: every name is a public address (IP literals never reach here)."""
    return ["93.184.216.34"]


def _news_site(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/bridge":
        return httpx.Response(200, html=NEWS_BODY)
    return httpx.Response(404, text="not found")


def fake_fetch(url: str, *, now: datetime) -> Article:
    """tracker.fetch.fetch_article with its I/O seams faked: no network, same URL policy."""
    return fetch_article(url, now=now, transport=httpx.MockTransport(_news_site), resolve=_resolve)


@pytest.fixture
def clock() -> Clock:
    """The bot's clock, fixed at NOW unless a test moves it."""
    return Clock()


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    """The fake Bot API server, listening on a free local port."""
    api = FakeBotApi()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
def make_app(bot_api: FakeBotApi, tracker: Any, clock: Clock) -> Callable[..., Any]:
    """Factory for an Application wired to the fake server (keyword overrides for the builder)."""

    def make(**overrides: Any) -> Any:
        settings = Settings(bot_token=TOKEN, api_base_url=bot_api.base_url)
        return build_application(
            settings,
            tracker,
            clock=clock,
            fetch=overrides.pop("fetch", fake_fetch),
            # Real-time pacing (1 s per chat, 3 s per group) would make the suite crawl; the
            # shared budget is still reserved for every send. tests/e2e/test_flood.py paces.
            limits=overrides.pop("limits", UNPACED),
            **overrides,
        )

    return make


@pytest.fixture
async def app(make_app: Callable[..., Any]) -> AsyncIterator[Any]:
    """An initialised Application (getMe done), shut down after the test."""
    application = make_app()
    async with application:
        yield application


@pytest.fixture
def site() -> Iterator[tuple[Site, int]]:
    """A feed site on loopback (tests.e2e.feed_site) and its port."""
    with serving() as found:
        yield found
