"""Webhook mode: Telegram's POSTs reach the handlers only with the right secret header."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx

from bot import views
from bot.__main__ import webhook_options
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_for(predicate: Any, *, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


async def test_webhook_checks_the_secret(app: Any, bot_api: FakeBotApi) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    options = webhook_options(url, f"127.0.0.1:{port}", secret="s3cret")
    await app.updater.start_webhook(**options)
    await app.start()
    try:
        assert bot_api.webhook is not None
        assert (bot_api.webhook["url"], bot_api.webhook["secret_token"]) == (url, "s3cret")
        async with httpx.AsyncClient() as client:
            forged = await client.post(
                url, json=u.message("/help"), headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
            )
            real = await client.post(
                url,
                json=u.message("/start"),
                headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"},
            )
        assert (forged.status_code, real.status_code) == (403, 200)
        await wait_for(lambda: bot_api.texts())
        assert bot_api.texts() == [views.WELCOME]
    finally:
        await app.updater.stop()
        await app.stop()
