"""The use cases: `Tracker`, one method per use case, owning transactions and returning frozen
snapshots; `open_tracker` opens (and migrates) a database for it."""

from tracker.services.tracker import Tracker, open_tracker

__all__ = ["Tracker", "open_tracker"]
