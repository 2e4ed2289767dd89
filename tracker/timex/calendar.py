"""Calendar arithmetic for TIMEX3 values: formatting values and the period a value covers.

`period` is re-exported by tracker.timex, which is where callers should import it from.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# "P2Y6M", "P1DT12H", "PT5H30M": date components, then clock components after "T"
_DURATION = re.compile(r"P((?:\d+(?:\.\d+)?[YQMWDEC])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?")
_COMPONENT = re.compile(r"(\d+(?:\.\d+)?)([YQMWDEC])")
_MONTHS_PER = {"Y": 12, "M": 1, "Q": 3, "E": 120, "C": 1200}


def valid_date(year: int, month: int, day: int) -> date | None:
    """The calendar day, or None when it does not exist ("February 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The same day of month `months` later (or earlier), clamped to the month's last day."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    """The last day of a month; months past 12 roll into the next year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def day_value(day: date) -> str:
    """TIMEX3 value of a calendar day."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """TIMEX3 value of a calendar month."""
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """TIMEX3 value of the ISO week containing `day`."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(day: date) -> int:
    """Calendar quarter (1-4) of a day."""
    return (day.month - 1) // 3 + 1


def shift(ref: date, amount: int, unit: str) -> str:
    """Value of the unit-sized period `amount` units away from `ref` ("a year ago" → "2018")."""
    if unit == "D":
        return day_value(ref + timedelta(days=amount))
    if unit in ("W", "WE"):
        return week_value(ref + timedelta(weeks=amount)) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        d = add_months(ref, amount)
        return month_value(d.year, d.month)
    if unit == "Q":
        d = add_months(ref, 3 * amount)
        return f"{d.year}-Q{quarter_of(d)}"
    if unit == "E":
        return str(ref.year // 10 + amount)
    if unit == "C":
        return str(ref.year // 100 + amount)
    return str(ref.year + amount)


# a fractional amount of a unit written in the next smaller one: 2.5 years → 2 years 6 months
_SMALLER = {
    ("Y", False): (12, "M", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}


def _num(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else str(amount)


def _components(amount: float, code: str, clock: bool) -> list[tuple[float, str, bool]]:
    whole, rest = int(amount), amount - int(amount)
    smaller = _SMALLER.get((code, clock))
    if not rest or smaller is None or (rest * smaller[0]) != int(rest * smaller[0]):
        return [(amount, code, clock)]
    head = [(float(whole), code, clock)] if whole else []
    return [*head, (rest * smaller[0], smaller[1], smaller[2])]


def duration_value(amount: float | None, code: str, *, clock: bool = False) -> str:
    """TIMEX3 value of a duration: "P6M", "P2Y6M", "PT5H30M"; "PXY" when the amount is vague."""
    if amount is None:
        return f"{'PT' if clock else 'P'}X{code}"
    parts = _components(amount, code, clock)
    day_part = "".join(f"{_num(n)}{c}" for n, c, t in parts if not t)
    time_part = "".join(f"{_num(n)}{c}" for n, c, t in parts if t)
    return "P" + day_part + ("T" + time_part if time_part else "")


def _duration_end(value: str, ref: date) -> date | None:
    m = _DURATION.fullmatch(value)
    if not m or not (m[1] or m[2]):
        return None
    end = ref  # clock units alone ("PT5H30M"): the period is the reference day itself
    for amount, unit in _COMPONENT.findall(m[1]):
        if unit == "D":
            end += timedelta(days=round(float(amount)))
        elif unit == "W":
            end += timedelta(weeks=float(amount))
        else:
            end = add_months(end, round(float(amount) * _MONTHS_PER[unit]))
    return end


def _calendar_period(value: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:T.*)?", value)
    if m:
        year, month = int(m[1]), int(m[2])
        if m[3]:
            day = date(year, month, int(m[3]))
            return day, day
        return date(year, month, 1), month_end(year, month)
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if m[3]
            else (
                monday,
                monday + timedelta(days=6),
            )
        )
    return _part_of_year(value)


def _part_of_year(value: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|H[12]|SP|SU|FA|WI))?", value)
    if not m:
        return _decade_or_century(value)
    year, part = int(m[1]), m[2]
    if part is None:
        return date(year, 1, 1), date(year, 12, 31)
    if part[0] == "Q":
        q = int(part[1])
        return date(year, 3 * q - 2, 1), month_end(year, 3 * q)
    if part[0] == "H":
        h = int(part[1])
        return date(year, 6 * h - 5, 1), month_end(year, 6 * h)
    first, last = SEASON_MONTHS[part]
    return date(year, first, 1), month_end(year, last)


def _decade_or_century(value: str) -> tuple[date, date] | None:
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    return None


def period(value: str, *, ref: date | None = None) -> tuple[date, date] | None:
    """First and last calendar day a TIMEX3 value covers; durations run from `ref`."""
    if value == "PRESENT_REF":
        return (ref, ref) if ref else None
    if value.startswith("P"):
        end = _duration_end(value, ref) if ref else None
        return (ref, end) if ref and end else None
    try:
        return _calendar_period(value)
    except ValueError:  # an impossible day such as 2019-02-30
        return None
