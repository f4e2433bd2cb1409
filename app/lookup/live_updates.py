"""Live updates in the window: change-sets from PostgreSQL's LISTEN/NOTIFY, refreshed where they matter.

`LiveUpdates` owns the console's one `ChangeListener` (its own thread and connection) and carries its
change-sets to the GUI thread through a Qt signal (a queued crossing: the listener thread never touches
a widget). Referral and note changes re-read the referrals in force and re-run the shown search (and the
detail pane, when it shows the person changed); call-back changes re-read the Call back list. After a
dropped connection, once listening again, both are read again (what was missed meanwhile). A lost
connection is said in the status bar, and the console looks at once whether the store itself is away
(then it is offline, read-only: `app.lookup.offline`); listening again means it is back. On SQLite there
is nothing to listen to: the console keeps its 30-second look.

Signals: ``changed(SharedChanges)``, ``connection_changed(bool)`` (listening or not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from directory.store.listener import ChangeListener
from directory.store.notify import SharedChanges

if TYPE_CHECKING:
    from app.lookup.console import Console


class LiveUpdates(QObject):
    changed = Signal(object)  # SharedChanges, on the GUI thread
    connection_changed = Signal(bool)
    _heard = Signal(object)
    _connected = Signal(bool)
    _lost = Signal(str)

    def __init__(self, url: str, organisation: str, *, refresh_referrals: Callable[[], object],
                 refresh_callbacks: Callable[[], object], notice: Callable[[str], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refresh_referrals = refresh_referrals
        self._refresh_callbacks = refresh_callbacks
        self._notice = notice
        self._was_lost = False
        # Emitted on the listener's thread, received here on the GUI thread (queued: different threads).
        self._heard.connect(self._on_heard)
        self._connected.connect(self._on_connected)
        self._lost.connect(self._on_lost)
        self.listener = ChangeListener(url, organisation, self._heard.emit, on_connected=self._connected.emit,
                                       on_lost=self._lost.emit)

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()

    def _on_heard(self, change_set: SharedChanges) -> None:
        kinds = change_set.kinds()
        if change_set.reload or kinds & {"referral", "note"}:
            self._refresh_referrals()
        if change_set.reload or "callback" in kinds:
            self._refresh_callbacks()
        self.changed.emit(change_set)

    def _on_connected(self, reconnected: bool) -> None:
        self.connection_changed.emit(True)
        if reconnected:  # notifications sent while away are gone: read again what the window shows
            self._refresh_referrals()
            self._refresh_callbacks()
            if self._was_lost:
                self._notice(self.tr("Live updates are back"))
        self._was_lost = False

    def _on_lost(self, reason: str) -> None:
        self.connection_changed.emit(False)
        if not self._was_lost:
            self._notice(self.tr("Live updates from the shared store are interrupted (%1); reconnecting")
                         .replace("%1", reason))
        self._was_lost = True


def start_live_updates(console: Console, *, refresh_callbacks: Callable[[], object],
                       notice: Callable[[str], object], parent: QObject) -> LiveUpdates | None:
    """Listen for the console's store when it is a shared PostgreSQL one (None for SQLite); stopped with
    `parent`."""
    services = console.services
    if services is None or services.store.embedded:
        return None

    async def referrals() -> None:
        await console.loading.refresh()
        console.search.rerun()  # the shown results with their new referral lines

    live = LiveUpdates(services.store.url, services.store.organisation,
                       refresh_referrals=lambda: console.tasks.spawn(referrals(), "live referrals"),
                       refresh_callbacks=refresh_callbacks, notice=notice, parent=parent)

    def on_connection_changed(listening: bool) -> None:
        if listening:
            console.offline.reached()
        else:  # the listener's connection, or the whole server? A read tells, and takes the console offline
            console.refresh_now()

    live.connection_changed.connect(on_connection_changed)

    def on_changed(change_set: SharedChanges) -> None:  # the detail pane, when it shows a person changed
        current = console.window.current_entry_id()
        if current is None:
            return
        about = {c.entry_id for c in change_set.changes if c.kind in ("referral", "note")}
        if change_set.reload or current in about:
            console.detail.refresh((current,))

    live.changed.connect(on_changed)
    console.offline.offline_changed.connect(lambda offline: None if offline else refresh_callbacks())
    parent.destroyed.connect(live.stop)
    live.start()
    return live
