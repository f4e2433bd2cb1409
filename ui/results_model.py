"""The search results as a Qt table model: one row per hit, plain text, highlight spans in a role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from directory.model import Entry, EntryKind
from directory.number_display import NumberDisplay, moved_spans
from ui.appearance import is_dark
from ui.status_lamp import StatusKind, status_lamp

NAME, TITLE, UNIT, NUMBER, STATUS = range(5)
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3
REFERRAL_COLOUR = QColor("#9a4a00")  # amber-brown: readable on white and on the alternate row colour
REFERRAL_COLOUR_ON_DARK = QColor("#ffb74d")  # light amber for the dark and high-contrast themes

Spans = tuple[tuple[int, int], ...]
# The text fields whose highlights the columns show (a search need not work out the others' for each hit;
# a number's spans come with a number query).
HIGHLIGHTED_FIELDS = ("display_name", "title", "unit")


@dataclass(frozen=True, slots=True)
class ResultRow:
    """What one row shows: the entry, the matched spans per field, the status text already worded and the kind
    of status it tells (the lamp beside the words)."""

    entry: Entry
    highlights: dict[str, Spans] = field(default_factory=dict)
    status: str = ""
    kind: StatusKind = StatusKind.NONE

    def primary_number(self) -> tuple[str, Spans]:
        if not self.entry.numbers:
            return "", ()
        return self.entry.numbers[0].raw, self.highlights.get("number:0", ())


class ResultsModel(QAbstractTableModel):
    """Rows are replaced whole on every keystroke; Qt is only ever handed the rows shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self.numbers = NumberDisplay()  # how numbers are shown; the window sets the organisation's
        self._function_font = QFont()
        self._function_font.setBold(True)  # units and functions stand out from people
        self._headers = [self.tr("Name"), self.tr("Title"), self.tr("Unit"), self.tr("Number"), self.tr("Status")]

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, index: int) -> ResultRow:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)[0]
        if role == HIGHLIGHTS_ROLE:
            return self._text(row, column)[1]
        if role == ENTRY_ID_ROLE:
            return row.entry.id
        if role == ENTRY_ROLE:
            return row.entry
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_lamp(row.kind, is_dark())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and row.status:
            return REFERRAL_COLOUR_ON_DARK if is_dark() else REFERRAL_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == NAME and row.entry.kind is EntryKind.FUNCTION:
            return self._function_font
        return None

    @staticmethod
    def _tooltip(row: ResultRow, column: int) -> str | None:
        """The whole text of the columns that may be cut: a long unit path, title or status."""
        if column == UNIT:
            return " › ".join(row.entry.unit_path)
        if column == TITLE:
            return row.entry.title or None
        if column == STATUS:
            return row.status or None
        return None

    def _text(self, row: ResultRow, column: int) -> tuple[str, Spans]:
        entry = row.entry
        if column == NAME:
            return entry.display_name, row.highlights.get("display_name", ())
        if column == TITLE:
            return entry.title, row.highlights.get("title", ())
        if column == UNIT:
            return entry.unit, row.highlights.get("unit", ())
        if column == NUMBER:
            raw, spans = row.primary_number()
            shown = self.numbers.number(raw)
            return shown, moved_spans(raw, shown, spans)
        return row.status, ()
