"""The call-back list: callers who hung up before they were helped, newest first.

Rows are the store's `StoredCallback`s (shared by every console: one claimed by another operator shows
"taken by Eva"); a console without a store shows the desk's own entries, mapped by `local_callback`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from directory.store.callbacks import CLAIMED, DONE, WAITING, StoredCallback
from softphone.desk.records import CallbackEntry, Stage

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("caller", "number", "dialled", "time", "where", "status")


def local_callback(entry: CallbackEntry, local_id: int) -> StoredCallback:
    """A desk entry not (yet) in a store, as a row; `local_id` is negative so it never meets a store id."""
    return StoredCallback(
        id=local_id, number=entry.number, name=entry.name, dialled=entry.dialled, hung_up_at=entry.at,
        stage=entry.stage.value, console="", state=WAITING, claimed_by="", claimed_at=None, done_by="",
        done_at=None, version=0)


class CallbackModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoredCallback] = []
        self.operator = ""  # this console's operator: their own claims read "you are calling"

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return (self.tr("Caller"), self.tr("Number"), self.tr("Dialled"), self.tr("Hung up at"),
                    self.tr("While"), self.tr("Status"))[section]
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
            return entry.hung_up_at.astimezone().strftime("%H:%M")
        if column == "where":
            return self.stage_text(entry.stage)
        return self.status_text(entry)

    def stage_text(self, stage: str) -> str:
        return {
            Stage.WAITING.value: self.tr("waiting"), Stage.HELD.value: self.tr("on hold"),
            Stage.CONSULTING.value: self.tr("on hold"), Stage.RECALL.value: self.tr("on hold"),
            Stage.TRANSFERRING.value: self.tr("being transferred"),
        }.get(stage, "")

    def status_text(self, entry: StoredCallback) -> str:
        if entry.state != CLAIMED:
            return ""
        if entry.claimed_by == self.operator:
            return self.tr("you are calling")
        return self.tr("taken by %1").replace("%1", entry.claimed_by)

    # -- changes ------------------------------------------------------------------------------------

    def add(self, entry: StoredCallback) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, entry)
        self.endInsertRows()

    def put(self, entry: StoredCallback) -> None:
        """A row as it now is: replaced in place, added when new, removed when done."""
        row = self.row_of(entry.id)
        if entry.state == DONE:
            self.remove(row)
        elif row < 0:
            position = next((i for i, r in enumerate(self._rows) if r.hung_up_at <= entry.hung_up_at), len(self._rows))
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, entry)
            self.endInsertRows()
        elif entry.version >= self._rows[row].version:  # an older answer never undoes a newer one
            self._rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def reset(self, entries: list[StoredCallback]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def remove(self, row: int) -> StoredCallback | None:
        if not 0 <= row < len(self._rows):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self._rows.pop(row)
        self.endRemoveRows()
        return entry

    def row_of(self, callback_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == callback_id), -1)

    def entry(self, row: int) -> StoredCallback | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def entries(self) -> tuple[StoredCallback, ...]:
        return tuple(self._rows)
