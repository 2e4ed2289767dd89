"""Time zones, times of day and weekdays as people type them ("Europe/Berlin", "8am",
"mon-fri"), read alike by every edge. Each raises `InvalidInput` with a message safe to show."""

from __future__ import annotations

import functools
import re
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tracker.errors import InvalidInput

MAX_ZONE_SHOWN = 40  # characters of a refused time-zone name quoted back to the user
# In the tz database but not places: the host's own zone, a template file, a "-00" placeholder.
_NOT_USER_ZONES = frozenset({"localtime", "posixrules", "Factory"})
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])")
_MERIDIEM = re.compile(r"([0-9]{1,2})(?:[:.]([0-5][0-9]))? ?([ap])\.?m\.?")
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # 0 = Monday, as in ChatSettings
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def zone(name: str) -> ZoneInfo:
    """The IANA time zone called exactly `name`, e.g. "Europe/Berlin" or "UTC".

    The only time-zone check: the services, the CLI and the bot's forms all call it. Only names
    in the installed tz database are accepted, so a blank name, a path ("/etc/localtime",
    "../x"), a padded or miscased name, and files that are not zones for users ("localtime",
    "posixrules", "Factory", "posix/...") are refused although ZoneInfo may open some of them.
    An accepted name is its own `.key`, so callers may store what the user typed.
    """
    text = str(name)
    if not text.strip():
        raise InvalidInput("Give a time zone name like Europe/Berlin.")
    if _zone_names().get(text.lower()) != text:
        raise InvalidInput(_zone_refusal(text))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # the tz files changed since start-up
        raise InvalidInput(_zone_refusal(text)) from None


def _zone_refusal(name: str) -> str:
    """Why `name` is not a time zone, in plain text: the name is clipped to 40 characters and
    control or invisible characters are shown as "?" (the bot HTML-escapes it; no markup here)."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in name[:MAX_ZONE_SHOWN])
    shown += "…" if len(name) > MAX_ZONE_SHOWN else ""
    spelled = _zone_names().get(name.strip().lower(), "Europe/Berlin")
    return f"Unknown time zone “{shown}”; use a name like {spelled}."


@functools.cache
def _zone_names() -> dict[str, str]:
    """Every time zone a user may pick, keyed by its lower-cased name (read once)."""
    return {key.lower(): key for key in available_timezones() - _NOT_USER_ZONES}


def zone_names() -> dict[str, str]:
    """Every time zone a user may pick, keyed by its lower-cased name."""
    return _zone_names()


def clock_time(text: str) -> time:
    """A local time of day as people type it: 09:00, 18:30, 8am, 6 pm, 6:30pm, noon, midnight
    (no seconds, no offset)."""
    typed = " ".join(text.lower().split())
    if typed in _NAMED_TIMES:
        return _NAMED_TIMES[typed]
    if m := _CLOCK.fullmatch(typed):
        return time(int(m[1]), int(m[2]))
    if (m := _MERIDIEM.fullmatch(typed)) and 1 <= int(m[1]) <= 12:
        hour = int(m[1]) % 12 + (12 if m[3] == "p" else 0)
        return time(hour, int(m[2] or 0))
    raise InvalidInput(f"“{text[:20]}” is not a time of day like 09:00, 8am or 6:30pm.")


def weekday(text: str) -> int:
    """A weekday typed as its English name or 3+ first letters: mon, tues, sunday (0 = Monday)."""
    key = text.strip().lower()
    for number, name in enumerate(_FULL_DAYS):
        if len(key) >= 3 and name.startswith(key):
            return number
    raise InvalidInput(f"“{text[:20]}” is not a weekday like mon or sun.")


def weekdays(text: str) -> frozenset[int]:
    """Days typed as "daily", "weekdays", "off", "mon-fri" or "mon,wed,fri"."""
    named = {"daily": range(7), "weekdays": range(5), "off": (), "never": ()}
    if text.strip().lower() in named:
        return frozenset(named[text.strip().lower()])
    days: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        start, end = weekday(first), weekday(last or first)
        days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    return frozenset(days)
