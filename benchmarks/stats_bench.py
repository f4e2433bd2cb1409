"""Call measurement on a year of a large exchange: 1,000,000 call-log rows, SQLite and PostgreSQL.

For each backend: the rows are generated (deterministic, ~114 calls an hour, 5 services, 6 consoles,
answered / transferred / abandoned / rejected with waits up to a few minutes), the hourly aggregates are
rolled up once (timed), then two reports are timed as the CLI and the window run them
(`directory.stats.report.measure`, rollup of the last hours included):

- a month by hour (744 rows), and
- a year by service.

In the same run, the same figures are computed the plain way: the period's call-log rows loaded into
Python (one SELECT) and tallied there. Every figure of both ways is compared (waits count in the same
fixed buckets both ways, see directory/store/stats_tables.py). Target from the issue: under 300 ms per
query. The reports read the per-service aggregates: a month by hour its 744 hours a service, a year by
service its whole UTC days and the hours around them.

Run: `python -m benchmarks.stats_bench [--rows 1000000] [--backend sqlite|postgresql|both]` from the
repository root. PostgreSQL is a private cluster (tests/helpers/postgres.py).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from directory.stats.figures import Figures, figures  # noqa: E402
from directory.stats.report import measure  # noqa: E402
from directory.stats.rollup import rollup  # noqa: E402
from directory.stats.tally import CallFacts, Tally  # noqa: E402
from directory.store import Store, sqlite_url  # noqa: E402
from directory.store.schema import CallLogRow  # noqa: E402

ZONE = ZoneInfo("Europe/Stockholm")
YEAR_START = datetime(2025, 1, 1, tzinfo=ZONE)
SERVICES = ("019-602 10 00", "019-602 20 00", "019-602 30 00", "019-602 40 00", "019-602 50 00")
CONSOLES = tuple(f"reception-{n}" for n in range(1, 7))
T = TypeVar("T")


def generate(store: Store, rows: int, seed: int = 16) -> None:
    """`rows` calls spread over 2025 (more by day than by night), in batches of 20,000."""
    rng = random.Random(seed)
    seconds = 365 * 86400
    batch: list[dict[str, Any]] = []
    with store.engine.begin() as connection:
        for _ in range(rows):
            at = YEAR_START.astimezone(UTC) + timedelta(seconds=rng.randrange(seconds))
            if at.astimezone(ZONE).hour < 7 and rng.random() < 0.8:  # fewer calls at night
                at += timedelta(hours=8)
            outcome = rng.choices(("handled", "transferred", "abandoned", "rejected"), (45, 40, 12, 3))[0]
            wait = round(rng.expovariate(1 / 18), 1)
            answered = at + timedelta(seconds=wait) if outcome in ("handled", "transferred") else None
            batch.append({"direction": "in", "remote_number": "", "remote_name": "",
                          "dialled_number": rng.choice(SERVICES), "offered_at": at, "answered_at": answered,
                          "ended_at": at + timedelta(minutes=2), "outcome": outcome, "waiting_s": wait,
                          "time_to_connect_s": round(rng.uniform(5, 240), 1) if answered else None,
                          "recalled": rng.random() < 0.02, "console": rng.choice(CONSOLES)})
            if len(batch) == 20_000:
                connection.execute(insert(CallLogRow), batch)
                batch = []
        if batch:
            connection.execute(insert(CallLogRow), batch)


def timed(fn: Callable[[], T], repeat: int = 3) -> tuple[T, float]:
    """The result and the median of `repeat` runs, in milliseconds."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)  # type: ignore[return-value]


def plain_python(store: Store, start: datetime, end: datetime, by: str) -> dict[str, Figures]:
    """The same figures from the raw rows: one SELECT of the period, tallied in Python."""
    c = CallLogRow.__table__.c
    query = select(c.offered_at, c.direction, c.answered_at, c.outcome, c.waiting_s, c.time_to_connect_s,
                   c.recalled, c.dialled_number, c.console).where(c.offered_at >= start, c.offered_at < end)
    tallies: dict[str, Tally] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            offered, direction, answered, outcome, wait, connect, recalled, dialled, console = row
            call = CallFacts(offered_at=offered, incoming=direction == "in", answered=answered is not None,
                             outcome=outcome, waiting_s=wait, time_to_connect_s=connect, recalled=bool(recalled),
                             service=dialled, console=console)
            key = (offered.astimezone(ZONE).strftime("%Y-%m-%d %H:00") if by == "hour" else dialled)
            tallies.setdefault(key, Tally()).add(call)
    return {key: figures(tally) for key, tally in tallies.items()}


def _differences(ours: Figures, plain: Figures) -> list[str]:
    """The figures that differ; means compared to 1e-9 (sums added in another order differ in the last bits)."""
    def same(a: object, b: object) -> bool:
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
        if isinstance(a, float) and isinstance(b, float):
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
        return a == b

    theirs = asdict(plain)
    return [name for name, value in asdict(ours).items() if not same(value, theirs[name])]


def run(store: Store, label: str, rows: int) -> None:
    started = time.perf_counter()
    generate(store, rows)
    print(f"{label}: {rows:,} rows generated in {time.perf_counter() - started:.1f} s")
    now = YEAR_START + timedelta(days=366)
    _, first = timed(lambda: rollup(store, now), repeat=1)
    print(f"{label}: first rollup (every row into hourly aggregates) {first / 1000:.1f} s")
    cases = (("a month by hour", datetime(2025, 3, 1, tzinfo=ZONE), datetime(2025, 4, 1, tzinfo=ZONE), "hour"),
             ("a year by service", YEAR_START, YEAR_START.replace(year=2026), "service"))
    for name, start, end, by in cases:
        report, query_ms = timed(partial(measure, store, start, end, by=by, zone=ZONE, now=now))
        plain, plain_ms = timed(partial(plain_python, store, start, end, by), repeat=1)
        wrong = sorted({f"{row.label}: {figure}" for row in report.rows
                        for figure in _differences(row.figures, plain.get(row.label, figures(Tally())))})
        print(f"{label}: {name}: {len(report.rows)} rows, {report.total.offered:,} calls; aggregates "
              f"{query_ms:.0f} ms (target < 300) vs rows into Python {plain_ms:.0f} ms "
              f"({plain_ms / max(query_ms, 0.001):.0f}x); same figures: "
              f"{'NO, ' + ', '.join(wrong[:5]) if wrong else 'yes'}")


@contextmanager
def sqlite_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory(prefix="stats-bench-") as folder:
        store = Store.open(sqlite_url(Path(folder) / "store.sqlite3"))
        try:
            yield store
        finally:
            store.dispose()


@contextmanager
def postgres_store() -> Iterator[Store]:
    from tests.helpers.postgres import create_database, postgres_server  # noqa: PLC0415 - only when asked for

    with postgres_server() as base_url:
        store = Store.open(create_database(base_url, "stats_bench"))
        try:
            yield store
        finally:
            store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with sqlite_store() as store:
            run(store, "SQLite", args.rows)
    if args.backend in ("postgresql", "both"):
        with postgres_store() as store:
            run(store, "PostgreSQL", args.rows)


if __name__ == "__main__":
    main()
