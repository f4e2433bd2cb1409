"""`switchboard directory import|search`: the same import path and search engine as the window."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from app.config import Config
from app.paths import Paths
from app.services import Services, source_name_for
from directory.model import Entry
from directory.store import StoreError


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
    try:
        services = Services.open(config, paths, demo=demo)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.directory_command == "import":
            return _import(services, args)
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


def _search(services: Services, args: argparse.Namespace) -> int:
    from directory.search import SearchIndex  # noqa: PLC0415

    index = SearchIndex(services.directory.load_entries(), usage=services.directory.usage_counts())
    limit = max(1, args.limit)
    queries = (line.rstrip("\r\n") for line in sys.stdin) if args.stdin else iter([args.query])
    for query in queries:
        started = time.perf_counter()
        hits = index.search(query, limit=limit)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if args.json or args.stdin:
            print(json.dumps({"query": query, "elapsed_ms": round(elapsed_ms, 3),
                              "results": [hit_json(h.entry, h.score, str(h.match)) for h in hits]},
                             ensure_ascii=False), flush=True)
            continue
        for hit in hits:
            number = hit.entry.numbers[0].raw if hit.entry.numbers else ""
            print("\t".join((hit.entry.display_name, hit.entry.title, hit.entry.unit, number)))
        if not hits:
            print("no match", file=sys.stderr)
    return 0
