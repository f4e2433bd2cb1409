"""A statistics report as a table model: one row per period, service or console, then the total.

Cells are the plain numbers directory.stats.table gives (the exports write the same); the model only
formats them for display: shares as percentages, seconds to tenths, "–" where there is no figure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt

from directory.stats.table import Cell

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain number behind a cell, for charts and tests
_Index = QModelIndex | QPersistentModelIndex
NO_FIGURE = "–"


class StatsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[Cell]] = []
        self._percent: frozenset[int] = frozenset()

    def set_table(self, headers: list[str], rows: list[list[Cell]], percent_columns: list[int]) -> None:
        self.beginResetModel()
        self._headers, self._rows, self._percent = list(headers), [list(r) for r in rows], frozenset(percent_columns)
        self.endResetModel()

    @property
    def headers(self) -> list[str]:
        return list(self._headers)

    @property
    def rows(self) -> list[list[Cell]]:
        return [list(r) for r in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._headers):
            return None
        value = self._rows[index.row()][index.column()]
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(value, index.column())

    def _text(self, value: Cell, column: int) -> str:
        if value is None:
            return NO_FIGURE
        if isinstance(value, str):
            return value
        locale = QLocale()
        if column in self._percent:
            return f"{locale.toString(float(value) * 100, 'f', 1)} %"
        return locale.toString(value) if isinstance(value, int) else locale.toString(float(value), "f", 1)
