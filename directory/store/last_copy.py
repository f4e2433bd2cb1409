"""This PC's last copy of a shared store's data, for a console started while the server cannot be reached.

A console on a shared PostgreSQL store writes what it read (referrals in force, notices, the call-back
list, each operator's favourites, the notes of the last `NOTES_KEPT` people it showed) here after each
successful read, and what it could not write while the
store could not be reached and can overwrite nothing, being additions: the callers who gave up
(``pending``) and the finished calls for the call log (``pending_calls``), written to the store once it
is back, even by a later start of the console. One JSON file per store and organisation in the user's
own data folder, readable by the user alone (0600: it names callers and colleagues). Each write goes to a
file beside it and is renamed over it, so a reader sees the old copy or the new one; a damaged or foreign
file is ignored with a log line and replaced at the next write.

Blocking file I/O: touched only on the console's database worker, which serialises it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from directory.model import Note, Referral
from directory.store.availability import unreachable
from directory.store.callbacks import NewCallback, StoredCallback
from directory.store.calllog import LoggedCall
from directory.store.database import Store
from directory.store.notices import Notice

log = logging.getLogger(__name__)
FORMAT = 1
NOTES_KEPT = 500  # people whose notes are kept, the longest unread dropped first (as the detail pane keeps them)
T = TypeVar("T")


@dataclass
class CopyContents:
    """What the copy holds; ``read_at``: when the store was last read (None: never)."""

    read_at: datetime | None = None
    referrals: list[Referral] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    callbacks: list[StoredCallback] = field(default_factory=list)
    favourites: dict[str, list[int]] = field(default_factory=dict)  # by operator
    pending: list[NewCallback] = field(default_factory=list)  # callers who gave up, not yet in the store
    pending_calls: list[LoggedCall] = field(default_factory=list)  # the call log's, not yet in the store
    notes: dict[int, list[Note]] = field(default_factory=dict)  # by entry id, of people with notes, oldest first


class LastCopy:
    """The copy at ``path`` of the store named ``store`` (its URL without password, and organisation)."""

    def __init__(self, path: Path, store: str) -> None:
        self.path, self.store = path, store
        self.contents = self._read()

    def _read(self) -> CopyContents:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return CopyContents()
        except (OSError, ValueError) as exc:
            log.warning("last copy %s ignored: unreadable (%s)", self.path, exc)
            return CopyContents()
        try:
            if data["format"] != FORMAT or data["store"] != self.store:
                log.warning("last copy %s ignored: of another store or format", self.path)
                return CopyContents()
            read_at = data["read_at"]
            return CopyContents(
                read_at=datetime.fromisoformat(read_at) if read_at else None,
                referrals=[_load(Referral, r) for r in data["referrals"]],
                notices=[_load(Notice, n) for n in data["notices"]],
                callbacks=[_load(StoredCallback, c) for c in data["callbacks"]],
                favourites={str(k): [int(i) for i in v] for k, v in data["favourites"].items()},
                pending=[_load(NewCallback, p) for p in data["pending"]],
                pending_calls=[_load(LoggedCall, c) for c in data.get("pending_calls", [])],
                notes={int(k): [_load(Note, n) for n in v] for k, v in data.get("notes", {}).items()})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.warning("last copy %s ignored: damaged (%s)", self.path, exc)
            return CopyContents()

    # --- what a successful read keeps -----------------------------------------------------------------
    def keep_referrals(self, referrals: list[Referral], now: datetime) -> None:
        self.contents.referrals, self.contents.read_at = list(referrals), now
        self._write()

    # Notices, call-backs and favourites are read again at every look and every change heard: the copy is
    # written (with fsync) only when what was read differs from what it holds.
    def keep_notices(self, notices: list[Notice]) -> None:
        if self.contents.notices != notices:
            self.contents.notices = list(notices)
            self._write()

    def keep_callbacks(self, callbacks: list[StoredCallback]) -> None:
        if self.contents.callbacks != callbacks:
            self.contents.callbacks = list(callbacks)
            self._write()

    def keep_favourites(self, operator: str, entry_ids: list[int]) -> None:
        if self.contents.favourites.get(operator) != entry_ids:
            self.contents.favourites[operator] = list(entry_ids)
            self._write()

    def keep_notes(self, entry_id: int, notes: list[Note]) -> None:
        """A person's notes as just read; written only when they changed (the pane reads at every selection)."""
        kept = self.contents.notes
        if kept.get(entry_id, []) == notes:
            return
        kept.pop(entry_id, None)
        if notes:
            kept[entry_id] = list(notes)
            while len(kept) > NOTES_KEPT:
                del kept[next(iter(kept))]
        self._write()

    # --- callers who gave up while the store could not be reached -------------------------------------
    def add_pending(self, callback: NewCallback) -> None:
        if callback not in self.contents.pending:
            self.contents.pending.append(callback)
            self._write()

    def written(self, callback: NewCallback) -> None:
        """``callback`` is in the store now: no longer pending."""
        if callback in self.contents.pending:
            self.contents.pending.remove(callback)
            self._write()

    def add_pending_calls(self, calls: list[LoggedCall]) -> None:
        self.contents.pending_calls.extend(c for c in calls if c not in self.contents.pending_calls)
        self._write()

    def calls_written(self, calls: list[LoggedCall]) -> None:
        """``calls`` are in the store's call log now: no longer pending."""
        self.contents.pending_calls = [c for c in self.contents.pending_calls if c not in calls]
        self._write()

    def _write(self) -> None:
        """Atomically, readable by the user alone; a failure is logged, never raised (the copy is a
        convenience: the console works on without it)."""
        c = self.contents
        data = {"format": FORMAT, "store": self.store, "read_at": c.read_at.isoformat() if c.read_at else None,
                "referrals": [_dump(r) for r in c.referrals], "notices": [_dump(n) for n in c.notices],
                "callbacks": [_dump(s) for s in c.callbacks], "favourites": c.favourites,
                "pending": [_dump(p) for p in c.pending], "pending_calls": [_dump(p) for p in c.pending_calls],
                "notes": {str(k): [_dump(n) for n in v] for k, v in c.notes.items()}}
        part = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(part, 0o600)  # a file left by an older write keeps its mode through O_TRUNC
            os.replace(part, self.path)
        except OSError as exc:
            log.warning("last copy %s not written: %s", self.path, exc)


def read_or_copy(store: Store, copy: LastCopy | None, read: Callable[[], T], keep: Callable[[T], object],
                 kept: Callable[[], T]) -> T:
    """On the database worker: ``read()`` from the store and ``keep`` it in the copy; while the store cannot be
    reached (known so, or found so now), what the copy kept (``kept()``) instead. Without a copy (an embedded
    store) ``read()`` alone. Only reads: whether the console is offline is for its own watch to decide."""
    if copy is None:
        return read()
    if not store.unreachable_reason:
        try:
            value = read()
        except Exception as error:
            if not unreachable(error):
                raise
        else:
            keep(value)
            return value
    return kept()


def _dump(value: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in asdict(value).items()}


def _load(cls: type[T], data: dict[str, Any]) -> T:
    """``cls`` from its fields as `_dump` wrote them; datetimes are the fields whose names end in _at/until."""
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        if isinstance(value, str) and (f.name.endswith("_at") or f.name == "until"):
            value = datetime.fromisoformat(value)
        elif isinstance(value, list):  # JSON has no tuples
            value = tuple(value)
        values[f.name] = value
    return cls(**values)
