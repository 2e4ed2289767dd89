"""Tracker errors. The message of each is written for the end user and safe to show.

TrackerError
 ├─ NotFound          an id that does not exist in this ledger
 ├─ InvalidInput      bad text, file, date, status, CSV row, URL...
 │   ├─ InvalidDeadline
 │   ├─ TooSlow       a text whose reading ran over its time budget
 │   └─ UnsafeURL     scheme not http(s), or the host resolves to a private address
 ├─ FetchError        the article could not be fetched (timeout, too large, HTTP error)
 ├─ PermissionDenied  the user may not do this in this chat
 └─ Busy              the SQLite file stayed locked by another writer past our patience
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base class; the message is written for the end user."""


class NotFound(TrackerError):
    """The requested object does not exist (in this ledger)."""


class InvalidInput(TrackerError):
    """The input cannot be used; nothing was changed."""


class InvalidDeadline(InvalidInput):
    """A deadline that cannot be read as a date."""


class TooSlow(InvalidInput):
    """Reading a text ran over its time budget; nothing was saved."""


class UnsafeURL(InvalidInput):
    """A URL we refuse to fetch."""


class FetchError(TrackerError):
    """Fetching an article failed."""


class PermissionDenied(TrackerError):
    """The user is not allowed to do this here."""


class Busy(TrackerError):
    """The database stayed locked by another writer (a long import) longer than we wait."""
