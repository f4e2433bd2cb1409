"""`switchboard calllog list`: the stored call log as the window's Call log tab shows it, for scripts and support.

The rows come from the same repository search as the window (newest first) and the summary line from the same
pure computation (directory.store.calllog_summary). `--json` prints one object whose shape the README
documents: keep it stable (new keys may be added, none renamed or removed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from directory.referrals.workdays import at_local, local_zone
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.calllog_summary import CallLogSummary, summarise
from softphone.desk.records import ABANDONED_OUTCOMES

DEFAULT_SINCE = "today"
_EVERY_CALL = 2**31 - 1  # the repository always limits; a summary over a truncated list would mislead
_GAVE_UP = frozenset(outcome.value for outcome in ABANDONED_OUTCOMES)  # as the log stores them
_DURATION = re.compile(r"(?:\d+\s*[wdhm]\s*)+")
_DURATION_PART = re.compile(r"(\d+)\s*([wdhm])")
_UNIT = {"w": timedelta(weeks=1), "d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}
# The window's words (ui/call_log_model.py), in English: the CLI prints no translations.
OUTCOME_WORDS = {
    "handled": "handled", "transferred": "transferred", "abandoned": "gave up waiting",
    "abandoned_held": "gave up on hold", "abandoned_transfer": "gave up during transfer",
    "rejected": "rejected", "outgoing": "outgoing", "not_connected": "answered, never connected",
    "unanswered": "unanswered (ring limit)", "refused_full": "refused: console full",
}
COLUMNS = ("Time", "Caller", "Number", "Outcome", "Waited", "To connect", "Transferred to", "Console")


class SinceError(ValueError):
    """`--since` was not understood; the message names the value."""


def add_arguments(calllog: argparse.ArgumentParser) -> None:
    commands = calllog.add_subparsers(dest="calllog_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="calls since a moment, newest first, with the window's summary")
    listing.add_argument("--since", default=DEFAULT_SINCE, metavar="WHEN",
                         help="today (default), yesterday, a duration back from now (30m, 2h, 7d, 1w, 1h30m), "
                              "or an ISO date or time (2026-11-23, 2026-11-23T08:00, ...Z for UTC)")
    listing.add_argument("--json", action="store_true", help="print one JSON object (see README)")


def parse_since(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """The moment `text` means, at or before `now` for the relative forms; a date or time without a zone is
    in `zone` (the computer's, as the window shows times). Raises SinceError naming the value."""
    word = text.strip().lower()
    today = now.astimezone(zone).date()
    if word in ("today", "yesterday"):
        return at_local(today - timedelta(days=1 if word == "yesterday" else 0), time(0), zone)
    if _DURATION.fullmatch(word):
        return now - sum((int(n) * _UNIT[unit] for n, unit in _DURATION_PART.findall(word)), timedelta())
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise SinceError(f"--since {text!r} is not understood: give today, yesterday, a duration such as "
                         "30m, 2h or 7d, or an ISO date or time such as 2026-11-23 or 2026-11-23T08:00") from None
    if moment.tzinfo is None:  # "2026-11-23" parses as midnight, which is what a date means here
        return at_local(moment.date(), moment.time(), zone)
    return moment


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    now = datetime.now(UTC)
    zone = local_zone()
    try:
        since = parse_since(args.since, now, zone)
    except SinceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    try:
        calls = CallLogRepository(services.store).search(since=since, limit=_EVERY_CALL)
    finally:
        services.close()
    summary = summarise(calls, _GAVE_UP)
    if args.json:
        print(json.dumps(listing_json(since, calls, summary), ensure_ascii=False))
    else:
        print_table(calls, zone, today=now.astimezone(zone).date(), since=since)
        print(summary_line(summary))
    return 0


def utc_text(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z: "2026-11-23T08:00:00Z" (fractions of a second when there are any)."""
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def call_json(call: LoggedCall) -> dict[str, Any]:
    """One call as `calllog list --json` prints it (documented in the README; keep stable)."""
    return {
        "id": call.id, "offered_at": utc_text(call.offered_at), "answered_at": utc_text(call.answered_at),
        "ended_at": utc_text(call.ended_at), "direction": "in" if call.incoming else "out",
        "name": call.name, "number": call.number, "dialled": call.dialled, "outcome": call.outcome,
        "recalled": call.recalled, "priority": call.priority, "waiting_s": call.waiting_s,
        "time_to_connect_s": call.time_to_connect_s, "held_s": call.held_s, "hold_count": call.hold_count,
        "consulted": list(call.consulted), "transferred_to": call.transferred_to, "end_reason": call.end_reason,
        "console": call.console, "entry_id": call.entry_id,
    }


def listing_json(since: datetime, calls: list[LoggedCall], summary: CallLogSummary) -> dict[str, Any]:
    return {
        "since": utc_text(since), "calls": [call_json(c) for c in calls],
        "summary": {"calls": summary.calls, "answered": summary.answered, "gave_up": summary.gave_up,
                    "median_wait_s": summary.median_wait_s, "median_connect_s": summary.median_connect_s},
    }


def duration_text(seconds: float) -> str:
    """"m:ss" or "h:mm:ss", as the window's format_duration (ui/, which needs Qt) shows them."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def summary_line(summary: CallLogSummary) -> str:
    """The window's summary line in English: "12 calls · 9 answered · 2 gave up · median wait 0:14 · ..."."""
    parts = [f"{summary.calls} call{'' if summary.calls == 1 else 's'}", f"{summary.answered} answered",
             f"{summary.gave_up} gave up"]
    if summary.median_wait_s is not None:
        parts.append(f"median wait {duration_text(summary.median_wait_s)}")
    if summary.median_connect_s is not None:
        parts.append(f"median time to connect {duration_text(summary.median_connect_s)}")
    return " · ".join(parts)


def row_cells(call: LoggedCall, zone: ZoneInfo, today: date) -> tuple[str, ...]:
    """A call's cells under COLUMNS; the day is left out for today's calls, as in the window."""
    local = call.offered_at.astimezone(zone)
    outcome = OUTCOME_WORDS.get(call.outcome, call.outcome) + (", recalled" if call.recalled else "")
    return (f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}",
            call.name or call.number or "Withheld", call.number, outcome,
            duration_text(call.waiting_s) if call.incoming else "",
            duration_text(call.time_to_connect_s) if call.time_to_connect_s is not None else "",
            call.transferred_to, call.console)


def print_table(calls: list[LoggedCall], zone: ZoneInfo, *, today: date, since: datetime) -> None:
    if not calls:
        print(f"no calls since {since.astimezone(zone):%Y-%m-%d %H:%M}")
        return
    rows = [COLUMNS, *(row_cells(c, zone, today) for c in calls)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
