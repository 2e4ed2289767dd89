"""Pure text builders: domain snapshots → Telegram HTML, UTC → chat time, message splitting.

No telegram import. Everything that is not our own markup goes through html.escape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from html import escape as _escape
from zoneinfo import ZoneInfo

from tracker.checks import DAY_NAMES
from tracker.domain import (
    ChatSettings,
    Commitment,
    DueBasis,
    Page,
    Proposal,
    Rate,
    Stats,
    Status,
    Verdict,
)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

# (command, menu description, usage example): the single source of /help and set_my_commands.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "Welcome and a short tour", "/start"),
    ("track", "Find commitments in an article (link or text)", "/track https://example.com/news"),
    ("add", "Track a statement by hand", "/add The city will open the bridge by June 2027"),
    ("list", "List commitments: open, due, overdue, fulfilled, broken, all", "/list overdue"),
    ("show", "Show one commitment with its history", "/show 12"),
    ("verdict", "Record whether a commitment was kept", "/verdict 12"),
    ("due", "Change a due date", "/due 12 2027-03-31"),
    ("stats", "Fulfilment figures for this chat", "/stats"),
    ("export", "Download this chat's ledger as CSV and JSON", "/export"),
    (
        "settings",
        "Time zone, digest, weekly summary, who may judge",
        "/settings timezone Europe/Berlin",
    ),
    ("follow", "Follow a news feed (auto: track dated promises)", "/follow https://x.org/rss"),
    ("feeds", "The feeds this chat follows, with errors", "/feeds"),
    ("unfollow", "Stop following a feed", "/unfollow 2"),
    ("help", "All commands with examples", "/help"),
    ("cancel", "Cancel the question I am waiting for you to answer", "/cancel"),
)

STATUS_LABELS: dict[Status, str] = {
    Status.OPEN: "open",
    Status.IN_PROGRESS: "not yet",
    Status.STALLED: "stalled",
    Status.FULFILLED: "fulfilled",
    Status.PARTLY: "partly fulfilled",
    Status.NOT_FULFILLED: "not fulfilled",
    Status.UNJUDGEABLE: "can't be judged",
}

WELCOME = (
    "<b>Hello!</b> I keep track of promises, plans and predictions in the news, "
    "and ask this chat whether they were kept once they fall due.\n\n"
    "Send me a link or paste an article, or use /track. /help lists everything."
)
HINT = "I did not understand that. Send a link or an article, or see /help."
TRACK_USAGE = (
    "Send /track followed by a link or the article text, e.g. /track https://example.com/news"
)
ADD_USAGE = (
    "Usage: /add &lt;statement&gt; [by &lt;date&gt;], "
    "e.g. /add The city will open the bridge by June 2027"
)
SHOW_USAGE = "Usage: /show &lt;id&gt;, e.g. /show 12"
DUE_USAGE = "Usage: /due &lt;id&gt; &lt;date&gt;, e.g. /due 12 2027-03-31"
LIST_USAGE = "Usage: /list [open|due|overdue|fulfilled|broken|all]"
STALE_BUTTON = "This button is no longer valid."
ADMINS_ONLY = "Only the chat's admins may do that here."
NOTHING_TO_CANCEL = "There is nothing to cancel."
CANCELLED = "Cancelled."
EMPTY_LIST = "Nothing here yet."
PICK_SOME = "Pick at least one item first."
DROPPED = "Dropped: nothing from this article is tracked."


def escape(text: str) -> str:
    """Escape text for Telegram HTML outside attributes (quotes stay readable)."""
    return _escape(text, quote=False)


def attr(text: str) -> str:
    """Escape a value for a double-quoted HTML attribute."""
    return _escape(text, quote=True)


def help_text() -> str:
    """The /help message: every command with a one-line description and an example."""
    lines = ["<b>Commands</b>"]
    for name, description, example in COMMANDS:
        lines.append(f"/{name} — {escape(description)}\n    e.g. <code>{escape(example)}</code>")
    lines.append("\nYou can also just send or forward an article or a link.")
    return "\n".join(lines)


def split_message(text: str, *, limit: int = TEXT_LIMIT) -> list[str]:
    """Split `text` into chunks of at most `limit` characters, at line boundaries if possible."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single overlong line: cut it, never inside an entity or tag
            if current:
                chunks.append(current)
                current = ""
            cut = safe_cut(line, limit)
            chunks.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks


