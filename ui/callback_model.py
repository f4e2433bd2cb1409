"""The call-back list: callers who hung up before they were helped, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from softphone.desk.records import CallbackEntry, Stage

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("caller", "number", "dialled", "time", "where")


class CallbackModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CallbackEntry] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return (self.tr("Caller"), self.tr("Number"), self.tr("Dialled"), self.tr("Hung up at"),
                    self.tr("While"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        entry = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = COLUMNS[index.column()]
        if column == "caller":
            return entry.name or entry.number
        if column == "number":
            return entry.number
        if column == "dialled":
            return entry.dialled
        if column == "time":
            return entry.at.astimezone().strftime("%H:%M")
        return self.stage_text(entry.stage)

    def stage_text(self, stage: Stage) -> str:
        return {
            Stage.WAITING: self.tr("waiting"), Stage.HELD: self.tr("on hold"),
            Stage.CONSULTING: self.tr("on hold"), Stage.RECALL: self.tr("on hold"),
            Stage.TRANSFERRING: self.tr("being transferred"), Stage.ACTIVE: "",
        }[stage]

    def add(self, entry: CallbackEntry) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, entry)
        self.endInsertRows()

    def remove(self, row: int) -> CallbackEntry | None:
        if not 0 <= row < len(self._rows):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self._rows.pop(row)
        self.endRemoveRows()
        return entry

    def entries(self) -> tuple[CallbackEntry, ...]:
        return tuple(self._rows)
