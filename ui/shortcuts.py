"""The console's keyboard shortcuts, declared once for the window and the help dialog (F1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def shortcut_table() -> list[tuple[str, str]]:
    return [
        (_tr("Any letter or digit"), _tr("Search (the search field receives typing from anywhere)")),
        ("Ctrl+F", _tr("Go to the search field and select its text")),
        (_tr("Up / Down, Page Up / Page Down"), _tr("Move through the results while typing")),
        ("Enter", _tr("Use the selected entry")),
        ("Esc", _tr("Clear the search; press again to return to the search field")),
        ("F1", _tr("Show these shortcuts")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_table()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (key, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(key))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(620, 300)
