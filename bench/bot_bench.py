"""End-to-end bot timings against the fake Bot API (real HTTP on 127.0.0.1, SQLite file, WAL):
1,000 /track updates with BBC articles (politics, business, tech...; ≤ 4,000 chars, so one
Telegram message each) and /list on a chat with 10,000 commitments. Latency is update → reply
request received by the fake server. A watchdog task measures how long the event loop is blocked
(how late a 5 ms sleep wakes up) while the updates run, since database calls and extraction must
stay off the loop, and how long the garbage collector pauses the process meanwhile. The app is
started as run_polling starts it (initialize, then post_init). Prints the figures, with the peak
RSS, and writes bench/results/bot_bench.json.
Usage: python bench/bot_bench.py [--track N] [--lists N] [--limited N]"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from telegram.ext import BaseRateLimiter  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.errors import APOLOGY  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.e2e import updates as u  # noqa: E402
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402
from tracker.services import Tracker  # noqa: E402
from tracker.store.db import make_engine, make_sessionmaker, migrate  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bbc-news-raw" / "bbc"
RESULTS = ROOT / "bench" / "results" / "bot_bench.json"
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
LIST_CHAT = -100424242
MAX_CHARS = 4000
WARMUP = 5


class NoLimit(BaseRateLimiter[None]):
    """Pass-through limiter: measures the bot itself, not Telegram's 30 messages/s cap."""

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Any:
        return await callback(*args, **kwargs)


