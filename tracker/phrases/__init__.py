"""Everyday phrases users type, read into values: days to snooze to ("tomorrow", "in 3 days",
"next monday"), time zones by city or offset ("berlin", "UTC+2"), and messages that ask for a
reminder. Pure: no I/O, no clock (callers pass `today`)."""

from tracker.phrases.reminders import looks_like_reminder
from tracker.phrases.when import SNOOZE_CHOICES, snooze_date
from tracker.phrases.zones import zone_name

__all__ = ["SNOOZE_CHOICES", "looks_like_reminder", "snooze_date", "zone_name"]
