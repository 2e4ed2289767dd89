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
    ("verdict", "Record whether a commitment was kept", "/verdict 12"),
    ("due", "Change a due date", "/due 12 2027-03-31"),
    ("stats", "Fulfilment figures for this chat", "/stats"),
    ("export", "Download this chat's ledger as CSV and JSON", "/export"),
    (
        "settings",
        "Time zone, digest, weekly summary, who may judge",
        "/settings timezone Europe/Berlin",
    ),
    ("help", "All commands with examples", "/help"),
    ("cancel", "Cancel the question I am waiting for you to answer", "/cancel"),
)

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
ALREADY_HANDLED = "Already handled"
ADMINS_ONLY = "Only the chat's admins may do that here."
NOTHING_TO_CANCEL = "There is nothing to cancel."
CANCELLED = "Cancelled."
EMPTY_LIST = "Nothing here yet."
PICK_SOME = "Pick at least one item first."
DROPPED = "Dropped: nothing from this article is tracked."


def help_text() -> str:
    """The /help message: every command with a one-line description and an example."""
    lines = ["<b>Commands</b>"]
    for name, description, example in COMMANDS:
        lines.append(f"/{name} — {escape(description)}\n    e.g. <code>{escape(example)}</code>")
    lines.append("\nYou can also just send or forward an article or a link.")
    return "\n".join(lines)
