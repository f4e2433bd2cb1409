"""The message log as a table: newest first, who it went to, over which channel, its state and why.

Recipients' names and the texts are typed by people: they are only ever returned as plain strings.
"""

from __future__ import annotations

from typing import Any

from directory.store.outbox import OutboxMessage
from ui.log_table_model import ROW_ROLE, LogTableModel, when

MESSAGE_ROLE = ROW_ROLE
COLUMNS = ("time", "channel", "recipient", "text", "state", "sender")
TEXT_SHOWN = 80  # characters of the text in its cell; the whole text is the cell's tooltip


class MessageLogModel(LogTableModel):
    columns = COLUMNS

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Channel"), self.tr("To"), self.tr("Text"), self.tr("State"),
                self.tr("Sent by"))

    def tooltip(self, row: Any, column: str) -> str | None:
        message: OutboxMessage = row
        if column == "text":
            return message.text
        if column == "state":
            return message.reason or None
        return None

    def cell(self, row: Any, column: str) -> str:
        message: OutboxMessage = row
        if column == "time":
            return when(message.created_at)
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
        self.set_rows(messages)

    def messages(self) -> tuple[OutboxMessage, ...]:
        return tuple(self._rows)

    def summary(self) -> str:
        """"12 messages · 9 delivered · 1 failed"."""
        delivered = sum(1 for m in self._rows if m.state == "delivered")
        failed = sum(1 for m in self._rows if m.state == "failed")
        count = len(self._rows)
        return " · ".join((self.tr("%n message(s)", "", count), self.tr("%n delivered", "", delivered),
                           self.tr("%n failed", "", failed)))
