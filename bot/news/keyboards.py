"""Buttons for links from later articles, and their callback grammar (ids only, ≤ 64 bytes):
  mv:<link>            move the commitment's due date to the link's new deadline (one tap)
  ev:<link>:<code>     record a verdict (f, p, n) with the link's article as evidence
Tracker.get_link re-checks on the server that the link belongs to the pressing chat."""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.keyboards import VERDICT_CODES, track_data, untracked_left
from tracker.domain import Proposal, Status
from tracker.links import Relation
from tracker.news import Link

_GRAMMAR = re.compile(r"^(?:mv:(?P<move>\d{1,12})|ev:(?P<link>\d{1,12}):(?P<code>[fpn]))$")
_SUGGESTED = {
    Relation.REPORTS_DONE: Status.FULFILLED,
    Relation.REPORTS_PARTLY: Status.PARTLY,
    Relation.REPORTS_NOT_DONE: Status.NOT_FULFILLED,
}
_LABELS = (("Fulfilled", "f"), ("Partly", "p"), ("Not fulfilled", "n"))


@dataclass(frozen=True, slots=True)
class LinkAction:
    """A button under a link: it acts on that link's commitment."""

    link_id: int


@dataclass(frozen=True, slots=True)
class MoveDue(LinkAction):
    pass


@dataclass(frozen=True, slots=True)
class LinkVerdict(LinkAction):
    status: Status


def parse(data: str | None) -> MoveDue | LinkVerdict | None:
    """The action a button carries, or None when the data is not of this grammar."""
    m = _GRAMMAR.match(data or "")
    if m is None:
        return None
    if m["move"]:
        return MoveDue(int(m["move"]))
    return LinkVerdict(int(m["link"]), VERDICT_CODES[m["code"]])


def suggested(link: Link) -> Status | None:
    """The verdict a report suggests (the user still decides)."""
    return _SUGGESTED.get(link.relation)


def evidence(link: Link) -> InlineKeyboardMarkup:
    """Verdict buttons prefilled with the link's article as evidence."""
    row = [InlineKeyboardButton(t, callback_data=f"ev:{link.id}:{c}") for t, c in _LABELS]
    return InlineKeyboardMarkup([row])


def batch(proposals: tuple[Proposal, ...], moves: list[Link]) -> InlineKeyboardMarkup | None:
    """Under a feed batch: "Track all" per article with candidates, "Move due date" per move."""
    rows = []
    for n, found in enumerate(proposals, 1):
        if untracked_left(found):
            label = f"Track all from article {n}"
            rows.append([InlineKeyboardButton(label, callback_data=track_data(found.id, "a"))])
    for k in moves:
        if k.new_deadline is not None:
            label = f"Move #{k.number} due to {k.new_deadline.isoformat()}"
            rows.append([InlineKeyboardButton(label, callback_data=f"mv:{k.id}")])
    return InlineKeyboardMarkup(rows) if rows else None
