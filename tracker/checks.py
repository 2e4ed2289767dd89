"""Input checks shared by the services: statuses, URLs, notes, labels, dates, settings, and the
typed forms of a time of day and of weekdays that every edge reads alike. Each raises
`InvalidInput` (or a subclass) with a message safe to show the user."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tracker.domain import MAX_HORIZON_DAYS, ChatSettings, Horizons, Kind, Status, VerdictsBy
from tracker.errors import InvalidInput

MAX_URL = 2048
MAX_NOTE = 2000
MAX_LABEL = 200
MAX_STATEMENT = 4000
MAX_ZONE_SHOWN = 40  # characters of a refused time-zone name quoted back to the user
# In the tz database but not places: the host's own zone, a template file, a "-00" placeholder.
_NOT_USER_ZONES = frozenset({"localtime", "posixrules", "Factory"})
_SPACE = re.compile(r"\s+")
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])")
_MERIDIEM = re.compile(r"([0-9]{1,2})(?:[:.]([0-5][0-9]))? ?([ap])\.?m\.?")
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # 0 = Monday, as in ChatSettings
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def content_hash(text: str, *, url: str | None = None) -> str:
    """SHA-256 of the text after Unicode NFKC and whitespace folding (the URL if no text)."""
    folded = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    key = folded if folded else f"url:{url or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL
MAX_CHAT_ID = 2**63 - 1
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` unchanged, or InvalidInput when it holds a NUL character or a lone surrogate
    (bytes that were not UTF-8): neither can be stored."""
    if _UNSTORABLE.search(text):
        raise InvalidInput("The text holds a NUL character or bytes that are not UTF-8.")
    return text


def clean(text: str | None) -> str | None:
    """Strip a free-text value; empty becomes None (so exports round-trip through CSV)."""
    if text is None:
        return None
    stripped = storable(str(text)).strip()
    return stripped or None


def row_id(value: int, *, what: str = "commitment") -> int:
    """An id that can exist (1 to 2^31 - 1), else NotFound-style InvalidInput."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise InvalidInput(f"There is no {what} #{value}: ids run from 1 to {MAX_ID}.")
    return value


def status(value: Status | str) -> Status:
    """A verdict status from its value, e.g. "fulfilled"."""
    try:
        return Status(str(value).strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise InvalidInput(f"Unknown status “{value}”. Use one of: {names}.") from None


def kind(value: Kind | str) -> Kind:
    """A commitment kind from its value, e.g. "promise"."""
    try:
        return Kind(str(value).strip().lower())
    except ValueError:
        names = ", ".join(k.value for k in Kind)
        raise InvalidInput(f"Unknown kind “{value}”. Use one of: {names}.") from None


def evidence_url(value: str | None) -> str | None:
    """An http(s) URL with a host, at most 2048 characters, or None."""
    url = clean(value)
    if url is None:
        return None
    parts = urlsplit(url)
    if (
        len(url) > MAX_URL
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(ch.isspace() for ch in url)
    ):
        raise InvalidInput("The evidence link must be an http(s) URL with a host, ≤ 2048 chars.")
    return url


def note(value: str | None, *, verdict: Status) -> str | None:
    """A verdict note of at most 2000 characters; required for "can't be judged"."""
    text = clean(value)
    if text is not None and len(text) > MAX_NOTE:
        raise InvalidInput(f"The note is too long ({len(text)} characters; at most {MAX_NOTE}).")
    if text is None and verdict is Status.UNJUDGEABLE:
        raise InvalidInput("Say why it can't be judged: a note is required for that verdict.")
    return text


def label(value: str, *, what: str = "user") -> str:
    """A non-empty short label such as a `by` user tag or an actor name."""
    text = clean(value)
    if text is None or len(text) > MAX_LABEL:
        raise InvalidInput(f"The {what} must be 1 to {MAX_LABEL} characters.")
    return text


def actors(values: Iterable[str]) -> tuple[str, ...]:
    """Actor names, stripped, without empties or repeats; ";" is the CSV separator."""
    seen: dict[str, None] = {}
    for value in values:
        name = clean(str(value).replace(";", ","))
        if name is not None:
            seen.setdefault(label(name, what="actor name"), None)
    return tuple(seen)


def statement(value: str) -> str:
    """The text of a commitment typed by a user."""
    text = clean(value)
    if text is None or len(text) > MAX_STATEMENT:
        raise InvalidInput(f"The statement must be 1 to {MAX_STATEMENT} characters.")
    return text


FIRST_DAY, LAST_DAY = date(1000, 1, 1), date(9899, 12, 31)  # room for 100-year horizons


def in_range(day: date) -> date:
    """A date from year 1000 to 9899 (a due date up to 100 years later must exist)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(f"{day.isoformat()} is out of range: use years 1000 to 9899.")
    return day


def due_date(value: object) -> date:
    """A calendar date (not a datetime)."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput("The due date must be a calendar date (YYYY-MM-DD).")
    return value


def aware(now: datetime) -> datetime:
    """`now` in UTC; naive datetimes are refused (everything inside is aware UTC)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise InvalidInput("Times must be timezone-aware.")
    return now.astimezone(UTC)


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


def find_url(text: str) -> str | None:
    """The first http(s) link in `text` without trailing punctuation, if any."""
    found = _URL.search(text)
    return found.group(0).rstrip(".,;:!?)»”'") if found else None
