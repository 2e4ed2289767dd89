"""Checks of the values a user or a file gives: statuses, kinds, URLs, notes, labels, actors,
statements, dates, ids. Each raises `InvalidInput` with a message safe to show the user."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from tracker.domain import Kind, Status
from tracker.errors import InvalidInput

MAX_URL = 2048
MAX_NOTE = 2000
MAX_LABEL = 200
MAX_STATEMENT = 4000
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


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


def find_url(text: str) -> str | None:
    """The first http(s) link in `text` without trailing punctuation, if any."""
    found = _URL.search(text)
    return found.group(0).rstrip(".,;:!?)»”'") if found else None
