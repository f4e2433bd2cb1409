"""Telling screen readers what happened away from the focus: a new caller, a warning, an error.

Qt 6.8 added `QAccessibleAnnouncementEvent`, which AT-SPI passes on as an announcement; older screen
readers ignore it, so the same text also becomes the name of a small status label (`announcement`),
whose name change they do report, the way a web page's live region works. Sighted operators see the
label too: the last thing announced stays in the status bar, except a new caller's line, which goes once
that caller is answered or gone (it would read as someone still waiting).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from directory.number_display import NumberDisplay
from softphone.desk.exchange_rows import PICKED_ARRIVED
from softphone.desk.records import DeskCall, DeskChanged, PriorityClass, Stage
from ui.elided_label import ElidedLabel


class Announcer(ElidedLabel):
    """The live status label (plain text: caller names are caller-supplied; cut to fit, so a long name never
    widens the window); `announce` raises the accessibility event for its whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("announcement")
        self.setAccessibleDescription(self.tr("The last new caller, warning or error"))
        self.setAccessibleName(self.tr("No announcements"))
        self.announced: list[str] = []  # what was said, for tests and the window's own checks
        self.numbers = NumberDisplay()  # how callers' numbers and services are said; the window sets it
        self._waiting_caller: int | None = None  # the desk row the line shown is about, while it waits

    def announce(self, text: str, *, assertive: bool = False) -> None:
        """Say ``text``; ``assertive`` interrupts what the screen reader is reading (errors, emergencies)."""
        self._waiting_caller = None
        self.setText(text)
        self.setAccessibleName(text)
        self.announced.append(text)
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def on_desk_changed(self, event: DeskChanged) -> None:
        """Connected to the desk bridge: a caller who starts waiting is announced, once."""
        call = event.call
        if call is not None and event.previous is None and call.incoming and call.stage is Stage.WAITING:
            if event.reason != PICKED_ARRIVED:  # a picked caller was announced when they joined the queue
                self.new_caller(call, self.numbers)
                self._waiting_caller = call.call_id
            return
        row = call if call is not None else event.previous
        still_waiting = call is not None and call.stage is Stage.WAITING
        if row is not None and row.call_id == self._waiting_caller and not still_waiting:
            self._waiting_caller = None  # answered, picked or gone: the line no longer tells anything
            self.setText("")
            self.setAccessibleName(self.tr("No announcements"))

    def new_caller(self, call: DeskCall, numbers: NumberDisplay) -> None:
        """"Caller waiting: Anna Berg, Växeln"; emergencies assertively and saying so."""
        who = call.name or numbers.number(call.number) or self.tr("Unknown caller")
        service = numbers.dialled(call.dialled) if call.dialled else ""
        text = (self.tr("Caller waiting: %1, %2").replace("%1", who).replace("%2", service) if service
                else self.tr("Caller waiting: %1").replace("%1", who))
        emergency = call.priority is PriorityClass.EMERGENCY
        self.announce(self.tr("Emergency call: %1").replace("%1", text) if emergency else text, assertive=emergency)
