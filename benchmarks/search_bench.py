"""Per-keystroke search latency at directory scale, against the two things consoles usually do instead.

    python -m benchmarks.search_bench                   # 200,000 people, all three engines
    python -m benchmarks.search_bench --entries 20000 --skip-ldap
    python benchmarks/search_bench.py --entries 1000000 --skip-ldap --skip-sql   # a national catalogue

Builds the demo directory, replays realistic typing (every query typed one character at a time: full
names, partial names with typos, "anna kard"-style name + unit, numbers in several spellings, unit
names, names typed without their diacritics) and reports per-keystroke p50/p95/p99, index build time and
memory. In the same run and on the same entries it measures, for a sample of the same keystrokes:
an SQL ``LIKE '%...%'`` query per keystroke on the SQLite store (directory.store), and one LDAP search
per keystroke against a private slapd loaded with ``slapadd -q``. Prints the ratios. No assertions:
the targets (p99 <= 5 ms, build <= 15 s, memory <= 200 MB at 200,000 entries) are read, not enforced.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # also run as a script: python benchmarks/search_bench.py

from benchmarks.search_baselines import LdapBaseline, SqlBaseline  # noqa: E402
from directory import collector  # noqa: E402
from directory.demo import iter_entries  # noqa: E402
from directory.model import Entry, EntryKind  # noqa: E402
from directory.search import SearchIndex  # noqa: E402
from directory.search.folding import words  # noqa: E402

TYPO_EDITS = ("swap", "drop", "double")


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    edit = rng.choice(TYPO_EDITS)
    if edit == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if edit == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def workload(entries: Sequence[Entry], seed: int) -> list[tuple[str, str]]:
    """(category, full query) pairs; each is replayed one keystroke at a time."""
    rng = random.Random(seed)
    people = [e for e in entries if e.kind is EntryKind.PERSON and e.given_name and e.surname]
    functions = [e for e in entries if e.kind is EntryKind.FUNCTION]
    plain = str.maketrans("åäöøæéÅÄÖØÆ", "aaooaeAAOOA")
    queries: list[tuple[str, str]] = []
    for e in rng.sample(people, 20):
        queries.append(("name", f"{e.given_name} {e.surname}".lower()))
    for e in rng.sample(people, 8):
        queries.append(("typo", f"{e.given_name.lower()} {_typo(e.surname.lower(), rng)}"[:-2]))
    for e in rng.sample(people, 8):
        unit_words = [w for w in words(e.unit) if len(w) >= 5] or [e.unit or "x"]
        queries.append(("name+unit", f"{e.given_name.lower()} {rng.choice(unit_words)[:4].lower()}"))
    for e in rng.sample([p for p in people if not p.display_name.isascii()], 4):
        queries.append(("folded", e.display_name.lower().translate(plain)))
    for e in rng.sample(functions, 4):
        queries.append(("unit", e.display_name.split()[0][:8].lower()))
    numbered = [e for e in people if any(n.e164 for n in e.numbers)]
    for i, e in enumerate(rng.sample(numbered, 8)):
        number = next(n for n in e.numbers if n.e164)
        e164 = number.e164 or ""
        spelling = (number.raw, "0" + e164[3:], e164, "00" + e164[1:])[i % 4]
        queries.append(("number", spelling))
    for e in rng.sample(numbered, 2):
        queries.append(("extension", next(n for n in e.numbers if n.e164).raw.replace(" ", "")[-4:]))
    rng.shuffle(queries)
    return queries


def keystrokes(queries: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(category, query[:i]) for category, query in queries for i in range(1, len(query) + 1)]


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": ordered[-1],
            "mean": statistics.fmean(ordered)}


def replay(search: Callable[[str], object], strokes: Sequence[tuple[str, str]],
           cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms per keystroke; also this thread's CPU ms into ``cpu`` (robust to a busy machine)."""
    times = []
    for _, text in strokes:
        start, start_cpu = time.perf_counter(), time.thread_time()
        search(text)
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - start_cpu) * 1000)
    return times


def replay_typed(search: Callable[[str], object], strokes: Sequence[tuple[str, str]], cpu: list[float],
                 catch_up: list[float]) -> list[float]:
    """As :func:`replay`, with the collector held while each query is typed, as the window holds it
    (app/lookup/typing_hold.py), and let run when typing pauses: after a query's last keystroke the pass it
    owes runs and its CPU ms go into ``catch_up`` (not into any keystroke's)."""
    times: list[float] = []
    previous: str | None = None
    collector.pause()
    try:
        for _, text in strokes:
            if previous is not None and not text.startswith(previous):  # the next query: typing paused
                collector.resume()
                catch_up.append(_owed_pass())
                collector.pause()
            previous = text
            times.extend(replay(search, [("", text)], cpu))
    finally:
        collector.resume()
    catch_up.append(_owed_pass())
    return times


