"""The time tagger: TIMEX3 time expressions found in text and resolved against a reference
date (`find_timexes`), and the calendar period a TIMEX3 value covers (`period`)."""

from tracker.timex.tagger import find_timexes, period

__all__ = ["find_timexes", "period"]
