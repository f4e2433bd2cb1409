"""The relevance set again, on the index opened from its snapshot: the same hits, in the same order, with
the same scores and highlights as the index built from the entries (issue 19)."""

from __future__ import annotations

from pathlib import Path

from directory.search import SearchIndex
from directory.search.snapshot import read_snapshot
from tests.relevance.snapshot import QUERIES, load


def test_the_snapshot_answers_every_relevance_query_as_the_build(tmp_path: Path) -> None:
    built = SearchIndex(load())
    built.write_snapshot(tmp_path / "relevance.search", store="relevance", position={})
    opened = SearchIndex.from_state(read_snapshot(tmp_path / "relevance.search").state)
    queries = [line.split("\t")[0] for line in QUERIES.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    differ = [q for q in queries for prefix in (q[:2], q[: len(q) // 2], q)
              if opened.search(prefix, limit=20) != built.search(prefix, limit=20)]
    assert differ == []
