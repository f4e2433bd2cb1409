"""`switchboard queue list|pick|watch|sign-in|sign-out`: the exchange's queue for scripts and support.

The same client code as the window (softphone.exchange). Who we are: [exchange] operator (else [sip]
user) with [exchange] token, at [exchange] url. `list --json` prints {"callers": [...], "operators": [...]}
as the API returns them; `watch --json` one JSON object a line per event (the first after each connect is
{"event": "snapshot", ...}; connection changes are {"event": "connection", "up", "detail"}).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time

from app.calls.exchange_setup import client_for
from app.config.loader import Config
from app.config.secrets import SecretError
from softphone.exchange.client import ExchangeClient, PickRefused
from softphone.exchange.model import QueueSnapshot, event_to_json

CLASS_WORDS = {"emergency": "EMERGENCY", "priority": "priority", "internal": "internal", "normal": ""}
EXIT_BY_KIND = {"taken": 3, "unknown": 4, "not_signed_in": 5, "forbidden": 5, "unreachable": 6, "untrusted": 6,
                "rate_limited": 6, "bad_request": 2}


def add_arguments(queue: argparse.ArgumentParser) -> None:
    commands = queue.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="the waiting callers in queue order")
    listing.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    pick = commands.add_parser("pick", help="have a caller put through to this console")
    pick.add_argument("id", metavar="ID|next")
    watch = commands.add_parser("watch", help="print the queue's events as they happen (Ctrl+C stops)")
    watch.add_argument("--json", action="store_true", help="one JSON object a line")
    commands.add_parser("sign-in", help="make this console available to take callers")
    commands.add_parser("sign-out", help="pause: this console takes no callers")


def print_list(snapshot: QueueSnapshot) -> None:
    now = time.time()
    print(f"{len(snapshot.callers)} waiting; operators signed in: {', '.join(snapshot.operators) or 'none'}")
    for caller in snapshot.callers:
        waited = int(now - caller.joined_at)
        offered = f"  ringing at {caller.offered_to}" if caller.offered_to else ""
        # repr-free plain text: the name is the caller's own and is printed as data, never interpreted
        name = caller.name.encode("ascii", "replace").decode() if not sys.stdout.encoding.lower().startswith(
            "utf") else caller.name
        print(f"{caller.id:>6}  {waited // 60:>3}:{waited % 60:02d}  {CLASS_WORDS.get(caller.klass, ''):<9}  "
              f"{caller.number:<16} {name:<40} to {caller.dialled}{offered}")


def run(args: argparse.Namespace, config: Config) -> int:
    try:
        client = client_for(config)
    except SecretError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.queue_command == "list":
            snapshot = client.snapshot()
            if args.json:
                print(json.dumps({"callers": [c.to_json() for c in snapshot.callers],
                                  "operators": list(snapshot.operators)}))
            else:
                print_list(snapshot)
        elif args.queue_command == "pick":
            print(f"picked {client.pick(args.id)}: it rings at this console now")
        elif args.queue_command == "sign-in":
            client.sign_in()
            print(f"{client.operator} signed in")
        elif args.queue_command == "sign-out":
            client.sign_out()
            print(f"{client.operator} signed out")
        else:
            return watch(client, as_json=args.json)
    except PickRefused as exc:
        print(f"error: {exc.kind}: {exc.detail}", file=sys.stderr)
        return EXIT_BY_KIND.get(exc.kind, 1)
    return 0


def watch(client: ExchangeClient, *, as_json: bool) -> int:
    lock = threading.Lock()

    def show(event: object) -> None:
        line = event_to_json(event)  # type: ignore[arg-type]
        with lock:
            print(json.dumps(line) if as_json else " ".join(f"{k}={v}" for k, v in line.items()), flush=True)

    watcher = client.watch(show)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
    return 0
