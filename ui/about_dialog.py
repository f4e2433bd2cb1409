"""The About dialog: the version, Switchboard's licence and every bundled component with its licence."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.licences import COMPONENTS, Component

COLUMN_NAME, COLUMN_VERSION, COLUMN_LICENCE = range(3)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # versions and names come from package metadata
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Shows `version` (pass app.__version__) and the licences of what the install ships. Emits nothing."""

    def __init__(self, version: str, parent: QWidget | None = None,
                 components: tuple[Component, ...] = COMPONENTS) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Switchboard"))
        self.title = _plain(self.tr("Switchboard %1").replace("%1", version))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = _plain(self.tr("Operator console: softphone, staff directory and referral status."))
        self.licence = _plain(self.tr("Switchboard is free software under the GNU General Public License, "
                                      "version 3 or later (GPL-3.0-or-later). It includes the components "
                                      "below, each under its own licence."))
        self.runtime = _plain(self.tr("Python %1 on %2").replace("%1", platform.python_version())
                              .replace("%2", platform.system()))
        self.table = QTableWidget(len(components), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(COLUMN_NAME, QHeaderView.ResizeMode.Stretch)
        for row, component in enumerate(components):
            for column, text in ((COLUMN_NAME, component.name), (COLUMN_VERSION, component.installed_version()),
                                 (COLUMN_LICENCE, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))  # items are plain text
        self.table.resizeColumnToContents(COLUMN_VERSION)
        self.table.resizeColumnToContents(COLUMN_LICENCE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.summary, self.licence, self.table, self.runtime, buttons):
            layout.addWidget(widget)
        self.resize(620, 520)
