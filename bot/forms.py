"""Pure parsers for what users type after a command: settings forms, list filters, /add, ids.

Bad input raises tracker.errors.InvalidInput with a message fit to show the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tracker.domain import MAX_HORIZON_DAYS, RESOLVED, ChatSettings, Kind, Status, VerdictsBy
from tracker.errors import InvalidInput
from tracker.services_checks import MAX_REASK_DAYS, clock_time, weekday, weekdays, zone

_DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII only: "²".isdigit() is true, int("²") fails
DUE_SOON_DAYS = 7  # "/list due" shows what falls due within a week
_UNRESOLVED = tuple(s for s in Status if s not in RESOLVED)
SETTINGS_USAGE = (
    "Try /settings timezone Europe/Berlin, /settings digest 09:00 mon-fri, "
    "/settings summary sun 18:00, /settings verdicts admins, /settings horizon promise 180 "
    "or /settings checkins 14."
)


def commitment_id(text: str | None) -> int:
    """A commitment id as typed ("12" or "#12")."""
    raw = (text or "").strip().removeprefix("#")
    if not _DIGITS.fullmatch(raw) or not 0 < int(raw) < 2**63:
        raise InvalidInput(f"“{(text or '')[:40]}” is not a commitment number, e.g. 12.")
    return int(raw)


def split_add(text: str) -> tuple[str, str | None]:
    """Split "/add" text into (statement, deadline phrase) at its last " by "."""
    head, sep, tail = text.rpartition(" by ")
    if sep and head.strip() and tail.strip():
        return head.strip(), "by " + tail.strip()
    return text.strip(), None


def list_query(filter_: str, *, today: date) -> dict[str, Any]:
    """Tracker.list keyword arguments for a /list filter word."""
    queries: dict[str, dict[str, Any]] = {
        "open": {"statuses": _UNRESOLVED},
        "due": {"statuses": _UNRESOLVED, "due_before": today + timedelta(days=DUE_SOON_DAYS)},
        "overdue": {"overdue_on": today},
        "fulfilled": {"statuses": (Status.FULFILLED, Status.PARTLY)},
        "broken": {"statuses": (Status.NOT_FULFILLED,)},
        "all": {},
    }
    if filter_ not in queries:
        raise InvalidInput("Usage: /list [open|due|overdue|fulfilled|broken|all]")
    return queries[filter_]


def _timezone(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    return {"timezone": zone(" ".join(args)).key}


def _digest(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) == 1 and args[0].lower() in ("off", "never"):
        return {"digest_days": frozenset()}
    changes: dict[str, Any] = {"digest_time": clock_time(args[0])}
    if len(args) > 1:
        changes["digest_days"] = weekdays(",".join(args[1:]))
    return changes


def _summary(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    if len(args) != 2:
        raise InvalidInput("Usage: /settings summary sun 18:00")
    return {"summary_day": weekday(args[0]), "summary_time": clock_time(args[1])}


def _verdicts(args: Sequence[str], _: ChatSettings) -> dict[str, Any]:
    try:
        return {"verdicts_by": VerdictsBy(args[0].lower())}
    except ValueError:
        raise InvalidInput("Usage: /settings verdicts admins (or everyone)") from None


def _horizon(args: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    kinds = [k.value for k in Kind]
    if len(args) != 2 or args[0].lower() not in kinds or not _DIGITS.fullmatch(args[1]):
        raise InvalidInput(
            f"Usage: /settings horizon <{'|'.join(kinds)}> <days>, e.g. promise 180"
        )
    days = int(args[1])
    if not 1 <= days <= MAX_HORIZON_DAYS:
        raise InvalidInput(f"A horizon is between 1 and {MAX_HORIZON_DAYS} days.")
    return {"horizons": replace(current.horizons, **{args[0].lower(): days})}


_FORMS = {
    "timezone": _timezone,
    "tz": _timezone,
    "digest": _digest,
    "summary": _summary,
    "verdicts": _verdicts,
    "horizon": _horizon,
}


def settings_change(args: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    """Tracker.update_settings keyword arguments for a typed /settings form."""
    form = _FORMS.get(args[0].lower()) if args else None
    if form is None or len(args) < 2:
        raise InvalidInput(SETTINGS_USAGE)
    return form(args[1:], current)


def checkin_days(args: Sequence[str]) -> int:
    """Days before an unanswered check-in is asked again, typed as "/settings checkins 14"."""
    if len(args) != 1 or not _DIGITS.fullmatch(args[0]) or not 1 <= int(args[0]) <= MAX_REASK_DAYS:
        usage = f"Usage: /settings checkins <days>, from 1 to {MAX_REASK_DAYS}, e.g. 14"
        raise InvalidInput(usage)
    return int(args[0])


def setting_choice(key: str, value: str) -> dict[str, Any]:
    """Tracker.update_settings keyword arguments for a /settings button."""
    if key == "vb":
        return {"verdicts_by": VerdictsBy(value)}
    return {"digest_days": weekdays(value)}
