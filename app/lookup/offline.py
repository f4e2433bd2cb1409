"""Offline, read-only: the console's shared PostgreSQL store cannot be reached, and the window says so.

The console keeps working from its last copy: search is local, and referrals, notes, call-backs, favourites
and notices stay as last read. Writes are refused at once by the store (`Store.mark_unreachable`: nothing
queued that could later undo someone else's change), and the flows say so. A failed read or write that
`unreachable` recognises, or the live-update listener losing its connection followed by a failed read,
takes the console offline; a successful read, or the listener connected again, brings it back, and then
everything shown is read again (`reconcile`), since notifications sent meanwhile were lost.

A console started while the store cannot be reached works from this PC's copy (`opened_without`; the
banner names when the copy was read: app.lookup.loading_flow). A red banner says it while it lasts
(announced to screen readers, as every banner is); the return is said in the status bar. The embedded
SQLite store is never offline.

Signals: ``offline_changed(bool)`` (True: offline).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from directory.store import Store
from directory.store.availability import reason, unreachable
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
BANNER_KIND = "store"


class OfflineMode(QObject):
    offline_changed = Signal(bool)

    def __init__(self, window: MainWindow, store: Callable[[], Store | None], *,
                 reconcile: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self._store, self._reconcile = window, store, reconcile
        self.offline = False

    def failed(self, error: BaseException) -> bool:
        """Whether `error` is the shared store being unreachable; if so the console is now offline."""
        store = self._store()
        if store is None or store.embedded or not unreachable(error):
            return False
        self.lost(store.unreachable_reason or reason(error))
        return True

    def lost(self, why: str) -> None:
        self._went_offline(why, self.tr("The shared store cannot be reached (%1). Showing referrals, notes and "
                                        "call-backs as last read; changes are refused until it is back.")
                           .replace("%1", why))

    def opened_without(self, why: str, copy_read_at: datetime | None, *, has_index: bool) -> None:
        """The console started while the store could not be reached: it works from this PC's copy, read at
        ``copy_read_at`` (None: there is none), and says which."""
        if copy_read_at is None:
            text = self.tr("The shared store cannot be reached (%1) and this PC has no copy of its referrals, "
                           "notices and call-backs yet; changes are refused until it is back.").replace("%1", why)
        else:
            local = copy_read_at.astimezone()
            when = f"{local:%H:%M}" if local.date() == datetime.now().astimezone().date() \
                else f"{local:%Y-%m-%d %H:%M}"
            text = (self.tr("The shared store cannot be reached (%1). Working from this PC's copy of %2: "
                            "referrals, notices, call-backs and favourites as they were then; changes are refused "
                            "until it is back.").replace("%1", why).replace("%2", when))
        if not has_index:
            text += " " + self.tr("The directory has not been read on this PC yet: search finds no one until then.")
        self._went_offline(why, text)

    def _went_offline(self, why: str, text: str) -> None:
        store = self._store()
        if store is None or store.embedded:
            return
        if not store.unreachable_reason:
            store.mark_unreachable(why)
        if self.offline:
            return
        self.offline = True
        log.warning("shared store unreachable (%s): read-only until it is back", why)
        self.window.banner.show_message(text, "background: #fde7e9; color: #5c0b12;")
        self.window.banner.setProperty("kind", BANNER_KIND)
        self.offline_changed.emit(True)

    def reached(self) -> None:
        """A read or the listener got through: writes are allowed again and what is shown is read again."""
        store = self._store()
        if store is None or store.embedded:
            return
        store.mark_reachable()
        if not self.offline:
            return
        self.offline = False
        log.info("shared store reachable again")
        if self.window.banner.property("kind") == BANNER_KIND:
            self.window.hide_banner()
            self.window.banner.setProperty("kind", "")
        self.window.show_notice(self.tr("The shared store is back: changes can be made again"))
        self.offline_changed.emit(False)
        self._reconcile()

    def refusal(self) -> str:
        """What to say when the operator tries a change while offline."""
        return self.tr("Not saved: the shared store cannot be reached. Changes can be made again once it is "
                       "back.")
