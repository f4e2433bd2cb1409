"""A directory's search index kept beside its store: opened from the snapshot, brought up to the store's
changes since, rebuilt when the snapshot cannot serve (issue 19).

`StoredIndex.open` reads the snapshot (directory.search.snapshot) and applies what the store changed after
the position it was written at (entries updated or removed since, read by `DirectoryRepository`), so an
import, a sync or another console's change made while no console ran is found at once. It tells why the
snapshot cannot serve as it is, in ``Opened.problem``:

* none, damaged or written by another build: no index (``index`` is None): build one (`rebuild`);
* the store changed behind it (its position went back: a restored or replaced store; or, after the
  changes, the entry count differs: rows deleted outright): the index serves, changes applied, but is
  rebuilt as soon as possible (the window rebuilds in the background, the CLI before it answers).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from directory.model import ChangePosition
from directory.search.index import SearchIndex
from directory.search.snapshot import SnapshotError, SnapshotMissingError, read_snapshot
from directory.store.entries import DirectoryRepository

log = logging.getLogger(__name__)
# Writers stamp changes with their own clock before they commit: changes from this long before the
# snapshot's position are applied again (an entry applied twice is unchanged).
MARGIN = timedelta(seconds=5)


def position_json(position: ChangePosition) -> dict[str, Any]:
    changed = position.changed_at.isoformat() if position.changed_at else None
    return {"changed_at": changed, "active": position.active, "last_id": position.last_id}


def position_from_json(data: dict[str, Any]) -> ChangePosition:
    changed = data.get("changed_at")
    return ChangePosition(datetime.fromisoformat(changed) if changed else None, int(data["active"]),
                          int(data["last_id"]))


@dataclass
class Opened:
    index: SearchIndex | None  # None: nothing to serve, build one
    problem: str = ""  # why the snapshot cannot serve as it is; "" when it is current
    applied: int = 0  # entries updated or removed since the snapshot, now applied
    position: ChangePosition | None = None  # the store's position the index is current to


class StoredIndex:
    """The snapshot at ``path`` of the entries in ``directory`` (a store named ``store`` in the file)."""

    def __init__(self, directory: DirectoryRepository, path: Path, store: str) -> None:
        self.directory, self.path, self.store = directory, path, store

    def open(self) -> Opened:
        try:
            snapshot = read_snapshot(self.path)
        except SnapshotMissingError as exc:
            return Opened(None, str(exc))
        except SnapshotError as exc:
            log.warning("search index snapshot not used: %s", exc)
            return Opened(None, str(exc))
        if snapshot.store != self.store:
            return Opened(None, f"{self.path}: a snapshot of another store ({snapshot.store})")
        try:
            then = position_from_json(snapshot.position)
        except (KeyError, TypeError, ValueError) as exc:
            return Opened(None, f"{self.path}: change position unreadable: {exc}")
        now = self.directory.change_position()  # before the changes: any later change is read again next time
        index = SearchIndex.from_state(snapshot.state, self.directory.usage_counts())
        applied = self._apply_since(index, then.changed_at)
        problem = ""
        if (now.last_id < then.last_id or (then.changed_at is not None and now.changed_at is not None
                                           and now.changed_at < then.changed_at)):
            problem = f"{self.path}: the store is behind the snapshot (restored or replaced)"
        elif len(index) != now.active:
            problem = (f"{self.path}: the store changed behind the snapshot: {now.active} entries in the store, "
                       f"{len(index)} in the index")
        if problem:
            log.warning("search index snapshot stale: %s", problem)
        return Opened(index, problem, applied, now)

    def _apply_since(self, index: SearchIndex, since: datetime | None) -> int:
        if since is None:  # the snapshot was of an empty directory: every entry is new
            changes = self.directory.load_entries()
            index.upsert(changes)
            return len(changes)
        changed = self.directory.changes_since(since - MARGIN)
        if changed.upserted:
            index.upsert(self.directory.load_entries(changed.upserted))
        if changed.removed:
            index.remove(changed.removed)
        return len(changed.upserted) + len(changed.removed)

    def rebuild(self) -> Opened:
        """Build from the store and write the snapshot; the index is then the snapshot opened again (rows
        read when shown, not every entry held). If the snapshot cannot be written, the built index."""
        position = self.directory.change_position()
        built = SearchIndex(self.directory.load_entries(), usage=self.directory.usage_counts())
        try:
            self.save(built, position)
            snapshot = read_snapshot(self.path)
        except (OSError, SnapshotError) as exc:
            log.warning("search index snapshot not written: %s", exc)
            return Opened(built, "", 0, position)
        del built
        return Opened(SearchIndex.from_state(snapshot.state, self.directory.usage_counts()), "", 0, position)

    def save(self, index: SearchIndex, position: ChangePosition) -> int:
        """Write ``index``, current to ``position``, as the snapshot; its size in bytes."""
        return index.write_snapshot(self.path, store=self.store, position=position_json(position))

    def open_or_build(self) -> tuple[SearchIndex, str]:
        """A current index, for a command that answers at once: the snapshot, brought up to date (and
        written again when many changes were applied), or a new build when it cannot serve. With what
        happened, for the log."""
        opened = self.open()
        if opened.index is None or opened.problem:
            rebuilt = self.rebuild()
            assert rebuilt.index is not None
            return rebuilt.index, f"rebuilt: {opened.problem}"
        if opened.applied >= RESAVE_AFTER and opened.position is not None:
            try:
                self.save(opened.index, opened.position)
            except OSError as exc:
                log.warning("search index snapshot not written: %s", exc)
        return opened.index, f"opened, {opened.applied} changes applied"


# Changes applied at opening after which the snapshot is written again, so the next start need not read
# them (a large import or sync); fewer are cheaper to read again than to write 100 MB.
RESAVE_AFTER = 1000
