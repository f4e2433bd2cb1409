"""One table model per desk list (waiting, held, consultations, recalls), fed by `DeskChanged`; the call
the operator is talking to is on the caller card (ui/caller_card.py), not in a list.

Each model keeps only the rows of its own stages; the waiting list stays in answering order
(priority class, then longest waiting). Running times come from `set_now` (the desk's clock, once a
second). Names and numbers are caller-supplied: they are only ever returned as plain strings.
Emergency rows are red with "EMERGENCY" before the name, held-too-long rows amber.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from directory.number_display import NumberDisplay
from softphone.desk.records import ConsultMode, DeskCall, DeskChanged, PriorityClass, Stage
from ui.caller_card import format_duration
from ui.phone_text import PhoneText

DESK_CALL_ROLE = Qt.ItemDataRole.UserRole + 1
CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_EMERGENCY_BG, _EMERGENCY_FG = QColor("#b71c1c"), QColor("white")
_PRIORITY_BG = QColor("#ffe082")
_OVERDUE_BG = QColor("#ffcc80")
_ON_AMBER = QColor("#1a1a1a")


class DeskList(Enum):
    WAITING = "waiting"
    HELD = "held"
    CONSULTATIONS = "consultations"
    RECALLS = "recalls"


_STAGES = {
    DeskList.WAITING: (Stage.WAITING,),
    DeskList.HELD: (Stage.HELD,),
    DeskList.CONSULTATIONS: (Stage.CONSULTING, Stage.TRANSFERRING),
    DeskList.RECALLS: (Stage.RECALL,),
}
# column keys per list; headers and cell text in `_header` and `_cell`
_COLUMNS = {
    DeskList.WAITING: ("priority", "caller", "number", "dialled", "waiting"),
    DeskList.HELD: ("caller", "number", "held", "note"),
    DeskList.CONSULTATIONS: ("caller", "target", "mode", "since"),
    DeskList.RECALLS: ("caller", "target", "why", "held"),
}
_TIME_COLUMNS = ("waiting", "held", "since")
_TEXT_COLUMNS = ("caller", "number", "dialled", "note", "target", "why")


def _sort_key(call: DeskCall) -> tuple[int, float, int]:
    return (int(call.priority), call.offered_at, abs(call.call_id))  # as OperatorDesk.waiting()


class DeskListModel(QAbstractTableModel):
    def __init__(self, kind: DeskList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = _COLUMNS[kind]
        self._rows: list[DeskCall] = []
        self._texts = PhoneText(self)
        self._now = 0.0
        self.numbers = NumberDisplay()  # how numbers and dialled services are shown; set by the wiring

    # -- Qt model ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self._header(self.columns[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        call = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(call, self.columns[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[index.column()] in _TEXT_COLUMNS:
            return self._cell(call, self.columns[index.column()])  # the whole of a name cut to the column
        if role == DESK_CALL_ROLE:
            return call
        if role == CALL_ID_ROLE:
            return call.call_id
        if role == PRIORITY_ROLE:
            return int(call.priority)
        if role == Qt.ItemDataRole.BackgroundRole:
            if call.priority is PriorityClass.EMERGENCY:
                return QBrush(_EMERGENCY_BG)
            if call.reminded:
                return QBrush(_OVERDUE_BG)
            if call.priority is PriorityClass.PRIORITY:
                return QBrush(_PRIORITY_BG)
        if role == Qt.ItemDataRole.ForegroundRole and call.priority is PriorityClass.EMERGENCY:
            return QBrush(_EMERGENCY_FG)
        if role == Qt.ItemDataRole.ForegroundRole and (call.reminded or call.priority is PriorityClass.PRIORITY):
            return QBrush(_ON_AMBER)  # dark text on the amber rows, whatever the theme's text colour
        if role == Qt.ItemDataRole.FontRole and (call.priority is PriorityClass.EMERGENCY or call.reminded):
            font = QFont()
            font.setBold(True)
            return font
        return None

    # -- content ----------------------------------------------------------------------------------

    def _header(self, column: str) -> str:
        return {
            "priority": self.tr("Priority"), "caller": self.tr("Caller"), "number": self.tr("Number"),
            "dialled": self.tr("Dialled"), "waiting": self.tr("Waiting"),
            "held": self.tr("Held"), "note": self.tr("Note"), "target": self.tr("To"), "mode": self.tr("Mode"),
            "since": self.tr("Since"), "why": self.tr("Why"),
        }[column]

    def priority_text(self, priority: PriorityClass) -> str:
        return {
            PriorityClass.EMERGENCY: self.tr("EMERGENCY"), PriorityClass.PRIORITY: self.tr("Priority"),
            PriorityClass.INTERNAL: self.tr("Internal"), PriorityClass.NORMAL: "",
        }[priority]

    def _cell(self, call: DeskCall, column: str) -> str:
        now = self._now
        leg = call.consultation
        if column == "priority":
            return self.priority_text(call.priority)
        if column == "caller":
            label = call.name or self.numbers.number(call.label)
            return f"{self.tr('EMERGENCY')}: {label}" if call.priority is PriorityClass.EMERGENCY else label
        if column == "number":
            return self.numbers.number(call.number)
        if column == "dialled":
            return self.numbers.dialled(call.dialled)
        if column == "waiting":
            return format_duration(call.waiting_s(now))
        if column == "held":
            return format_duration(call.held_s(now))
        if column in {"note", "why"}:
            if call.why is None:
                return call.note
            why = self._texts.call_end(call.why)
            return f"{call.why_party}: {why}" if call.why_party else why
        if column == "target":
            return call.recall_target if call.stage is Stage.RECALL else (
                leg.name if leg is not None else call.transfer_target)
        if column == "mode":
            if call.stage is Stage.TRANSFERRING:
                return self.tr("Transferring")
            if leg is not None and leg.joined:
                return self.tr("Three-way call")
            if leg is not None and leg.mode is ConsultMode.SUPERVISED:
                return self.tr("Transfer (recall if unanswered)")
            return self.tr("Talking to target") if leg is not None and leg.connected else self.tr("Ringing")
        if column == "since":
            started = call.transfer_since if call.stage is Stage.TRANSFERRING else (leg.started_at if leg else None)
            return format_duration(now - started) if started is not None else ""
        return ""

    # -- updates ----------------------------------------------------------------------------------

    def calls(self) -> tuple[DeskCall, ...]:
        return tuple(self._rows)

    def longest_wait(self) -> float:
        """Seconds the longest-waiting row has waited, by the desk clock's last `set_now`; 0 with no rows."""
        return max((call.waiting_s(self._now) for call in self._rows), default=0.0)

    def row_of(self, call_id: int) -> int:
        return next((row for row, call in enumerate(self._rows) if call.call_id == call_id), -1)

    def apply(self, event: DeskChanged) -> None:
        """Insert, update, move or remove the row of the call the event names."""
        call = event.call
        call_id = call.call_id if call is not None else event.previous.call_id if event.previous else -1
        row = self.row_of(call_id)
        belongs = call is not None and call.stage in _STAGES[self.kind]
        moved = call is not None and self.kind is DeskList.WAITING and row >= 0 \
            and _sort_key(self._rows[row]) != _sort_key(call)
        if row >= 0 and (not belongs or moved):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            row = -1
        if not belongs or call is None:
            return
        if row >= 0:
            self._rows[row] = call
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            return
        at = len(self._rows)
        if self.kind is DeskList.WAITING:
            at = next((i for i, other in enumerate(self._rows) if _sort_key(call) < _sort_key(other)), at)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, call)
        self.endInsertRows()

    def reset(self, calls: list[DeskCall]) -> None:
        """Start from the desk's current rows (e.g. when the panel is created while calls are up)."""
        self.beginResetModel()
        rows = [c for c in calls if c.stage in _STAGES[self.kind]]
        self._rows = sorted(rows, key=_sort_key) if self.kind is DeskList.WAITING else rows
        self.endResetModel()

    def set_now(self, now: float) -> None:
        """Refresh the running-time column(s) to the desk clock's `now`."""
        self._now = now
        columns = [i for i, c in enumerate(self.columns) if c in _TIME_COLUMNS]
        if self._rows and columns:
            self.dataChanged.emit(self.index(0, min(columns)), self.index(len(self._rows) - 1, max(columns)),
                                  [Qt.ItemDataRole.DisplayRole])
