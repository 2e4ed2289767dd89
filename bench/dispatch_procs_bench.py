"""N `tracker-bot dispatch` processes at once on one database, one bot token: a digest slot of
240 chats (a fifth of them groups) sent through the fake Bot API enforcing Telegram's limits
(30/s overall, 1/s per chat, 20/min per group; tests/e2e/flood_api.py). Each process is a real
`python -m bot dispatch`, pacing itself through the flood budget the database shares. Reports
429s, duplicates, losses, send slots dropped stale (tracker.services.dispatch) and the combined
rate (messages over the span from the first send to the last) for each process count, with the
load average before each run. Writes bench/results/dispatch_procs_bench.json.
Usage: python bench/dispatch_procs_bench.py [--chats N] [--procs 1 2 3] [--database-url URL]"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from bench.scratch_db import scratch_url  # noqa: E402
from tests.e2e.fake_bot_api import TOKEN  # noqa: E402
from tests.e2e.flood_api import FloodControlledApi, seed_due_digests  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "dispatch_procs_bench.json"
PG = "postgresql://postgres@127.0.0.1:5432/test"


def chat_ids(chats: int) -> list[int]:
    return [(-1_000_000_000_000 - i) if i % 5 == 0 else 10_000 + i for i in range(chats)]


async def run(url: str, chats: int, procs: int) -> dict[str, Any]:
    seed_due_digests(url, chat_ids(chats))
    load = os.getloadavg()[0]
    api = FloodControlledApi()
    await api.start()
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                            "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}  # fmt: skip
        started = time.monotonic()
        command = [sys.executable, "-m", "bot", "dispatch", "--env-file", f"{tmp}/none.env"]
        pipe = asyncio.subprocess.PIPE
        workers = [
            await asyncio.create_subprocess_exec(
                *command, env=env, cwd=tmp, stdout=pipe, stderr=pipe
            )
            for _ in range(procs)
        ]
        outputs = [await w.communicate() for w in workers]
        wall = time.monotonic() - started
    await api.stop()
    sends = api.sent("sendMessage")
    received = Counter(int(c.params["chat_id"]) for c in sends)
    span = sends[-1].at - sends[0].at if len(sends) > 1 else float("nan")
    return {
        "processes": procs,
        "load_average_1min": round(load, 2),
        "chats": chats,
        "messages": len(sends),
        "http_429": api.too_many,
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "lost": chats - len(received),
        "send_span_seconds": round(span, 2),
        "combined_messages_per_second": round((len(sends) - 1) / span, 1),
        "wall_seconds": round(wall, 1),
        "tracebacks": sum(b"Traceback" in err for _, err in outputs),
        "stale_slots": sum(err.count(b"went stale") for _, err in outputs),
        "exit_codes": [w.returncode for w in workers],
        "per_process": [out.decode().strip() for out, _ in outputs],
    }


async def main(chats: int, procs: list[int], server: str) -> dict[str, Any]:
    figures: dict[str, Any] = {"database": "postgresql", "python": platform.python_version()}
    for count in procs:
        with scratch_url(server) as url:
            figures[f"{count}_processes"] = await run(url, chats, count)
        print(json.dumps(figures[f"{count}_processes"], indent=2), flush=True)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=240)
    parser.add_argument("--procs", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--database-url", default=PG, help=f"a PostgreSQL server (default {PG})")
    args = parser.parse_args()
    result = asyncio.run(main(args.chats, args.procs, args.database_url))
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
