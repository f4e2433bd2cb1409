"""Asking before the window closes with calls up: hand them back, end them, or stay.

The box opens window-modal with `open()`, never `exec()`: the phone is pumped by the main loop, which
keeps running behind it; the answer arrives through a callback.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class CloseChoice(Enum):
    HAND_BACK = "hand_back"
    END = "end"
    STAY = "stay"


class CloseDialog(QMessageBox):
    """Esc and closing the box mean stay. With no `hand_back_to` the calls can only be ended."""

    def __init__(self, parent: QWidget | None, calls: int, hand_back_to: str) -> None:
        super().__init__(parent)
        self.setObjectName("closeWithCallsDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWindowTitle(self.tr("Calls are still up"))
        self.setText(self.tr("%n call(s) still up. Closing must not lose them.", "", calls))
        self.hand_back_button = None
        if hand_back_to:
            self.setInformativeText(self.tr("Hand back: waiting callers go back to the exchange, the others are "
                                            "transferred to %1.").replace("%1", hand_back_to))
            self.hand_back_button = self.addButton(self.tr("&Hand back to %1").replace("%1", hand_back_to),
                                                   QMessageBox.ButtonRole.AcceptRole)
        self.end_button = self.addButton(self.tr("&End all calls"), QMessageBox.ButtonRole.DestructiveRole)
        self.stay_button = self.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.hand_back_button or self.stay_button)
        self.setEscapeButton(self.stay_button)

    def choice(self) -> CloseChoice:
        clicked = self.clickedButton()
        if self.hand_back_button is not None and clicked is self.hand_back_button:
            return CloseChoice.HAND_BACK
        return CloseChoice.END if clicked is self.end_button else CloseChoice.STAY


def ask_close(parent: QWidget | None, calls: int, hand_back_to: str,
              then: Callable[[CloseChoice], object]) -> CloseDialog:
    """Ask without a nested event loop; `then` gets the choice when the operator made it."""
    dialog = CloseDialog(parent, calls, hand_back_to)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: then(dialog.choice()))
    dialog.open()
    return dialog
