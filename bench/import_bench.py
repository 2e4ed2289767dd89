"""Import and export of a 100,000-row ledger on SQLite: seconds, how long the import holds
the write lock (its longest write transaction), and peak RSS, each command in its own
process. Rows: 1,000 sources of about 3 KB, two in five rows with a verdict history.
Writes bench/results/import_bench.json.

Usage: python bench/import_bench.py [--rows N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "import_bench.json"
SOURCES = 1_000


def make_rows(count: int) -> Any:
    """Export-shaped rows: distinct spans of shared sources."""
    text = "The city will build a new bridge by 2027, the mayor said on Monday. " * 4
    for n in range(count):
        src = n % SOURCES
        verdicts = []
        if n % 5 < 2:
            verdicts = [{"status": "in_progress", "at": "2026-02-01T10:00:00+00:00",
                         "by": "tg:1", "evidence_url": None, "note": None}]  # fmt: skip
        yield {
            "kind": "plan", "actors": ["City"], "action": "build a new bridge",
            "quote": "The city will build a new bridge by 2027",
            "span_start": n // SOURCES, "span_end": n // SOURCES + 40,
            "deadline": "2027-12-31", "deadline_text": "by 2027", "deadline_value": "2027",
            "due": "2027-12-31", "due_basis": "deadline",
            "status": verdicts[-1]["status"] if verdicts else "open",
            "created_by": "tg:1", "created_at": "2026-01-01T09:00:00+00:00",
            "source_url": f"https://example.org/{src}", "source_title": f"Story {src}",
            "source_publisher": None, "source_published": "2026-01-01",
            "source_published_basis": "given", "source_text": f"{src}. {text}",
            "verdicts": verdicts, "due_changes": [],
        }  # fmt: skip


def child(command: list[str]) -> None:
    """Run one `tracker` command here, timing it and its longest write transaction."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from tracker.cli import cli

    opened: list[float] = []
    longest = [0.0]

    @event.listens_for(Engine, "begin")
    def _begin(_conn: Any) -> None:
        opened.append(time.perf_counter())

    def _end(_conn: Any) -> None:
        if opened:
            longest[0] = max(longest[0], time.perf_counter() - opened.pop())

    event.listen(Engine, "commit", _end)
    event.listen(Engine, "rollback", _end)
    start = time.perf_counter()
    try:
        cli.main(command, standalone_mode=False)
    finally:
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {"seconds": seconds, "lock_seconds": longest[0], "peak_rss_mb": peak_mb}
        print(json.dumps(figures), file=sys.stderr)


def run(command: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *command], capture_output=True, text=True, check=True
    )
    return {k: round(v, 2) for k, v in json.loads(done.stderr.strip().splitlines()[-1]).items()}


def main(argv: list[str] | None = None) -> int:
    """Write the rows, import them, export them, and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args, rest = parser.parse_known_args(argv)
    if rest[:1] == ["--child"]:
        child(rest[1:])
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data, db = Path(tmp) / "rows.json", f"sqlite:///{tmp}/ledger.db"
        from tracker.ledger_io import write_json

        with data.open("w", encoding="utf-8") as out:
            write_json(make_rows(args.rows), out)
        imported = run(["--db", db, "import", str(data)])
        exported = run(["--db", db, "export", "-o", str(Path(tmp) / "out.json")])
        again = run(["--db", db, "import", str(data)])
        result = {
            "rows": args.rows,
            "file_mb": round(data.stat().st_size / 1e6, 1),
            "import_seconds": imported["seconds"],
            "import_write_lock_seconds": imported["lock_seconds"],
            "import_peak_rss_mb": imported["peak_rss_mb"],
            "reimport_seconds": again["seconds"],
            "export_seconds": exported["seconds"],
            "export_peak_rss_mb": exported["peak_rss_mb"],
        }
    print(json.dumps(result, indent=1))
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