def _owed_pass() -> float:
    """CPU ms of the pass the collector owes, run where the window's would run: at the next allocation."""
    start = time.thread_time()
    _ = [None]  # an allocation of a tracked object: the collector runs here if a pass is due
    return (time.thread_time() - start) * 1000


def _line(name: str, stats: dict[str, float], n: int) -> str:
    return (f"  {name:28} n={n:5}  p50 {stats['p50']:9.2f}  p95 {stats['p95']:9.2f}  p99 {stats['p99']:9.2f}"
            f"  max {stats['max']:9.2f}  mean {stats['mean']:9.2f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=200_000,
                        help="people in the demo directory (1000000: about 2 GB and two minutes before the replay)")
    parser.add_argument("--units", type=int, default=150, help="units in the demo directory")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-ldap", action="store_true", help="no slapd baseline (quick runs)")
    parser.add_argument("--skip-sql", action="store_true", help="no SQLite baseline")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also measure the index's own allocations with tracemalloc (a second, ~5x slower build)")
    parser.add_argument("--baseline-queries", type=int, default=14,
                        help="queries (all their keystrokes) replayed against the slow baselines")
    args = parser.parse_args(argv)

    print(f"generating the demo directory: {args.entries:,} people ...", flush=True)
    start = time.perf_counter()
    # Streamed and numbered as they come: the entries exist once (a million take ~1 GB), and the cyclic
    # collector, which would rescan them all again and again while they pile up, waits.
    gc.disable()
    entries = [dataclasses.replace(e, id=i)
               for i, e in enumerate(iter_entries(seed=args.seed, people=args.entries, units=args.units), start=1)]
    gc.enable()
    print(f"  {len(entries):,} entries in {time.perf_counter() - start:.1f} s")

    gc.collect()
    before = rss_bytes()
    start, start_cpu = time.perf_counter(), time.process_time()
    index = SearchIndex(entries)
    build_s, build_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    gc.collect()
    index_mb = (rss_bytes() - before) / 1e6
    print(f"index build: {build_s:.2f} s wall, {build_cpu:.2f} s CPU   index memory (RSS delta): {index_mb:.0f} MB"
          f"   entries: {len(index):,}")
    if args.tracemalloc:
        tracemalloc.start()
        traced = SearchIndex(entries)
        gc.collect()
        print(f"index memory (tracemalloc, allocations the index holds): "
              f"{tracemalloc.get_traced_memory()[0] / 1e6:.0f} MB")
        tracemalloc.stop()
        del traced

    queries = workload(entries, args.seed)
    strokes = keystrokes(queries)
    replay(index.search, strokes[:50])  # warm caches, as a session that has been typing would be
    engine_cpu: list[float] = []
    engine_ms = replay(index.search, strokes, engine_cpu)
    print(f"\nper-keystroke latency, {len(queries)} queries typed one character at a time "
          f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    print(_line("search engine (all)", percentiles(engine_ms), len(engine_ms)))
    print(_line("search engine, CPU time", percentiles(engine_cpu), len(engine_cpu)))
    for category in sorted({c for c, _ in queries}):
        times = [t for (c, _), t in zip(strokes, engine_ms, strict=True) if c == category]
        print(_line(f"  {category}", percentiles(times), len(times)))
    slowest = sorted(zip(engine_ms, (s for _, s in strokes), strict=True), reverse=True)[:5]
    print("  slowest keystrokes:", ", ".join(f"{q!r} {t:.1f} ms" for t, q in slowest))

    sample_queries = [q for i, q in enumerate(queries) if i < args.baseline_queries]
    sample = keystrokes(sample_queries)
    engine_sample = percentiles(replay(index.search, sample))
    print(f"\nbaselines on the same entries, {len(sample_queries)} queries = {len(sample)} keystrokes:")
    print(_line("search engine", engine_sample, len(sample)))
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_sql:
            sql = SqlBaseline(work / "store.sqlite")
            load_s = sql.load(entries)
            stats = percentiles(replay(sql.search, sample))
            print(_line("SQLite LIKE '%...%'", stats, len(sample)) + f"   (load {load_s:.0f} s)")
            print(f"    ratio p50 {stats['p50'] / engine_sample['p50']:,.0f}x   "
                  f"p99 {stats['p99'] / engine_sample['p99']:,.0f}x slower than the engine")
            sql.close()
        if not args.skip_ldap:
            with LdapBaseline(work / "ldap") as ldap:
                load_s = ldap.load(entries)
                stats = percentiles(replay(ldap.search, sample))
                print(_line("LDAP search (slapd)", stats, len(sample)) + f"   (slapadd {load_s:.0f} s)")
                print(f"    ratio p50 {stats['p50'] / engine_sample['p50']:,.0f}x   "
                      f"p99 {stats['p99'] / engine_sample['p99']:,.0f}x slower than the engine")
    print("\ntargets at 200,000 entries: p99 <= 5 ms, build <= 15 s, memory <= 200 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
