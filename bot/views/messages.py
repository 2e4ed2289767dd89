"""Fixed replies: the command list behind /help and the menu, welcome, hints and usages."""

from __future__ import annotations

from bot.views.text import escape

# (command, menu description, usage example): the single source of /help and set_my_commands.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "Welcome and a short tour", "/start"),
    ("track", "Find commitments in an article (link or text)", "/track https://example.com/news"),
    ("add", "Track a statement by hand", "/add The city will open the bridge by June 2027"),
    ("list", "List commitments: open, due, overdue, fulfilled, broken, all", "/list overdue"),
    ("show", "Show one commitment with its history", "/show 12"),
    ("verdict", "Record whether a commitment was kept", "/verdict 12 fulfilled"),
    ("due", "Change a due date", "/due 12 2027-03-31"),
    ("edit", "Fix an item's actor, action or due date", "/edit 12 actor City council"),
    ("untrack", "Stop tracking an item (kept in history; /track 12 undoes)", "/untrack 12"),
    ("snooze", "Not yet: ask again later", "/snooze 12 next monday"),
    ("stats", "Fulfilment figures for this chat", "/stats"),
    ("export", "Download this chat's ledger as CSV and JSON", "/export"),
    (
        "settings",
        "Time zone, digest, weekly summary, who may judge",
        "/settings timezone Berlin",
    ),
    ("follow", "Follow a news feed (auto: track dated promises)", "/follow https://x.org/rss"),
    ("feeds", "The feeds this chat follows, with errors", "/feeds"),
    ("unfollow", "Stop following a feed", "/unfollow 2"),
    ("help", "All commands with examples", "/help"),
    ("cancel", "Cancel the question I am waiting for you to answer", "/cancel"),
)

WELCOME = (
    "<b>Hello!</b> I keep track of promises, plans and predictions in the news, "
    "and ask this chat whether they were kept once they fall due.\n\n"
    "Send me a link or paste an article, or use /track. /help lists everything.\n\n"
    "Your time zone is UTC until you set it: /settings timezone Berlin "
    "(a city, or an offset like UTC+2)."
)
GROUP_WELCOME = (
    "<b>Hello!</b> I keep track of promises, plans and predictions in the news, "
    "and ask this group whether they were kept once they fall due.\n\n"
    "In a group I only see commands: reply <code>/track</code> to a forwarded article or a "
    "link to track it. /help lists everything.\n\n"
    "Set the group's time zone with /settings timezone Berlin (or UTC+2)."
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
VERDICT_USAGE = (
    "Usage: /verdict &lt;id&gt; [fulfilled|partly|broken|not-yet|stalled|cant-judge] "
    "[evidence link or note], e.g. /verdict 12 fulfilled https://example.com/opened"
)
DUE_USAGE = "Usage: /due &lt;id&gt; &lt;date&gt;, e.g. /due 12 2027-03-31"
EDIT_USAGE = (
    "Usage: /edit &lt;id&gt; actor|action|due &lt;new value&gt;, e.g. /edit 12 actor City council"
)
UNTRACK_USAGE = "Usage: /untrack &lt;id&gt;, e.g. /untrack 12"
SNOOZE_USAGE = (
    "Usage: /snooze &lt;id&gt; &lt;when&gt;, e.g. /snooze 12 tomorrow, in 3 days, next monday "
    "or 2027-01-15"
)
REMINDER_HINT = (
    "I don't set personal reminders, but I can track it: /add followed by the statement and "
    "its date, e.g. <code>/add Call mom tomorrow</code>, and I'll ask on the day."
)
LIST_USAGE = "Usage: /list [open|due|overdue|fulfilled|broken|all]"
STALE_BUTTON = "This button is no longer valid."
ALREADY_HANDLED = "Already handled"
ADMINS_ONLY = "Only the chat's admins may do that here."
NOTHING_TO_CANCEL = "There is nothing to cancel."
CANCELLED = "Cancelled."
EMPTY_LIST = "Nothing here yet."
PICK_SOME = "Pick at least one item first."
DROPPED = "Dropped: nothing from this article is tracked."


def help_text(*, group: bool = False) -> str:
    """The /help message: every command with a one-line description and an example; groups
    are told that only a reply /track reads an article there (privacy mode)."""
    lines = ["<b>Commands</b>"]
    for name, description, example in COMMANDS:
        lines.append(f"/{name} — {escape(description)}\n    e.g. <code>{escape(example)}</code>")
    if group:
        lines.append("\nIn a group, reply /track to a forwarded article or link to track it.")
    else:
        lines.append("\nYou can also just send or forward an article or a link.")
    return "\n".join(lines)
