"""The follow-up tick at scale: C commitments (default 1,000,000) in H chats (default 10,000),
due dates spread over 2020-2030, most past ones judged, the rest already asked, a few due today;
chats in four time zones with digests at random hours. Measures, at one given minute:
- find: the indexed queries that find the chats with a digest/summary slot due and the
  commitments that may need a check-in (median of 7);
- a full dispatch pass in a fresh process (plan + claim + render + send through the real
  Application to the fake Bot API, no rate limit): time, rows, peak RSS (ru_maxrss);
- quiet ticks in the five minutes after (plan only: a few re-asks fall due), median.
Synthetic data, so nothing to skip. Writes one entry per backend to bench/results/tick_bench.json.
Usage: python bench/tick_bench.py [--commitments N] [--chats N] [--database-url postgresql://...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from sqlalchemy import Engine, insert  # noqa: E402

from bench.scratch_db import scratch_url  # noqa: E402
from tracker.schedule import next_slot  # noqa: E402
from tracker.store import followup as fr  # noqa: E402
from tracker.store.db import make_engine, make_sessionmaker, migrate  # noqa: E402
from tracker.store.models import ChatRow, CommitmentRow  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "tick_bench.json"
AT = datetime(2026, 11, 27, 9, 0, 10, tzinfo=UTC)  # the measured minute (a Friday)
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo")
CHUNK = 20_000
HORIZONS = '{"promise": 365, "plan": 180, "agreement": 365, "prediction": 365}'


def chat_rows(chats: int, rng: random.Random) -> list[dict[str, Any]]:
    """Settings rows with their next digest/summary slots planned as of a minute before AT."""
    rows, before = [], AT - timedelta(minutes=1)
    for chat_id in range(1, chats + 1):
        tz, hour = rng.choice(ZONES), clock_time(rng.randrange(24))
        day, summary_at = rng.randrange(7), clock_time(rng.randrange(24))
        rows.append(
            {"chat_id": chat_id, "timezone": tz, "digest_time": hour, "active": True,
             "digest_days": "0,1,2,3,4,5,6", "summary_day": day, "summary_time": summary_at,
             "verdicts_by": "everyone", "horizons": HORIZONS, "checkin_every_days": 7,
             "last_digest_at": before - timedelta(days=1), "last_summary_at": before,
             "next_digest_at": next_slot(range(7), hour, tz, after=before),
             "next_summary_at": next_slot({day}, summary_at, tz, after=before)}
        )  # fmt: skip
    return rows


def commitment(chat_id: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic commitment: past ones mostly judged, the rest already asked."""
    due = date(2020, 1, 1) + timedelta(days=rng.randrange(3653))
    status, ask = "open", None
    if due < AT.date():
        if rng.random() < 0.7:
            status = rng.choice(("fulfilled", "partly_fulfilled", "not_fulfilled"))
        else:
            ask = AT + timedelta(minutes=rng.randrange(1, 7 * 24 * 60))
    return {"chat_id": chat_id, "actors": ["Mayor"], "action": "open the bridge",
            "kind": "promise", "quote": "The city will open the bridge.", "due": due,
            "due_basis": "deadline", "status": status, "created_by": "bench",
            "created_at": datetime(2019, 6, 1, tzinfo=UTC), "next_checkin_at": ask}  # fmt: skip


def seed(engine: Engine, commitments: int, chats: int) -> float:
    """Fill the database; returns the seconds it took."""
    rng, started = random.Random(42), time.perf_counter()
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(insert(ChatRow), chat_rows(chats, rng))
    numbers: dict[int, int] = {}  # each chat numbers its own items from 1
    for first in range(0, commitments, CHUNK):
        count = min(CHUNK, commitments - first)
        batch = [commitment(rng.randrange(1, chats + 1), rng) for _ in range(count)]
        for row in batch:
            row["number"] = numbers[row["chat_id"]] = numbers.get(row["chat_id"], 0) + 1
        with engine.begin() as connection:
            connection.execute(insert(CommitmentRow), batch)
    with engine.begin() as connection:  # fresh statistics, as autovacuum/ANALYZE would give
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def find_due(engine: Engine) -> dict[str, Any]:
    """Median time of the two 'what is due now' queries, and what they found."""
    sessions = make_sessionmaker(engine)
    timings: list[float] = []
    for _ in range(7):
        with sessions() as session:
            started = time.perf_counter()
            chats = fr.due_chat_ids(session, now=AT)
            open_items = fr.open_for_checkin(session, now=AT)
            timings.append(time.perf_counter() - started)
    return {
        "find_ms_median": round(statistics.median(timings) * 1000, 1),
        "find_ms_runs": [round(t * 1000, 1) for t in timings],
        "chats_with_a_slot_due": len(chats),
        "commitments_to_consider": sum(len(v) for v in open_items.values()),
    }


def measure_pass(url: str) -> dict[str, Any]:
    """Run one dispatch pass at AT in a fresh process (so its RSS is its own)."""
    command = [sys.executable, __file__, "--pass-only", url]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=1800)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


async def one_pass(url: str) -> dict[str, Any]:
    """(In the child process) the production Application against the unlimited fake API."""
    from bench.bot_bench import NoLimit
    from bot.app import build_application
    from bot.jobs import dispatch
    from bot.settings import Settings
    from tests.e2e.fake_bot_api import TOKEN, FakeBotApi
    from tracker.services import Tracker

    engine = make_engine(url)
    tracker = Tracker(make_sessionmaker(engine))
    api = FakeBotApi()
    await api.start()
    settings = Settings(bot_token=TOKEN, api_base_url=api.base_url)
    app = build_application(settings, tracker, clock=lambda: AT, rate_limiter=NoLimit())
    async with app:
        started = time.perf_counter()
        report = await dispatch(app.bot, tracker, clock=lambda: AT, chat_gap=0)
        elapsed = time.perf_counter() - started
        quiet_ms, quiet = [], 0
        for minute in range(1, 6):
            quiet_started = time.perf_counter()
            quiet += tracker.plan_notifications(now=AT + timedelta(minutes=minute))
            quiet_ms.append((time.perf_counter() - quiet_started) * 1000)
    await api.stop()
    engine.dispose()
    return {
        "pass_seconds": round(elapsed, 2),
        "planned": report.planned,
        "sent": report.sent,
        "messages": len(api.sent("sendMessage")),
        "photos": len(api.sent("sendPhoto")),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "quiet_tick_ms_median": round(statistics.median(quiet_ms), 1),
        "quiet_tick_ms_runs": [round(ms, 1) for ms in quiet_ms],
        "quiet_ticks_planned": quiet,
    }


def main(commitments: int, chats: int, server: str | None) -> dict[str, Any]:
    with scratch_url(server) as url:
        engine = make_engine(url)
        seeded = seed(engine, commitments, chats)
        found = find_due(engine)
        engine.dispose()
        passed = measure_pass(url)
    return {
        "database": "postgresql" if server else "sqlite file",
        "commitments": commitments,
        "chats": chats,
        "seed_seconds": round(seeded, 1),
        **found,
        **passed,
    }


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--pass-only":
        print(json.dumps(asyncio.run(one_pass(sys.argv[2]))))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=1_000_000)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server")
    args = parser.parse_args()
    figures = main(args.commitments, args.chats, args.database_url)
    print(json.dumps(figures, indent=2))
    saved = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    saved[figures["database"]] = figures
    RESULTS.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
