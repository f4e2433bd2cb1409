"""`switchboard db check` and `switchboard db upgrade`: the store's schema against this version's.

`check` says whether the configured store's schema is the one this version knows (and matches its
models), or older (upgrade it), newer (a later Switchboard upgraded it), or absent; exit 0 only when
current. `upgrade` applies the migrations (creating the schema in an empty database) and refuses a newer
schema. Connection problems (unreachable server, wrong credentials) exit 2 naming the database.
"""

from __future__ import annotations

import argparse
import json
import sys

from app.config.loader import Config
from app.config.paths import Paths
from app.services import store_url
from directory.store import Store, StoreError
from directory.store.schema_check import CURRENT, NEWER, SchemaState, describe, differences


def add_arguments(db: argparse.ArgumentParser) -> None:
    commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = commands.add_parser("check", help="does the store's schema match this version? (exit 0: yes)")
    check.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    commands.add_parser("upgrade", help="apply the schema migrations to the configured store")


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    try:
        url = store_url(config, paths, demo=demo)
    except Exception as exc:  # a secret that cannot be read: named by the secrets module
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = Store(url)
    try:
        state = store.schema_state()
        if args.db_command == "upgrade":
            return _upgrade(store, state)
        return _check(store, state, as_json=args.json)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"error: cannot reach the store {store.safe_url}: {describe(exc)}", file=sys.stderr)
        return 2
    finally:
        store.dispose()


def _check(store: Store, state: SchemaState, *, as_json: bool) -> int:
    drift = differences(store.engine) if state.status == CURRENT else []
    ok = state.status == CURRENT and not drift
    if as_json:
        print(json.dumps({"database": state.database, "revision": state.revision, "head": state.head,
                          "status": state.status, "differences": drift, "ok": ok}))
        return 0 if ok else 1
    if ok:
        print(f"{state.database}: schema {state.revision}, current")
    elif drift:
        print(f"{state.database}: schema {state.revision} is marked current but differs from this version's:")
        for line in drift:
            print(f"  {line}")
    else:
        print(f"{state.database}: {state.problem()}")
    return 0 if ok else 1


def _upgrade(store: Store, state: SchemaState) -> int:
    if state.status == NEWER:
        print(f"error: {state.problem()}", file=sys.stderr)
        return 1
    if state.status == CURRENT:
        print(f"{state.database}: schema {state.revision} is already current")
        return 0
    store.migrate()
    print(f"{state.database}: schema upgraded from {state.revision or 'none'} to {state.head}")
    return 0
