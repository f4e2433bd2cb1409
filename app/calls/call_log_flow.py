"""The call log panel over the store, following each call the desk logs."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.log_flow import LogFlow
from app.tasks import TaskRunner
from directory.store.calllog import CallLogRepository
from softphone.desk.records import CallLogged, DeskEvent
from ui.call_log_panel import CallLogPanel


class CallLogFlow(LogFlow):
    def __init__(self, panel: CallLogPanel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(panel, tasks, lambda calls: panel.show_calls(list(calls)), parent)
        self.repository: CallLogRepository | None = None  # once the store is open

    def attach(self, repository: CallLogRepository) -> None:
        self.repository = repository
        self.attach_query(lambda text, limit: repository.search(text, limit=limit))

    def __call__(self, event: DeskEvent) -> None:
        """A desk listener, added after the writer: the database worker runs the write first."""
        if isinstance(event, CallLogged):
            self.panel.refresh()
