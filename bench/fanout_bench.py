"""Digest fan-out: N chats (default 1,000; a fifth of them groups) each with a digest due, sent
by one dispatch pass through the real Application and its shared flood budget to the fake Bot
API, which here enforces Telegram's flood limits (tests/e2e/flood_api.py). Reports total time,
messages/s, 429s, duplicates and losses. Synthetic data, so nothing to skip. Writes one entry
per backend to bench/results/fanout_bench.json.
Usage: python bench/fanout_bench.py [--chats N] [--database-url postgresql://...]"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from sqlalchemy import Engine, insert  # noqa: E402

from bench.scratch_db import scratch_url  # noqa: E402
from bot.app import build_application  # noqa: E402
from bot.jobs import dispatch  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.e2e.fake_bot_api import TOKEN  # noqa: E402
from tests.e2e.flood_api import FloodControlledApi  # noqa: E402
from tracker.services import Tracker  # noqa: E402
from tracker.store.db import make_engine, make_sessionmaker, migrate  # noqa: E402
from tracker.store.models import ChatRow, CommitmentRow  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "fanout_bench.json"
NOW = datetime(2026, 11, 27, 9, 0, 30, tzinfo=UTC)  # just after everyone's 09:00 UTC digest


def seed(tracker_url: str, chats: int) -> tuple[Tracker, Engine]:
    """Migrate, then insert `chats` chats (20 % groups) with one item due in three days."""
    engine = make_engine(tracker_url)
    migrate(engine)
    yesterday = datetime.combine(NOW.date() - timedelta(days=1), clock_time(9), tzinfo=UTC)
    ids = [(-1_000_000_000_000 - i) if i % 5 == 0 else 10_000 + i for i in range(chats)]
    chat_rows = [
        {"chat_id": cid, "timezone": "UTC", "digest_time": clock_time(9), "active": True,
         "digest_days": "0,1,2,3,4,5,6", "summary_day": 6, "summary_time": clock_time(18),
         "verdicts_by": "everyone", "checkin_every_days": 7, "last_digest_at": yesterday,
         "last_summary_at": NOW, "horizons": '{"promise": 365, "plan": 180, "agreement": 365,'
         ' "prediction": 365}'}
        for cid in ids
    ]  # fmt: skip
    items = [
        {"chat_id": cid, "actors": ["Mayor"], "action": "open the bridge", "kind": "promise",
         "quote": "The city will open the bridge.", "due": date(2026, 11, 30),
         "due_basis": "deadline", "status": "open", "created_by": "bench",
         "created_at": NOW - timedelta(days=30), "number": 1}
        for cid in ids
    ]  # fmt: skip
    with engine.begin() as connection:
        connection.execute(insert(ChatRow), chat_rows)
        connection.execute(insert(CommitmentRow), items)
    return Tracker(make_sessionmaker(engine)), engine


async def fan_out(tracker: Tracker, api: FloodControlledApi) -> tuple[float, float, Any]:
    """Plan (timed apart), then one dispatch pass through the production Application."""
    settings = Settings(bot_token=TOKEN, api_base_url=api.base_url)
    app = build_application(settings, tracker, clock=lambda: NOW)  # its production limiter
    async with app:
        started = time.perf_counter()
        await asyncio.to_thread(tracker.plan_notifications, now=NOW)
        planning = time.perf_counter() - started
        started = time.perf_counter()
        report = await dispatch(app.bot, tracker, clock=lambda: NOW)
        return planning, time.perf_counter() - started, report


async def main(chats: int, server: str | None) -> dict[str, Any]:
    with scratch_url(server) as url:
        tracker, engine = seed(url, chats)
        api = FloodControlledApi()
        await api.start()
        try:
            planning, elapsed, report = await fan_out(tracker, api)
        finally:
            await api.stop()
            engine.dispose()
    received = Counter(int(c.params["chat_id"]) for c in api.sent("sendMessage"))
    return {
        "chats": chats,
        "database": "postgresql" if server else "sqlite file",
        "planning_seconds": round(planning, 2),
        "sending_seconds": round(elapsed, 2),
        "messages": sum(received.values()),
        "messages_per_second": round(sum(received.values()) / elapsed, 1),
        "http_429": api.too_many,
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "lost": chats - len(received),
        "pass": {"planned": report.planned, "sent": report.sent, "retried": report.retried},
        "python": platform.python_version(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument(
        "--database-url", default=None, help="a PostgreSQL server (a scratch schema is used); "
        "default: a temporary SQLite file"
    )  # fmt: skip
    args = parser.parse_args()
    figures = asyncio.run(main(args.chats, args.database_url))
    print(json.dumps(figures, indent=2))
    saved = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    saved[figures["database"]] = figures  # one entry per backend
    RESULTS.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
