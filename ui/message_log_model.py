"""The message log as a table: newest first, who it went to, over which channel, its state and why.

Recipients' names and the texts are typed by people: they are only ever returned as plain strings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from directory.number_display import NumberDisplay
from directory.store.outbox import OutboxMessage

MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("time", "channel", "recipient", "text", "state", "sender")
TEXT_SHOWN = 80  # characters of the text in its cell; the whole text is the cell's tooltip


class MessageLogModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OutboxMessage] = []
        self.numbers = NumberDisplay()  # how phone numbers are shown; set by the wiring

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("Time"), self.tr("Channel"), self.tr("To"), self.tr("Text"), self.tr("State"),
                self.tr("Sent by"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        message = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == MESSAGE_ROLE:
            return message
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "text":
                return message.text
            if column == "state":
                return message.reason or None
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cell(message, column)

    def _cell(self, message: OutboxMessage, column: str) -> str:
        if column == "time":
            local = message.created_at.astimezone()
            today = datetime.now().astimezone().date()
            return f"{local:%H:%M}" if local.date() == today else f"{local:%d/%m %H:%M}"
        if column == "channel":
            return self.channel_text(message.channel)
        if column == "recipient":
            address = self.numbers.number(message.recipient) if message.channel == "sms" else message.recipient
            return f"{message.recipient_name} ({address})" if message.recipient_name else address
        if column == "text":
            line = " ".join(message.text.split())
            return line if len(line) <= TEXT_SHOWN else line[:TEXT_SHOWN - 1] + "…"
        if column == "state":
            state = self.state_text(message.state)
            return f"{state}: {message.reason}" if message.state == "failed" and message.reason else state
        return message.sender

    def channel_text(self, channel: str) -> str:
        return {"sms": self.tr("SMS"), "email": self.tr("E-mail"), "pager": self.tr("Pager / DECT")}.get(
            channel, channel)

    def state_text(self, state: str) -> str:
        return {"queued": self.tr("queued"), "sending": self.tr("sending"), "sent": self.tr("sent"),
                "delivered": self.tr("delivered"), "failed": self.tr("failed")}.get(state, state)

    def set_messages(self, messages: list[OutboxMessage]) -> None:
        self.beginResetModel()
        self._rows = list(messages)
        self.endResetModel()

    def messages(self) -> tuple[OutboxMessage, ...]:
        return tuple(self._rows)

    def summary(self) -> str:
        """"12 messages · 9 delivered · 1 failed"."""
        delivered = sum(1 for m in self._rows if m.state == "delivered")
        failed = sum(1 for m in self._rows if m.state == "failed")
        count = len(self._rows)
        return " · ".join((self.tr("%n message(s)", "", count), self.tr("%n delivered", "", delivered),
                           self.tr("%n failed", "", failed)))
