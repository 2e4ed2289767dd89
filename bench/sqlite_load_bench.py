"""SQLite under load: a 100,000-row `tracker import` (a real process) beside a running bot
(`python -m bot run`, long polling the fake Bot API) and cron `tracker-bot dispatch` runs, all
on one SQLite file. Users send /add, /list and /start from 20 chats at about 4 updates/s all
along. Reports the bot's reply latency (update queued → reply received by the fake server),
apologies, writes lost ("Added" replies without their commitment stored), dispatch runs with a
traceback or a non-zero exit, the import's duration and peak RSS. Whatever import the tree
has is measured. Writes bench/results/sqlite_load_bench.json.
Usage: python bench/sqlite_load_bench.py [--rows N]"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from bot.errors import APOLOGY  # noqa: E402
from tests.e2e import updates as u  # noqa: E402
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402
from tests.e2e.flood_api import seed_due_digests  # noqa: E402
from tests.e2e.test_webhook import wait_for  # noqa: E402
from tracker.services import Tracker  # noqa: E402
from tracker.store.db import make_engine, make_sessionmaker  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "sqlite_load_bench.json"
CHATS = [900_000 + i for i in range(20)]
IMPORT_LEDGER = 777
Sent = list[tuple[int, str, float]]  # (chat, text, when queued)


def import_file(path: Path, rows: int) -> None:
    """`rows` commitments as a JSON export would hold them."""
    day = datetime.now(UTC).date() + timedelta(days=30)
    data = [{"quote": f"The council will repair road {i} by next spring.", "actors": ["Council"],
             "kind": "promise", "due": (day + timedelta(days=i % 300)).isoformat()}
            for i in range(rows)]  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")


def run_import(command: list[str], env: dict[str, str], out: dict[str, Any]) -> None:
    """Run the import and keep its duration, exit status and peak RSS (wait4)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    assert process.stdout is not None and process.stderr is not None
    out["seconds"] = round(time.monotonic() - started, 1)
    out["exit"] = os.waitstatus_to_exitcode(status)
    out["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    out["stdout"] = process.stdout.read().decode().strip()[-300:]
    out["traceback"] = b"Traceback" in process.stderr.read()


async def users(
    api: FakeBotApi, stop: threading.Event, sent: list[tuple[int, str, float]]
) -> None:
    """Queue one update every 0.25 s, round-robin over the chats and three commands."""
    n = 0
    while not stop.is_set():
        chat = CHATS[n % len(CHATS)]
        text = ("/add The mayor will open bridge {n} by June 2027", "/list", "/start")[n % 3]
        api.queue_update(u.message(text.format(n=n), chat_id=chat))
        sent.append((chat, text.format(n=n), time.monotonic()))
        n += 1
        await asyncio.sleep(0.25)


def latencies(api: FakeBotApi, sent: Sent) -> list[float]:
    """Per update: seconds to the first reply in its chat after it was queued (inf: none)."""
    replies: dict[int, list[float]] = {}
    for call in api.sent():
        replies.setdefault(int(call.params["chat_id"]), []).append(call.at)
    found, used = [], {c: 0 for c in CHATS}
    for chat, _, at in sent:  # each chat's updates are answered in order
        times = replies.get(chat, [])
        i = used[chat]
        while i < len(times) and times[i] < at:
            i += 1
        found.append(times[i] - at if i < len(times) else float("inf"))
        used[chat] = i + 1
    return found


async def main(rows: int) -> dict[str, Any]:
    api = FakeBotApi()
    await api.start()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.db"
        seed_due_digests(url, [800_000 + i for i in range(60)])
        import_file(Path(tmp) / "big.json", rows)
        env = os.environ | {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                            "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}  # fmt: skip
        pipe, bot_cli = asyncio.subprocess.PIPE, [sys.executable, "-m", "bot"]
        no_env = ["--env-file", f"{tmp}/none.env"]
        bot = await asyncio.create_subprocess_exec(
            *bot_cli, "run", *no_env, env=env, cwd=tmp, stdout=pipe, stderr=pipe
        )
        await wait_for(lambda: api.sent("getUpdates"), timeout=60)
        stop, sent, imported, dispatches = threading.Event(), [], {}, []  # type: ignore[var-annotated]
        load = asyncio.create_task(users(api, stop, sent))
        await asyncio.sleep(3)  # the bot warmed up; now the import and the cron runs
        tracker_cli = [sys.executable, "-m", "tracker", "--db", url, "--ledger",
                       str(IMPORT_LEDGER), "import", f"{tmp}/big.json"]  # fmt: skip
        importer = threading.Thread(target=run_import, args=(tracker_cli, env, imported))
        importer.start()
        while importer.is_alive() or len(dispatches) < 3:
            cron = await asyncio.create_subprocess_exec(
                *bot_cli, "dispatch", *no_env, env=env, cwd=tmp, stdout=pipe, stderr=pipe
            )
            out, err = await cron.communicate()
            dispatches.append({"exit": cron.returncode, "traceback": b"Traceback" in err,
                               "out": out.decode().strip()})  # fmt: skip
            await asyncio.sleep(1)
        importer.join()
        await asyncio.sleep(3)  # the last updates are answered
        stop.set()
        await load
        await asyncio.sleep(3)
        bot.terminate()
        _, bot_err = await bot.communicate()
        tracker = Tracker(make_sessionmaker(make_engine(url)))
        stored = sum(tracker.list(chat, limit=1).total for chat in CHATS)
        imported_count = tracker.list(IMPORT_LEDGER, limit=1).total
        tracker.dispose()
    await api.stop()
    waits = sorted(latencies(api, sent))
    confirmed = sum(t.startswith("Added:") for t in api.texts())
    return {
        "rows": rows,
        "import": imported | {"stored": imported_count},
        "bot_updates": len(sent),
        "bot_unanswered": sum(w == float("inf") for w in waits),
        "bot_reply_p50_s": round(waits[len(waits) // 2], 2),
        "bot_reply_p95_s": round(waits[int(len(waits) * 0.95)], 2),
        "bot_reply_max_s": round(waits[-1], 2),
        "bot_replies_over_2s": sum(w > 2 for w in waits),
        "apologies": sum(APOLOGY in t for t in api.texts()),
        "busy_replies": sum("busy" in t for t in api.texts()),
        "adds_sent": sum(text.startswith("/add") for _, text, _ in sent),
        "adds_confirmed": confirmed,
        "lost_writes": confirmed - stored,  # confirmed to the user, yet not in the ledger
        "bot_tracebacks": bot_err.count(b"Traceback"),
        "lock_waits_logged": bot_err.count(b"database locked by another writer"),
        "dispatch_runs": len(dispatches),
        "dispatch_tracebacks": sum(d["traceback"] for d in dispatches),
        "dispatch_exit_codes": [d["exit"] for d in dispatches],
        "dispatch_outputs": [d["out"] for d in dispatches],
        "python": platform.python_version(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    figures = asyncio.run(main(args.rows))
    print(json.dumps(figures, indent=2))
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
