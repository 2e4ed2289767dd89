"""Publication date of an article from its own text: date lines under the headline, bylines
("(By Joshua Spurlock,, March 3, 2019)"), datelines ("WASHINGTON, March 3 (Reuters) -"). Pure."""

from __future__ import annotations

import re
from datetime import date

from tracker.timex.calendar import valid_date
from tracker.timex.lexicon import MONTH_ABBR, MONTHS, month_number

__all__ = ["find_published"]

_MONTH_NAMES = [name.lower() for name in (*MONTHS, *MONTH_ABBR)]
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(
        _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)" + _YEAR, re.I
    ),
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR, re.I
    ),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)"),
]
_YEARLESS = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})\b", re.I)
# A line that is nothing but a date, perhaps with a time or "Published:"/"Updated:" around it.
_DATE_LINE = re.compile(
    r"^\W*(?:(?:published|posted|updated|last updated)(?: on)?:?\s*)?(?P<date>[^()]{6,40}?)"
    r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\W*$",
    re.I,
)
_BYLINE = re.compile(r"^\W*\(?\s*(?:by|posted by|written by)\s+[^\n]{0,80}$", re.I)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30},\s+(?P<date>[^()\n]{5,30}?)\s*\((?:[A-Za-z ]+)\)\s*[-—–]"
)
_HEAD_LINES = 6
_TAIL_LINES = 6


def find_published(text: str, *, ref: date | None = None, tail: bool = True) -> date | None:
    """The article's publication date as stated in its text, or None.

    `ref` (e.g. the fetch date) supplies the year of a yearless dateline: the latest such
    date on or before `ref`. `tail=False` reads only the head (byline, dateline).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    edges = lines[:_HEAD_LINES] + (lines[-_TAIL_LINES:] if tail else [])
    for line in edges:
        found = _from_date_line(line) or _from_byline(line)
        if found:
            return found
    for line in lines[:_HEAD_LINES]:
        found = _from_dateline(line, ref=ref)
        if found:
            return found
    return None


def parse_date(phrase: str) -> date | None:
    """The first complete calendar date ("March 3, 2019", "3 March 2019", "2019-03-03")."""
    best: tuple[int, date] | None = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(phrase)
        if m is None:
            continue
        found = _to_date(m)
        if found and (best is None or m.start() < best[0]):
            best = (m.start(), found)
    return best[1] if best else None


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else month_number(groups["month"])
    return valid_date(int(groups["year"]), month, int(groups["day"]))


def _from_date_line(line: str) -> date | None:
    m = _DATE_LINE.match(line)
    if m is None:
        return None
    found = parse_date(m.group("date"))
    # The date must be (nearly) the whole line, not a date inside a sentence.
    return found if found and len(line) <= 60 else None


def _from_byline(line: str) -> date | None:
    return parse_date(line) if _BYLINE.match(line) else None


def _from_dateline(line: str, *, ref: date | None) -> date | None:
    m = _DATELINE.match(line)
    if m is None:
        return None
    found = parse_date(m.group("date"))
    if found or ref is None:
        return found
    yearless = _YEARLESS.search(m.group("date"))
    if yearless is None:
        return None
    month, day = month_number(yearless.group("month")), int(yearless.group("day"))
    candidates = (valid_date(year, month, day) for year in (ref.year, ref.year - 1))
    return next((c for c in candidates if c is not None and c <= ref), None)
