"""How long the GUI event loop stalls while a full LDAP sync runs the way the console runs it.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.sync_stall_bench                   # 100,000 entries
    QT_QPA_PLATFORM=offscreen python -m benchmarks.sync_stall_bench --entries 20000
    QT_QPA_PLATFORM=offscreen python -m benchmarks.sync_stall_bench --url ldap://127.0.0.1:PORT

Loads the demo directory into a private slapd (as benchmarks.ldap_sync_bench does; or uses a
running server with the bench's entries, ``--url``), then under a qasync loop on a QApplication,
the console's own `SyncScheduler` and `TaskRunner` run a full sync into a fresh SQLite store while
a 5 ms QTimer records the gaps between its ticks. The same loop with no sync running is the
baseline, measured in the same run. ``--in-process`` also measures the sync with its download in
the console's process (how it ran before the worker process). Prints the figures; no assertions
(target: no stall over 50 ms while a sync runs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import app.lookup.sync_scheduler as scheduler_module
from app.lookup.sync_scheduler import SyncScheduler
from app.tasks import TaskRunner
from benchmarks.ldap_sync_bench import _settings, entries_ldif
from directory.demo import generate
from directory.store import Store, sqlite_url
from directory.sync import sync_source
from tests.helpers.slapd import Slapd

TICK_MS = 5
# The name app.lookup.sync_scheduler calls; --in-process swaps it for the in-process download.
_PATCHED = "sync_source"
BASELINE_S = 3.0


class GapRecorder:
    """A QTimer ticking every TICK_MS; the gaps between ticks beyond the interval are the stalls."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def figures(self) -> str:
        gaps = sorted(self.gaps) or [0.0]
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        over = sum(1 for g in gaps if g > 50)
        return f"longest gap {gaps[-1]:6.1f} ms, p99 {p99:5.1f} ms, {over} gaps > 50 ms, {len(gaps)} ticks"


async def _baseline(recorder: GapRecorder) -> str:
    recorder.start()
    await asyncio.sleep(BASELINE_S)
    recorder.stop()
    return recorder.figures()


async def _during_sync(recorder: GapRecorder, url: str, db: Path) -> tuple[str, float, str]:
    store = Store.open(sqlite_url(db))
    tasks = TaskRunner()
    scheduler = SyncScheduler(store, [_settings(url)], tasks)
    done = asyncio.get_running_loop().create_future()

    def finish(outcome: str) -> None:
        if not done.done():
            done.set_result(outcome)

    scheduler.sync_finished.connect(lambda summary: finish(f"added {summary.added}"))
    scheduler.sync_failed.connect(lambda _name, reason, _delay: finish(f"FAILED: {reason}"))
    recorder.start()
    started = time.perf_counter()
    scheduler.sync_now(full=True)
    outcome = await done
    elapsed = time.perf_counter() - started
    recorder.stop()
    scheduler.stop()
    tasks.shutdown()
    store.dispose()
    return recorder.figures(), elapsed, outcome


def _measure(url: str, root: Path, in_process: bool) -> list[tuple[str, str]]:
    application = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    recorder = GapRecorder()
    rows: list[tuple[str, str]] = []
    original: Callable[..., Any] = getattr(scheduler_module, _PATCHED)
    try:
        with loop:
            rows.append(("event loop, no sync (baseline)", loop.run_until_complete(_baseline(recorder))))
            variants = [("full sync, download in the two worker processes", False)]
            if in_process:
                variants.append(("full sync, download in the GUI process", True))
            for index, (label, inline) in enumerate(variants):
                setattr(scheduler_module, _PATCHED,
                        (lambda *a, **k: sync_source(*a, in_process=True, **k)) if inline else original)
                figures, elapsed, outcome = loop.run_until_complete(
                    _during_sync(recorder, url, root / f"store{index}.db"))
                rows.append((f"{label} ({elapsed:.1f} s, {outcome})", figures))
            rows.append(("event loop, no sync (baseline again)", loop.run_until_complete(_baseline(recorder))))
    finally:
        setattr(scheduler_module, _PATCHED, original)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--url", help="use this running slapd (loaded with the bench's entries)")
    parser.add_argument("--in-process", action="store_true", help="also measure the download in the GUI process")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sync-stall-bench-") as tmp:
        root = Path(tmp)
        slapd: Slapd | None = None
        url = args.url
        if url is None:
            n = args.entries
            entries = generate(people=max(0, n - 150), units=min(150, n)).entries[:n]
            slapd = Slapd(root / "slapd")
            slapd.load(entries_ldif(entries))
            del entries
            slapd.start()
            url = slapd.url
        try:
            rows = _measure(url, root, args.in_process)
        finally:
            if slapd is not None:
                slapd.stop()
    load = os.getloadavg()
    print(f"\nGUI event loop ({TICK_MS} ms QTimer) while SyncScheduler runs a full sync; load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for label, figures in rows:
        print(f"  {label:<72} {figures}")
    print("  target: no stall over 50 ms while a sync runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