def safe_cut(line: str, limit: int) -> int:
    """The last index ≤ limit where cutting `line` leaves no half "&amp;" or "<b>"."""
    cut = limit
    for opener, closer in (("&", ";"), ("<", ">")):
        start = line.rfind(opener, 0, cut)
        if start > 0 and closer not in line[start:cut]:
            cut = start
    return cut


def local_date(at: datetime, tz: str) -> date:
    """The calendar date of the UTC instant `at` in time zone `tz`."""
    return at.astimezone(ZoneInfo(tz)).date()


def when(at: datetime, tz: str) -> str:
    """An instant as shown to a chat: local date and time."""
    return at.astimezone(ZoneInfo(tz)).strftime("%a %d %b %Y, %H:%M")


def who(actors: Sequence[str]) -> str:
    return escape(", ".join(actors)) if actors else "<i>someone</i>"


def _due(due: date, basis: DueBasis) -> str:
    assumed = " <i>(assumed)</i>" if basis is DueBasis.DEFAULT else ""
    return f"due {due.isoformat()}{assumed}"


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def proposal(found: Proposal, *, picked: Iterable[int] = ()) -> str:
    """Numbered candidates of a proposal: kind, actor, action, quote, due date (assumed or not)."""
    if not found.candidates:
        return "I found no promises, plans or predictions in that text."
    title = f" in <i>{escape(found.source.title)}</i>" if found.source.title else ""
    count = len(found.candidates)
    lines = [f"<b>Found {count} commitment{'s' if count != 1 else ''}</b>{title}:"]
    marks = set(picked)
    for number, cand in enumerate(found.candidates, start=1):
        box = "✅ " if number in marks else ""
        lines.append(
            f"\n{box}<b>{number}.</b> <i>{cand.kind.value}</i> · {who(cand.actors)} — "
            f"{escape(cand.action)}\n"
            f"    “{escape(short(cand.quote, 300))}”\n    {_due(cand.due, cand.due_basis)}"
        )
    return "\n".join(lines)


def tracked(items: Sequence[Commitment]) -> str:
    """Confirmation after accepting candidates."""
    if not items:
        return "Nothing new to track."
    ids = ", ".join(f"#{c.id}" for c in items)
    return f"Tracking {len(items)} commitment{'s' if len(items) != 1 else ''}: {ids}. See /list."


def line(item: Commitment) -> str:
    """One commitment as a single list line."""
    return (
        f"<b>#{item.id}</b> {who(item.actors)} — {escape(short(item.action, 120))} "
        f"· {_due(item.due, item.due_basis)} · {STATUS_LABELS[item.status]}"
    )


def page(listing: Page, *, title: str) -> str:
    """A page of a listing with its position in the whole."""
    if not listing.items:
        return f"<b>{escape(title)}</b>\n{EMPTY_LIST}"
    first, last = listing.offset + 1, listing.offset + len(listing.items)
    head = f"<b>{escape(title)}</b> ({first}–{last} of {listing.total})"
    return "\n".join([head, *(line(item) for item in listing.items)])


def _verdict(entry: Verdict, tz: str) -> str:
    extra = ""
    if entry.evidence_url:
        extra += f' — <a href="{attr(entry.evidence_url)}">evidence</a>'
    if entry.note:
        extra += f" — {escape(entry.note)}"
    return f"• {when(entry.at, tz)}: {STATUS_LABELS[entry.status]} ({escape(entry.by)}){extra}"


def card(item: Commitment, *, tz: str) -> str:
    """Everything about one commitment: quote, source, due date, verdict history."""
    parts = [
        f"<b>#{item.id}</b> {who(item.actors)} — {escape(item.action)}",
        f"“{escape(item.quote)}”",
        f"Kind: {item.kind.value} · {_due(item.due, item.due_basis)} · "
        f"<b>{STATUS_LABELS[item.status]}</b>",
    ]
    if item.deadline_text:
        parts.append(f"Deadline as stated: “{escape(item.deadline_text)}”")
    if item.source is not None:
        parts.append(source(item))
    history = [_verdict(v, tz) for v in item.verdicts]
    parts.append("<b>Verdicts</b>\n" + "\n".join(history) if history else "No verdict yet.")
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


EVIDENCE_ASK = "Reply with an evidence link or a note, or “skip”."


def evidence_prompt(commitment_id: int, status: Status) -> str:
    """The ForceReply question after a verdict button."""
    return f"#{commitment_id}: {STATUS_LABELS[status]}. {EVIDENCE_ASK}"


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
