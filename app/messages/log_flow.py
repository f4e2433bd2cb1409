"""The message log tab: the outbox searched like the call log, refreshed when a message is sent, retried or
reported delivered."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.log_flow import LogFlow
from app.tasks import TaskRunner
from directory.store.outbox import OutboxRepository
from ui.message_log_panel import MessageLogPanel


class MessageLogFlow(LogFlow):
    def __init__(self, panel: MessageLogPanel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(panel, tasks, lambda messages: panel.show_messages(list(messages)), parent)

    def attach(self, outbox: OutboxRepository) -> None:
        self.attach_query(lambda text, limit: outbox.search(text, limit=limit))
