"""The call log panel over the store: searches run on the database worker, stale answers are dropped,
and the list follows each call the desk logs."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.tasks import TaskRunner
from directory.store.calllog import CallLogRepository
from softphone.desk.records import CallLogged, DeskEvent
from ui.call_log_panel import CallLogPanel

SHOWN = 500  # newest first; a search narrows it down


class CallLogFlow(QObject):
    def __init__(self, panel: CallLogPanel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.tasks = panel, tasks
        self.repository: CallLogRepository | None = None  # once the store is open
        self._asked = 0
        panel.search_requested.connect(self.search)

    def attach(self, repository: CallLogRepository) -> None:
        self.repository = repository
        self.panel.refresh()

    def __call__(self, event: DeskEvent) -> None:
        """A desk listener, added after the writer: the database worker runs the write first."""
        if isinstance(event, CallLogged):
            self.panel.refresh()

    def search(self, text: str) -> None:
        if self.repository is None:
            return
        self._asked += 1
        self.tasks.spawn(self._search(self.repository, text, self._asked), "call log search")

    async def _search(self, repository: CallLogRepository, text: str, asked: int) -> None:
        calls = await self.tasks.in_database(lambda: repository.search(text, limit=SHOWN))
        if asked == self._asked:  # a newer search is on its way
            self.panel.show_calls(calls)
