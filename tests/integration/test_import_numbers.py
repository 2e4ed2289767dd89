"""An import keeps the file's item numbers where it can: a number given to one item of the file
and free in the chat stays; every other row gets the next number after the highest in use, in
file order, across chunks and beside other writers. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from tracker import ledger_io
from tracker.errors import InvalidInput
from tracker.services import Tracker, bulk
from tracker.services import tracker as tracker_module
from tracker.store.db import make_sessionmaker, migrate

CHAT, COPY = 7, 8
FORMATS = [
    pytest.param(ledger_io.to_json, ledger_io.from_json, id="json"),
    pytest.param(ledger_io.to_csv, ledger_io.from_csv, id="csv"),
]


def row(name: str, number: int | None = None) -> dict[str, Any]:
    base = {"quote": f"The council will {name}", "created_at": "2026-01-01T09:00:00+00:00"}
    return base if number is None else base | {"number": number}


def numbered(tracker: Tracker, chat_id: int) -> dict[str, int]:
    """Each item's quote → its number."""
    return {
        r["quote"].removeprefix("The council will "): r["number"]
        for r in tracker.export_rows(chat_id)
    }


@pytest.mark.parametrize(("dump", "load"), FORMATS)
def test_a_round_trip_into_an_empty_chat_keeps_numbers_and_gaps(tracker, now, dump, load) -> None:
    for n in range(1, 6):
        tracker.add(CHAT, f"The council will fix road {n}", by="tg:1", now=now)
    rows = [r for r in tracker.export_rows(CHAT) if r["number"] in (1, 2, 5)]
    assert tracker.import_rows(COPY, load(dump(rows)), by="i", now=now) == 3
    assert [r["number"] for r in tracker.export_rows(COPY)] == [1, 2, 5]
    assert tracker.export_rows(COPY) == rows
    tracker.add(COPY, "The council will open a library", by="tg:1", now=now)
    assert tracker.get(COPY, 6).quote == "The council will open a library"


def test_a_clash_with_an_item_of_the_chat_renumbers_only_that_row(tracker, now) -> None:
    tracker.add(COPY, "The council will keep its own first item", by="tg:1", now=now)
    rows = [row("pave", 1), row("light", 2), row("plant", 5)]
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 3
    assert numbered(tracker, COPY) == {
        "keep its own first item": 1,
        "light": 2,
        "plant": 5,
        "pave": 6,  # after the highest in use, the kept 5 included
    }


def test_rows_without_a_number_follow_the_highest_kept_one_even_when_later(tracker, now) -> None:
    rows = [row("pave"), row("light", 40), row("plant")]
    tracker.import_rows(COPY, rows, by="i", now=now)
    assert numbered(tracker, COPY) == {"pave": 41, "light": 40, "plant": 42}


def test_a_number_repeated_in_the_file_is_kept_by_none_of_its_rows(tracker, now) -> None:
    rows = [row("pave", 3), row("light", 3), row("plant", 4), row("mend")]
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 4
    assert numbered(tracker, COPY) == {"pave": 5, "light": 6, "plant": 4, "mend": 7}


def test_the_same_item_twice_in_the_file_keeps_its_number(tracker, now) -> None:
    rows = [row("pave", 3), row("light"), row("pave", 3)]
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 2
    assert numbered(tracker, COPY) == {"pave": 3, "light": 4}


def test_importing_the_same_file_twice_adds_nothing_and_keeps_numbers(tracker, now) -> None:
    rows = [row("pave", 3), row("light"), row("plant", 1)]
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 3
    before = tracker.export_rows(COPY)
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 0
    assert tracker.export_rows(COPY) == before


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (0, "an item number must be from 1 to 1,000,000,000."),
        (-3, "must not be negative."),
        (2**31, "an item number must be from 1 to 1,000,000,000."),
        (10**30, "an item number must be from 1 to 1,000,000,000."),
        ("seven", "“seven” is not valid."),
        (2.5, "“2.5” is not a whole number."),
        (True, "“True” is not a whole number."),
    ],
)
def test_a_bad_number_names_its_row_and_imports_nothing(tracker, now, value, problem) -> None:
    rows = [row("pave", 1), row("light", value), row("plant")]
    with pytest.raises(InvalidInput) as err:
        tracker.import_rows(COPY, rows, by="i", now=now)
    assert str(err.value) == f"Row 2, field number: {problem} Nothing was imported."
    assert tracker.export_rows(COPY) == []


