"""The favourites (busy lamp field) list: one row per chosen person or unit, its lamp and status text.

Fed whole lists of `FavouriteRow` from `directory.presence.FavouritesBoard.rows`; only rows whose content
changed emit `dataChanged`, a changed membership or order resets the model. No literals to translate:
the status text comes from `directory.presence.wording` in the operator's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from directory.presence import FavouriteRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the FavouriteRow
LAMP_ROLE = Qt.ItemDataRole.UserRole + 2  # LineState value (Qt hands back the str): idle/ringing/busy/dnd/unknown
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the aggregated status text ("" when nothing is known)
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 4  # bool: the live line contradicts the headline
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 5
_Index = QModelIndex | QPersistentModelIndex


class FavouritesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FavouriteRow] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.favourite.name} – {row.text}" if row.text else row.favourite.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text or None
        return {ROW_ROLE: row, LAMP_ROLE: row.line, STATUS_ROLE: row.text, CONFLICT_ROLE: row.conflict,
                ENTRY_ID_ROLE: row.favourite.entry_id}.get(role)

    def set_rows(self, rows: Sequence[FavouriteRow]) -> None:
        """Show ``rows``; same favourites in the same order: only changed rows are signalled."""
        if [r.favourite for r in rows] != [r.favourite for r in self._rows]:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        for position, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if (old.line, old.text, old.conflict) != (new.line, new.text, new.conflict):
                self._rows[position] = new
                index = self.index(position)
                self.dataChanged.emit(index, index)
            else:
                self._rows[position] = new  # fresher presence (ages), same look

    def rows(self) -> tuple[FavouriteRow, ...]:
        return tuple(self._rows)
