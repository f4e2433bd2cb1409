"""The Call back panel over the shared store: every console's callers who gave up, durable and claimed once.

`CallbackFlow` is a desk listener: each `CallbackAdded` is written on the database worker (as the call
log's `CallLogWriter` does); once stored, the desk forgets its in-memory entry and the panel shows the
stored row. An entry whose write failed stays in the desk's memory and is written again at the next
look. While the shared store cannot be reached the list is this PC's last copy of it (steps are refused,
as every change is), and a caller who gives up is kept in that copy too (``pending``), shown, and written
once the store is back, by this console or, closed meanwhile, at its next start (an addition, and one per
exchange queue id: it can overwrite nothing). Enter on a row claims it, then dials; Ctrl+D marks it done;
another operator's claim or an older version comes back as `CallbackConflictError` and is said in the
status bar, never overwritten.
Until live updates arrive, the list is read again every `LOOK_MS` (the directory's 30-second look).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.calls.desk_bridge import DeskBridge
from app.tasks import TaskRunner
from directory.store.availability import unreachable
from directory.store.callbacks import (
    WAITING,
    CallbackConflictError,
    CallbackRepository,
    NewCallback,
    StoredCallback,
)
from directory.store.last_copy import LastCopy, read_or_copy
from softphone.desk.records import CallbackAdded, CallbackEntry, DeskEvent
from ui.desk_panel import DeskPanels

log = logging.getLogger(__name__)
LOOK_MS = 30_000


def new_callback(entry: CallbackEntry) -> NewCallback:
    return NewCallback(entry.number, entry.name, entry.dialled, entry.at, entry.stage.value, entry.queue_id)


def local_callback_row(callback: NewCallback, local_id: int) -> StoredCallback:
    """A caller not (yet) in the store, as a row; ``local_id`` is negative, so no step is taken on it."""
    return StoredCallback(
        id=local_id, number=callback.number, name=callback.name, dialled=callback.dialled,
        hung_up_at=callback.hung_up_at, stage=callback.stage, console="", state=WAITING, claimed_by="",
        claimed_at=None, done_by="", done_at=None, version=0)


class CallbackFlow(QObject):
    def __init__(self, panels: DeskPanels, bridge: DeskBridge, tasks: TaskRunner, operator: str, *,
                 dial_string: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panels, self.bridge, self.tasks, self.operator = panels, bridge, tasks, operator
        self._dial_string = dial_string
        self.repository: CallbackRepository | None = None  # once the store is open
        self.copy: LastCopy | None = None  # this PC's copy of a shared store's list, and its pending callers
        self._writing: set[NewCallback] = set()  # being written (no second write)
        self._listening = False
        self._look = QTimer(self)
        self._look.setInterval(LOOK_MS)
        self._look.timeout.connect(self.reload)
        panels.callback_done_requested.connect(self.mark_done)
        panels.callback_dial_requested.connect(self.call_back)

    def attach(self, repository: CallbackRepository, copy: LastCopy | None = None) -> None:
        """The store is open (or, started while it cannot be reached, about to be): the list becomes the
        store's (the desk's unsaved entries and the copy's pending ones are written first). Attached again
        once the store is opened, with its repository."""
        self.repository, self.copy = repository, copy
        self.panels.share_callbacks(self.operator)
        if not self._listening:
            self.bridge.desk.add_listener(self)
            self._listening = True
        self.reload()
        self._look.start()

    def detach(self) -> None:
        self._look.stop()

    def __call__(self, event: DeskEvent) -> None:
        if isinstance(event, CallbackAdded) and self.repository is not None:
            self._write(event.entry)

    def reload(self) -> None:
        for entry in list(self.bridge.desk.callbacks):
            self._write(entry)
        if self.repository is None:
            return
        if self.copy is not None and not self.repository.store.unreachable_reason:
            held = {new_callback(e) for e in self.bridge.desk.callbacks}
            for callback in list(self.copy.contents.pending):  # kept by an earlier start, or before the desk had them
                if callback not in held:
                    self._write_new(callback, None)
        self.tasks.spawn(self._reload(self.repository, self.copy), "call-back list", self._failed)

    def mark_done(self, entry: StoredCallback) -> None:
        self._step(entry, lambda repo: repo.done(entry.id, self.operator, version=entry.version), None)

    def call_back(self, entry: StoredCallback) -> None:
        """Claim it for this operator, then dial; someone else's claim is said, and nothing is dialled."""
        self._step(entry, lambda repo: repo.claim(entry.id, self.operator, version=entry.version),
                   lambda claimed: self.bridge.dial(self._dial_string(claimed.number)))

    # -- on the database worker, answers back here ----------------------------------------------------

    def _write(self, entry: CallbackEntry) -> None:
        self._write_new(new_callback(entry), entry)

    def _write_new(self, callback: NewCallback, entry: CallbackEntry | None) -> None:
        """Write ``callback`` (the desk's ``entry``, or one the copy kept) once; refused while the store
        cannot be reached, it is kept in the copy until it can be written."""
        if self.repository is None or callback in self._writing:
            return
        self._writing.add(callback)
        self.tasks.spawn(self._written(self.repository, self.copy, callback, entry), "call-back write",
                         self._failed)

    async def _written(self, repository: CallbackRepository, copy: LastCopy | None, callback: NewCallback,
                       entry: CallbackEntry | None) -> None:
        try:
            stored = await self.tasks.in_database(self._add, repository, copy, callback)
        except Exception as error:
            if copy is not None and unreachable(error):  # kept in the copy: shown with the list as last read
                self.tasks.spawn(self._reload(repository, copy), "call-back list", self._failed)
            raise
        finally:
            self._writing.discard(callback)
        if entry is not None:
            self.bridge.desk.remove_callback(entry)  # durable now: the store holds it
        self.panels.callback_model.put(stored)

    def _add(self, repository: CallbackRepository, copy: LastCopy | None, callback: NewCallback) -> StoredCallback:
        """On the database worker: added to the store, else (unreachable) kept in the copy, and raised."""
        try:
            stored = repository.add(callback, self.operator)
        except Exception as error:
            if copy is not None and unreachable(error):
                copy.add_pending(callback)
            raise
        if copy is not None:
            copy.written(callback)
        return stored

    async def _reload(self, repository: CallbackRepository, copy: LastCopy | None) -> None:
        def kept() -> list[StoredCallback]:  # the copy's list, and the callers kept since, not yet written
            assert copy is not None
            pending = [local_callback_row(p, -1 - i) for i, p in enumerate(copy.contents.pending)]
            return sorted([*copy.contents.callbacks, *pending], key=lambda c: c.hung_up_at, reverse=True)

        self.panels.callback_model.reset(await self.tasks.in_database(
            read_or_copy, repository.store, copy, repository.open,
            lambda read: copy.keep_callbacks(read) if copy is not None else None, kept))

    def _step(self, entry: StoredCallback, step: Callable[[CallbackRepository], StoredCallback],
              then: Callable[[StoredCallback], object] | None) -> None:
        if self.repository is None or entry.id < 0:
            return
        self.tasks.spawn(self._stepped(self.repository, step, then), "call-back step", self._failed)

    async def _stepped(self, repository: CallbackRepository, step: Callable[[CallbackRepository], StoredCallback],
                       then: Callable[[StoredCallback], object] | None) -> None:
        try:
            result = await self.tasks.in_database(step, repository)
        except CallbackConflictError as conflict:
            self._said_conflict(conflict)
            return
        self.panels.callback_model.put(result)
        if then is not None:
            then(result)

    def _said_conflict(self, conflict: CallbackConflictError) -> None:
        current = conflict.current
        if current is None:
            self.panels.notice.emit(self.tr("That call-back is no longer on the list"))
            self.reload()
            return
        self.panels.callback_model.put(current)
        if current.state == "claimed":
            self.panels.notice.emit(self.tr("%1 is already being called back by %2")
                                    .replace("%1", current.label).replace("%2", current.claimed_by))
        elif current.state == "done":
            self.panels.notice.emit(self.tr("%1 has already been called back by %2")
                                    .replace("%1", current.label).replace("%2", current.done_by))
        else:
            self.panels.notice.emit(self.tr("%1 changed meanwhile; the list shows it as it is now")
                                    .replace("%1", current.label))

    def _failed(self, error: BaseException) -> None:
        if unreachable(error):  # offline: the list stays as last read; nothing is changed behind anyone's back
            self.panels.notice.emit(self.tr("The call-back list cannot be changed now: the shared store cannot be "
                                            "reached (callers who gave up are kept on this PC and saved "
                                            "once it is back)"))
            return
        self.panels.notice.emit(self.tr("The call-back list could not be saved or read: %1 "
                                        "(callers who gave up are kept on this console and saved later)")
                                .replace("%1", str(error).splitlines()[0] if str(error) else type(error).__name__))
