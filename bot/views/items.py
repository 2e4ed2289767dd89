"""Commitments as text: proposals, list lines, pages, cards with their history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.views.messages import ALREADY_HANDLED, DROPPED, EMPTY_LIST
from bot.views.text import attr, escape, person, short, when, who
from tracker.domain import (
    ANSWER_WINDOW,
    STATUS_WORDS,
    Commitment,
    DueBasis,
    Page,
    Proposal,
    Settled,
    Status,
    Verdict,
)

STATUS_LABELS = STATUS_WORDS  # the words the CLI shows too


def _due(due: date, basis: DueBasis) -> str:
    assumed = " <i>(assumed)</i>" if basis is DueBasis.DEFAULT else ""
    return f"due {due.isoformat()}{assumed}"


def proposal(found: Proposal) -> str:
    """Numbered candidates of a proposal: kind, actor, action, quote, due date (assumed or
    not); the ones this chat already tracks say so, with their numbers."""
    if not found.candidates:
        return "I found no promises, plans or predictions in that text."
    title = f" in <i>{escape(found.source.title)}</i>" if found.source.title else ""
    count = len(found.candidates)
    if len(found.numbers) == count:
        numbers = ", ".join(f"#{n}" for n in sorted(found.numbers.values()))
        return f"<b>Already tracking</b> all {_count(count)}{title}: {numbers}. See /list."
    known = f" ({len(found.numbers)} already tracked)" if found.numbers else ""
    lines = [f"<b>Found {_count(count)}</b>{title}{known}:"]
    for index, cand in enumerate(found.candidates, start=1):
        number = found.numbers.get(index)
        mark = f" · <b>already tracked as #{number}</b>" if number else ""
        lines.append(
            f"\n<b>{index}.</b> <i>{cand.kind.value}</i> · {who(cand.actors)} — "
            f"{escape(cand.action)}\n"
            f"    “{escape(short(cand.quote, 300))}”\n    {_due(cand.due, cand.due_basis)}{mark}"
        )
    return "\n".join(lines)


def _count(n: int, noun: str = "commitment") -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _numbers(items: Sequence[Commitment]) -> str:
    return ", ".join(f"#{c.number}" for c in items)


def tracked(items: Sequence[Commitment]) -> str:
    """Confirmation after accepting candidates."""
    if not items:
        return "Nothing new to track."
    return f"Tracking {_count(len(items))}: {_numbers(items)}. See /list."


def settled(done: Settled) -> str:
    """What a Track/Save/Drop press did: new items, and those tracked before, told apart."""
    if done.dropped:
        return DROPPED
    parts = []
    if done.new:
        parts.append(f"Tracking {_count(len(done.new), 'new commitment')}: {_numbers(done.new)}.")
    if done.known:
        parts.append(f"Already tracked: {_numbers(done.known)}.")
    return " ".join(parts or ["Nothing new to track."]) + " See /list."


def settled_toast(done: Settled | None) -> str:
    """The toast of a Track/Save/Drop press."""
    if done is None:
        return ALREADY_HANDLED
    return "Dropped" if done.dropped else f"Tracked {len(done.new)} new"


def line(item: Commitment, *, bot: str | None = None) -> str:
    """One commitment as a single list line; with the bot's username its number links to the
    card (t.me/<bot>?start=item_N), so no one has to type /show N."""
    number = f"<b>#{item.number}</b>"
    if bot:
        number = f'<a href="https://t.me/{attr(bot)}?start=item_{item.number}">{number}</a>'
    return (
        f"{number} {who(item.actors)} — {escape(short(item.action, 120))} "
        f"· {_due(item.due, item.due_basis)} · {STATUS_LABELS[item.status]}"
    )


def page(listing: Page, *, title: str) -> str:
    """A page of a listing with its position in the whole."""
    if not listing.items:
        return f"<b>{escape(title)}</b>\n{EMPTY_LIST}"
    first, last = listing.offset + 1, listing.offset + len(listing.items)
    head = f"<b>{escape(title)}</b> ({first}–{last} of {listing.total})"
    return "\n".join([head, *(line(item) for item in listing.items)])


def _verdict(entry: Verdict, tz: str, names: Mapping[str, str] | None) -> str:
    extra = ""
    if entry.evidence_url:
        extra += f' — <a href="{attr(entry.evidence_url)}">evidence</a>'
    if entry.note:
        extra += f" — {escape(entry.note)}"
    by = person(entry.by, names)
    return f"• {when(entry.at, tz)}: {STATUS_LABELS[entry.status]} ({by}){extra}"


def card(item: Commitment, *, tz: str, names: Mapping[str, str] | None = None) -> str:
    """Everything about one commitment: quote, source, due date, verdict history (who did
    what by their latest name in `names`, label → name, else by the recorded label)."""
    parts = [
        f"<b>#{item.number}</b> {who(item.actors)} — {escape(item.action)}",
        f"“{escape(item.quote)}”",
        f"Kind: {item.kind.value} · {_due(item.due, item.due_basis)} · "
        f"<b>{STATUS_LABELS[item.status]}</b>",
    ]
    if item.deadline_text:
        parts.append(f"Deadline as stated: “{escape(item.deadline_text)}”")
    if item.source is not None:
        parts.append(source(item))
    history = [_verdict(v, tz, names) for v in item.verdicts]
    parts.append("<b>Verdicts</b>\n" + "\n".join(history) if history else "No verdict yet.")
    if item.edits:
        from bot.views.changes import edit_line  # changes builds on this module

        parts.append("<b>Changes</b>\n" + "\n".join(edit_line(e, tz, names) for e in item.edits))
    if item.untracked:
        parts.append(f"<i>Untracked</i>: /track {item.number} brings it back.")
    return "\n".join(parts)


def source(item: Commitment) -> str:
    src = item.source
    assert src is not None  # checked by the caller
    label = escape(src.title or src.url or "pasted text")
    text = f'<a href="{attr(src.url)}">{label}</a>' if src.url else label
    if src.publisher:
        text += f", {escape(src.publisher)}"
    if src.published:
        text += f", {src.published.isoformat()}"
    return f"Source: {text}"


EVIDENCE_ASK = "Send an evidence link or a note, or “skip” to record it without."
_MINUTES = int(ANSWER_WINDOW.total_seconds() // 60)


def evidence_prompt(number: int, status: Status) -> str:
    """The ForceReply question after a verdict button."""
    return (
        f"#{number}: {STATUS_LABELS[status]}. {EVIDENCE_ASK} Just send it here in the next "
        f"{_MINUTES} minutes (no need to reply to this message); later, reply to this message."
        " /cancel to leave it unrecorded."
    )
