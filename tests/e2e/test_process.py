"""The installed entry point: `python -m bot run` migrates, publishes its menu and long-polls."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot import views
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
from tests.e2e.test_webhook import wait_for


async def test_polling_process_answers_an_update(bot_api: FakeBotApi, tmp_path: Path) -> None:
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": bot_api.base_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        "--env-file",
        str(tmp_path / "none.env"),
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await wait_for(lambda: bot_api.sent("getUpdates"), timeout=30)
        bot_api.queue_update(u.message("/start"))
        await wait_for(lambda: bot_api.texts(), timeout=10)
        assert bot_api.texts() == [views.WELCOME]
        assert [c["command"] for c in bot_api.commands] == [n for n, _, _ in views.COMMANDS]
        assert (tmp_path / "bot.db").is_file()
    finally:
        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=15)
    assert b"Traceback" not in stderr, stderr.decode()[-2000:]
