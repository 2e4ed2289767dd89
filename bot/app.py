"""The composition point: build_application() makes the Application and registers every handler."""

from __future__ import annotations

import asyncio
import gc
from datetime import date, timedelta
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import jobs, views
from bot.context import AdminCache, Clock, Ctx, Fetch, NameCache
from bot.errors import error_handler
from bot.handlers import basic, items, ledger, news, settings, track, verdicts
from bot.limiter import SharedFloodLimiter
from bot.news.poll import default_fetch_feed
from bot.ordering import PerChatProcessor
from bot.settings import Settings
from tracker.fetch import fetch_article
from tracker.flood import TELEGRAM, Limits
from tracker.services import Tracker
from tracker.services.feeds import FetchFeed

# (command, handler): the set /help, set_my_commands and README must list (see views.COMMANDS).
COMMAND_HANDLERS = {
    "start": basic.start,
    "help": basic.help_command,
    "cancel": basic.cancel,
    "track": track.track,
    "add": ledger.add,
    "list": ledger.list_command,
    "show": ledger.show,
    "verdict": verdicts.verdict,
    "due": items.due,
    "edit": items.edit,
    "untrack": items.untrack,
    "snooze": items.snooze,
    "stats": ledger.stats,
    "export": ledger.export,
    "settings": settings.settings,
    "follow": news.follow,
    "feeds": news.feeds,
    "unfollow": news.unfollow,
}


def build_application(
    settings_: Settings,
    tracker: Tracker,
    *,
    clock: Clock,
    fetch: Fetch = fetch_article,
    fetch_feed: FetchFeed = default_fetch_feed,
    request: BaseRequest | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    limits: Limits = TELEGRAM,
) -> Application[Any, Ctx, Any, Any, Any, Any]:
    """Build the bot: HTML defaults, the flood budget shared through the database (unless
    another rate limiter is given), chats served concurrently, handlers, menu."""
    builder = (
        ApplicationBuilder()
        .token(settings_.bot_token)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(ContextTypes(context=Ctx))
        .concurrent_updates(PerChatProcessor())  # a burst in one chat never blocks another
        .post_init(_post_init)
    )
    if settings_.api_base_url:
        builder = builder.base_url(settings_.api_base_url)
    if request is not None:
        builder = builder.request(request)
    # Telegram's limits belong to the token: every process sending with it (this bot, cron
    # dispatchers) reserves its slots in one budget in the database, so together they keep
    # 30/s overall, 1/s per chat and 20/min per group (bench/dispatch_procs_bench.py).
    bot_id = settings_.bot_token.split(":", 1)[0]
    limiter = rate_limiter or SharedFloodLimiter(tracker, bot_id, limits=limits)
    builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]  # PTB types it per builder
    app = builder.build()
    app.bot_data.update(tracker=tracker, clock=clock, fetch=fetch, admins=AdminCache())
    app.bot_data.update(fetch_feed=fetch_feed, names=NameCache())
    _register(app, tick_seconds=settings_.dispatch_seconds, lease=settings_.dispatch_lease)
    return app


def _register(
    app: Application[Any, Any, Any, Any, Any, Any], *, tick_seconds: int, lease: timedelta
) -> None:
    # Group -1 runs before every other handler and stops none: whoever acts, their latest name
    # is known when a history shows them.
    app.add_handler(TypeHandler(Update, basic.remember_name), group=-1)
    for name, handler in COMMAND_HANDLERS.items():
        app.add_handler(CommandHandler(name, handler))
    app.add_handler(CallbackQueryHandler(track.proposal_button, pattern=r"^tr:"))
    app.add_handler(CallbackQueryHandler(ledger.list_button, pattern=r"^ls:"))
    app.add_handler(CallbackQueryHandler(verdicts.verdict_button, pattern=r"^v:"))
    app.add_handler(CallbackQueryHandler(verdicts.snooze_button, pattern=r"^sn:"))
    app.add_handler(CallbackQueryHandler(items.item_button, pattern=r"^it:"))
    app.add_handler(CallbackQueryHandler(settings.settings_button, pattern=r"^st:"))
    app.add_handler(CallbackQueryHandler(news.link_button, pattern=r"^(?:mv|ev):"))
    # Last among callbacks: anything the grammar does not know (forged or from an old version).
    app.add_handler(CallbackQueryHandler(basic.stale_button))
    # A group upgraded to a supergroup: these service messages carry no text or command, so no
    # other handler would claim them; first among message handlers so a catch-all added later
    # cannot swallow them and leave the ledger under the dead chat id.
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, basic.migrated))
    # Text after commands, so "/track …" never reaches the article sniffing of plain text.
    app.add_handler(
        MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND, track.text_message)
    )
    # Last of all: commands no handler above claimed.
    app.add_handler(MessageHandler(filters.COMMAND, basic.unknown))
    app.add_error_handler(error_handler)
    # The database is the schedule: one repeating tick plans and sends whatever is due, so a
    # restart or a second bot process never loses or doubles a follow-up (see tracker.dispatch).
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            jobs.tick, interval=tick_seconds, first=5, name="dispatch", data=lease
        )


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Publish the command menu so Telegram clients offer it; warm up the slow imports, then
    move everything start-up made out of the collector's reach (gc.freeze)."""
    await app.bot.set_my_commands([BotCommand(n, d) for n, d, _ in views.COMMANDS])
    await asyncio.to_thread(_warm_up)
    # Start-up leaves ~120k long-lived objects; without this every full collection walks them
    # and stalls the event loop 70-90 ms (bench/bot_bench.py), 6-12 ms with it.
    gc.freeze()


def _warm_up() -> None:
    """Import the extractor and make dateparser's slow first call now, not on a user's /track."""
    import tracker.extract  # noqa: F401
    from tracker.deadlines import parse_deadline

    parse_deadline("by the end of next year", ref=date(2026, 1, 1))