def test_a_huge_number_in_csv_is_refused_clearly(tracker, now) -> None:
    text = "quote,number\r\nThe council will pave,1\r\nThe council will light,99999999999\r\n"
    with pytest.raises(InvalidInput, match=r"^Row 2, field number: an item number must be from"):
        tracker.import_rows(COPY, ledger_io.from_csv(text), by="i", now=now)
    assert tracker.export_rows(COPY) == []


CHUNKED = [row("a"), row("b", 2), row("c", 7), row("d"), row("e", 1), row("f", 2)]
CHUNKED_NUMBERS = {"a": 8, "b": 9, "c": 7, "d": 10, "e": 1, "f": 11}


@pytest.mark.parametrize("chunk", [1, 2, 4, 2_000])
def test_numbers_do_not_depend_on_chunk_boundaries(
    tracker, now, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The repeated 2 (rows b and f) is kept by neither; a and b, written before the chunk that
    keeps 7, still go past it."""
    monkeypatch.setattr(tracker_module, "IMPORT_CHUNK", chunk)
    assert tracker.import_rows(COPY, CHUNKED, by="i", now=now) == 6
    assert numbered(tracker, COPY) == CHUNKED_NUMBERS
    assert tracker.import_rows(COPY, CHUNKED, by="i", now=now) == 0


def test_an_add_between_chunks_taking_a_wanted_number_moves_only_that_row(
    tracker, now, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot's /add lands between two chunks and takes #3, which the second chunk's first row
    wanted: that row gets the next free number, the import goes on without an error."""
    monkeypatch.setattr(tracker_module, "IMPORT_CHUNK", 2)
    bot = Tracker(tracker._sessions)
    turns: list[int] = []

    def bot_adds() -> None:
        name = f"The council will answer the bot {len(turns) + 1}"
        turns.append(bot.add(COPY, name, by="tg:1", now=now).number)

    monkeypatch.setattr(tracker, "_give_writers_a_turn", bot_adds)
    rows = [row("a", 1), row("b", 2), row("c", 3), row("d", 4), row("e")]
    assert tracker.import_rows(COPY, rows, by="i", now=now) == 5
    assert turns == [3, 6]
    assert numbered(tracker, COPY) == {
        "a": 1,
        "b": 2,
        "answer the bot 1": 3,
        "d": 4,
        "c": 5,
        "answer the bot 2": 6,
        "e": 7,
    }


def test_a_number_taken_inside_the_chunk_transaction_is_retried_on_postgresql(
    pg_schema_factory: Callable[[], Engine], now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection commits the wanted number after the import read the chat's numbers:
    the insert clashes on the unique (chat, number) key, and the one retry renumbers the row."""
    engine = pg_schema_factory()
    migrate(engine)
    importer, bot = Tracker(make_sessionmaker(engine)), Tracker(make_sessionmaker(engine))
    bot.add(COPY, "The council will open the ledger", by="tg:1", now=now)
    real, raced = bulk.assign, []

    def racing_assign(*args: Any, **kwargs: Any) -> list[int]:
        if not raced:
            raced.append(bot.add(COPY, "The council will race", by="tg:1", now=now).number)
        return real(*args, **kwargs)

    monkeypatch.setattr(bulk, "assign", racing_assign)
    assert importer.import_rows(COPY, [row("pave", 2), row("light", 4)], by="i", now=now) == 2
    assert raced == [2]
    assert numbered(importer, COPY) == {"open the ledger": 1, "race": 2, "pave": 5, "light": 4}
    engine.dispose()
