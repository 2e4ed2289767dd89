"""Start-up time of the `tracker` command: median wall time of N fresh `--help` processes.

Usage: python bench/cli_startup.py [N]   (default 15). Writes bench/results/cli_startup.json.
Needs no data set, so it never skips.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGET_S = 0.5


def time_once(argv: list[str]) -> float:
    """Wall seconds for one fresh process; it must succeed."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(argv: list[str], runs: int) -> dict[str, float]:
    """Median, min and max of `runs` fresh processes after one warm-up (disk cache, .pyc)."""
    time_once(argv)
    samples = [time_once(argv) for _ in range(runs)]
    return {
        "median_s": round(statistics.median(samples), 4),
        "min_s": round(min(samples), 4),
        "max_s": round(max(samples), 4),
    }


def main() -> None:
    """Time the bare interpreter, `python -m tracker.cli --help` and the console script."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    commands = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "python -m tracker.cli --help": [sys.executable, "-m", "tracker.cli", "--help"],
        "python -m tracker --help": [sys.executable, "-m", "tracker", "--help"],
    }
    script = shutil.which("tracker") or str(Path(sys.executable).with_name("tracker"))
    if Path(script).exists():
        commands["tracker --help"] = [script, "--help"]
    results = {name: measure(argv, runs) for name, argv in commands.items()}
    for name, figures in results.items():
        print(
            f"{name:<32} median {figures['median_s'] * 1000:7.1f} ms  "
            f"(min {figures['min_s'] * 1000:.1f}, max {figures['max_s'] * 1000:.1f}, n={runs})"
        )
    worst = max(f["median_s"] for n, f in results.items() if "baseline" not in n)
    print(
        f"slowest median {worst * 1000:.1f} ms; budget {BUDGET_S * 1000:.0f} ms: "
        f"{'OK' if worst <= BUDGET_S else 'OVER BUDGET'}"
    )
    out = HERE / "results" / "cli_startup.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "runs": runs,
        "budget_s": BUDGET_S,
        "within_budget": worst <= BUDGET_S,
        "python": sys.version.split()[0],
        "results": results,
    }
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
