"""Asking when another operator changed something while this one decided: keep theirs or overwrite with mine.
Nothing is saved until the operator chooses.

The box says what changed, by whom and when ("Eva Lund set “Lunch until today 13:00” at 11:02."), and what
this operator was about to save. It opens window-modal with `open()`, never `exec()` (the main loop keeps
running the phone); the choice arrives through a callback. Esc and closing the box keep theirs.
`ConflictDialog` is the box; `ReferralConflictDialog` words a referral change, `note_conflict` a note's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from directory.store.annotations import StoredNote
from directory.store.audit import AuditRecord
from ui.referral_text import ReferralText


class ConflictChoice(Enum):
    KEEP_THEIRS = "keep_theirs"
    OVERWRITE = "overwrite"


class ConflictDialog(QMessageBox):
    """``what`` says the change that came between; ``mine`` what this operator would save."""

    def __init__(self, parent: QWidget | None, name: str, what: str, *, mine: str) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names, notes and comments are never rich text
        self.setWindowTitle(self.tr("Changed meanwhile: %1").replace("%1", name))
        self.setText(what)
        self.setInformativeText(self.tr("Yours: %1").replace("%1", mine))
        self.keep_button = self.addButton(self.tr("&Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        self.overwrite_button = self.addButton(self.tr("&Overwrite with mine"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)

    def choice(self) -> ConflictChoice:
        return ConflictChoice.OVERWRITE if self.clickedButton() is self.overwrite_button else ConflictChoice.KEEP_THEIRS

    def ask(self, then: Callable[[ConflictChoice], object]) -> ConflictDialog:
        """Open without a nested event loop; `then` gets the choice once the operator made it."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(lambda _result: then(self.choice()))
        self.open()
        return self


def _at(moment: datetime, text: ReferralText, now: datetime) -> str:
    same_day = moment.astimezone(text.zone).date() == now.astimezone(text.zone).date()
    return text.clock(moment) if same_day else text.moment(moment, now)


class ReferralConflictDialog(ConflictDialog):
    """``last`` is the referral change that came between (None when unknown)."""

    def __init__(self, parent: QWidget | None, name: str, last: AuditRecord | None, *, mine: str,
                 text: ReferralText, now: datetime) -> None:
        super().__init__(parent, name, self.what_changed(last, text, now), mine=mine)
        self.setObjectName("referralConflictDialog")

    def what_changed(self, last: AuditRecord | None, text: ReferralText, now: datetime) -> str:
        if last is None:
            return self.tr("Another operator changed this referral meanwhile.")
        who = last.actor or self.tr("Another operator")
        at = _at(last.changed_at, text, now)
        if last.new is None:
            sentence = self.tr("%1 cleared “%2” at %3.")
            what = "; ".join(text.summary(old, now) for old in last.old)
        else:
            sentence = self.tr("%1 scheduled “%2” at %3.") if last.action == "schedule" else self.tr(
                "%1 set “%2” at %3.")
            what = text.summary(last.new, now)
        return sentence.replace("%1", who).replace("%2", what).replace("%3", at)


def ask_referral_conflict(parent: QWidget | None, name: str, last: AuditRecord | None, *, mine: str,
                          text: ReferralText, now: datetime,
                          then: Callable[[ConflictChoice], object]) -> ReferralConflictDialog:
    """Ask without a nested event loop; `then` gets the choice once the operator made it."""
    dialog = ReferralConflictDialog(parent, name, last, mine=mine, text=text, now=now)
    dialog.ask(then)
    return dialog


class NoteConflictDialog(ConflictDialog):
    """``current`` is the note as another operator left it (None: it is gone)."""

    def __init__(self, parent: QWidget | None, name: str, current: StoredNote | None, *, mine: str,
                 text: ReferralText, now: datetime) -> None:
        super().__init__(parent, name, self.what_changed(current, text, now), mine=mine)
        self.setObjectName("noteConflictDialog")

    def what_changed(self, current: StoredNote | None, text: ReferralText, now: datetime) -> str:
        if current is None:
            return self.tr("The note was removed meanwhile.")
        who = current.edited_by or current.author or self.tr("Another operator")
        at = _at(current.edited_at or current.created_at, text, now)
        return self.tr("%1 changed the note to “%2” at %3.").replace("%1", who).replace(
            "%2", current.text).replace("%3", at)
