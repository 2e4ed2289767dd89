"""/help, the command menu (set_my_commands) and README.md's "## Bot commands" list agree."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.app import COMMAND_HANDLERS
from tests.e2e import updates as u
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.updates import send

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[str]:
    """Command names of the "- /cmd — description" lines under README's "## Bot commands"."""
    text = README.read_text(encoding="utf-8") if README.is_file() else ""
    section = text.partition("\n## Bot commands")[2].split("\n## ", 1)[0]
    return [m[1] for m in re.finditer(r"^- /([a-z_]+)\b", section, re.MULTILINE)]


async def test_help_menu_and_readme_list_the_same_commands(app: Any, bot_api: FakeBotApi) -> None:
    await app.post_init(app)  # what run_polling/run_webhook do on start
    menu = [command["command"] for command in bot_api.commands]
    await send(app, u.message("/help"))
    helped = re.findall(r"^/([a-z_]+) — ", bot_api.last()["text"], re.MULTILINE)
    assert menu == helped
    assert sorted(helped) == sorted(COMMAND_HANDLERS)
    assert sorted(readme_commands()) == sorted(helped), (
        f"update the '## Bot commands' list in {README}"
    )
