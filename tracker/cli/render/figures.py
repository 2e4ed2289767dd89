"""Fulfilment figures and a chat's settings, as dicts and text."""

from __future__ import annotations

from typing import Any

from tracker.checks import DAY_NAMES
from tracker.cli.render.common import clip
from tracker.domain import ChatSettings, Kind, Rate, Stats


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
        f"{clip(name, 28):<28} {rate:>6} {r.judged:>6} {r.fulfilled:>4} {r.partly:>4} "
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
