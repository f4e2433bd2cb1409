"""Search as you type: the newest text wins, stale results are dropped, and nothing else happens per key.

Signals: ``results_shown(list)`` with the entries now in the results, best first (the busy lamps take
their first rows once the list has been still; see `LineWatcher.show`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.lookup.typing_hold import TypingHold
from app.tasks import TaskRunner
from ui.main_window import MainWindow
from ui.results_model import HIGHLIGHTED_FIELDS, ResultRow

DEFAULT_LIMIT = 50  # before a store is open; then `[directory] result_limit`


class SearchFlow(QObject):
    results_shown = Signal(object)

    def __init__(self, window: MainWindow, tasks: TaskRunner, state: LookupState, status: StatusLine,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks, self.state, self.status = window, tasks, state, status
        self._wanted_query: str | None = None
        self._searching = False
        self.hold = TypingHold()
        window.search_text_changed.connect(self._on_window_search_text_changed)

    def rerun(self) -> None:
        """Search the field's text again: the index, a referral or a lamp changed."""
        self.request(self.window.search_field.text())

    def request(self, text: str) -> None:
        self._wanted_query = text
        self.hold.typing()
        if not self._searching and self.state.index is not None:
            self._searching = True
            self.tasks.spawn(self._search_until_current(), "search")

    def _on_window_search_text_changed(self, text: str) -> None:
        self.request(text)

    async def _search_until_current(self) -> None:
        try:
            while self.state.index is not None and self._wanted_query is not None:
                query, index, services = self._wanted_query, self.state.index, self.state.services
                limit = services.config.settings.directory.result_limit if services else DEFAULT_LIMIT
                hits = await self.tasks.in_search(partial(index.search, fields=HIGHLIGHTED_FIELDS), query, limit)
                if query == self._wanted_query:  # else typing went on: search the newer text
                    now = datetime.now(UTC)
                    self.window.show_results([
                        ResultRow(hit.entry, dict(hit.highlights), *self.status.with_kind(hit.entry.id, now))
                        for hit in hits])
                    self._wanted_query = None
                    self.hold.typing()  # the collector's pass waits until the operator has read a moment
                    self.results_shown.emit([hit.entry for hit in hits])
        finally:
            self._searching = False
