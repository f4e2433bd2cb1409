"""The About dialog shows the version and each bundled component with its licence, as plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.about_dialog import COLUMN_LICENCE, COLUMN_NAME, COLUMN_VERSION, AboutDialog
from ui.licences import COMPONENTS, Component

pytestmark = pytest.mark.gui


def _column(dialog: AboutDialog, column: int) -> list[str]:
    items = [dialog.table.item(row, column) for row in range(dialog.table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def test_shows_version_and_every_component_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog("1.2.3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title.text() == "Switchboard 1.2.3"
    assert "GPL-3.0-or-later" in dialog.licence.text()
    names = _column(dialog, COLUMN_NAME)
    licences = dict(zip(names, _column(dialog, COLUMN_LICENCE), strict=True))
    assert licences["pjsip (pjsua2)"] == "GPL-2.0-or-later"
    assert licences["Qt for Python (PySide6)"] == "LGPL-3.0-only"
    assert len(names) == len(COMPONENTS)
    versions = dict(zip(names, _column(dialog, COLUMN_VERSION), strict=True))
    assert versions["Qt for Python (PySide6)"] == "6.11.3"  # read from the installed metadata
    assert versions["OpenSSL (in the pjsua2 wheel)"] == "1.0.2k"


def test_text_from_metadata_is_never_rich_text(qtbot: QtBot) -> None:
    dialog = AboutDialog("<b>9</b>", components=(Component("<i>x</i>", "MIT"),))
    qtbot.addWidget(dialog)
    assert dialog.title.textFormat() == Qt.TextFormat.PlainText
    assert dialog.title.text() == "Switchboard <b>9</b>"
    assert _column(dialog, COLUMN_NAME) == ["<i>x</i>"]
    assert _column(dialog, COLUMN_VERSION) == [""]  # no distribution: no version


def test_close_button_closes(qtbot: QtBot) -> None:
    dialog = AboutDialog("1.2.3")
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
