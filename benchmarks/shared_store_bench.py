"""Live updates on one PostgreSQL: how soon a referral set in console A is heard by the other consoles.

A private PostgreSQL cluster (tests/helpers/postgres.py), the store migrated, a directory of people. N
consoles listen (`directory.store.listener.ChangeListener`, each with its own connection, as the window
does); console A sets referrals one after another through the store (`ReferralLog.set`, the path the window
and `switchboard referral set` take, its change-set sent by `pg_notify` at commit). For every change and
every listener: from the start of the write (its commit is inside it) to arrival, p50/p95/max. Target from
the issue: p95 under 100 ms on loopback with 20 consoles listening.

Baseline, in the same run: the 30-second look the consoles used before live updates (and still use on
SQLite). A change waits for the next look (the looks' phase against the changes is random) and then for
the look's read of every referral in force, which is timed here for real on the same database once per
change; the wait is that phase plus the measured read, per change and console.

Run: `python -m benchmarks.shared_store_bench [--changes 1000] [--consoles 20]` from the repository root.
Prints figures; no assertions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from directory.model import Entry, EntryKind, Referral  # noqa: E402
from directory.store import DirectoryRepository, Store  # noqa: E402
from directory.store.audit import Actor, ReferralLog  # noqa: E402
from directory.store.listener import ChangeListener  # noqa: E402
from directory.store.notify import SharedChanges  # noqa: E402
from tests.helpers.postgres import create_database, postgres_server  # noqa: E402

ORGANISATION = "Region Bench"
LOOK_EVERY_S = 30.0
PEOPLE = 500


class Ear:
    """One console's listener: when each referral change (by entry id and round) arrived."""

    def __init__(self, url: str) -> None:
        self.heard: dict[int, float] = {}  # round -> perf_counter at arrival
        self.round_of: dict[int, int] = {}  # entry id -> the round that changed it last
        self._lock = threading.Lock()
        self.listener = ChangeListener(url, ORGANISATION, self._on_change)

    def _on_change(self, change_set: SharedChanges) -> None:
        at = time.perf_counter()
        with self._lock:
            for change in change_set.changes:
                round_ = self.round_of.get(change.entry_id or -1)
                if change.kind == "referral" and round_ is not None and round_ not in self.heard:
                    self.heard[round_] = at


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(changes: int, consoles: int) -> None:
    with postgres_server() as base:
        url = create_database(base, "bench")
        a = Store.open(url, ORGANISATION)
        reader = Store(url, ORGANISATION)
        directory = DirectoryRepository(a)
        directory.replace_source("bench", [Entry("bench", str(i), EntryKind.PERSON, f"Person {i}")
                                           for i in range(PEOPLE)])
        ids = [directory.find_id("bench", str(i)) or 0 for i in range(PEOPLE)]
        ears = [Ear(url) for _ in range(consoles)]
        for ear in ears:
            ear.listener.start()
        for ear in ears:
            if not ear.listener.listening.wait(10):
                raise SystemExit("a listener did not connect within 10 s")
        log, actor = ReferralLog(a), Actor("bench")
        committed: dict[int, float] = {}
        looks: list[float] = []
        rng = random.Random(15)
        try:
            for round_ in range(changes):
                entry_id = ids[round_ % PEOPLE]
                for ear in ears:
                    with ear._lock:
                        ear.round_of[entry_id] = round_
                now = datetime.now(UTC)
                committed[round_] = time.perf_counter()  # before the write: its commit happens inside set()
                log.set(Referral(entry_id, rng.choice(("lunch", "meeting", "course")), until=now + timedelta(hours=1)),
                        actor, now)
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and not all(round_ in ear.heard for ear in ears):
                    time.sleep(0.0005)
                started = time.perf_counter()
                ReferralLog(reader).everyone_in_force(datetime.now(UTC))  # the look's read, for the baseline
                looks.append(time.perf_counter() - started)
        finally:
            for ear in ears:
                ear.listener.stop()
            a.dispose()
            reader.dispose()

    delays = [(ear.heard[r] - committed[r]) * 1000 for ear in ears for r in committed if r in ear.heard]
    lost = changes * consoles - len(delays)
    phase = random.Random(30)
    baseline = [(phase.uniform(0, LOOK_EVERY_S) + looks[r]) * 1000 for r in committed for _ in range(consoles)]
    p50, p95 = percentile(delays, 0.50), percentile(delays, 0.95)
    b50, b95 = percentile(baseline, 0.50), percentile(baseline, 0.95)
    print(f"{changes} referral changes, {consoles} consoles listening (PostgreSQL LISTEN/NOTIFY):")
    print(f"  write started -> heard: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(delays):.1f} ms, "
          f"mean {statistics.fmean(delays):.1f} ms; not heard within 5 s: {lost}")
    print(f"  baseline, the {LOOK_EVERY_S:.0f}-second look (its read measured: median "
          f"{statistics.median(looks) * 1000:.1f} ms): p50 {b50:.0f} ms, p95 {b95:.0f} ms")
    print(f"  ratio baseline/live: p50 {b50 / p50:.0f}x, p95 {b95 / p95:.0f}x; target p95 under 100 ms: "
          f"{'met' if p95 < 100 else 'not met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--consoles", type=int, default=20)
    args = parser.parse_args()
    run(args.changes, args.consoles)


if __name__ == "__main__":
    main()
