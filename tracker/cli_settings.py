"""`tracker settings`: show or change a ledger's settings, in the words of the bot's /settings.

The words are read here; every value is then checked by the core (`Tracker.update_settings`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import click

from tracker import services_checks as check
from tracker.cli_common import Env
from tracker.cli_render import dumps, settings_dict, settings_text
from tracker.domain import ChatSettings, Kind
from tracker.errors import InvalidInput

Form = Callable[[Sequence[str], ChatSettings], dict[str, Any]]
_KINDS = "|".join(k.value for k in Kind)
# (the words after the setting's name, an example): shown when the words do not fit.
USAGE = {
    "timezone": ("ZONE", "timezone Europe/Berlin"),
    "digest": ("HH:MM [DAYS] | off", "digest 09:00 mon-fri"),
    "summary": ("DAY HH:MM", "summary sun 18:00"),
    "verdicts": ("everyone|admins", "verdicts admins"),
    "horizon": (f"{_KINDS} DAYS", "horizon plan 90"),
    "checkins": ("DAYS", "checkins 14"),
}


def _usage(name: str) -> InvalidInput:
    words, example = USAGE[name]
    return InvalidInput(f"Usage: tracker settings {name} {words}, e.g. {example}.")


def _number(text: str) -> int:
    if not (text.isascii() and text.isdigit()):  # int() refuses some digits, e.g. "²"
        raise InvalidInput(f"“{text[:20]}” is not a whole number of days.")
    return int(text)


def _timezone(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 1:
        raise _usage("timezone")
    return {"timezone": args[0]}


def _digest(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) == 1 and args[0].lower() in ("off", "never"):
        return {"digest_days": frozenset()}
    changes: dict[str, Any] = {"digest_time": check.clock_time(args[0])}
    if len(args) > 1:
        changes["digest_days"] = check.weekdays(",".join(args[1:]))
    return changes


def _summary(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 2:
        raise _usage("summary")
    return {"summary_day": check.weekday(args[0]), "summary_time": check.clock_time(args[1])}


def _verdicts(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 1:
        raise _usage("verdicts")
    return {"verdicts_by": args[0].lower()}


def _horizon(args: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    if len(args) != 2:
        raise _usage("horizon")
    kind, days = check.kind(args[0]), _number(args[1])
    return {"horizons": replace(current.horizons, **{kind.value: days})}


def _checkins(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 1:
        raise _usage("checkins")
    return {"checkin_every_days": _number(args[0])}


FORMS: dict[str, Form] = {
    "timezone": _timezone,
    "digest": _digest,
    "summary": _summary,
    "verdicts": _verdicts,
    "horizon": _horizon,
    "checkins": _checkins,
}
_ALIASES = {"tz": "timezone"}


def settings_form(words: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    """`Tracker.update_settings` keyword arguments for typed words like "horizon plan 90"."""
    name = _ALIASES.get(words[0].lower(), words[0].lower())
    if name not in FORMS:
        shown = "".join(ch if ch.isprintable() else "?" for ch in words[0][:40])
        raise InvalidInput(f"Unknown setting “{shown}”. Use one of: {', '.join(FORMS)}.")
    if len(words) < 2:
        raise _usage(name)
    return FORMS[name](words[1:], current)


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
        current = tracker.update_settings(env.ledger, **settings_form(words, current))
        if not as_json:
            click.echo(f"changed {' '.join(words)}")
    click.echo(dumps(settings_dict(current)) if as_json else settings_text(current))


COMMANDS = [settings]
