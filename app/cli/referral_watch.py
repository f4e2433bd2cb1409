"""`switchboard referral watch [--json]`: referral changes of the console's organisation as they arrive.

It listens like a console does (PostgreSQL LISTEN/NOTIFY, reconnecting by itself) and prints, for each
person whose referrals changed, the referrals now in force: one line, or one JSON object per line
(``{"at", "entry_id", "name", "referrals": [...]}``, each referral as `referral list --json` prints it).
A SQLite store has no notifications: the command says so and exits 2. Ctrl+C ends it.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
from datetime import UTC, datetime

from app.cli.calllog import utc_text
from app.services import Services
from directory.store.audit import referral_json
from directory.store.listener import ChangeListener
from directory.store.notify import SharedChanges


def add_arguments(watch: argparse.ArgumentParser) -> None:
    watch.add_argument("--json", action="store_true", help="one JSON object per line (see README)")
    watch.add_argument("--max", type=int, default=0, metavar="N", help="stop after N changes (default: never)")


def watch(args: argparse.Namespace, services: Services) -> int:
    store = services.store
    if store.embedded:
        print("error: live updates need a shared PostgreSQL store ([store] url); a SQLite store is only "
              "looked at every 30 seconds", file=sys.stderr)
        return 2
    heard: queue.Queue[SharedChanges | bool] = queue.Queue()
    listener = ChangeListener(store.url, store.organisation, heard.put, on_connected=heard.put)
    listener.start()
    print(f"watching referrals on {store.safe_url} (Ctrl+C ends)", file=sys.stderr, flush=True)
    shown = 0
    try:
        while not args.max or shown < args.max:
            item = heard.get()
            if isinstance(item, bool):  # (re)connected: say so, so a script knows it may have missed some
                print("listening" if not item else "listening again (changes meanwhile were not shown)",
                      file=sys.stderr, flush=True)
                continue
            entry_ids = sorted({c.entry_id for c in item.changes if c.kind == "referral" and c.entry_id})
            for entry_id in entry_ids:
                _show(services, entry_id, as_json=args.json)
                shown += 1
    except KeyboardInterrupt:
        pass
    finally:
        listener.stop()
    return 0


def _show(services: Services, entry_id: int, *, as_json: bool) -> None:
    now = datetime.now(UTC)
    stored = services.referrals.log.current(entry_id, now)
    entries = services.directory.load_entries([entry_id])
    name = entries[0].display_name if entries else ""
    if as_json:
        print(json.dumps({"at": utc_text(now), "entry_id": entry_id, "name": name,
                          "referrals": [referral_json(s) for s in stored]}, ensure_ascii=False), flush=True)
        return
    texts = [s.referral.text or s.referral.code for s in stored]
    print(f"{now.astimezone():%H:%M:%S}  {name or entry_id}: {'; '.join(texts) if texts else 'no referral'}",
          flush=True)
