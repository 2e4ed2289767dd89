"""Pure text builders for follow-ups: the check-in card, the digest and the weekly summary
(caption of the chart and the breakdown by actor and kind). No telegram import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.views.figures import share
from bot.views.items import line, source
from bot.views.text import CAPTION_LIMIT, escape, safe_cut, short, when, who
from tracker.domain import Commitment, Rate, Stats
from tracker.notifications import Digest, Summary


def checkin(item: Commitment, *, today: date) -> str:
    """The check-in card: what was promised, where it was said, and the question."""
    if item.due == today:
        lead = "<b>Due today:</b>"
    elif item.due > today:  # asked early: the due date moved after a snooze
        lead = f"<b>Check-in (due {item.due.isoformat()}):</b>"
    else:  # true of a first ask too (an import, a bot that was down): not "still unanswered"
        lead = f"<b>Overdue since {item.due.isoformat()}:</b>"
    parts = [
        f"{lead} {who(item.actors)} — {escape(item.action)}",
        f"“{escape(short(item.quote, 600))}”",
    ]
    if item.source is not None:
        parts.append(source(item))
    parts.append(f"#{item.number} · {item.kind.value} · due {item.due.isoformat()}")
    parts.append("Was it kept?")
    return "\n".join(parts)


def checkin_interval(days: int) -> str:
    """The answer to /settings checkins <days>."""
    return f"Unanswered check-ins will be asked again every {days} day{'s' if days != 1 else ''}."


def snoozed(item: Commitment, again: datetime, *, tz: str) -> str:
    """The answer to a snooze button."""
    return f"#{item.number}: not yet. I'll ask again on {when(again, tz)}."


def _section(
    title: str, items: Sequence[Commitment], *, total: int | None = None, bot: str | None
) -> list[str]:
    if not items:
        return []
    count = len(items) if total is None else total
    lines = [f"\n<b>{title}</b> ({count})", *(line(item, bot=bot) for item in items)]
    if total is not None and total > len(items):
        lines.append(f"…and {total - len(items)} more: /list overdue")
    return lines


def digest(report: Digest, *, bot: str | None = None) -> str:
    """The digest: due within a week, overdue and unchecked, resolved since the last one; each
    number links to its card when the bot's username is given."""
    lines = [f"<b>Digest for {report.today.strftime('%a %d %b %Y')}</b>"]
    lines += _section("Due in the coming week", report.coming, bot=bot)
    overdue, total = report.overdue, report.overdue_total
    lines += _section("Overdue, not yet checked", overdue, total=total, bot=bot)
    lines += _section("Resolved since the last digest", report.resolved, bot=bot)
    return "\n".join(lines)


def rate_line(name: str, rate: Rate) -> str:
    """One group's fulfilment rate with every denominator."""
    return (
        f"{escape(name)}: {share(rate)} kept of {rate.judged} judged{_breakdown(rate)}"
        f" · {rate.unjudgeable} can't be judged · {rate.overdue_unchecked} overdue unchecked"
        f" · {rate.in_progress} not yet · {rate.not_yet_due} not yet due"
    )


def _breakdown(rate: Rate) -> str:
    """ "(2 fulfilled, 1 partly)": the judged ones by verdict, zeros left out."""
    parts = [(rate.fulfilled, "fulfilled"), (rate.partly, "partly"), (rate.not_fulfilled, "not")]
    shown = ", ".join(f"{n} {label}" for n, label in parts if n)
    return f" ({shown})" if shown else ""


def _points(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "n/a"
    return f"{round((now - before) * 100):+d} pts"


def change(stats: Stats, previous: Stats | None) -> str:
    """The change since last week's figures (overall)."""
    if previous is None:
        return "First weekly summary: no change to show yet."
    a, b = stats.overall, previous.overall
    return (
        f"Since last week: kept {_points(a.fulfilment, b.fulfilment)}, "
        f"judged {a.judged - b.judged:+d}, overdue unchecked "
        f"{a.overdue_unchecked - b.overdue_unchecked:+d}, in all {a.total - b.total:+d}"
    )


def summary_caption(report: Summary) -> str:
    """The chart's caption: the overall rate, its denominators, and the weekly change."""
    stats = report.stats
    text = "\n".join(
        [
            f"<b>Weekly summary</b> · {stats.today.isoformat()}",
            rate_line("Overall", stats.overall),
            change(stats, report.previous),
        ]
    )
    return text if len(text) < CAPTION_LIMIT else text[: safe_cut(text, CAPTION_LIMIT - 2)] + "…"


def summary_details(report: Summary) -> str | None:
    """The breakdown by actor and by kind, sent after the chart; None when there is none."""
    stats = report.stats
    lines = []
    if stats.by_actor:
        lines += ["<b>By actor</b>", *(rate_line(a, r) for a, r in stats.by_actor.items())]
    if stats.by_kind:
        lines += ["\n<b>By kind</b>", *(rate_line(k.value, r) for k, r in stats.by_kind.items())]
    return "\n".join(lines).strip() or None
