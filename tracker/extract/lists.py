"""The items of a list a release introduces with a colon: "Key policy proposals published for
consultation include:" followed by one measure per line ("an ambition for 5 GW of hydrogen power
by 2030"). A lead-in that names measures, plans or projections makes each item one, whatever
the item's grammar (a noun phrase or a gerund has no "will"); one that names achievements,
participants or a speaker ("Minister X said:") makes none. Pure surface rules on line breaks."""

from __future__ import annotations

import re

from tracker.domain import Kind
from tracker.extract.clauses import Clause
from tracker.extract.cues.base import Cue

__all__ = ["list_items"]

# A line that introduces a list of the publisher's measures, plans or forecasts.
_LEAD = re.compile(
    r"\b(?:proposals?|measures?|plans?|priorities|commitments?|actions|ambitions?|pledges?|"
    r"steps|initiatives|investments|reforms|projects|projections?|forecasts?|"
    r"expects?|expected)\b[^\n]{0,60}:[ \t]*$|\bwill[ \t]*:[ \t]*$",
    re.I,
)
# ... unless it looks back or names people: "Key achievements to date include:", "said:".
_NOT_LEAD = re.compile(
    r"\b(?:said|says|added|achievements?|achieved|delivered|participants|attendees|speakers|"
    r"members|include[sd]?\s+past|so\s+far|to\s+date)\b",
    re.I,
)
_FORECAST = re.compile(r"\b(?:projections?|forecasts?|expects?|expected)\b", re.I)
_MAX_ITEMS = 12
_MAX_ITEM_WORDS = 60
# An item is a phrase, not a quotation, a speaker's line or a new lead-in.
# ("Life sciences: 20.93%" is a label and its figure).
_NOT_ITEM = re.compile(r"^[“\"‘']|:|\b(?:said|says)\b")

# A whole sentence, not an item; an item that ends "; and" announces the list's last one.
_SENTENCE = re.compile(r"^[A-Z][^\n]*\.$")
_LAST_BEFORE = re.compile(r"[;,][ \t]*(?:and|or)[ \t]*$")
# What closes an item: "...;", "...; and", "...,".
_ITEM_END = re.compile(r"(?:[;,.][ \t]*(?:and|or)?)$")

# The cue of an item: a plan, or a forecast the lead-in attributes (never "the writer's").
_NEVER = re.compile(r"(?!)")
LISTED = {
    Kind.PLAN: Cue("listed", _NEVER, Kind.PLAN, 0.6),
    Kind.PREDICTION: Cue("listed", _NEVER, Kind.PREDICTION, 0.6),
}


def list_items(text: str, taken: list[tuple[int, int]]) -> list[Clause]:
    """One clause per item of each list a measures' lead-in introduces, unless a clause found
    by the cues already starts inside the item (`taken`: their spans)."""
    found: list[Clause] = []
    for lead in _lines(text):
        start, end = lead
        line = text[start:end]
        if not _LEAD.search(line) or _NOT_LEAD.search(line):
            continue
        kind = Kind.PREDICTION if _FORECAST.search(line) else Kind.PLAN
        for item_start, item_end in _items(text, end):
            if not any(item_start <= s < item_end for s, _ in taken):
                found.append(_clause(item_start, item_end, kind))
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _items(text: str, lead_end: int) -> list[tuple[int, int]]:
    """The lines after a lead-in, up to the first that is no item (at most _MAX_ITEMS)."""
    items: list[tuple[int, int]] = []
    pos, previous = lead_end + 1, ""
    while pos < len(text) and len(items) < _MAX_ITEMS:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if not line or _NOT_ITEM.search(line) or len(line.split()) > _MAX_ITEM_WORDS:
            break
        last = bool(items) and _LAST_BEFORE.search(previous) is not None
        if _SENTENCE.match(line) and not last:
            break  # "The consultation runs for twelve weeks.": the text goes on
        first = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
        items.append((first, first + len(_ITEM_END.sub("", line))))
        pos, previous = end + 1, line
        if last:
            break
    return items


def _clause(start: int, end: int, kind: Kind) -> Clause:
    """An item as a clause with no subject: its doer is the release's voice."""
    return Clause(
        start=start,
        end=end,
        cue=LISTED[kind],
        cue_start=start,
        cue_end=start,
        subject="",
        subject_start=start,
        source="",
        source_start=start,
        kind=kind,
        negated=False,
        in_quote=False,
        passive=False,
    )
