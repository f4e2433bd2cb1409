"""`switchboard db check`, `db upgrade` and `db admit`: the store's schema against this version's, and the
logins of a shared store.

`check` says whether the configured store's schema is the one this version knows (and matches its
models), or older (upgrade it), newer (a later Switchboard upgraded it), or absent; exit 0 only when
current. `upgrade` applies the migrations (creating the schema in an empty database) and refuses a newer
schema. `admit LOGIN ORGANISATION` prints the SQL that lets an existing PostgreSQL login work as a console
of that organisation (`--exchange`: as an exchange's Kamailio writing its queue records), from
directory.store.tenancy, for an administrator to run; with `--execute` it runs it on the configured store
(connected as its owner or another role with CREATEROLE; the schema must be current). Connection problems
(unreachable server, wrong credentials) exit 2 naming the database.
"""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy.exc import DBAPIError

from app.config.loader import Config
from app.config.paths import Paths
from app.services import store_url
from directory.store import Store, StoreError
from directory.store.schema_check import CURRENT, NEWER, SchemaState, describe, differences
from directory.store.tenancy import CONSOLE_ROLE, EXCHANGE_ROLE, admit, admit_exchange_sql, admit_sql


def add_arguments(db: argparse.ArgumentParser) -> None:
    commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = commands.add_parser("check", help="does the store's schema match this version? (exit 0: yes)")
    check.add_argument("--json", action="store_true", help="print one JSON object (see README)")
    commands.add_parser("upgrade", help="apply the schema migrations to the configured store")
    admit = commands.add_parser("admit", help="let a PostgreSQL login work as a console (or exchange) of an "
                                              "organisation: print the SQL, or run it with --execute")
    admit.add_argument("login", metavar="LOGIN", help="an existing PostgreSQL login (CREATE ROLE ... LOGIN)")
    admit.add_argument("organisation", metavar="ORGANISATION", help="as in its [store] organisation")
    admit.add_argument("--exchange", action="store_true",
                       help="an exchange's Kamailio writing queue records, not a console")
    admit.add_argument("--execute", action="store_true",
                       help="run it on the configured store (as its owner, or a role with CREATEROLE)")


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    try:
        url = store_url(config, paths, demo=demo)
    except Exception as exc:  # a secret that cannot be read: named by the secrets module
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.db_command == "admit":
        try:
            statements = (admit_exchange_sql if args.exchange else admit_sql)(args.login, args.organisation)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if not args.execute:
            print(f"-- As an administrator of the shared store's database (CREATEROLE), after `switchboard db "
                  f"upgrade`; the login must exist (CREATE ROLE {args.login} LOGIN PASSWORD '...').")
            print("\n".join(f"{statement};" for statement in statements))
            return 0
    store = Store(url)
    try:
        state = store.schema_state()
        if args.db_command == "admit":
            return _admit(store, state, args.login, args.organisation, exchange=args.exchange)
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


def _admit(store: Store, state: SchemaState, login: str, organisation: str, *, exchange: bool) -> int:
    if store.embedded:
        print(f"error: {store.safe_url} is an SQLite store: it has no logins to admit (this is for a shared "
              "PostgreSQL store)", file=sys.stderr)
        return 2
    if state.status != CURRENT:
        print(f"error: {state.problem()}", file=sys.stderr)
        return 1
    try:
        admit(store.engine, login, organisation, exchange=exchange)
    except DBAPIError as exc:  # no such login, not allowed to grant: PostgreSQL's own words
        print(f"error: {login} not admitted to {store.safe_url}: {describe(exc)}", file=sys.stderr)
        return 2
    role = EXCHANGE_ROLE if exchange else CONSOLE_ROLE
    print(f"{state.database}: {login} admitted to organisation {organisation!r} ({role})")
    return 0
