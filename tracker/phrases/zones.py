"""Time zones as people type them: a tz database name ("Europe/Berlin"), a city that ends a
zone name ("berlin", "New York", "sao paulo"), or an offset from UTC ("UTC+2", "GMT-5").

Cities come from the tz database's own zone names (their last path component), so no outside
table is needed. Fixed offsets are the database's Etc/GMT zones, whose signs are inverted by
POSIX convention: UTC+2 is "Etc/GMT-2"."""

from __future__ import annotations

import functools
import re

from tracker import checks as check
from tracker.errors import InvalidInput

# Regions of the canonical zone names; a city found in one of these wins over legacy links.
_REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
            "Indian", "Pacific")  # fmt: skip
_OFFSET = re.compile(r"(?i)(?:utc|gmt)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?")


def zone_name(text: str) -> str:
    """The tz database name for what the user typed; InvalidInput with a hint otherwise."""
    typed = " ".join(text.split())
    names = check.zone_names()
    if typed.lower() in names:
        return names[typed.lower()]
    if m := _OFFSET.fullmatch(typed):
        return _offset_zone(m)
    city = _cities().get(typed.lower().replace(" ", "_").replace("-", "_"))
    if city is None:
        check.zone(text)  # raises with the one refusal message every edge shows
    return city or text


def _offset_zone(m: re.Match[str]) -> str:
    if m[1] is None or int(m[2]) == 0:
        return "UTC"
    if m[3] not in (None, "00"):
        raise InvalidInput("Offsets with minutes have no fixed zone; type your city instead.")
    hours = int(m[2])
    if hours > (14 if m[1] == "+" else 12):
        raise InvalidInput("An offset from UTC runs from UTC-12 to UTC+14.")
    return f"Etc/GMT{'-' if m[1] == '+' else '+'}{hours}"  # POSIX signs are inverted


@functools.cache
def _cities() -> dict[str, str]:
    """Lower-cased last components of the zone names ("new_york") → the zone; canonical
    regions first, then the shortest name, so each city has one stable answer."""
    found: dict[str, str] = {}
    ranked = sorted(
        check.zone_names().values(),
        key=lambda n: (n.split("/")[0] not in _REGIONS, n.count("/"), n),
    )
    for name in ranked:
        if "/" in name and not name.startswith("Etc/"):
            found.setdefault(name.rsplit("/", 1)[1].lower(), name)
    return found
