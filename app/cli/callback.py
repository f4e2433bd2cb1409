"""`switchboard callback list`: the shared call-back list as every console's Call back panel shows it.

Callers who gave up and are not yet called back, newest first, with who has taken each one. `--json`
prints one object whose shape the README documents: keep it stable (new keys may be added, none renamed
or removed).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.calllog import utc_text
from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from directory.referrals.workdays import local_zone
from directory.store.callbacks import CallbackRepository, StoredCallback

COLUMNS = ("Id", "Hung up", "Caller", "Number", "Dialled", "State", "Console")


def add_arguments(callback: argparse.ArgumentParser) -> None:
    commands = callback.add_subparsers(dest="callback_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="callers to call back, newest first, and who has taken each")
    listing.add_argument("--all", action="store_true", help="also those already called back")
    listing.add_argument("--json", action="store_true", help="print one JSON object (see README)")


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    try:
        callbacks = CallbackRepository(services.store).listing(include_done=args.all)
    finally:
        services.close()
    if args.json:
        print(json.dumps({"callbacks": [callback_json(c) for c in callbacks]}, ensure_ascii=False))
    else:
        print_table(callbacks)
    return 0


def callback_json(callback: StoredCallback) -> dict[str, Any]:
    """One call-back as `callback list --json` prints it (documented in the README; keep stable)."""
    return {
        "id": callback.id, "hung_up_at": utc_text(callback.hung_up_at), "name": callback.name,
        "number": callback.number, "dialled": callback.dialled, "stage": callback.stage,
        "state": callback.state, "claimed_by": callback.claimed_by or None,
        "claimed_at": utc_text(callback.claimed_at), "done_by": callback.done_by or None,
        "done_at": utc_text(callback.done_at), "console": callback.console, "version": callback.version,
    }


def state_text(callback: StoredCallback) -> str:
    if callback.state == "claimed":
        return f"taken by {callback.claimed_by}"
    if callback.state == "done":
        return f"called back by {callback.done_by}"
    return "waiting"


def print_table(callbacks: list[StoredCallback]) -> None:
    if not callbacks:
        print("no one to call back")
        return
    zone = local_zone()
    rows = [COLUMNS, *((str(c.id), f"{c.hung_up_at.astimezone(zone):%Y-%m-%d %H:%M}", c.name or c.number,
                        c.number, c.dialled, state_text(c), c.console) for c in callbacks)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
