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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from directory.model import ChangePosition
from directory.search.index import SearchIndex
from directory.search.snapshot import SnapshotError, SnapshotMissingError, amend_position, read_snapshot
from directory.store.entries import DirectoryRepository, fingerprint

log = logging.getLogger(__name__)
# Writers stamp changes with their own clock before they commit: the changes from this long before the
# snapshot's position are read again. Which of those the snapshot already holds as they are is told by
# their content fingerprints, kept with it (``current``): one import stamps all its entries alike, and
# they are not loaded again at every start.
MARGIN = timedelta(seconds=5)
# Once this long has passed since the position, every write stamped before it has committed (a 200,000
# entry import takes a minute; clocks of the writers' PCs differ by seconds): the snapshot is then marked
# settled, and only changes after the position itself are read.
SETTLE = timedelta(minutes=10)
FINGERPRINT_CHARS = 16
LOAD_BATCH = 5000  # ids per query when loading changed entries
# More entries than this changed since the snapshot, and it is rebuilt rather than brought up to them one by
# one: added or renamed entries take slots out of name order, and past 512 of them the index renumbers
# itself from every entry (directory.search.state): as slow as a build, and the snapshot stays behind.
MANY_CHANGES = 500


def position_json(position: ChangePosition, *, settled: bool = False) -> dict[str, Any]:
    changed = position.changed_at.isoformat() if position.changed_at else None
    return {"changed_at": changed, "active": position.active, "last_id": position.last_id, "settled": settled}


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
        settled = snapshot.position.get("settled") is True
        try:
            current = {} if settled else snapshot.extra().get("current", {})
        except SnapshotError as exc:
            return Opened(None, f"{self.path}: {exc}")
        applied = self._apply_since(index, then.changed_at, current if isinstance(current, dict) else {},
                                    margin=timedelta(0) if settled else MARGIN)
        problem = ""
        if applied < 0:
            applied, problem = 0, f"{self.path}: more than {MANY_CHANGES} entries changed since the snapshot"
        elif (now.last_id < then.last_id or (then.changed_at is not None and now.changed_at is not None
                                           and now.changed_at < then.changed_at)):
            problem = f"{self.path}: the store is behind the snapshot (restored or replaced)"
        elif len(index) != now.active:
            problem = (f"{self.path}: the store changed behind the snapshot: {now.active} entries in the store, "
                       f"{len(index)} in the index")
        if problem:
            log.warning("search index snapshot stale: %s", problem)
        elif not settled and not applied and then.changed_at is not None \
                and datetime.now(UTC) - then.changed_at > SETTLE:
            try:  # what was near the position is known held: from now on, read only what came after it
                amend_position(self.path, position_json(then, settled=True))
            except (OSError, ValueError, SnapshotError) as exc:
                log.warning("search index snapshot not amended: %s", exc)
        return Opened(index, problem, applied, now)

    def open_offline(self) -> Opened:
        """The snapshot as it is, without the store (its server cannot be reached): what this PC last had,
        ranked without the use counts kept in the store. No index when there is none that can serve."""
        try:
            snapshot = read_snapshot(self.path)
        except SnapshotError as exc:
            return Opened(None, str(exc))
        if snapshot.store != self.store:
            return Opened(None, f"{self.path}: a snapshot of another store ({snapshot.store})")
        return Opened(SearchIndex.from_state(snapshot.state), "the store cannot be reached: not brought up to date")

    def _apply_since(self, index: SearchIndex, since: datetime | None, current: dict[int, str], *,
                     margin: timedelta) -> int:
        """The changes applied; -1 when there were too many to apply (none were: the snapshot serves as it
        is until it is rebuilt)."""
        if since is None:  # the snapshot was of an empty directory: every entry is new
            since = datetime(1970, 1, 1, tzinfo=UTC) + margin
        since -= margin
        updated = [entry_id for entry_id, fp in self.directory.fingerprints_since(since).items()
                   if current.get(entry_id) != fp[:FINGERPRINT_CHARS]]
        if len(updated) > MANY_CHANGES:
            return -1
        for start in range(0, len(updated), LOAD_BATCH):
            index.upsert(self.directory.load_entries(updated[start:start + LOAD_BATCH]))
        removed = self.directory.removed_since(since)
        if removed:
            index.remove(removed)
        return len(updated) + len(removed)

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
        """Write ``index``, current to ``position``, as the snapshot; its size in bytes. The entries changed
        near the position are kept with their fingerprints as the index holds them."""
        near = (list(self.directory.fingerprints_since(position.changed_at - MARGIN))
                if position.changed_at is not None else [])

        def current() -> dict[str, Any]:
            held = ((entry_id, index.get(entry_id)) for entry_id in near)
            return {"current": {entry_id: fingerprint(entry)[:FINGERPRINT_CHARS]
                                for entry_id, entry in held if entry is not None}}

        return index.write_snapshot(self.path, store=self.store, position=position_json(position), extra=current)

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
