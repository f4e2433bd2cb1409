"""The frozen directory the relevance set runs against, as JSON lines (one entry a line).

The demo generator may change; the relevance set must not move with it. ``python -m
tests.relevance.snapshot`` wrote ``directory.jsonl`` once from ``directory.demo.generate(seed=2026,
people=3000, units=150)``; the tests only read it, giving ids 1, 2, 3, ... in file order.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from directory.demo import generate
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber

HERE = Path(__file__).parent
DIRECTORY = HERE / "directory.jsonl"
QUERIES = HERE / "queries.tsv"


def _to_json(entry: Entry) -> str:
    data = asdict(entry)
    data.pop("id")
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _from_json(line: str, entry_id: int) -> Entry:
    data: dict[str, Any] = json.loads(line)
    numbers = tuple(PhoneNumber(n["raw"], NumberKind(n["kind"]), n["e164"]) for n in data.pop("numbers"))
    return Entry(**{**data, "kind": EntryKind(data["kind"]), "unit_path": tuple(data["unit_path"]),
                    "keywords": tuple(data["keywords"]), "numbers": numbers, "id": entry_id})


def load() -> list[Entry]:
    lines = DIRECTORY.read_text(encoding="utf-8").splitlines()
    return [_from_json(line, i) for i, line in enumerate(lines, start=1)]


def write() -> None:
    entries = [replace(e, id=None) for e in generate(seed=2026, people=3000, units=150).entries]
    DIRECTORY.write_text("".join(_to_json(e) + "\n" for e in entries), encoding="utf-8")


if __name__ == "__main__":
    write()
