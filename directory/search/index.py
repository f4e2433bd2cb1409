"""The search engine the GUI and the CLI share: build once, keep current with upsert/remove, search often.

Thread-safety: one lock serialises searches and changes. A search holds it for a few milliseconds; a
change batch for as long as it takes to update the postings (well under a millisecond an entry), so a
worker thread can search while another applies a store change-set. The occasional compaction (after
hundreds of renamed or added entries) is built outside the lock and swapped in.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from directory.model import Entry
from directory.search import ranking as r
from directory.search.documents import name_order_key
from directory.search.highlight import TEXT_FIELDS, Highlighter
from directory.search.matcher import Scored
from directory.search.multiword import prepare_next_word
from directory.search.query import Query, Word, parse
from directory.search.searching import search_email, search_number, search_text
from directory.search.snapshot import write_snapshot
from directory.search.state import IndexState
from directory.search.types import Hit, MatchKind

MAX_LIMIT = 1000


class SearchIndex:
    """An in-memory, Nordic-aware, typo-tolerant index over directory entries (see issue 4)."""

    def __init__(self, entries: Iterable[Entry] = (), usage: Mapping[int, int] | None = None) -> None:
        self._lock = threading.RLock()
        self._changes = 0  # upsert/remove calls so far, to tell whether a compaction went stale
        self._state = IndexState()
        self._state.build(entries, dict(usage or {}))

    @classmethod
    def from_state(cls, state: IndexState, usage: Mapping[int, int] | None = None) -> SearchIndex:
        """An index over a state made elsewhere (read from a snapshot: directory.search.snapshot)."""
        index = cls()
        state.adopt_usage({k: v for k, v in (usage or {}).items() if v > 0})
        index._state = state
        return index

    def write_snapshot(self, path: Path, *, store: str, position: dict[str, Any],
                       extra: Callable[[], dict[str, Any]] | None = None) -> int:
        """Write the index to ``path`` (bytes written). Searches wait meanwhile: the state must not change
        half-written (about a second at 200,000 entries). ``extra`` makes the caller's values to keep with it,
        under the same lock (from the entries as written)."""
        with self._lock:
            return write_snapshot(path, self._state, store=store, position=position,
                                  extra=extra() if extra else None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._state.slot_of)

    def get(self, entry_id: int) -> Entry | None:
        with self._lock:
            slot = self._state.slot_of.get(entry_id)
            return None if slot is None else self._state.entries[slot]

    def upsert(self, entries: Iterable[Entry]) -> None:
        """Add entries or replace them by id. Entries without an id are ignored (not stored yet)."""
        with self._lock:
            for entry in entries:
                if entry.id is not None:
                    self._state.upsert(entry)
            self._changes += 1
            compact = self._state.needs_compaction()
        if compact:
            self._compact()

    def remove(self, entry_ids: Iterable[int]) -> None:
        with self._lock:
            for entry_id in entry_ids:
                self._state.remove(entry_id)
            self._changes += 1
            compact = self._state.needs_compaction()
        if compact:
            self._compact()

    def _compact(self) -> None:
        """Renumber slots in name order once many entries were added out of order.

        The new state is built from a snapshot without holding the lock (seconds at 200,000 entries),
        so searches on other threads go on meanwhile; it replaces the old one only if nothing changed.
        """
        with self._lock:
            entries = [e for e in self._state.entries if e is not None]
            changes = self._changes
        fresh = IndexState()
        fresh.build(entries, {})
        with self._lock:
            if self._changes == changes:
                fresh.adopt_usage(self._state.usage)
                self._state = fresh

    def record_use(self, entry_id: int) -> None:
        with self._lock:
            self._state.record_use(entry_id)

    def search(self, query: str, limit: int = 50, *, fields: Collection[str] = TEXT_FIELDS) -> list[Hit]:
        """Hits for ``query``, best first; any input (empty, huge, control characters) is safe. Highlights
        cover the text ``fields`` named (all by default; see :class:`Hit`)."""
        if not isinstance(limit, int) or limit <= 0:
            return []
        limit = min(limit, MAX_LIMIT)
        parsed = parse(query)
        if parsed.empty:
            return []
        with self._lock:
            hits = self._search(parsed, limit, fields)
            if query[-1:].isspace() and parsed.words and not parsed.number_forms:
                prepare_next_word(self._state, parsed.words)
            return hits

    def _search(self, query: Query, limit: int, fields: Collection[str]) -> list[Hit]:
        state = self._state
        words = query.words
        fuzzy_keys: list[frozenset[str]] = [frozenset() for _ in words]
        if query.number_forms:
            scored = search_number(state, query.number_forms, limit)
        elif query.email and (mailbox := search_email(state, query.email)):
            # Someone's whole e-mail address names them alone, as a full name does; its other words
            # ("example", "org": the domain is not indexed) are no search. Another address is searched
            # by its words, as any text.
            scored = {slot: (r.FULL_NAME, r.FULL_NAME) for slot in mailbox[:limit]}
        else:
            scored, fuzzed = search_text(state, words, limit)
            fuzzy_keys = [self._near(w) if w in fuzzed else frozenset() for w in words]
        top = self._top(scored, limit)
        is_number = bool(query.number_forms)
        hits = []
        highlights = Highlighter(words, query.number_forms, fuzzy_keys, fields)
        for slot, score, weakest in top:
            entry = state.entries[slot]
            assert entry is not None
            kind = r.number_kind(weakest) if is_number else r.kind_of(weakest)
            hits.append(Hit(entry=entry, score=round(score, 3), match=kind, highlights=highlights(entry)))
        return hits

    def _near(self, w: Word) -> frozenset[str]:
        state = self._state
        return frozenset(state.fuzzy.near(w.fold, w.max_edits, state.all.generation))

    def _top(self, scored: Scored, limit: int) -> list[tuple[int, float, int]]:
        """The best ``limit`` (slot, score, weakest word score): usage boost added, ties by name."""
        state = self._state
        boosted: list[tuple[float, int]] = []
        ids = state.ids
        for slot, (score, _) in scored.items():
            entry_id = ids[slot]
            if not entry_id:
                continue
            boost = 0.0
            if slot in state.used_slots:
                boost = r.usage_boost(state.usage.get(entry_id, 0))
            boosted.append((-(score + boost), slot))
        # Slot order is name order except for late slots: pre-select by slot, then sort by real name.
        late = [item for item in boosted if item[1] in state.late]
        chosen = heapq.nsmallest(limit, (item for item in boosted if item[1] not in state.late)) + late
        if late:  # else slot order is name order already: no entry is read (a snapshot's rows stay undecoded)
            entries = state.entries
            chosen.sort(key=lambda item: (item[0], name_order_key(entries[item[1]])))  # type: ignore[arg-type]
        return [(slot, -neg, scored[slot][1]) for neg, slot in chosen[:limit]]


__all__ = ["Hit", "MatchKind", "SearchIndex"]
