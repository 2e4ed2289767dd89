"""Pure parsers for what users type after a command: settings forms, list filters, /add, ids.

Bad input raises tracker.errors.InvalidInput with a message fit to show the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from tracker import checks as check
from tracker.checks import MAX_REASK_DAYS, weekdays
from tracker.domain import RESOLVED, ChatSettings, Status, VerdictsBy
from tracker.errors import InvalidInput
from tracker.settings_words import settings_form, whole_days

_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII only: "²".isdigit() is true, int("²") fails
DUE_SOON_DAYS = 7  # "/list due" shows what falls due within a week
_UNRESOLVED = tuple(s for s in Status if s not in RESOLVED)


def commitment_id(text: str | None) -> int:
    """A commitment id as typed ("12" or "#12")."""
    raw = (text or "").strip().removeprefix("#")
    if not _DIGITS.fullmatch(raw) or not 0 < int(raw) < 2**63:
        raise InvalidInput(f"“{(text or '')[:40]}” is not a commitment number, e.g. 12.")
    return int(raw)


_VERDICT_WORDS: dict[str, Status] = {
    **dict.fromkeys(("fulfilled", "kept", "done", "yes"), Status.FULFILLED),
    **dict.fromkeys(("partly", "partial", "partly-fulfilled", "partly_fulfilled"), Status.PARTLY),
    **dict.fromkeys(
        ("not", "no", "broken", "not-fulfilled", "not_fulfilled", "unfulfilled"),
        Status.NOT_FULFILLED,
    ),
    **dict.fromkeys(
        ("not-yet", "notyet", "not_yet", "in-progress", "in_progress"), Status.IN_PROGRESS
    ),
    "stalled": Status.STALLED,
    **dict.fromkeys(
        ("cant-judge", "cant_judge", "can't-judge", "unjudgeable", "unclear"), Status.UNJUDGEABLE
    ),
}
VERDICT_WORDS = "fulfilled, partly, broken, not-yet, stalled, cant-judge"


def verdict_status(word: str) -> Status:
    """A verdict typed after /verdict N: fulfilled, partly, broken, not-yet, stalled,
    cant-judge (and a few synonyms)."""
    found = _VERDICT_WORDS.get(word.strip().lower())
    if found is None:
        shown = word.strip()[:20]
        raise InvalidInput(f"“{shown}” is not a verdict; use one of: {VERDICT_WORDS}.")
    return found


def is_number(text: str) -> bool:
    """Whether `text` is an item number as typed ("12" or "#12")."""
    return bool(_DIGITS.fullmatch(text.strip().removeprefix("#")))


def split_add(text: str, *, today: date) -> tuple[str, str | None]:
    """Split "/add" text into (statement, deadline phrase) at its last " by " when a date
    follows it; "passed by parliament" is part of the statement."""
    from tracker.deadlines import parse_deadline  # imports dateparser: only when first needed

    head, sep, tail = text.rpartition(" by ")
    if sep and head.strip() and tail.strip() and parse_deadline("by " + tail.strip(), ref=today):
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


def settings_change(args: Sequence[str], current: ChatSettings) -> dict[str, Any]:
    """Checked Tracker.update_settings keyword arguments for a typed /settings form."""
    return settings_form(args, current, command="/settings")


def checkin_days(args: Sequence[str]) -> int:
    """Days before an unanswered check-in is asked again, typed as "/settings checkins 14"."""
    if len(args) != 1:
        raise InvalidInput(
            f"Usage: /settings checkins <days>, from 1 to {MAX_REASK_DAYS}, e.g. 14"
        )
    return check.checkin_days(whole_days(args[0]))


def setting_choice(key: str, value: str) -> dict[str, Any]:
    """Tracker.update_settings keyword arguments for a /settings button."""
    if key == "vb":
        return {"verdicts_by": VerdictsBy(value)}
    return {"digest_days": weekdays(value)}
