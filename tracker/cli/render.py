"""Rendering for `tracker`: snapshots to JSON-ready dicts and plain-text tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.checks import DAY_NAMES
from tracker.domain import (
    BASIS_WORDS,
    STATUS_WORDS,
    Candidate,
    ChatSettings,
    Commitment,
    DueBasis,
    Extraction,
    Kind,
    Rate,
    Source,
    Stats,
    Timex,
    Verdict,
)

if TYPE_CHECKING:  # tracker.news pulls in the linker; `tracker --help` stays light
    from tracker.news import Link

NOTHING_FOUND = "no forward-looking statements found"


def dumps(data: Any) -> str:
    """Stable, human-readable JSON (non-ASCII kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def candidate_dict(c: Candidate) -> dict[str, Any]:
    """The JSON contract of one extracted commitment."""
    return {
        "quote": c.quote,
        "span": [c.start, c.end],
        "actors": list(c.actors),
        "kind": c.kind.value,
        "action": c.action,
        "deadline": _iso(c.deadline),
        "deadline_text": c.deadline_text,
        "deadline_value": c.deadline_value,
        "due": c.due.isoformat(),
        "due_basis": c.due_basis.value,
        "confidence": round(float(c.confidence), 3),
    }


def extraction_dict(found: Extraction) -> dict[str, Any]:
    """The JSON contract of `tracker extract`."""
    return {
        "published": _iso(found.published),
        "published_basis": found.published_basis.value,
        "commitments": [candidate_dict(c) for c in found.commitments],
    }


def timex_dict(t: Timex) -> dict[str, Any]:
    """The JSON contract of one time expression (`mod` only when TIMEX3 has one)."""
    found = {"text": t.text, "span": [t.start, t.end], "type": t.type.value, "value": t.value}
    return found | ({"mod": t.mod} if t.mod else {})


def _due(due: date, basis: DueBasis) -> str:
    return f"{due.isoformat()} (assumed)" if basis is DueBasis.DEFAULT else due.isoformat()


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def candidates_table(candidates: Sequence[Candidate]) -> str:
    """Numbered candidates, one block each, for people to read and pick from."""
    if not candidates:
        return NOTHING_FOUND
    lines = []
    for number, c in enumerate(candidates, start=1):
        who = ", ".join(c.actors) or "(unknown actor)"
        deadline = f' by "{c.deadline_text}"' if c.deadline_text else ""
        lines.append(f"{number:>3}. [{c.kind.value}] {who}: {_clip(c.action, 80)}")
        lines.append(
            f"     due {_due(c.due, c.due_basis)}{deadline}  confidence {c.confidence:.2f}"
        )
        lines.append(f'     "{_clip(c.quote, 90)}"')
    return "\n".join(lines)


def extraction_text(found: Extraction) -> str:
    """Readable `tracker extract` output."""
    published = _iso(found.published) or "unknown"
    head = f"published {published} ({BASIS_WORDS[found.published_basis]})"
    return f"{head}\n{candidates_table(found.commitments)}"


def source_dict(s: Source | None) -> dict[str, Any] | None:
    """A stored article's metadata."""
    if s is None:
        return None
    return {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "published": _iso(s.published),
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
        "deadline": _iso(c.deadline),
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
        due, status = _due(c.due, c.due_basis), STATUS_WORDS[c.status] + late
        lines.append(f"{c.number:>5}  {due:<21} {status:<16} {who}: {_clip(c.action, 60)}")
    return "\n".join(lines)


def commitment_text(c: Commitment, *, today: date) -> str:
    """Everything known about one commitment, verdict history last."""
    source = c.source
    lines = [
        f"#{c.number} [{c.kind.value}] {', '.join(c.actors) or '(unknown actor)'}",
        f"  action:   {c.action}",
        f'  quote:    "{c.quote}"',
        f"  due:      {_due(c.due, c.due_basis)}" + ("  OVERDUE" if c.overdue(today) else ""),
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
    published = _iso(s.published) or "date unknown"
    return f"{s.title or s.url or 'untitled'} ({published}, {BASIS_WORDS[s.published_basis]})"


def rate_dict(r: Rate) -> dict[str, Any]:
    """Counts, denominators and the fulfilment rate of one group."""
    return {
        "fulfilled": r.fulfilled,
        "partly": r.partly,
        "not_fulfilled": r.not_fulfilled,
        "unjudgeable": r.unjudgeable,
        "in_progress": r.in_progress,
        "overdue_unchecked": r.overdue_unchecked,
        "not_yet_due": r.not_yet_due,
        "judged": r.judged,
        "total": r.total,
        "fulfilment": None if r.fulfilment is None else round(r.fulfilment, 4),
    }


def stats_dict(s: Stats) -> dict[str, Any]:
    """The JSON form of `tracker stats`."""
    return {
        "today": s.today.isoformat(),
        "overall": rate_dict(s.overall),
        "by_actor": {name: rate_dict(r) for name, r in sorted(s.by_actor.items())},
        "by_kind": {kind.value: rate_dict(r) for kind, r in sorted(s.by_kind.items())},
    }


_STATS_HEAD = (
    f"{'group':<28} {'rate':>6} {'judged':>6} {'kept':>4} {'part':>4} {'broke':>5} "
    f"{'cant':>4} {'going':>5} {'overdue':>7} {'later':>5} {'total':>5}"
)


def _rate_line(name: str, r: Rate) -> str:
    rate = "-" if r.fulfilment is None else f"{r.fulfilment:.0%}"
    return (
        f"{_clip(name, 28):<28} {rate:>6} {r.judged:>6} {r.fulfilled:>4} {r.partly:>4} "
        f"{r.not_fulfilled:>5} {r.unjudgeable:>4} {r.in_progress:>5} {r.overdue_unchecked:>7} "
        f"{r.not_yet_due:>5} {r.total:>5}"
    )


def stats_text(s: Stats, *, top_actors: int | None = None) -> str:
    """Fulfilment table with denominators: overall, by kind, by actor (busiest `top_actors`)."""
    lines = [
        f"Fulfilment as of {s.today.isoformat()}: rate = (kept + half of partly) / judged;",
        "overdue = due with no final verdict yet (counted apart, not in the rate).",
        _STATS_HEAD,
        _rate_line("overall", s.overall),
    ]
    lines += [_rate_line(f"kind: {k.value}", r) for k, r in sorted(s.by_kind.items())]
    actors = sorted(s.by_actor.items(), key=lambda item: (-item[1].total, item[0]))
    shown = actors if top_actors is None else actors[:top_actors]
    lines += [_rate_line(f"actor: {a}", r) for a, r in shown]
    if len(shown) < len(actors):
        lines.append(f"... and {len(actors) - len(shown)} more actor(s): see `tracker stats`")
    return "\n".join(lines)


def days_text(days: frozenset[int]) -> str:
    """Weekdays as typed: "daily", "off", or runs such as "mon-wed,fri" (read back alike)."""
    if len(days) == len(DAY_NAMES):
        return "daily"
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [DAY_NAMES[r[0]] + (f"-{DAY_NAMES[r[-1]]}" if len(r) > 1 else "") for r in runs]
    return ",".join(parts) or "off"


def settings_dict(s: ChatSettings) -> dict[str, Any]:
    """The JSON form of `tracker settings`: times local to `timezone`, days mon..sun."""
    return {
        "ledger": s.chat_id,
        "timezone": s.timezone,
        "digest_time": s.digest_time.strftime("%H:%M"),
        "digest_days": [DAY_NAMES[d] for d in sorted(s.digest_days)],
        "summary_day": DAY_NAMES[s.summary_day],
        "summary_time": s.summary_time.strftime("%H:%M"),
        "verdicts_by": s.verdicts_by.value,
        "horizons": {k.value: s.horizons.days(k) for k in Kind},
        "checkin_every_days": s.checkin_every_days,
        "active": s.active,
    }


def settings_text(s: ChatSettings) -> str:
    """One line per setting, each in the words `tracker settings` takes to change it."""
    lines = [
        f"settings of ledger {s.chat_id} (horizons and check-ins in days, times local):",
        f"  timezone  {s.timezone}",
        f"  digest    {s.digest_time.strftime('%H:%M')} {days_text(s.digest_days)}",
        f"  summary   {DAY_NAMES[s.summary_day]} {s.summary_time.strftime('%H:%M')}",
        f"  verdicts  {s.verdicts_by.value}",
        *(f"  horizon   {k.value} {s.horizons.days(k)}" for k in Kind),
        f"  checkins  {s.checkin_every_days}",
        f"  active    {'yes' if s.active else 'no (the bot stopped its follow-ups)'}",
    ]
    return "\n".join(lines)


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
