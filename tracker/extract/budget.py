"""Bounds on the work of reading one text, so nothing a user sends can stall the caller.

A long text is read in windows of whole paragraphs (`windows`), so every rule that looks
around a position sees at most one window and the work grows linearly with the text; a text
longer than `MAX_CHARS` is read up to there (the extraction says how far). `Deadline` is a
time budget checked between sentences; its clock is the caller's (the core never reads one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tracker.errors import TooSlow

__all__ = ["MAX_CHARS", "WINDOW", "Deadline", "windows"]

WINDOW = 30_000  # characters: far longer than a news article, so one is read whole
MAX_CHARS = 300_000  # characters read from one text (about 50,000 words)


class Deadline:
    """A time budget; `clock` is monotonic seconds (time.monotonic), and `fail` makes the error
    raised once the budget is spent (by default TooSlow, for reading one text)."""

    def __init__(
        self,
        seconds: float,
        *,
        clock: Callable[[], float],
        fail: Callable[[float], Exception] | None = None,
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._fail = fail or _too_slow
        self._ends = clock() + seconds

    def left(self) -> float:
        """Seconds left; raises once none are."""
        left = self._ends - self._clock()
        if left < 0:
            raise self._fail(self.seconds)
        return left

    def check(self) -> None:
        """Raise once the budget is spent."""
        self.left()


def _too_slow(seconds: float) -> TooSlow:
    return TooSlow(
        f"Reading this text took longer than {seconds:g} s, so I stopped. "
        "Nothing was saved; send a shorter article."
    )


def windows(text: str, *, size: int = WINDOW, limit: int = MAX_CHARS) -> Iterator[tuple[int, int]]:
    """[start, end) spans covering text[:limit], each at most `size` characters, cut after a
    newline where there is one, else after a space, else anywhere."""
    end_all = min(len(text), limit)
    start = 0
    while start < end_all:
        end = min(start + size, end_all)
        if end < end_all:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield start, end
        start = end
