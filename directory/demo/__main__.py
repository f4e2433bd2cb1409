"""``python -m directory.demo --people N --units M --seed S (--csv OUT.csv | --store URL)``: write a demo.

The entries stream from the generator to the file or the store (which inserts them in batches in one
transaction), so a demo of a million people never exists in memory as a whole.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from directory.demo import SOURCE, iter_entries
from directory.imports.csv_format import write_csv
from directory.model import Entry
from directory.store import DirectoryRepository, Store, StoreError

PROGRESS_EVERY = 100_000


def _counted(entries: Iterator[Entry], total: int, started: float) -> Iterator[Entry]:
    """The entries, with a line on stderr every PROGRESS_EVERY (a million take a while)."""
    for done, entry in enumerate(entries, start=1):
        if done % PROGRESS_EVERY == 0:
            print(f"  {done:,} of {total:,} entries, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        yield entry


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m directory.demo",
                                     description="Write the deterministic demo directory as CSV or into a store.")
    parser.add_argument("--people", type=int, default=3000, help="number of people (default 3000; 1000000 works)")
    parser.add_argument("--units", type=int, default=150, help="number of units (default 150)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--csv", type=Path, metavar="OUT.csv", help="file to write")
    target.add_argument("--store", metavar="URL",
                        help="store to fill (sqlite:///PATH or postgresql+psycopg://...): its demo source is "
                             "replaced by these entries, without referrals or notes")
    args = parser.parse_args(argv)
    if args.people < 0 or args.units < 1:
        parser.error("--people must be >= 0 and --units >= 1")
    started = time.perf_counter()
    entries = _counted(iter_entries(seed=args.seed, people=args.people, units=args.units),
                       args.people + args.units, started)
    if args.csv:
        write_csv(entries, args.csv)
        where = str(args.csv)
    else:
        try:
            store = Store.open(args.store)
        except StoreError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        try:
            DirectoryRepository(store).replace_source(SOURCE, entries, kind="demo", cursor=f"seed-{args.seed}")
        finally:
            store.dispose()
        where = store.safe_url
    print(f"wrote {args.people + args.units} entries to {where} in {time.perf_counter() - started:.2f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
