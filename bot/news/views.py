"""Text of followed news: the batch a poll brought, the feed list, goal-post history and
suggested evidence. Pure: no telegram import; every outside string escaped."""

from __future__ import annotations

from collections.abc import Sequence

from bot.views import attr, escape
from tracker.links import Relation
from tracker.news import Feed, FeedBatch, Link

FOLLOW_USAGE = (
    "Send /follow URL to follow an RSS, Atom or JSON feed, or /follow URL auto to track at "
    "once what its articles promise with an explicit deadline."
)
UNFOLLOW_USAGE = "Send /unfollow N with a number from /feeds."
_REPORTS = {
    Relation.REPORTS_DONE: "Possibly fulfilled",
    Relation.REPORTS_PARTLY: "Possibly partly fulfilled",
    Relation.REPORTS_NOT_DONE: "Possibly not fulfilled",
}


def _title(link: Link) -> str:
    source = link.source
    title = escape(source.title or source.url or f"article {source.id}")
    return f'<a href="{attr(source.url)}">{title}</a>' if source.url else title


def followed(feed: Feed) -> str:
    auto = " Candidates with an explicit deadline are tracked at once." if feed.auto else ""
    return f"Following feed {feed.number}: {escape(feed.url)}. New articles come here.{auto}"


def feeds(found: Sequence[Feed]) -> str:
    if not found:
        return "This chat follows no feeds. " + FOLLOW_USAGE
    lines = ["<b>Feeds</b>"]
    for f in found:
        checked = (
            f.last_checked_at.strftime("%Y-%m-%d %H:%M UTC") if f.last_checked_at else "never"
        )
        error = f" — failing ({f.failures}): {escape(f.last_error or '')}" if f.failures else ""
        auto = " (auto)" if f.auto else ""
        lines.append(f"{f.number}. {escape(f.url)}{auto} — checked {checked}{error}")
    return "\n".join(lines)


def unfollowed(feed: Feed) -> str:
    return f"No longer following {escape(feed.url)}."


def batch(found: FeedBatch) -> str:
    """One message for everything one poll brought a chat."""
    lines = ["<b>From your feeds</b>"]
    for n, p in enumerate(found.proposals, 1):
        title = escape(p.source.title or p.source.url or "article")
        lines.append(f"{n}. {title}: {len(p.candidates)} forward-looking statement(s)")
        lines += [f"   • “{escape(c.quote[:200])}”" for c in p.candidates[:5]]
    if found.auto_tracked:
        ids = ", ".join(f"#{i}" for i in found.auto_tracked)
        lines.append(f"Tracked automatically (explicit deadline): {ids}")
    for k in found.links:
        if k.relation is Relation.MOVES_DEADLINE:
            lines.append(moved(k))
        elif k.relation is Relation.RESTATES:
            lines.append(f"#{k.number} restated by {_title(k)}.")
    lines += [
        f"Feed {f.number} keeps failing: {escape(f.last_error or '')}" for f in found.failing
    ]
    return "\n".join(lines)


def moved(link: Link) -> str:
    new = link.new_deadline.isoformat() if link.new_deadline else "no new date given"
    return (
        f"#{link.number}: deadline moved ({new}) according to {_title(link)} — "
        f"“{escape(link.quote[:300])}”. Move the due date?"
    )


def suggestion(link: Link) -> str:
    """Suggested evidence for a commitment's verdict."""
    label = _REPORTS.get(link.relation, "Reported")
    return f"{label}: #{link.number} — {_title(link)} — “{escape(link.quote[:500])}”"


def goalposts(links: Sequence[Link], *, first: str) -> str | None:
    """Goal-post history: "deadline moved 2008 → 2009 → 2011", each with its source."""
    moves = [k for k in links if k.relation is Relation.MOVES_DEADLINE]
    if not moves:
        return None
    steps = [first] + [k.new_deadline.isoformat() if k.new_deadline else "?" for k in moves]
    sources = "; ".join(_title(k) for k in moves)
    return f"Deadline moved {' → '.join(steps)} ({sources})"
