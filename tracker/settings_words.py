"""Settings typed as words, the way both the bot's /settings and `tracker settings` take them
("timezone Europe/Berlin", "digest 09:00 mon-fri", "horizon plan 90"): one reader for both
edges. Every value then goes through the services' own checks (`setting_values`), so a bad one
is refused here with the message the services would give."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from tracker import checks as check
from tracker.domain import ChatSettings, Kind
from tracker.errors import InvalidInput
from tracker.phrases.zones import zone_name

__all__ = ["FORMS", "settings_form", "whole_days"]

Form = Callable[[Sequence[str], ChatSettings], dict[str, Any]]
_KINDS = "|".join(k.value for k in Kind)
# (the words after the setting's name, an example): shown when the words do not fit.
USAGE = {
    "timezone": ("CITY|ZONE|UTC±H", "timezone Berlin"),
    "digest": ("HH:MM [DAYS] | off", "digest 09:00 mon-fri"),
    "summary": ("DAY HH:MM", "summary sun 18:00"),
    "verdicts": ("everyone|admins", "verdicts admins"),
    "horizon": (f"{_KINDS} DAYS", "horizon plan 90"),
    "checkins": ("DAYS", "checkins 14"),
}
_ALIASES = {"tz": "timezone"}


class _Misfit(Exception):
    """The words after a setting's name do not fit its form: show its usage."""


def whole_days(text: str) -> int:
    """A number of days typed in ASCII digits ("²".isdigit() is true, but int("²") fails)."""
    if not (text.isascii() and text.isdigit()):
        raise InvalidInput(f"“{text[:20]}” is not a whole number of days.")
    return int(text)


def _one(args: Sequence[str]) -> str:
    if len(args) != 1:
        raise _Misfit
    return args[0]


def _digest(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) == 1 and args[0].lower() in ("off", "never"):
        return {"digest_days": frozenset()}
    if len(args) == 1 and args[0].lower() == "on":
        return {"digest_days": frozenset(range(7))}
    changes: dict[str, Any] = {"digest_time": check.clock_time(args[0])}
    if len(args) > 1:
        changes["digest_days"] = check.weekdays(",".join(args[1:]))
    return changes


def _summary(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 2:
        raise _Misfit
    return {"summary_day": check.weekday(args[0]), "summary_time": check.clock_time(args[1])}


def _horizon(args: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    if len(args) != 2:
        raise _Misfit
    kind, days = check.kind(args[0]), whole_days(args[1])
    return {"horizons": replace(current.horizons, **{kind.value: days})}


FORMS: dict[str, Form] = {
    "timezone": lambda args, _: {"timezone": zone_name(" ".join(args))},
    "digest": _digest,
    "summary": _summary,
    "verdicts": lambda args, _: {"verdicts_by": _one(args).lower()},
    "horizon": _horizon,
    "checkins": lambda args, _: {"checkin_every_days": whole_days(_one(args))},
}


def settings_form(words: Sequence[str], current: ChatSettings, *, command: str) -> dict[str, Any]:
    """Checked `Tracker.update_settings` keyword arguments for typed words such as
    "horizon plan 90"; `command` ("/settings", "tracker settings") prefixes a usage message."""
    name = _ALIASES.get(words[0].lower(), words[0].lower()) if words else ""
    if name not in FORMS:
        shown = "".join(ch if ch.isprintable() else "?" for ch in (words or [""])[0][:40])
        raise InvalidInput(f"Unknown setting “{shown}”. Use one of: {', '.join(FORMS)}.")
    try:
        if len(words) < 2:
            raise _Misfit
        changes = FORMS[name](words[1:], current)
    except _Misfit:
        typed, example = USAGE[name]
        raise InvalidInput(f"Usage: {command} {name} {typed}, e.g. {example}.") from None
    return check.setting_values(changes)
