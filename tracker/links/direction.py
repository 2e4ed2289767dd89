"""Which way a commitment moves a quantity: up ("raise the rate", "increase funding"), down
("lower", "cut", "reduce") or not at all ("maintain", "hold"). A sentence that moves the same
quantity only another way is about another decision, not the commitment's."""

from __future__ import annotations

import re

__all__ = ["conflicting_direction"]

_WAYS = {
    "up": r"rais\w*|increas\w*|hik\w*|tighten\w*|boost\w*|expand\w*",
    "down": r"lower\w*|cut(?:s|ting)?|reduc\w*|decreas\w*|eas(?:e|es|ed|ing)",
    "level": r"maintain\w*|unchanged|(?:hold|held|keep|kept|leave|left) (?:\w+ )?(?:steady|at)",
}
_WAY_RE = {way: re.compile(rf"\b(?:{words})\b", re.I) for way, words in _WAYS.items()}


def _ways(text: str) -> frozenset[str]:
    return frozenset(way for way, pattern in _WAY_RE.items() if pattern.search(text))


def conflicting_direction(sentence: str, action: str) -> bool:
    """Whether `action` moves its quantity one way and `sentence` only other ways: "decided
    to lower the target range" is not "continue raising the target range"."""
    mine, theirs = _ways(action), _ways(sentence)
    return len(mine) == 1 and bool(theirs) and not mine & theirs
