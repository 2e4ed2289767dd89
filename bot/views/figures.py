"""Figures and settings as text: /stats, /settings, export captions."""

from __future__ import annotations

from bot.views.text import escape
from tracker.checks import DAY_NAMES
from tracker.domain import ChatSettings, Rate, Stats


def share(rate: Rate) -> str:
    return "—" if rate.fulfilment is None else f"{rate.fulfilment:.0%}"


def _rate(name: str, rate: Rate) -> str:
    return (
        f"{escape(name)}: {share(rate)} kept of {rate.judged} judged"
        f" · {rate.overdue_unchecked} overdue · {rate.not_yet_due} not yet due"
        f" · {rate.total} in all"
    )


def stats(figures: Stats) -> str:
    """Fulfilment figures, overall then by actor and kind."""
    lines = [
        f"<b>Fulfilment as of {figures.today.isoformat()}</b>",
        _rate("Overall", figures.overall),
    ]
    if figures.by_actor:
        lines.append("\n<b>By actor</b>")
        lines += [_rate(actor, rate) for actor, rate in sorted(figures.by_actor.items())]
    if figures.by_kind:
        lines.append("\n<b>By kind</b>")
        lines += [_rate(kind.value, rate) for kind, rate in sorted(figures.by_kind.items())]
    return "\n".join(lines)


def chat_settings(prefs: ChatSettings) -> str:
    """Current chat settings and the typed forms that change them."""
    days = ",".join(DAY_NAMES[d] for d in sorted(prefs.digest_days)) or "never"
    h = prefs.horizons
    return (
        "<b>Settings</b>\n"
        f"Time zone: {escape(prefs.timezone)}\n"
        f"Digest: {prefs.digest_time.strftime('%H:%M')} on {days}\n"
        f"Weekly summary: {DAY_NAMES[prefs.summary_day]} {prefs.summary_time.strftime('%H:%M')}\n"
        f"Verdicts by: {prefs.verdicts_by.value}\n"
        f"Default horizons (days): promise {h.promise}, plan {h.plan}, "
        f"agreement {h.agreement}, prediction {h.prediction}\n"
        f"Unanswered check-ins asked again after {prefs.checkin_every_days} days\n\n"
        "Change with e.g. <code>/settings timezone Europe/Berlin</code>, "
        "<code>/settings digest 09:00 mon-fri</code>, <code>/settings summary sun 18:00</code>, "
        "<code>/settings verdicts admins</code>, <code>/settings horizon promise 180</code>, "
        "<code>/settings checkins 14</code> (days before an unanswered check-in is asked again)."
    )


def export_caption(count: int, fmt: str) -> str:
    """Caption of an exported ledger document."""
    return f"{count} commitment{'s' if count != 1 else ''}, {fmt}"
