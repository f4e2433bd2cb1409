"""The phone in the window: registration indicator, the desk's calls, and controls for the current one.

`PhonePanel` takes the app's `DeskBridge` and is a view over the desk's rows with intents back to the
desk, like the call panels and their keys: its buttons never reach the phone by another way, so a
rejection here is logged as the operator's act. Caller names are untrusted and always shown as plain
text. The current call is the selected row, else a waiting call, else the one the operator talks to.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, DeskChanged, Stage
from softphone.model import CallState, PhoneError, Registration, RegistrationStatus
from ui.call_model import CALL_ROLE, CallListModel
from ui.elided_label import ElidedLabel, break_long_words
from ui.phone_text import PhoneText

if TYPE_CHECKING:
    from app.calls.desk_bridge import DeskBridge

_HELD = (Stage.HELD, Stage.RECALL)
KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")
_STYLES = {
    RegistrationStatus.REGISTERED: "background: #c8e6c9; color: #1b5e20;",
    RegistrationStatus.REGISTERING: "background: #ffe082; color: #4e3400; font-weight: bold;",
    RegistrationStatus.FAILED: "background: #b71c1c; color: white; font-weight: bold;",
    RegistrationStatus.OFFLINE: "background: #b71c1c; color: white; font-weight: bold;",
}


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # caller-supplied text is never markup
    label.setWordWrap(True)
    return label


def format_duration(seconds: float) -> str:
    """"m:ss" (or "h:mm:ss") for a call's running time."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PhonePanel(QWidget):
    """`clock` must be the phone's clock (monotonic seconds), for the running time of connected calls."""

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("phonePanel")
        self._bridge = bridge
        self._clock = clock
        self._ticker = QTimer(self)  # refreshes the running time while a call is connected
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh_controls)
        self.model = CallListModel(self)
        self._numbers = NumberDisplay()
        self.indicator = _plain()
        self.indicator.setObjectName("registrationIndicator")
        self.indicator.setContentsMargins(8, 6, 8, 6)
        self.call_list = QListView()
        self.call_list.setModel(self.model)
        self.call_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.call_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.call_list.setMaximumHeight(96)
        # Names and numbers are one line each, cut to the dock's width (a long name never widens it).
        self.caller = ElidedLabel()
        self.caller.setObjectName("callerLabel")
        font = self.caller.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.caller.setFont(font)
        self.detail = ElidedLabel()
        self.texts = PhoneText(self)
        self.message = _plain()
        self.message.setObjectName("phoneMessage")
        self.answer_button = QPushButton(self.tr("Answer"))
        self.busy_button = QPushButton(self.tr("Busy"))
        self.hangup_button = QPushButton(self.tr("Hang up"))
        self.hold_button = QPushButton(self.tr("Hold"))
        self.mute_button = QPushButton(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        self.keys: dict[str, QPushButton] = {}
        self._build_layout()
        self._describe()
        self._connect()
        self._show_registration(bridge.registration)
        self.model.reset(bridge.desk.calls)
        self._refresh_controls()

    def _describe(self) -> None:
        """Names and descriptions for screen readers (the buttons' names are their texts)."""
        self.call_list.setAccessibleName(self.tr("Calls on this phone"))
        self.call_list.setAccessibleDescription(self.tr("Every call on the phone line; select one to act on it"))
        for button, description in (
                (self.answer_button, self.tr("Answer the ringing call")),
                (self.busy_button, self.tr("Reject the ringing call as busy")),
                (self.hangup_button, self.tr("End or decline the selected call")),
                (self.hold_button, self.tr("Put the call on hold or take it back")),
                (self.mute_button, self.tr("Turn the microphone off or on"))):
            button.setAccessibleDescription(description)
        for key, button in self.keys.items():
            button.setAccessibleDescription(self.tr("Sends %1 to the other party as a tone").replace("%1", key))

    @property
    def numbers(self) -> NumberDisplay:
        """How numbers and dialled services are shown, here and in the call list; set by the wiring."""
        return self._numbers

    @numbers.setter
    def numbers(self, numbers: NumberDisplay) -> None:
        self._numbers = self.model.numbers = numbers

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.answer_button, self.busy_button, self.hangup_button, self.hold_button,
                       self.mute_button):
            buttons.addWidget(button)
        # Operators rarely send tones: the keypad folds away, closed until asked for.
        self.keypad = QWidget()
        self.keypad.setObjectName("keypad")
        self.keypad.hide()
        self.keypad_toggle = QToolButton()
        self.keypad_toggle.setObjectName("keypadToggle")
        self.keypad_toggle.setText(self.tr("Keypad"))
        self.keypad_toggle.setCheckable(True)
        self.keypad_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.keypad_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.keypad_toggle.setAccessibleDescription(self.tr("Shows or hides the keys for sending tones"))
        self.keypad_toggle.toggled.connect(self._on_keypad_toggle_toggled)
        keypad = QGridLayout(self.keypad)
        keypad.setContentsMargins(0, 0, 0, 0)
        for i, key in enumerate(KEYPAD):
            button = QPushButton(key)
            button.setAccessibleName(self.tr("Send tone %1").replace("%1", key))
            button.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
            keypad.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.indicator)
        layout.addWidget(self.call_list)
        layout.addWidget(self.caller)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.keypad_toggle)
        layout.addWidget(self.keypad)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _connect(self) -> None:
        self._bridge.registration_changed.connect(self._on_bridge_registration_changed)
        self._bridge.desk_changed.connect(self._on_bridge_desk_changed)
        self._bridge.error_occurred.connect(self._on_bridge_error_occurred)
        self.call_list.selectionModel().currentChanged.connect(self._refresh_controls)
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.busy_button.clicked.connect(self._on_busy_clicked)
        self.hangup_button.clicked.connect(self._on_hangup_clicked)
        self.hold_button.clicked.connect(self._on_hold_clicked)
        self.mute_button.clicked.connect(self._on_mute_clicked)

    # -- what is shown -----------------------------------------------------------------------------

    def current_call(self) -> DeskCall | None:
        index = self.call_list.currentIndex()
        if index.isValid():
            call = index.data(CALL_ROLE)
            if isinstance(call, DeskCall):
                return call
        calls = self.model.calls()
        waiting = [c for c in calls if c.stage is Stage.WAITING]
        return (waiting[0] if waiting else None) or self._bridge.current() or (calls[0] if calls else None)

    def _show_registration(self, registration: Registration) -> None:
        status = registration.status
        if status is RegistrationStatus.REGISTERED:
            text = self.tr("Phone ready")
        elif status is RegistrationStatus.REGISTERING:
            text = self.tr("Phone connecting…")
        elif status is RegistrationStatus.FAILED:
            reason = (self.texts.registration_failure(registration.failure) if registration.failure
                      else registration.reason)
            text = self.tr("Phone NOT registered: %1").replace("%1", reason)
            if registration.retry_in_s is not None:
                seconds = str(max(1, round(registration.retry_in_s)))
                text += " " + self.tr("(retrying in %1 s)").replace("%1", seconds)
        else:
            text = self.tr("Phone off: calls cannot be made or received")
        self.indicator.setText(break_long_words(text))  # a server's error text may hold a long word
        self.indicator.setStyleSheet(f"#registrationIndicator {{ {_STYLES[status]} border-radius: 4px; }}")

    def _refresh_controls(self) -> None:
        call = self.current_call()
        line = call.line if call is not None else None
        waiting = call is not None and call.stage is Stage.WAITING
        connected = line is not None and line.state is CallState.CONNECTED
        held = call is not None and call.stage in (Stage.HELD, Stage.RECALL)
        self.answer_button.setEnabled(waiting)
        self.busy_button.setEnabled(waiting)
        self.hangup_button.setEnabled(call is not None)
        self.hangup_button.setText(self.tr("Decline") if waiting else self.tr("Hang up"))
        self.hold_button.setEnabled(connected and call is not None and call.stage in (Stage.ACTIVE, *_HELD))
        self.hold_button.setText(self.tr("Resume") if held else self.tr("Hold"))
        self.mute_button.setEnabled(connected)
        self.mute_button.setChecked(line is not None and line.muted)
        for key in self.keys.values():
            key.setEnabled(connected)
        if connected and not self._ticker.isActive():
            self._ticker.start()
        elif not connected:
            self._ticker.stop()
        if call is None:
            self.caller.setText(self.tr("No call"))
            self.detail.setText("")
            return
        self.caller.setText(call.name or self.numbers.number(call.number) or self.tr("Unknown caller"))
        details = [self.model.state_text(call)]
        if connected and line is not None and line.connected_at is not None:
            details.append(format_duration(self._clock() - line.connected_at))
        if call.name and call.number:
            details.append(self.numbers.number(call.number))
        if call.dialled:
            details.append(self.numbers.dialled(call.dialled))
        if line is not None and line.muted:
            details.append(self.tr("muted"))
        self.detail.setText(" · ".join(details))

    # -- slots ---------------------------------------------------------------------------------------

    def _on_bridge_registration_changed(self, registration: Registration) -> None:
        self._show_registration(registration)

    def _on_bridge_desk_changed(self, event: DeskChanged) -> None:
        current = self.current_call()
        self.model.apply(event)
        gone = event.previous if event.call is None else None
        if gone is not None and gone.line is not None and gone.line.end is not None:
            who = gone.label if gone.name or gone.number else self.tr("Unknown caller")
            why = self.texts.call_end(gone.line.end)
            self.message.setText(break_long_words(
                self.tr("Call with %1 ended: %2").replace("%1", who).replace("%2", why)))
        if event.call is not None and event.previous is None \
                and (current is None or event.call.stage is not Stage.WAITING):
            row = self.model.row_of(event.call.call_id)
            self.call_list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._refresh_controls()

    def _on_bridge_error_occurred(self, error: PhoneError) -> None:
        self.message.setText(break_long_words(self.texts.refusal(error)))  # may quote what was typed

    # The buttons are the desk's intents, as the keys are (see ui.desk_panel).

    def _on_answer_clicked(self) -> None:
        call = self.current_call()
        if call is not None:
            self._bridge.answer(call.call_id)

    def _on_busy_clicked(self) -> None:
        call = self.current_call()
        if call is not None:
            self._bridge.reject(call.call_id, busy=True)

    def _on_hangup_clicked(self) -> None:
        call = self.current_call()
        if call is None:
            return
        if call.stage is Stage.WAITING:
            self._bridge.reject(call.call_id)
        elif call.stage is Stage.CONSULTING:
            self._bridge.cancel(call.call_id)  # as F12: the consultation ends, the caller comes back
        else:
            self._bridge.hangup(call.call_id)

    def _on_hold_clicked(self) -> None:
        call = self.current_call()
        if call is None:
            return
        if call.stage in _HELD:
            self._bridge.resume(call.call_id)
        else:
            self._bridge.hold(call.call_id)

    def _on_mute_clicked(self) -> None:
        call = self.current_call()
        if call is not None:
            self._bridge.set_muted(call.call_id, self.mute_button.isChecked())

    def _on_keypad_toggle_toggled(self, shown: bool) -> None:
        self.keypad.setVisible(shown)
        self.keypad_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _on_key_clicked(self, key: str) -> None:
        call = self.current_call()
        if call is not None:
            self._bridge.send_dtmf(call.call_id, key)
