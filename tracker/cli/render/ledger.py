"""A ledger's commitments, sources, verdicts and links, as dicts and text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.cli.render.common import clip, due_text, iso
from tracker.domain import BASIS_WORDS, STATUS_WORDS, Commitment, Source, Verdict

if TYPE_CHECKING:  # tracker.news pulls in the linker; `tracker --help` stays light
    from tracker.news import Link


def source_dict(s: Source | None) -> dict[str, Any] | None:
    """A stored article's metadata."""
    if s is None:
        return None
    return {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "published": iso(s.published),
        "published_basis": s.published_basis.value,
    }


def verdict_dict(v: Verdict) -> dict[str, Any]:
    """One audit-trail entry."""
    return {
        "status": v.status.value,
        "at": v.at.isoformat(),
        "by": v.by,
        "evidence_url": v.evidence_url,
        "note": v.note,
    }


def commitment_dict(c: Commitment) -> dict[str, Any]:
    """A tracked commitment with its source and verdict history."""
    return {
        "id": c.number,  # the ledger's own number, what `show ID` takes; row ids stay inside
        "ledger": c.chat_id,
        "actors": list(c.actors),
        "action": c.action,
        "kind": c.kind.value,
        "quote": c.quote,
        "span": list(c.span) if c.span else None,
        "status": c.status.value,
        "due": c.due.isoformat(),
        "due_basis": c.due_basis.value,
        "deadline": iso(c.deadline),
        "deadline_text": c.deadline_text,
        "deadline_value": c.deadline_value,
        "created_by": c.created_by,
        "created_at": c.created_at.isoformat(),
        "source": source_dict(c.source),
        "verdicts": [verdict_dict(v) for v in c.verdicts],
    }


def commitments_table(items: Iterable[Commitment], *, today: date) -> str:
    """One line per commitment: id, due, status, who and what."""
    lines = [f"{'id':>5}  {'due':<21} {'status':<16} who: what"]
    for c in items:
        late = " OVERDUE" if c.overdue(today) else ""
        who = ", ".join(c.actors) or "?"
        due, status = due_text(c.due, c.due_basis), STATUS_WORDS[c.status] + late
        lines.append(f"{c.number:>5}  {due:<21} {status:<16} {who}: {clip(c.action, 60)}")
    return "\n".join(lines)


def commitment_text(c: Commitment, *, today: date) -> str:
    """Everything known about one commitment, verdict history last."""
    source = c.source
    lines = [
        f"#{c.number} [{c.kind.value}] {', '.join(c.actors) or '(unknown actor)'}",
        f"  action:   {c.action}",
        f'  quote:    "{c.quote}"',
        f"  due:      {due_text(c.due, c.due_basis)}" + ("  OVERDUE" if c.overdue(today) else ""),
        f"  deadline: {c.deadline_text or '-'}",
        f"  status:   {STATUS_WORDS[c.status]}",
        f"  source:   {_source_line(source)}",
        f"  added:    {c.created_at.isoformat()} by {c.created_by}",
        "  verdicts:" + ("" if c.verdicts else " none yet"),
    ]
    for v in c.verdicts:
        extra = "".join(f"  {x}" for x in (v.evidence_url, v.note) if x)
        lines.append(f"    {v.at.isoformat()}  {STATUS_WORDS[v.status]:<16} by {v.by}{extra}")
    return "\n".join(lines)


def _source_line(s: Source | None) -> str:
    if s is None:
        return "-"
    published = iso(s.published) or "date unknown"
    return f"{s.title or s.url or 'untitled'} ({published}, {BASIS_WORDS[s.published_basis]})"


def link_dict(link: Link) -> dict[str, Any]:
    """A stored link from a later article, with its source (`tracker show --json`)."""
    source = link.source
    return {
        "id": link.id,
        "commitment": link.number,
        "relation": link.relation.value,
        "quote": link.quote,
        "span": list(link.span),
        "new_deadline": link.new_deadline.isoformat() if link.new_deadline else None,
        "confidence": link.confidence,
        "source": {"id": source.id, "url": source.url, "title": source.title,
                   "published": source.published.isoformat() if source.published else None},
    }  # fmt: skip
