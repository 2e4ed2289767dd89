"""Figures and settings as text: /stats, /settings, export captions."""

from __future__ import annotations

from bot.views.text import escape
from tracker.checks import DAY_NAMES
from tracker.domain import ChatSettings, Rate, Stats


def share(rate: Rate) -> str:
    return "—" if rate.fulfilment is None else f"{rate.fulfilment:.0%}"


def _rate(name: str, rate: Rate) -> str:
    """One group's figures; the parts add up to its total."""
    if not rate.judged:
        kept = "nothing judged yet"
    else:
        kept = f"{share(rate)} kept of {rate.judged} judged"
    parts = [
        (rate.unjudgeable, "can't be judged"),
        (rate.in_progress, "not yet"),
        (rate.overdue_unchecked, "overdue"),
        (rate.not_yet_due, "not yet due"),
    ]
    shown = "".join(f" · {n} {label}" for n, label in parts if n)
    return f"{escape(name)}: {kept}{shown} · {rate.total} in all"


def export_name(chat_id: int, day: str, fmt: str) -> str:
    """A file name for an exported ledger: ledger-<chat>-<date>.<fmt>, no stray dashes."""
    return f"ledger-{abs(chat_id)}-{day}.{fmt}"


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
        f"Time zone: {escape(zone_label(prefs.timezone))}\n"
        f"Digest: {_digest(prefs, days)}\n"
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


def _digest(prefs: ChatSettings, days: str) -> str:
    if not prefs.digest_days:
        return "off (/settings digest on)"
    return f"{prefs.digest_time.strftime('%H:%M')} on {days}"


def zone_label(zone: str) -> str:
    """A zone as people say it: "UTC+2" for the tz database's inverted "Etc/GMT-2"."""
    if zone.startswith("Etc/GMT") and zone[7:]:
        sign, hours = zone[7], zone[8:]
        return f"UTC{'+' if sign == '-' else '-'}{hours}"
    return zone


def export_too_large(size: int) -> str:
    """Why /export sent no file: Telegram's 50 MB limit for documents from bots."""
    return (
        f"This ledger's export is {size / 1e6:.0f} MB, over Telegram's 50 MB limit for files "
        "from bots. Nothing was sent; whoever runs the bot can export it on the server with "
        "<code>tracker export</code>."
    )


def export_caption(count: int, fmt: str) -> str:
    """Caption of an exported ledger document."""
    return f"{count} commitment{'s' if count != 1 else ''}, {fmt}"
