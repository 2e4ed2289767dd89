"""Fairness under a burst: 200 `/track` updates (BBC articles) from one chat go into the
running Application's update queue at once, as polling delivers them, and a `/start` from
another chat follows at 0.5, 2, 5 and 10 s into the burst. Reports how long each `/start`
waited for its reply (update queued → reply received by the fake Bot API) and how long the
burst took. The flood budget is unpaced here (as in bot_bench.py), to measure the bot itself.
Writes bench/results/burst_bench.json.
Usage: python bench/burst_bench.py [--track N]"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `bot`, `tracker` and `tests` importable

from telegram import Update  # noqa: E402

from bench.bot_bench import NOW, articles  # noqa: E402
from bench.scratch_db import scratch_url  # noqa: E402
from bot.app import build_application  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.e2e import updates as u  # noqa: E402
from tests.e2e.fake_bot_api import TOKEN, FakeBotApi  # noqa: E402
from tests.e2e.test_webhook import wait_for  # noqa: E402
from tracker.flood import UNPACED  # noqa: E402
from tracker.services import Tracker  # noqa: E402
from tracker.store.db import make_engine, make_sessionmaker, migrate  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "burst_bench.json"
PROBES = (0.5, 2.0, 5.0, 10.0)


async def main(track: int) -> dict[str, Any]:
    texts = articles(track)
    api = FakeBotApi()
    await api.start()
    with scratch_url(None) as url:
        engine = make_engine(url)
        migrate(engine)
        tracker = Tracker(make_sessionmaker(engine))
        settings = Settings(bot_token=TOKEN, api_base_url=api.base_url)
        app = build_application(settings, tracker, clock=lambda: NOW, limits=UNPACED)
        async with app:
            await app.start()  # the update queue and its processor, as run_polling starts them
            await app.post_init(app)  # type: ignore[misc]
            started = time.monotonic()
            for text in texts:
                await app.update_queue.put(Update.de_json(u.message(f"/track {text}"), app.bot))
            waits = []
            for probe in PROBES:
                await asyncio.sleep(max(started + probe - time.monotonic(), 0))
                before = len(api.sent(chat_id=u.BOB))
                queued = time.monotonic()
                await app.update_queue.put(Update.de_json(u.message("/start", chat_id=u.BOB),
                                                          app.bot))  # fmt: skip
                await wait_for(lambda b=before: len(api.sent(chat_id=u.BOB)) > b, timeout=120)
                waits.append(round(api.sent(chat_id=u.BOB)[-1].at - queued, 3))
            await wait_for(lambda: len(api.sent(chat_id=u.ALICE)) >= track, timeout=600)
            burst = api.sent(chat_id=u.ALICE)[-1].at - started
            await app.stop()
        engine.dispose()
    await api.stop()
    return {
        "track_updates": track,
        "start_probes_at_s": list(PROBES),
        "start_reply_seconds": waits,
        "start_reply_max_s": max(waits),
        "burst_seconds": round(burst, 1),
        "python": platform.python_version(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--track", type=int, default=200)
    args = parser.parse_args()
    figures = asyncio.run(main(args.track))
    print(json.dumps(figures, indent=2))
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
