"""`switchboard stats`: call measurement for a period, grouped by hour, day, week, month, service or operator,
printed as a table or JSON, or written as CSV or Excel.

The figures come from directory.stats (hourly aggregates rolled up from the call log first), the same code
the window's supervisor view runs. Hours are the operator's ([referrals] time_zone, else the computer's).
`--json` prints one object whose shape the README documents: keep it stable.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.cli.calllog import SinceError, parse_since, utc_text
from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from app.lookup.referral_setup import referral_zone
from directory.stats.definitions import DEFINITIONS, StatsRules
from directory.stats.periods import PeriodError
from directory.stats.report import BY_CHOICES, Report, measure
from directory.stats.table import columns, percent_columns, rows, write_csv

_TEXT_KEYS = ("offered", "answered", "abandoned", "short_abandons")  # the text table's figures, then SL and waits


def add_arguments(stats: argparse.ArgumentParser) -> None:
    when = "today, yesterday, a duration back from now (7d, 1w), or an ISO date or time (2026-11-23T08:00)"
    stats.add_argument("--from", dest="start", default="today", metavar="WHEN", help=f"start (default today): {when}")
    stats.add_argument("--to", dest="end", default="", metavar="WHEN", help=f"end, not included (default now): {when}")
    stats.add_argument("--by", choices=BY_CHOICES, default="hour", help="one row per ... (default hour)")
    stats.add_argument("--service", action="append", default=[], metavar="NUMBER",
                       help="only calls to this dialled number (may be repeated)")
    stats.add_argument("--short-abandon", type=int, default=5, metavar="S",
                       help="callers giving up within S seconds are short abandons (default 5)")
    stats.add_argument("--service-level", type=int, action="append", metavar="S",
                       help="a service-level threshold in seconds (may be repeated; default 20 and 60)")
    output = stats.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    output.add_argument("--csv", type=Path, metavar="FILE", help="write the table as CSV (UTF-8)")
    output.add_argument("--xlsx", type=Path, metavar="FILE", help="write an Excel workbook with the definitions")


def _period(args: argparse.Namespace, now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = parse_since(args.start, now, zone)
    end = parse_since(args.end, now, zone) if args.end and args.end.strip().lower() != "now" else now
    return start, end


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    now = datetime.now(UTC)
    zone = referral_zone(config)
    try:
        start, end = _period(args, now, zone)
        rules = StatsRules(short_abandon_s=args.short_abandon, service_levels_s=tuple(args.service_level or (20, 60)))
    except (SinceError, ValueError) as exc:
        print(f"error: {str(exc).replace('--since', '--from/--to')}", file=sys.stderr)
        return 2
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    try:
        report = measure(services.store, start, end, by=args.by, zone=zone, now=now, rules=rules,
                         services=tuple(args.service))
    except PeriodError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        services.close()
    return _output(args, report, rules)


def _output(args: argparse.Namespace, report: Report, rules: StatsRules) -> int:
    headers = [args.by.capitalize(), *(c.header for c in columns(rules))]
    try:
        if args.csv:
            write_csv(args.csv, headers, rows(report, rules))
        elif args.xlsx:
            from directory.stats.xlsx import write_xlsx  # noqa: PLC0415 - openpyxl only when asked for

            write_xlsx(args.xlsx, headers, rows(report, rules), title=title(report),
                       definitions=DEFINITIONS, percent_columns=percent_columns(rules))
    except OSError as exc:
        print(f"error: cannot write {args.csv or args.xlsx}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report_json(report, rules), ensure_ascii=False))
    elif not (args.csv or args.xlsx):
        print_text(report, rules)
    else:
        print(f"{args.csv or args.xlsx}: {len(report.rows)} rows and a total, {title(report)}")
    for note in notes(report):
        print(f"note: {note}", file=sys.stderr)
    return 0


def title(report: Report) -> str:
    return f"Calls {report.start:%Y-%m-%d %H:%M} to {report.end:%Y-%m-%d %H:%M} ({report.start:%Z}), by {report.by}"


def notes(report: Report) -> list[str]:
    """What may mislead: a period with no calls at all, or days without any (the log may have a gap)."""
    if report.total.offered == 0:
        return ["no incoming calls were logged in this period"]
    if report.empty_days:
        shown = ", ".join(report.empty_days[:10]) + (" ..." if len(report.empty_days) > 10 else "")
        return [f"{len(report.empty_days)} day(s) without any call logged: {shown}"]
    return []


def report_json(report: Report, rules: StatsRules) -> dict[str, Any]:
    """One object: the period, the rules, one entry per row and the total (keys as in the README)."""
    keys = ["label", *(c.key for c in columns(rules))]
    table = [dict(zip(keys, line, strict=True)) for line in rows(report, rules)]
    return {"from": utc_text(report.start), "to": utc_text(report.end), "by": report.by,
            "time_zone": str(report.start.tzinfo), "short_abandon_s": rules.short_abandon_s,
            "service_levels_s": list(rules.service_levels_s), "rows": table[:-1], "total": table[-1],
            "days_without_calls": list(report.empty_days)}


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def print_text(report: Report, rules: StatsRules) -> None:
    print(title(report))
    levels = [f"SL {t}s" for t in rules.service_levels_s]
    header = [report.by.capitalize(), "Offered", "Answered", "Abandoned", "Short", *levels, "Mean wait",
              "Median", "90%", "Transfers"]
    lines = [header]
    for label, figures in [(r.label, r.figures) for r in report.rows] + [("Total", report.total)]:
        shares = ["-" if (s := figures.service_level[t]) is None else f"{s:.0%}" for t in rules.service_levels_s]
        lines.append([label, *(str(getattr(figures, k)) for k in _TEXT_KEYS), *shares,
                      _seconds(figures.wait_mean_s), _seconds(figures.wait_median_s), _seconds(figures.wait_p90_s),
                      str(figures.transfers)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(line, widths, strict=True))).rstrip())
