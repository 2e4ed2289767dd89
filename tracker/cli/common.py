"""Shared pieces of the `tracker` command: the session object, input reading, parameter types.

Stays light on purpose (click and the standard library only): `tracker --help` imports it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from tracker import checks as check
from tracker.domain import MAX_HORIZON_DAYS, Horizons, Kind, Status
from tracker.errors import InvalidInput

if TYPE_CHECKING:
    from tracker.services import Tracker

MAX_TEXT_BYTES = 2_000_000
CLI_USER = "cli"

STATUS_ALIASES: dict[str, Status] = {
    **{s.value: s for s in Status},
    "partly": Status.PARTLY,
    "partial": Status.PARTLY,
    "broken": Status.NOT_FULFILLED,
    "not_yet": Status.IN_PROGRESS,
    "cant_judge": Status.UNJUDGEABLE,
    "cannot_judge": Status.UNJUDGEABLE,
    "unjudgeable": Status.UNJUDGEABLE,
}

_PASSWORD = re.compile(r"//([^:/@]+):[^@/]*@")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Common English function words: frequent in any English prose, rare in other languages.
_ENGLISH_WORDS = frozenset(
    {
        *("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by"),
        *("from", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will"),
        *("would", "said", "says", "that", "this", "it", "its", "he", "she", "they", "we"),
        *("not", "but", "as"),
    }
)


@dataclass
class Env:
    """Global options of one `tracker` invocation, and the lazily opened ledger."""

    db: str | None
    data_dir: Path
    ledger: int
    tz: ZoneInfo
    horizons: Horizons = field(default_factory=Horizons)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    _tracker: Tracker | None = None

    def now(self) -> datetime:
        """The current instant, aware UTC (the CLI is the edge that may read the clock)."""
        return self.clock()

    def today(self) -> date:
        """Today's date in the --tz zone (no database needed: extract, demo)."""
        return self.now().astimezone(self.tz).date()

    def ledger_today(self) -> date:
        """Today's date in the ledger's own time zone (its setting; --tz for a new ledger)."""
        zone = self.tracker().settings(self.ledger).timezone
        return self.now().astimezone(ZoneInfo(zone)).date()

    def database_file(self) -> Path | None:
        """The SQLite file of the ledger (None for PostgreSQL or an in-memory database)."""
        from tracker.store.db import sqlite_file

        return sqlite_file(self.db, data_dir=self.data_dir)

    def tracker(self) -> Tracker:
        """The ledger service, opening (and migrating) the database on first use."""
        if self._tracker is None:
            self._tracker = open_tracker(
                self.db, data_dir=self.data_dir, horizons=self.horizons, timezone=self.tz.key
            )
        return self._tracker


def env_horizons(env: Mapping[str, str]) -> dict[str, int]:
    """Default horizons set by TRACKER_HORIZON_<KIND>_DAYS (the variables the bot reads)."""
    found: dict[str, int] = {}
    for kind in Kind:
        name = f"TRACKER_HORIZON_{kind.value.upper()}_DAYS"
        raw = env.get(name, "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_HORIZON_DAYS:
            raise InvalidInput(
                f"{name} must be a number of days from 1 to {MAX_HORIZON_DAYS}, not {raw!r}"
            )
        found[kind.value] = int(raw)
    return found


def open_tracker(
    url: str | None,
    *,
    data_dir: Path,
    horizons: Horizons = Horizons(),  # noqa: B008  (frozen, so a shared default is safe)
    timezone: str = "UTC",
) -> Tracker:
    """Open the database at `url` (or the SQLite default under `data_dir`) and migrate it."""
    from sqlalchemy.exc import ArgumentError, DatabaseError

    from tracker.services import open_tracker as open_migrated

    try:
        tracker = open_migrated(url, data_dir=data_dir, horizons=horizons, timezone=timezone)
    except (ArgumentError, DatabaseError, OSError) as err:
        shown = _PASSWORD.sub(r"//\1:***@", url or str(data_dir))  # never echo a password
        raise InvalidInput(f"cannot open the database {shown!r}") from err
    click.get_current_context().call_on_close(tracker.dispose)
    return tracker


def parse_tz(name: str) -> ZoneInfo:
    """A ZoneInfo for `name`, or InvalidInput (the services' check, so the message is shared)."""
    return check.zone(name)


def parse_date(text: str) -> date:
    """A strict YYYY-MM-DD calendar date, or InvalidInput naming the problem."""
    if not _ISO_DATE.match(text.strip()):
        raise InvalidInput(f"{text!r} is not a date in YYYY-MM-DD form")
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as err:
        raise InvalidInput(f"{text!r} is not a valid date ({err})") from err
    return check.in_range(day)


class DateType(click.ParamType[date]):
    """A click parameter holding a strict ISO calendar date."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except InvalidInput as err:
            self.fail(str(err), param, ctx)


class StatusType(click.ParamType[Status]):
    """A verdict status: a Status value or a friendly alias (broken, partly, not-yet...)."""

    name = "STATUS"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Status:
        if isinstance(value, Status):
            return value
        try:
            return parse_status(str(value))
        except InvalidInput as err:
            self.fail(str(err), param, ctx)


def parse_status(text: str) -> Status:
    """Status for a value or alias such as "not-fulfilled", "broken" or "in progress"."""
    key = re.sub(r"[\s-]+", "_", text.strip().lower()).replace("'", "")
    try:
        return STATUS_ALIASES[key]
    except KeyError:
        choices = "fulfilled, partly, not-fulfilled (broken), not-yet, stalled, cant-judge, open"
        raise InvalidInput(f"unknown status {text!r}; use one of: {choices}") from None


DATE = DateType()
ID = click.IntRange(1, check.MAX_ID)
STATUS = StatusType()


def read_bytes(source: str, *, limit: int) -> bytes:
    """Raw bytes of a file, or of stdin for "-", refusing more than `limit` bytes."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
    except IsADirectoryError:
        raise InvalidInput(f"{source} is a directory, not a file") from None
    except OSError as err:
        raise InvalidInput(f"cannot read {source}: {err.strerror or err}") from None
    if len(data) > limit:
        raise InvalidInput(f"{_name(source)} is larger than {limit // 1_000_000} MB; split it")
    return data


def read_text(source: str, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Strict UTF-8 text of a file or stdin; offsets as read (no newline translation)."""
    data = read_bytes(source, limit=limit)
    if not data.strip():
        raise InvalidInput(f"{_name(source)} is empty")
    if b"\x00" in data:
        raise InvalidInput(f"{_name(source)} looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidInput(
            f"{_name(source)} is not UTF-8 text (bad byte at {err.start})"
        ) from None


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def looks_english(text: str) -> bool:
    """Heuristic: enough common English function words (True when too short to tell)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 12:
        return True
    common = sum(word in _ENGLISH_WORDS for word in words)
    return common / len(words) >= 0.08


def parse_picks(text: str | None) -> list[int] | None:
    """ "1,3" -> [1, 3]; "all" or None -> None (everything); anything else -> InvalidInput."""
    if text is None or text.strip().lower() in ("all", "*"):
        return None
    try:
        picks = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise InvalidInput(f"--pick takes numbers like 1,3 or 'all', not {text!r}") from None
    if not picks or picks[0] < 1:
        raise InvalidInput(f"--pick takes numbers from 1, not {text!r}")
    return picks


@contextmanager
def stderr_progress(items: list[Path], *, label: str) -> Iterator[Iterator[Path]]:
    """A click progress bar over `items`, drawn on stderr so stdout stays clean."""
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield iter(bar)
