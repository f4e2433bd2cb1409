"""The message log in the window: every message to staff, searchable like the call log (who sent what to
whom, when, over which channel, and how it went)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from directory.store.outbox import OutboxMessage
from ui.log_panel import LogPanel
from ui.message_log_model import MessageLogModel


class MessageLogPanel(LogPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = MessageLogModel()
        super().__init__("messageLog", model, parent)
        self.model = model
        model.setParent(self)
        self.describe(self.tr("Search the messages: recipient, number, sender, text…"),
                      self.tr("Search the message log"), self.tr("Type a name, number or word to find messages"),
                      self.tr("Message log"),
                      self.tr("Messages to staff, newest first: when, channel, to whom, text and state"))

    def show_messages(self, messages: list[OutboxMessage]) -> None:
        self.model.set_messages(messages)
        self.summary.setText(self.model.summary())
