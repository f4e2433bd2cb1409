"""``python -m directory.demo --people N --units M --seed S --csv OUT.csv``: write a demo as CSV."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from directory.demo import generate
from directory.imports.csv_format import write_csv


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m directory.demo",
                                     description="Write the deterministic demo directory as CSV.")
    parser.add_argument("--people", type=int, default=3000, help="number of people (default 3000)")
    parser.add_argument("--units", type=int, default=150, help="number of units (default 150)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--csv", type=Path, required=True, metavar="OUT.csv", help="file to write")
    args = parser.parse_args(argv)
    if args.people < 0 or args.units < 1:
        parser.error("--people must be >= 0 and --units >= 1")
    started = time.perf_counter()
    demo = generate(seed=args.seed, people=args.people, units=args.units)
    write_csv(demo.entries, args.csv)
    print(f"wrote {len(demo.entries)} entries to {args.csv} in {time.perf_counter() - started:.2f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
