"""`tracker settings`: show or change a ledger's settings, in the words of the bot's /settings
(read by tracker/settings_words.py for both)."""

from __future__ import annotations

import click

from tracker.cli.common import Env
from tracker.cli.render import dumps, settings_dict, settings_text
from tracker.settings_words import settings_form


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, metavar="[SETTING VALUE...]")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def settings(env: Env, words: tuple[str, ...], as_json: bool) -> None:
    """Show the ledger's settings, or change one (the words of the bot's /settings).

    \b
    tracker settings timezone Europe/Berlin
    tracker settings digest 09:00 mon-fri     (or: digest off)
    tracker settings summary sun 18:00
    tracker settings verdicts admins          (or: everyone)
    tracker settings horizon plan 90          (promise, plan, agreement, prediction)
    tracker settings checkins 14
    """
    tracker = env.tracker()
    current = tracker.settings(env.ledger)
    if words:
        changes = settings_form(words, current, command="tracker settings")
        current = tracker.update_settings(env.ledger, now=env.now(), **changes)
        if not as_json:
            click.echo(f"changed {' '.join(words)}")
    click.echo(dumps(settings_dict(current)) if as_json else settings_text(current))


COMMANDS = [settings]
