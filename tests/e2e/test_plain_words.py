"""User story: what the bot says is in plain words, never its internal names (issue 11, 15):
links of other schemes are refused by name, settings and verdicts read as people say them."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_verdicts import press_verdict
from tests.e2e.updates import send

SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def plain(text: str) -> list[str]:
    """The snake_case words a reader would see (tags and link targets left out)."""
    return SNAKE.findall(re.sub(r"<[^>]*>|https?://\S+", " ", text))


class TestPlainWords:
    async def test_track_ftp_says_only_http_links_are_read(
        self, app: Any, bot_api: FakeBotApi
    ) -> None:
        await send(app, u.message("/track ftp://files.example/report.txt"))
        assert bot_api.texts()[-1] == (
            "I only read http(s) links; send an http:// or https:// address."
        )

    async def test_bad_setting_is_refused_in_words(self, app: Any, bot_api: FakeBotApi) -> None:
        await send(app, u.message("/settings verdicts nobody"))
        assert plain(bot_api.texts()[-1]) == []
        assert "everyone" in bot_api.texts()[-1]

    async def test_cant_judge_flow_reads_plainly(
        self, app: Any, bot_api: FakeBotApi, tracker: Any
    ) -> None:
        cid, prompt = await press_verdict(app, bot_api, tracker, "u")
        await send(app, u.message("skip"))  # refused: a reason is needed
        await send(app, u.message("the report is not public"))
        await send(app, u.message(f"/show {cid}"))
        await send(app, u.message("/settings"))
        for text in [prompt["text"], *bot_api.texts()]:
            assert plain(text) == [], text
        assert "can't be judged" in bot_api.texts()[-2]
