"""Asking when another operator changed a person's referrals while this one decided: keep theirs or
overwrite with mine. Nothing is saved until the operator chooses.

The box says what changed, by whom and when ("Eva Lund set “Lunch until today 13:00” at 11:02."), and what
this operator was about to save. It opens window-modal with `open()`, never `exec()` (the main loop keeps
running the phone); the choice arrives through a callback. Esc and closing the box keep theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from directory.store.audit import AuditRecord
from ui.referral_text import ReferralText


class ConflictChoice(Enum):
    KEEP_THEIRS = "keep_theirs"
    OVERWRITE = "overwrite"


class ReferralConflictDialog(QMessageBox):
    """``last`` is the change that came between (None when unknown); ``mine`` what this operator would save."""

    def __init__(self, parent: QWidget | None, name: str, last: AuditRecord | None, *, mine: str,
                 text: ReferralText, now: datetime) -> None:
        super().__init__(parent)
        self.setObjectName("referralConflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and comments are never rich text
        self.setWindowTitle(self.tr("Changed meanwhile: %1").replace("%1", name))
        self.setText(self.what_changed(last, text, now))
        self.setInformativeText(self.tr("Yours: %1").replace("%1", mine))
        self.keep_button = self.addButton(self.tr("&Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        self.overwrite_button = self.addButton(self.tr("&Overwrite with mine"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)

    def what_changed(self, last: AuditRecord | None, text: ReferralText, now: datetime) -> str:
        if last is None:
            return self.tr("Another operator changed this referral meanwhile.")
        who = last.actor or self.tr("Another operator")
        same_day = last.changed_at.astimezone(text.zone).date() == now.astimezone(text.zone).date()
        at = text.clock(last.changed_at) if same_day else text.moment(last.changed_at, now)
        if last.new is None:
            sentence = self.tr("%1 cleared “%2” at %3.")
            what = "; ".join(text.summary(old, now) for old in last.old)
        else:
            sentence = self.tr("%1 scheduled “%2” at %3.") if last.action == "schedule" else self.tr(
                "%1 set “%2” at %3.")
            what = text.summary(last.new, now)
        return sentence.replace("%1", who).replace("%2", what).replace("%3", at)

    def choice(self) -> ConflictChoice:
        return ConflictChoice.OVERWRITE if self.clickedButton() is self.overwrite_button else ConflictChoice.KEEP_THEIRS


def ask_referral_conflict(parent: QWidget | None, name: str, last: AuditRecord | None, *, mine: str,
                          text: ReferralText, now: datetime,
                          then: Callable[[ConflictChoice], object]) -> ReferralConflictDialog:
    """Ask without a nested event loop; `then` gets the choice once the operator made it."""
    dialog = ReferralConflictDialog(parent, name, last, mine=mine, text=text, now=now)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: then(dialog.choice()))
    dialog.open()
    return dialog