def articles(count: int) -> list[str]:
    """The first `count` news articles (politics first) short enough for one message."""
    texts = []
    for folder in ("politics", "business", "tech", "entertainment"):
        for path in sorted((DATA / folder).glob("*.txt")):
            text = path.read_text(encoding="latin-1").strip()
            if len(text) + len("/track ") <= MAX_CHARS:
                texts.append(text)
    return texts[:count]


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) in milliseconds, rounded."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def summary(latencies: list[float], elapsed: float) -> dict[str, Any]:
    return {
        "updates": len(latencies),
        "updates_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(latencies, 0.50),
        "p95_ms": pct(latencies, 0.95),
        "max_ms": round(max(latencies) * 1000, 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
    }


class LoopWatch:
    """Measures event-loop stalls (how much later than asked a short sleep wakes up) and the
    garbage collector's pauses, in any thread, meanwhile."""

    def __init__(self, tick: float = 0.005) -> None:
        self.tick, self.stalls, self._task = tick, [], None  # type: ignore[var-annotated]
        self.pauses: list[tuple[int, float]] = []  # (generation, seconds)
        self._gc_start = 0.0

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.pauses.append((info["generation"], time.perf_counter() - self._gc_start))

    async def _watch(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(self.tick)
            self.stalls.append(time.perf_counter() - start - self.tick)

    def __enter__(self) -> LoopWatch:
        self._task = asyncio.get_running_loop().create_task(self._watch())
        gc.callbacks.append(self._on_gc)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._on_gc)
        self._task.cancel()  # type: ignore[attr-defined]

    def summary(self) -> dict[str, Any]:
        return {
            "loop_stall_p99_ms": pct(self.stalls, 0.99),
            "loop_stall_max_ms": round(max(self.stalls) * 1000, 1),
            "loop_stalls_over_50ms": sum(1 for s in self.stalls if s > 0.050),
            "gc_pause_max_ms": round(max((s for _, s in self.pauses), default=0.0) * 1000, 1),
            "gc_full_collections": sum(1 for generation, _ in self.pauses if generation == 2),
        }


async def timed(app: Any, api: FakeBotApi, payload: dict[str, Any], methods: set[str]) -> float:
    """Seconds from feeding `payload` to the server receiving its first reply request."""
    before = len(api.calls)
    start = time.monotonic()
    await u.send(app, payload)
    reply = next(c for c in api.calls[before:] if c.method in methods)
    if reply.status != 200 or reply.params["text"] == APOLOGY:
        raise RuntimeError(f"the bot failed on this update: {reply.params}")
    return reply.at - start


async def bench_track(app: Any, api: FakeBotApi, texts: list[str]) -> dict[str, Any]:
    """One /track per article, each from its own private chat (no per-chat pacing)."""
    for i, text in enumerate(texts[:WARMUP]):  # imports and first dateparser call
        await timed(app, api, u.message("/track " + text, chat_id=900_000 + i), {"sendMessage"})
    latencies = []
    before = len(api.calls)
    start = time.monotonic()
    with LoopWatch() as watch:
        for i, text in enumerate(texts):
            payload = u.message("/track " + text, chat_id=100_000 + i)
            latencies.append(await timed(app, api, payload, {"sendMessage"}))
    elapsed = time.monotonic() - start
    replies = [c for c in api.calls[before:] if c.method == "sendMessage"]
    found = sum(1 for c in replies if c.params["text"].startswith("<b>Found"))
    return summary(latencies, elapsed) | {"replies_with_candidates": found} | watch.summary()


def seed_rows(count: int) -> list[dict[str, Any]]:
    """`count` commitments due over ten years, a fifth of them with a verdict."""
    rows = []
    for i in range(count):
        row: dict[str, Any] = {
            "quote": f"The agency will complete project {i} on time.",
            "actors": [f"Agency {i % 41}"],
            "due": (date(2022, 1, 1) + timedelta(days=i % 3650)).isoformat(),
        }
        if i % 5 == 0:
            row["verdicts"] = [{"status": "fulfilled", "at": NOW.isoformat(), "by": "tg:1"}]
        rows.append(row)
    return rows


async def bench_list(app: Any, api: FakeBotApi, tracker: Tracker, count: int) -> dict[str, Any]:
    """/list with each filter and page buttons deep into a 10,000-commitment ledger."""
    await asyncio.to_thread(tracker.import_rows, LIST_CHAT, seed_rows(10_000), by="tg:1", now=NOW)
    filters = ["open", "all", "overdue", "due", "fulfilled", "broken"]
    await timed(app, api, u.message("/list", chat_id=LIST_CHAT), {"sendMessage"})
    message_id = max(m for c, m in api.messages if c == LIST_CHAT)
    latencies = []
    start = time.monotonic()
    with LoopWatch() as watch:
        for i in range(count):
            if i % 2:
                data = f"ls:all:{(i * 97) % 999 * 10}"
                payload = u.callback(data, chat_id=LIST_CHAT, message_id=message_id)
            else:
                text = f"/list {filters[(i // 2) % len(filters)]}"
                payload = u.message(text, chat_id=LIST_CHAT)
            latencies.append(await timed(app, api, payload, {"sendMessage", "editMessageText"}))
    elapsed = time.monotonic() - start
    return summary(latencies, elapsed) | {"commitments": 10_000} | watch.summary()


async def run(track_count: int, list_count: int, *, limiter: BaseRateLimiter[Any] | None) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        migrate(engine)
        tracker = Tracker(make_sessionmaker(engine))
        api = FakeBotApi()
        await api.start()
        settings = Settings(bot_token=TOKEN, api_base_url=api.base_url)
        app = build_application(settings, tracker, clock=lambda: NOW, rate_limiter=limiter)
        async with app:
            await app.post_init(app)  # type: ignore[misc]  # what run_polling does after initialize
            track = await bench_track(app, api, articles(track_count)) if track_count else None
            listing = await bench_list(app, api, tracker, list_count) if list_count else None
        await api.stop()
        engine.dispose()
    return track, listing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--track", type=int, default=1000)
    parser.add_argument("--lists", type=int, default=200)
    parser.add_argument(
        "--limited", type=int, default=100, help="/track updates via AIORateLimiter"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    track, listing = asyncio.run(run(args.track, args.lists, limiter=NoLimit()))
    limited, _ = asyncio.run(run(args.limited, 0, limiter=None)) if args.limited else (None, None)
    result = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "track_no_rate_limit": track,
        "track_with_aioratelimiter": limited,
        "list_10k": listing,
        "list_p95_target_ms": 100,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
