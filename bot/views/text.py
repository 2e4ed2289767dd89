"""Text plumbing shared by every view: HTML escaping, message splitting, local times."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from html import escape as _escape
from zoneinfo import ZoneInfo

TEXT_LIMIT = 4096
ANONYMOUS_LABEL = "tg:anonymous-admin"  # audit label: Telegram hides which admin it was
CAPTION_LIMIT = 1024


def escape(text: str) -> str:
    """Escape text for Telegram HTML outside attributes (quotes stay readable)."""
    return _escape(text, quote=False)


def person(label: str, names: Mapping[str, str] | None = None) -> str:
    """Who recorded something, escaped: their latest name known in the chat, else the stable
    audit label (`tg:<id>`, a CLI user's label); an anonymous admin in words."""
    if names and label in names:
        return escape(names[label])
    return "an anonymous admin" if label == ANONYMOUS_LABEL else escape(label)


def attr(text: str) -> str:
    """Escape a value for a double-quoted HTML attribute."""
    return _escape(text, quote=True)


def split_message(text: str, *, limit: int = TEXT_LIMIT) -> list[str]:
    """Split `text` into chunks of at most `limit` characters, at line boundaries if possible."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single overlong line: cut it, never inside an entity or tag
            if current:
                chunks.append(current)
                current = ""
            cut = safe_cut(line, limit)
            chunks.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks


def safe_cut(line: str, limit: int) -> int:
    """The last index ≤ limit where cutting `line` leaves no half "&amp;" or "<b>"."""
    cut = limit
    for opener, closer in (("&", ";"), ("<", ">")):
        start = line.rfind(opener, 0, cut)
        if start > 0 and closer not in line[start:cut]:
            cut = start
    return cut


def local_date(at: datetime, tz: str) -> date:
    """The calendar date of the UTC instant `at` in time zone `tz`."""
    return at.astimezone(ZoneInfo(tz)).date()


def when(at: datetime, tz: str) -> str:
    """An instant as shown to a chat: local date and time."""
    return at.astimezone(ZoneInfo(tz)).strftime("%a %d %b %Y, %H:%M")


def who(actors: Sequence[str]) -> str:
    return escape(", ".join(actors)) if actors else "<i>someone</i>"


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
