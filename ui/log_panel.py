"""A stored log in the window: a search field over it, its rows, and a summary line. The call log and the
message log are two of these; a flow runs the searches on the database worker and hands rows back."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.desk_panel import list_table

SEARCH_DELAY_MS = 200  # the log is in the database: one query when typing pauses, not one per key


class LogPanel(QWidget):
    search_requested = Signal(str)

    def __init__(self, name: str, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        """`name` is the objectName stem (tests and the accessibility tree find "<name>Search" etc.)."""
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self.search_field = QLineEdit()
        self.search_field.setObjectName(f"{name}Search")
        self.search_field.setClearButtonEnabled(True)
        self.view = list_table(model)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
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

    def describe(self, placeholder: str, search_name: str, search_description: str, view_name: str,
                 view_description: str) -> None:
        """The words a sighted operator and a screen reader get, in the caller's translation context."""
        self.search_field.setPlaceholderText(placeholder)
        self.search_field.setAccessibleName(search_name)
        self.search_field.setAccessibleDescription(search_description)
        self.view.setAccessibleName(view_name)
        self.view.setAccessibleDescription(view_description)

    def refresh(self) -> None:
        self.search_requested.emit(self.search_field.text())

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()
