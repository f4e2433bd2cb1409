"""`switchboard directory import|search`: the same import path and search engine as the window."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
from typing import Any

from app.cli.store import open_services
from app.config.loader import Config
from app.config.paths import Paths
from app.services import Services, source_name_for
from directory.model import Entry

log = logging.getLogger(__name__)


def hit_json(entry: Entry, score: float, match: str) -> dict[str, Any]:
    """One result as `directory search --json` prints it (documented in the README; keep stable)."""
    return {
        "id": entry.id, "source": entry.source, "external_id": entry.external_id, "kind": str(entry.kind),
        "name": entry.display_name, "title": entry.title, "unit": entry.unit, "unit_path": list(entry.unit_path),
        "location": entry.location, "email": entry.email,
        "numbers": [{"raw": n.raw, "e164": n.e164, "kind": str(n.kind)} for n in entry.numbers],
        "score": round(score, 3), "match": match,
    }


def run(args: argparse.Namespace, config: Config, paths: Paths, *, demo: bool) -> int:
    for problem in config.errors:
        print(problem, file=sys.stderr)
    services = open_services(config, paths, demo=demo)
    if services is None:
        return 2
    try:
        if args.directory_command == "import":
            return _import(services, args)
        if args.directory_command == "sync":
            return _sync(services, args)
        return _search(services, args)
    finally:
        services.close()


def _import(services: Services, args: argparse.Namespace) -> int:
    from directory.imports import ImportFormatError, read_entries  # noqa: PLC0415

    source = args.source or source_name_for(args.file)
    try:
        entries = read_entries(args.file, source)
        changes = services.directory.replace_source(source, entries, kind="import")
    except ImportFormatError as exc:
        print(f"import failed, the directory is unchanged:\n{exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"import failed, the directory is unchanged: {args.file}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file}: {len(entries)} entries read into source {source!r}: "
          f"{len(changes.upserted)} added or updated, {len(changes.removed)} removed")
    return 0


def _progress(done: int, total: int | None) -> None:
    width = 30
    filled = width if total is None else min(width, width * done // max(total, 1))
    bar = ("#" * filled).ljust(width, "-") if total else "#" * ((done // 500) % width + 1)
    print(f"\r  [{bar:<{width}}] {done} entries", end="", file=sys.stderr, flush=True)


def _sync(services: Services, args: argparse.Namespace) -> int:
    from app.config.secrets import SecretError  # noqa: PLC0415
    from app.lookup.sync_setup import ldap_sources  # noqa: PLC0415
    from directory.sync import SyncError, sync_source  # noqa: PLC0415

    try:
        sources = ldap_sources(services.config)
    except SecretError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.source:
        sources = [s for s in sources if s.name == f"ldap:{args.source}"]
    if not sources:
        print("error: no [[directory.ldap]] source" + (f" named {args.source!r}" if args.source else "")
              + " is configured", file=sys.stderr)
        return 2
    failed = 0
    for source in sources:
        print(f"{source.name}: {'full' if args.full else 'incremental'} sync", file=sys.stderr)
        try:
            summary = sync_source(services.store, source, full=args.full, progress=_progress)
        except SyncError as exc:
            print(f"\n{exc}; the directory is unchanged", file=sys.stderr)
            failed += 1
            continue
        print(file=sys.stderr)
        print(f"{source.name} ({summary.server}, {'full' if summary.full else 'incremental'}): "
              f"{summary.added} added, {summary.updated} updated, {summary.removed} removed, "
              f"{summary.skipped_count} skipped in {summary.duration:.1f} s")
        for problem in summary.skipped:
            print(f"  skipped: {problem}")
        for warning in summary.warnings:
            print(f"  warning: {warning}")
    return 1 if failed else 0


def _search(services: Services, args: argparse.Namespace) -> int:
    # The window's snapshot, brought up to the store's changes; built (and written) only when it cannot
    # serve, so a script gets its answer at once (issue 19).
    index, how = services.search_index.open_or_build()
    log.info("search index %s", how)
    gc.freeze()  # as the window does: the index's long-lived objects are not rescanned (0.1 s at 200,000)
    limit = max(1, args.limit)
    queries = (line.rstrip("\r\n") for line in sys.stdin) if args.stdin else iter([args.query])
    for query in queries:
        started = time.perf_counter()
        hits = index.search(query, limit=limit, fields=())  # it prints no highlights
        elapsed_ms = (time.perf_counter() - started) * 1000
        if args.json or args.stdin:
            print(json.dumps({"query": query, "elapsed_ms": round(elapsed_ms, 3),
                              "results": [hit_json(h.entry, h.score, h.match.name.lower()) for h in hits]},
                             ensure_ascii=False), flush=True)
            continue
        for hit in hits:
            number = hit.entry.numbers[0].raw if hit.entry.numbers else ""
            print("\t".join((hit.entry.display_name, hit.entry.title, hit.entry.unit, number)))
        if not hits:
            print("no match", file=sys.stderr)
    return 0
