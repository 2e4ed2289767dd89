"""Input checks shared by the services: statuses, URLs, notes, labels, dates (`values`), time
zones, times of day and weekdays as every edge reads them (`times`), and chat settings
(`settings`). Each raises `InvalidInput` (or a subclass) with a message safe to show the user.
"""

from __future__ import annotations

from tracker.checks.settings import MAX_REASK_DAYS, checkin_days, setting_values, settings_change
from tracker.checks.times import (
    DAY_NAMES,
    MAX_ZONE_SHOWN,
    clock_time,
    weekday,
    weekdays,
    zone,
    zone_names,
)
from tracker.checks.values import (
    MAX_CHAT_ID,
    MAX_ID,
    MAX_LABEL,
    MAX_NOTE,
    MAX_STATEMENT,
    MAX_URL,
    actors,
    aware,
    clean,
    content_hash,
    due_date,
    evidence_url,
    find_url,
    in_range,
    kind,
    label,
    note,
    row_id,
    statement,
    status,
    storable,
)

__all__ = [
    "DAY_NAMES",
    "MAX_CHAT_ID",
    "MAX_ID",
    "MAX_LABEL",
    "MAX_NOTE",
    "MAX_REASK_DAYS",
    "MAX_STATEMENT",
    "MAX_URL",
    "MAX_ZONE_SHOWN",
    "actors",
    "aware",
    "checkin_days",
    "clean",
    "clock_time",
    "content_hash",
    "due_date",
    "evidence_url",
    "find_url",
    "in_range",
    "kind",
    "label",
    "note",
    "row_id",
    "setting_values",
    "settings_change",
    "statement",
    "status",
    "storable",
    "weekday",
    "weekdays",
    "zone",
    "zone_names",
]
