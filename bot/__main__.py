"""Composition root of `tracker-bot`: reads the environment once, wires the database and runs.

`tracker-bot run` long-polls; `tracker-bot run --webhook-url URL --listen HOST:PORT` serves a
webhook (PTB checks the X-Telegram-Bot-Api-Secret-Token header against the secret).
`tracker-bot dispatch` sends the follow-ups due now once and exits (cron, Kubernetes CronJob).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.settings import Settings, SettingsError, read_dotenv
from tracker.errors import Busy

logger = logging.getLogger("bot")


def _now() -> datetime:
    return datetime.now(UTC)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tracker-bot", description="Run the Telegram bot.")
    # `python -m bot` alone means `run` (the Docker CMD); the subcommand leaves room for more.
    parser.set_defaults(env_file=Path(".env"), webhook_url=None, listen="0.0.0.0:8443")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="start the bot (long polling unless --webhook-url)")
    run.add_argument("--env-file", type=Path, default=Path(".env"), help="default: ./.env")
    run.add_argument("--webhook-url", help="public HTTPS URL Telegram should POST updates to")
    run.add_argument("--listen", default="0.0.0.0:8443", help="HOST:PORT for the webhook server")
    once = sub.add_parser(
        "dispatch", help="send the check-ins, digests and summaries due now, then exit"
    )
    once.add_argument("--env-file", type=Path, default=Path(".env"), help="default: ./.env")
    return parser


def webhook_options(url: str, listen: str, *, secret: str | None) -> dict[str, Any]:
    """Keyword arguments for run_webhook/start_webhook; a random secret when none is set."""
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingsError([f"--listen: expected HOST:PORT, got {listen!r}"])
    if not url.startswith("https://") and not url.startswith("http://"):
        raise SettingsError([f"--webhook-url: expected an https:// URL, got {url!r}"])
    return {
        "listen": host.strip("[]"),
        "port": int(port),
        "url_path": urlsplit(url).path.lstrip("/"),
        "webhook_url": url,
        # Telegram echoes it in X-Telegram-Bot-Api-Secret-Token; PTB refuses requests without it.
        "secret_token": secret or secrets.token_urlsafe(32),
    }


def load_settings(env_file: Path) -> Settings:
    """Settings from the process environment, falling back to the .env file's values."""
    return Settings.from_env({**read_dotenv(env_file), **os.environ})


def _build(settings: Settings) -> Any:
    """Migrate the database and build the Application (heavy imports only once config is good)."""
    from bot.app import build_application
    from tracker.services import open_tracker

    tracker = open_tracker(
        settings.database_url,
        data_dir=settings.data_dir,
        horizons=settings.horizons,
        timezone=settings.default_tz,
    )
    return build_application(settings, tracker, clock=_now)


def dispatch(args: argparse.Namespace) -> None:
    """One dispatch pass (plan + send what is due now), then exit; a second run sends nothing."""
    from bot.jobs import dispatch as dispatch_pass
    from bot.news.poll import poll as poll_feeds

    settings = load_settings(args.env_file)
    app = _build(settings)
    lease = settings.dispatch_lease

    async def once() -> None:
        async with app:  # initialises the bot (getMe) and the rate limiter, shuts them down
            tracker = app.bot_data["tracker"]
            await poll_feeds(tracker, clock=_now)  # queues the feed messages this pass sends
            report = await dispatch_pass(app.bot, tracker, clock=_now, lease=lease)
        print(
            f"planned {report.planned}, sent {report.sent}, retry later {report.retried}, "
            f"rejected {report.rejected}, chats gone {report.chats_gone}"
            + (f", unanswered {report.ambiguous}" if report.ambiguous else "")
        )

    asyncio.run(once())


def run(args: argparse.Namespace) -> None:
    """Build everything and run until interrupted."""
    settings = load_settings(args.env_file)
    hook = None
    if args.webhook_url:
        hook = webhook_options(args.webhook_url, args.listen, secret=settings.webhook_secret)
    app = _build(settings)
    if hook is None:
        logger.info("starting long polling")
        app.run_polling()
        return
    logger.info(
        "starting webhook on %s:%d for %s", hook["listen"], hook["port"], hook["webhook_url"]
    )
    app.run_webhook(**hook)


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; exit status 2 on configuration errors."""
    args = _parser().parse_args(argv)
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level="INFO")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    try:
        dispatch(args) if args.command == "dispatch" else run(args)
    except SettingsError as err:
        print(err, file=sys.stderr)
        return 2
    except Busy as err:  # SQLite stayed locked past our patience: cron tries again next time
        logger.warning("%s Nothing more was sent this time.", err)
        return 75  # EX_TEMPFAIL
    return 0


if __name__ == "__main__":
    sys.exit(main())
