"""The call log in the window: a search field over the stored log, the calls, and a summary line."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from directory.store.calllog import LoggedCall
from ui.call_log_model import CallLogModel
from ui.desk_panel import list_table

SEARCH_DELAY_MS = 200  # the log is in the database: one query when typing pauses, not one per key


class CallLogPanel(QWidget):
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callLogPanel")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("callLogSearch")
        self.search_field.setPlaceholderText(self.tr("Search the call log: name, number, transferred to…"))
        self.search_field.setClearButtonEnabled(True)
        self.model = CallLogModel(self)
        self.view = list_table(self.model)
        self.search_field.setAccessibleName(self.tr("Search the call log"))
        self.search_field.setAccessibleDescription(self.tr("Type a name or number to find past calls"))
        self.view.setAccessibleName(self.tr("Call log"))
        self.view.setAccessibleDescription(self.tr("Past calls, newest first: who, when, outcome and waiting time"))
        self.summary = QLabel()
        self.summary.setObjectName("callLogSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.search_field)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_field.textChanged.connect(lambda _text: self._debounce.start())

    def refresh(self) -> None:
        self.search_requested.emit(self.search_field.text())

    def show_calls(self, calls: list[LoggedCall]) -> None:
        self.model.set_calls(calls)
        self.summary.setText(self.model.summary())

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()
