"""Messages that ask for a personal reminder ("remind me tomorrow at 9 to call mom"): this bot
tracks statements with deadlines, so such a message gets a pointer to /add."""

from __future__ import annotations

import re

_REMINDER = re.compile(
    r"(?i)^\s*(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+)?"
    r"(?:remind\s+(?:me|us)|set\s+(?:a\s+)?reminder|reminder\s*:|don'?t\s+let\s+me\s+forget)\b"
)


def looks_like_reminder(text: str) -> bool:
    """Whether `text` asks for a reminder rather than sharing an article."""
    return bool(_REMINDER.match(text))
