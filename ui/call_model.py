"""One row per live call, in arrival order; updated from `PhoneBridge.call_changed`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from softphone.model import Call, CallChanged, CallState

CALL_ROLE = Qt.ItemDataRole.UserRole + 1  # the `Call` snapshot
CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CallListModel(QAbstractListModel):
    """Live calls as plain-text rows ("Ringing – Alice (2001)"); ended calls leave the model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: list[Call] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._calls)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._calls):
            return None
        call = self._calls[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(call)
        if role == CALL_ROLE:
            return call
        if role == CALL_ID_ROLE:
            return call.id
        return None

    def describe(self, call: Call) -> str:
        state = self.state_text(call)
        who = call.remote.label
        if call.remote.display_name and call.remote.number:
            who = f"{call.remote.display_name} ({call.remote.number})"
        return f"{state} – {who}"

    def state_text(self, call: Call) -> str:
        if call.state is CallState.CONNECTED and call.on_hold:
            return self.tr("On hold")
        if call.state is CallState.CONNECTED and call.remote_hold:
            return self.tr("Held by caller")
        return {
            CallState.RINGING: self.tr("Ringing"),
            CallState.DIALING: self.tr("Calling"),
            CallState.ALERTING: self.tr("Ringing at the other end"),
            CallState.CONNECTING: self.tr("Connecting"),
            CallState.CONNECTED: self.tr("Connected"),
            CallState.ENDED: self.tr("Ended"),
        }[call.state]

    def calls(self) -> tuple[Call, ...]:
        return tuple(self._calls)

    def row_of(self, call_id: int) -> int:
        return next((row for row, call in enumerate(self._calls) if call.id == call_id), -1)

    def apply(self, event: CallChanged) -> None:
        """Insert, update or remove the call's row."""
        call = event.call
        row = self.row_of(call.id)
        if not call.state.live:
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._calls[row]
                self.endRemoveRows()
        elif row < 0:
            self.beginInsertRows(QModelIndex(), len(self._calls), len(self._calls))
            self._calls.append(call)
            self.endInsertRows()
        else:
            self._calls[row] = call
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def reset(self, calls: tuple[Call, ...]) -> None:
        self.beginResetModel()
        self._calls = [c for c in calls if c.state.live]
        self.endResetModel()
