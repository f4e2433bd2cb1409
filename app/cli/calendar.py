"""`switchboard calendar refresh [--source NAME] [--person QUERY] [--json]`: refresh calendars now and report.

The lead registers `add_arguments` under a `calendar` command in app/cli.py and dispatches to `run`.
`refresh_command` holds the logic without the app's configuration, so tests drive it with real servers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TextIO

from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from directory.calendars import (
    CalendarConfigError,
    CalendarSources,
    CalendarSourceSettings,
    presence_text,
)
from directory.calendars.wording import code_label
from directory.model import Entry
from directory.search.person import find_entries


def add_arguments(calendar: argparse.ArgumentParser) -> None:
    """`calendar refresh` under the parser the lead adds for `calendar`."""
    commands = calendar.add_subparsers(dest="calendar_command", required=True)
    refresh = commands.add_parser("refresh", help="fetch free/busy from the configured calendars now")
    refresh.add_argument("--source", help="only this calendar source (its name)")
    refresh.add_argument("--person", dest="entry",
                         help="only this person: id, e-mail or a search that finds one person")
    refresh.add_argument("--json", action="store_true", help="one JSON object per source and person")


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    from app.lookup.calendar_setup import calendar_settings  # noqa: PLC0415
    from app.lookup.referral_setup import referral_zone  # noqa: PLC0415

    try:
        settings = calendar_settings(config)
    except CalendarConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    try:
        entries = services.directory.load_entries()
    finally:
        services.close()
    return refresh_command(settings, entries, referral_zone(config), source=args.source, entry=args.entry,
                           as_json=args.json, ca_file=config.settings.calendars.ca_file)


def refresh_command(settings: Sequence[CalendarSourceSettings], entries: Sequence[Entry], zone: tzinfo, *,
                    source: str | None = None, entry: str | None = None, as_json: bool = False, ca_file: str = "",
                    now: datetime | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Refresh (all, one source, one person), print a progress bar on ``err`` and the outcome on ``out``.
    Exit status: 0 all fine, 1 a source failed, 2 nothing to do or a usage error."""
    out, err = out or sys.stdout, err or sys.stderr
    if not settings:
        print("error: no calendar source is configured ([[calendars.exchange]], [[calendars.graph]], "
              "[[calendars.caldav]])", file=err)
        return 2
    names = [s.name for s in settings]
    if source is not None and source not in names:
        print(f"error: no calendar source named {source!r} (configured: {', '.join(names)})", file=err)
        return 2
    chosen: list[Entry] | None = None
    if entry is not None:
        chosen = find_entries(entries, entry)
        if len(chosen) != 1:
            print(f"error: {entry!r} matches {'no one' if not chosen else f'{len(chosen)} entries'}", file=err)
            for candidate in chosen:
                print(f"  {candidate.id}\t{candidate.display_name}\t{candidate.email}", file=err)
            return 2
    moment = now or datetime.now(UTC)
    zone_name = str(getattr(zone, "key", "UTC"))
    sources = CalendarSources(settings, zone_name, moment, ca_file=ca_file)
    sources.set_entries(entries)

    def progress(name: str, done: int, total: int) -> None:
        width = 30
        bar = ("#" * (width * done // max(total, 1))).ljust(width, "-")
        print(f"\r  {name}: [{bar}] {done}/{total} mailboxes", end="", file=err, flush=True)

    try:
        refreshes = sources.refresh_now(moment, names=[source] if source else None,
                                        entry_ids=[chosen[0].id or 0] if chosen else None, progress=progress)
    finally:
        sources.close()
    print(file=err)
    if not refreshes:
        print("nothing to refresh: no directory entry has a mailbox in the chosen sources", file=err)
        return 2
    for refresh in refreshes:
        line = {"source": refresh.source, "mailboxes": len(refresh.calendars), "without_answer": refresh.problems,
                "requests": refresh.requests, "failure": str(refresh.failure) if refresh.failure else None,
                "error": refresh.error, "retry_after": refresh.retry_after}
        if as_json:
            print(json.dumps(line, ensure_ascii=False), file=out)
        else:
            state = f"failed ({refresh.error})" if refresh.failure else "ok"
            print(f"{refresh.source}: {state}; {len(refresh.calendars)} mailboxes, {refresh.problems} without "
                  f"an answer, {refresh.requests} requests", file=out)
    if chosen:
        _print_person(sources, chosen[0], now=moment, zone=zone, as_json=as_json, out=out)
    return 1 if any(r.failure for r in refreshes) else 0


def _print_person(sources: CalendarSources, person: Entry, *, now: datetime, zone: tzinfo, as_json: bool,
                  out: TextIO) -> None:
    entry_id = person.id or 0
    presence = sources.book.presence(entry_id, now, zone)
    summary = sources.book.summary(entry_id, now, zone)
    blocks = [*summary.today, *summary.tomorrow]
    if as_json:
        print(json.dumps({
            "entry": entry_id, "name": person.display_name,
            "presence": presence_text(presence, zone, "en") if presence else None,
            "referral": ({"code": presence.referral.code, "from": presence.referral.starts_at.isoformat(),
                          "until": presence.referral.until.isoformat()} if presence and presence.referral else None),
            "problem": summary.problem or None,
            "blocks": [{"start": b.start.isoformat(), "end": b.end.isoformat(), "status": str(b.block.status),
                        "subject": b.block.subject, "code": b.code or None} for b in blocks],
        }, ensure_ascii=False), file=out)
        return
    print(f"{person.display_name}: {presence_text(presence, zone, 'en') if presence else 'no calendar'}"
          + (f" ({summary.problem})" if summary.problem else ""), file=out)
    today = now.astimezone(zone).date()
    for block in blocks:
        day = "today" if block.start.astimezone(zone).date() <= today else "tomorrow"
        start, end = block.start.astimezone(zone), block.end.astimezone(zone)
        long = end - start >= timedelta(days=1)
        span = f"{start:%d/%m} - {end:%d/%m}" if long else f"{start:%H:%M}-{end:%H:%M}"
        label = block.block.subject or ""
        what = code_label(block.code, None, "en") or str(block.block.status)  # "LUN:" reads as "Lunch"
        print(f"  {day:<8} {span}  {what}  {label}".rstrip(), file=out)
