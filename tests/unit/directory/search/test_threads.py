"""search() on worker threads while upsert()/remove() run on another: no errors, consistent hits."""

from __future__ import annotations

import threading
from dataclasses import replace

from directory.model import Entry
from directory.search import SearchIndex
from tests.unit.directory.search.conftest import person


def test_search_while_the_index_changes(entries: list[Entry]) -> None:
    index = SearchIndex(entries)
    extra = [person(f"Thread Worker{i:03d}", title="Kurator") for i in range(600)]  # > 512: compactions too
    errors: list[BaseException] = []
    stop = threading.Event()

    def searcher() -> None:
        try:
            while not stop.is_set():
                for query in ("anna", "kristina eriksson", "0196021000", "worker", "kurat", "thread w"):
                    for hit in index.search(query):
                        assert hit.entry.id is not None
                        assert index.get(hit.entry.id) is not None or "Worker" in hit.entry.display_name
                assert index.search("kristina eriksson")[0].entry.display_name == "Kristina Eriksson"
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for round_ in range(5):
            index.upsert(extra)
            index.upsert([replace(e, title=f"Kurator {round_}") for e in extra[:50]])
            index.remove([e.id for e in extra if e.id is not None])
            for e in extra[:10]:
                assert e.id is not None
                index.record_use(e.id)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert not errors, errors[0]
    assert len(index) == len(entries)
    assert not index.search("worker")
