"""The phone dock's list: one row per desk row, in arrival order; fed by `DeskBridge.desk_changed`.

Rows are the desk's (`DeskCall`), the only call model the window reads; what the line is doing (ringing,
on hold, held by the caller) comes from the phone's snapshot each row carries. Caller names are
untrusted and only ever returned as plain strings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, DeskChanged, Stage
from softphone.model import CallState

CALL_ROLE = Qt.ItemDataRole.UserRole + 1  # the `DeskCall` row
CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CallListModel(QAbstractListModel):
    """The desk's rows as plain-text lines ("Ringing – Alice (2001)"); rows that left the desk leave it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: list[DeskCall] = []
        self.numbers = NumberDisplay()  # as the phone panel shows them (PhonePanel.numbers sets it)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._calls)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._calls):
            return None
        call = self._calls[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tooltip: all of a cut line
            return self.describe(call)
        if role == CALL_ROLE:
            return call
        if role == CALL_ID_ROLE:
            return call.call_id
        return None

    def describe(self, call: DeskCall) -> str:
        number = self.numbers.number(call.number)
        who = call.name or number or call.label
        if call.name and number:
            who = f"{call.name} ({number})"
        return f"{self.state_text(call)} – {who}"

    def state_text(self, call: DeskCall) -> str:
        if call.stage is Stage.CONSULTING and call.consultation is not None:
            return self.tr("Consulting %1").replace("%1", call.consultation.name)
        if call.stage is Stage.TRANSFERRING:
            return self.tr("Transferring to %1").replace("%1", call.transfer_target)
        if call.stage is Stage.RECALL:
            return self.tr("Recall")
        line = call.line
        if call.stage is Stage.HELD or (line is not None and line.on_hold):
            return self.tr("On hold")
        if line is None:
            return self.tr("Ringing") if call.stage is Stage.WAITING else self.tr("Connected")
        if line.state is CallState.CONNECTED and line.remote_hold:
            return self.tr("Held by caller")
        return {
            CallState.RINGING: self.tr("Ringing"),
            CallState.DIALING: self.tr("Calling"),
            CallState.ALERTING: self.tr("Ringing at the other end"),
            CallState.CONNECTING: self.tr("Connecting"),
            CallState.CONNECTED: self.tr("Connected"),
            CallState.ENDED: self.tr("Ended"),
        }[line.state]

    def calls(self) -> tuple[DeskCall, ...]:
        return tuple(self._calls)

    def row_of(self, call_id: int) -> int:
        return next((row for row, call in enumerate(self._calls) if call.call_id == call_id), -1)

    def apply(self, event: DeskChanged) -> None:
        """Insert, update or remove the row. Callers waiting at the exchange (negative ids) are not on the
        operator's phone and are not shown here."""
        call = event.call if event.call is not None else event.previous
        if call is None or call.call_id < 0:
            return
        row = self.row_of(call.call_id)
        if event.call is None:
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._calls[row]
                self.endRemoveRows()
        elif row < 0:
            self.beginInsertRows(QModelIndex(), len(self._calls), len(self._calls))
            self._calls.append(event.call)
            self.endInsertRows()
        else:
            self._calls[row] = event.call
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def reset(self, calls: tuple[DeskCall, ...]) -> None:
        self.beginResetModel()
        self._calls = [c for c in calls if c.call_id >= 0]
        self.endResetModel()
