"""The numbers imported rows get: the file's own number where the file gives it to one item only
and the chat does not use it, else the next after the highest in use (the chat's and the kept
ones, the kept ones of later chunks included), in file order. Pure: services.bulk queries."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence

from tracker.services.rows import RowIn


def keepable(rows: Sequence[RowIn], identity: Callable[[RowIn], Hashable]) -> list[int | None]:
    """Each row's number from the file, or None when it has none or the file gives the same
    number to another item (the same item twice, which the import stores once, still keeps it)."""
    owner: dict[int, Hashable] = {}
    repeated: set[int] = set()
    for row in rows:
        if row.number is None:
            continue
        key = identity(row)
        if owner.setdefault(row.number, key) != key:
            repeated.add(row.number)
    return [None if row.number in repeated else row.number for row in rows]


def ceilings(numbers: Sequence[int | None], size: int) -> list[int]:
    """For each chunk of `size` rows (one for no rows), the highest number a row of a later
    chunk may keep, so that a chunk's new numbers stay clear of it."""
    tops = [
        max((n or 0 for n in numbers[i : i + size]), default=0)
        for i in range(0, max(len(numbers), 1), size)
    ]
    after: list[int] = []
    highest = 0
    for top in reversed(tops):
        after.append(highest)
        highest = max(highest, top)
    return after[::-1]


def assign(wanted: Sequence[int | None], taken: Collection[int], *, top: int) -> list[int]:
    """The numbers of rows about to be written, in file order: the wanted one when the chat does
    not use it, else the next after `top` and every number kept here."""
    kept = [n for n in wanted if n is not None and n not in taken]
    following = max([top, *kept])
    out: list[int] = []
    for number in wanted:
        if number is not None and number not in taken:
            out.append(number)
        else:
            following += 1
            out.append(following)
    return out
