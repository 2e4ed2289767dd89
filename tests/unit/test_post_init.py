"""bot.app's start-up hook: menu published, slow imports warmed, start-up objects frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from bot import views
from bot.app import _post_init


class MenuBot:
    """Stands in for the Bot: records the command menu it is given."""

    def __init__(self) -> None:
        self.menus: list[list[str]] = []

    async def set_my_commands(self, commands: list[Any]) -> bool:
        self.menus.append([command.command for command in commands])
        return True


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # give the objects back to the collector for the rest of the test run


async def test_post_init_publishes_the_menu_then_freezes_start_up_objects(unfrozen: None) -> None:
    bot = MenuBot()
    await _post_init(SimpleNamespace(bot=bot))  # type: ignore[arg-type]  # only .bot is used
    assert (bot.menus, gc.get_freeze_count() > 0) == ([[n for n, _, _ in views.COMMANDS]], True)
