"""Files the command line reads and writes whole: import streams, export targets written
atomically, and the guards that keep an export or the demo from replacing a database.

Stays light (click and the standard library): `tracker --help` imports it.
"""

from __future__ import annotations

import io
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from tracker.errors import InvalidInput

SQLITE_MAGIC = b"SQLite format 3\x00"
DEMO_APPLICATION_ID = 0x64656D6F  # "demo": SQLite's application_id of a demo ledger
_APPLICATION_ID_AT = 68  # byte offset of application_id in the SQLite header


def sqlite_header(path: Path) -> bytes | None:
    """The first 100 bytes of `path` when it is an SQLite database file, else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError:
        return None
    return head if head.startswith(SQLITE_MAGIC) else None


def is_demo_ledger(path: Path) -> bool:
    """Whether `path` is an SQLite file that `tracker demo` created (its application_id)."""
    head = sqlite_header(path)
    at = _APPLICATION_ID_AT
    return head is not None and int.from_bytes(head[at : at + 4], "big") == DEMO_APPLICATION_ID


def fresh_demo_ledger(target: Path, *, default: bool = False) -> None:
    """Replace `target` by an empty demo ledger; refuse any file the demo did not make (at
    the `default` path, an SQLite file an older demo made without its mark is replaced too)."""
    legacy = default and sqlite_header(target) is not None
    if target.exists() and not (legacy or is_demo_ledger(target)):
        raise InvalidInput(
            f"{target} was not made by tracker demo; it is left alone. Choose another --db-file"
        )
    if not target.parent.is_dir():
        raise InvalidInput(f"no folder {str(target.parent)!r} for the demo ledger")
    for stale in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.execute(f"PRAGMA application_id={DEMO_APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()


def check_output(target: str | None, *, ledger: Path | None, force: bool) -> None:
    """Refuse an empty name, a folder, the ledger's own database, and (without --force) any
    SQLite file as the target of an export."""
    if target is None or target == "-":
        return
    if not target.strip():
        raise InvalidInput("-o needs a file name (or - for standard output)")
    path = Path(target)
    if path.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name")
    if ledger is not None and path.exists() and path.resolve() == ledger.resolve():
        raise InvalidInput(f"{target} is this ledger's database; export to another file")
    if sqlite_header(path) is not None and not force:
        raise InvalidInput(f"{target} is an SQLite database; pass --force to replace it")


@contextmanager
def open_output(target: str | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside `target` renamed over it when complete
    (an interrupted export leaves the old file as it was)."""
    if target in (None, "-"):
        yield sys.stdout
        return
    path = Path(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    except OSError as err:
        raise InvalidInput(f"cannot write {target}: {err.strerror or err}") from None
    try:
        with open(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(name, path)
    except OSError as err:
        raise InvalidInput(f"cannot write {target}: {err.strerror or err}") from None
    finally:
        Path(name).unlink(missing_ok=True)


@contextmanager
def open_input(source: str) -> Iterator[TextIO]:
    """A UTF-8 text stream over a file (or standard input for "-"), read as it is used; a
    bad byte met on the way becomes one clear error."""
    try:
        raw = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except IsADirectoryError:
        raise InvalidInput(f"{source} is a directory, not a file") from None
    except OSError as err:
        raise InvalidInput(f"cannot read {source}: {err.strerror or err}") from None
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    try:
        yield stream
    except UnicodeDecodeError as err:
        raise InvalidInput(f"{source} is not UTF-8 text ({err.reason})") from None
    finally:
        if source != "-":
            stream.close()
        else:
            stream.detach()
