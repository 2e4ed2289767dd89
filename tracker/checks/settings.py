"""Checks of a chat's settings: every value is checked and normalised before anything is
stored. Each raises `InvalidInput` with a message safe to show the user."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import time
from typing import Any

from tracker.checks.times import zone
from tracker.domain import MAX_HORIZON_DAYS, ChatSettings, Horizons, Kind, VerdictsBy
from tracker.errors import InvalidInput


def _clock(value: object, name: str) -> time:
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"{name} must be a time of day like 09:00.") from None


def _weekday(value: object, name: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    raise InvalidInput(f"{name} must be a weekday number from 0 (Monday) to 6 (Sunday).")


def _horizons(value: object) -> Horizons:
    if not isinstance(value, Horizons):
        raise InvalidInput("horizons must be a Horizons value.")
    for k in Kind:
        days = value.days(k)
        if not 1 <= days <= MAX_HORIZON_DAYS:
            raise InvalidInput(f"The {k.value} horizon must be 1 to {MAX_HORIZON_DAYS} days.")
    return value


def _verdicts_by(value: object) -> VerdictsBy:
    try:
        return VerdictsBy(str(value))
    except ValueError:
        raise InvalidInput("Verdicts are recorded by “everyone” or “admins”.") from None


def _active(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput("Whether the chat is active must be true or false.")
    return value


def _days(value: object) -> frozenset[int]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput("The digest days must be a set of weekday numbers.")
    return frozenset(_weekday(day, "A digest day") for day in value)


MAX_REASK_DAYS = 365


def checkin_days(value: Any) -> int:
    """Days before an unanswered check-in is asked again, checked."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_REASK_DAYS:
        raise InvalidInput(f"The check-in interval must be 1 to {MAX_REASK_DAYS} days.")
    return value


_SETTING_CHECKS: dict[str, Any] = {
    "timezone": lambda v: zone(v).key,
    "digest_time": lambda v: _clock(v, "digest_time"),
    "digest_days": _days,
    "summary_day": lambda v: _weekday(v, "The summary day"),
    "summary_time": lambda v: _clock(v, "summary_time"),
    "verdicts_by": _verdicts_by,
    "horizons": _horizons,
    "checkin_every_days": checkin_days,
    "active": _active,
}


def setting_values(changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` with every value checked and normalised (e.g. "admins" → VerdictsBy.ADMINS)."""
    known = {f.name for f in fields(ChatSettings)} - {"chat_id"}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise InvalidInput(f"Unknown setting: {', '.join(unknown)}.")
    return {name: _SETTING_CHECKS[name](value) for name, value in changes.items()}


def settings_change(current: ChatSettings, changes: dict[str, Any]) -> ChatSettings:
    """`current` with `changes` applied, every value checked first."""
    return replace(current, **setting_values(changes))
