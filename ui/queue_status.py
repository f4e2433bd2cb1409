"""The exchange queue's line in the status bar: whether this console takes callers, and who else does.

`QueueStatus` shows a checkable button, "Available" (signed in at the exchange's queue: callers may be
picked) or "Paused" (signed out: nothing is offered here), and how many operators are signed in. Clicking
it emits `availability_requested(bool)`; the button follows what the exchange then reports
(`show_operators`), not the click, so it never claims a state the exchange does not have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class QueueStatus(QWidget):
    """Emits ``availability_requested(bool)`` when the operator asks to take callers (True) or pause."""

    availability_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setAccessibleName(self.tr("Taking callers from the exchange's queue"))
        self.button.clicked.connect(self._on_button_clicked)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.label)
        self.show_operators((), "")

    def show_operators(self, signed_in: tuple[str, ...], me: str) -> None:
        """The exchange's word on who is signed in; `me` is this console's operator name."""
        available = me in signed_in
        self.button.blockSignals(True)
        self.button.setChecked(available)
        self.button.blockSignals(False)
        self.button.setText(self.tr("Available") if available else self.tr("Paused"))
        self.button.setToolTip(self.tr("Callers at the exchange's queue may be picked here; click to pause")
                               if available else
                               self.tr("No caller is offered to this console; click to take callers"))
        self.label.setText(self.tr("Operators in: %1").replace("%1", str(len(signed_in))))
        self.label.setToolTip(", ".join(signed_in))

    def show_connected(self, up: bool) -> None:
        """While the queue cannot be reached there is nothing to sign in to."""
        self.button.setEnabled(up)

    def _on_button_clicked(self, checked: bool) -> None:
        wanted = bool(checked)
        self.button.blockSignals(True)
        self.button.setChecked(not wanted)  # until the exchange says so
        self.button.blockSignals(False)
        self.availability_requested.emit(wanted)
