"""Ledger query timings with 10,000 commitments in one chat: Tracker.list (default page, status
filter, overdue filter), stats and export, on SQLite (file, WAL) and PostgreSQL if reachable.
Prints the figures and writes bench/results/ledger_list.json. Usage: python bench/ledger_list.py"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from scratch_db import scratch_url
from sqlalchemy.exc import OperationalError

from tracker.services import Tracker
from tracker.store.db import make_engine, make_sessionmaker, migrate

N = 10_000
CHAT = -100777
RESULTS = Path(__file__).resolve().parent / "results" / "ledger_list.json"
PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)
STATUSES = ["open", "in_progress", "stalled", "fulfilled", "not_fulfilled"]


def rows() -> list[dict[str, Any]]:
    """N commitments spread over ten years, a few with verdict history; plus another chat."""
    out = []
    for i in range(N):
        status = STATUSES[i % len(STATUSES)]
        row: dict[str, Any] = {
            "quote": f"Commitment number {i} will be kept.",
            "actors": [f"Actor {i % 37}"],
            "kind": ["promise", "plan", "agreement", "prediction"][i % 4],
            "due": (date(2020, 1, 1) + timedelta(days=(i * 7919) % 3650)).isoformat(),
        }
        if status != "open":
            row["status"] = status
        out.append(row)
    return out


def timed(call: Callable[[], object], *, repeat: int) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
        "max_ms": round(samples[-1], 2),
        "runs": repeat,
    }


def measure(tracker: Tracker) -> dict[str, Any]:
    start = time.perf_counter()
    tracker.import_rows(CHAT, rows(), by="bench", now=NOW)
    tracker.import_rows(CHAT + 1, rows()[:2000], by="bench", now=NOW)
    figures: dict[str, Any] = {"import_10k_s": round(time.perf_counter() - start, 2)}
    today = date(2026, 3, 15)
    figures["list_first_page"] = timed(lambda: tracker.list(CHAT), repeat=200)
    figures["list_page_100"] = timed(lambda: tracker.list(CHAT, offset=5000), repeat=100)
    figures["list_open_status"] = timed(lambda: tracker.list(CHAT, statuses=["open"]), repeat=200)
    figures["list_overdue"] = timed(lambda: tracker.list(CHAT, overdue_on=today), repeat=200)
    figures["stats_10k"] = timed(lambda: tracker.stats(CHAT, today=today), repeat=10)
    figures["export_10k"] = timed(lambda: tracker.export_rows(CHAT), repeat=3)
    return figures


def run_on(server: str | None) -> dict[str, Any]:
    """Time the queries on a scratch database: a SQLite file, or a schema on `server`."""
    with scratch_url(server) as url:
        engine = make_engine(url)
        migrate(engine)
        figures = measure(Tracker(make_sessionmaker(engine)))
        engine.dispose()
    return figures


def postgres_run() -> dict[str, Any] | str:
    try:
        return run_on(PG_URL)
    except OperationalError as err:  # no server: report what could not be measured, carry on
        return f"skipped: {type(err).__name__}"


def main() -> int:
    results = {"commitments": N, "sqlite_file": run_on(None), "postgresql": postgres_run()}
    print(json.dumps(results, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
