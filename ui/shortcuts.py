"""The console's keyboard shortcuts, declared once for the window and the help dialog (F1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def shortcut_table() -> list[tuple[str, str]]:
    return [
        (translate("Shortcuts", "Any letter or digit"),
         translate("Shortcuts", "Search (the search field receives typing from anywhere)")),
        ("Ctrl+F", translate("Shortcuts", "Go to the search field and select its text")),
        (translate("Shortcuts", "Up / Down, Page Up / Page Down"),
         translate("Shortcuts", "Move through the results while typing")),
        ("Enter", translate("Shortcuts", "Use the selected entry")),
        ("Esc", translate("Shortcuts", "Clear the search; press again to return to the search field")),
        ("F4", translate("Shortcuts", "Set or clear the selected person's referral")),
        ("F5", translate("Shortcuts", "Sync the directory now")),
        ("Ctrl+L", translate("Shortcuts", "Add the selected entry to the favourites, or remove it")),
        ("F1", translate("Shortcuts", "Show these shortcuts")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, extra: list[tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_table() + (extra or [])
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
