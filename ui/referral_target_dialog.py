"""Consulting or transferring to someone with a referral: their alternative, or them anyway.

The referral (what it is, until when, the comment) is shown as plain text; the alternative is the
default, since that is where callers are meant to go. 1/2 or Enter choose, Esc cancels. It opens
window-modal with `open()`, never `exec()`: the SIP stack is pumped by the main loop, which must keep
running; the choice arrives through the `chose` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

Target = tuple[str, str]  # (number or SIP address, name to show)


@dataclass(frozen=True)
class ReferralOffer:
    person: Target  # the selected entry's own number
    alternative: Target  # where the referral sends callers
    referral: str  # as the operator reads it, e.g. "Lunch until 13:00 · Eva covers the lab"


class ReferralTargetDialog(QDialog):
    """Emits ``chose(object)`` with the picked `Target` (not on Esc)."""

    chose = Signal(object)

    def __init__(self, offer: ReferralOffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralTargetDialog")
        self.offer = offer
        self.chosen: Target | None = None
        self.setWindowTitle(self.tr("%1 has a referral").replace("%1", offer.person[1]))
        referral = QLabel(offer.referral)
        referral.setObjectName("referralText")
        referral.setTextFormat(Qt.TextFormat.PlainText)  # directory and operator text, never markup
        referral.setWordWrap(True)
        font = referral.font()
        font.setBold(True)
        referral.setFont(font)
        buttons = QDialogButtonBox(Qt.Orientation.Vertical)
        self.alternative_button = QPushButton(self.tr("&1  Alternative: %1").replace("%1", _label(offer.alternative)))
        self.person_button = QPushButton(self.tr("&2  %1 anyway").replace("%1", _label(offer.person)))
        for button in (self.alternative_button, self.person_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.alternative_button.setDefault(True)
        self.alternative_button.setFocus()  # Enter takes the alternative
        self.alternative_button.clicked.connect(lambda: self._choose(offer.alternative))
        self.person_button.clicked.connect(lambda: self._choose(offer.person))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(referral)
        layout.addWidget(buttons)
        for key, target in ((Qt.Key.Key_1, offer.alternative), (Qt.Key.Key_2, offer.person)):
            QShortcut(QKeySequence(key), self, lambda t=target: self._choose(t))

    def _choose(self, target: Target) -> None:
        self.chosen = target
        self.accept()
        self.chose.emit(target)


def _label(target: Target) -> str:
    number, name = target
    return f"{name}, {number}" if name and name != number else number


def choose_referral_target(offer: ReferralOffer, parent: QWidget | None,
                           then: Callable[[Target], object]) -> ReferralTargetDialog:
    """Ask, window-modal, without a nested event loop; `then` gets the choice, nothing happens on Esc."""
    dialog = ReferralTargetDialog(offer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chose.connect(then)
    dialog.open()
    return dialog
