"""The phone in the window: registration indicator, the caller card, and controls for the card's call.

`PhonePanel` takes the app's `DeskBridge` and shows one desk row on its `CallerCard` with intents back to
the desk, like the call panels and their keys: its buttons never reach the phone by another way, so a
rejection here is logged as the operator's act. The card's call is the one being talked to or consulted for;
with none, the one last chosen (a call held, or selected in the desk's lists: `show_call`), else a call
ringing on this phone, else any held one. Every call is shown once: the card is the current call, the desk's
lists the others (a held call selected there is shown on the card too, as the one the buttons act on).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, DeskChanged, Stage
from softphone.model import CallState, PhoneError, Registration, RegistrationStatus
from ui.caller_card import CallerCard, format_duration
from ui.elided_label import break_long_words
from ui.phone_text import PhoneText

if TYPE_CHECKING:
    from app.calls.desk_bridge import DeskBridge

_HELD = (Stage.HELD, Stage.RECALL)
KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # caller-supplied text is never markup
    label.setWordWrap(True)
    return label

__all__ = ["KEYPAD", "PhonePanel", "format_duration"]


class PhonePanel(QWidget):
    """`clock` is unused since the card reads the desk's clock; kept so callers need not change."""

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("phonePanel")
        self._bridge = bridge
        self._focus: int | None = None  # the call chosen for the card (see the module's docstring)
        self._ticker = QTimer(self)  # the card's running time, while it shows a call
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh_controls)
        self._numbers = NumberDisplay()
        self.indicator = _plain()
        self.indicator.setObjectName("registrationIndicator")
        self.indicator.setContentsMargins(8, 6, 8, 6)
        # Names and numbers are one line each, cut to the dock's width (a long name never widens it).
        self.card = CallerCard()
        self.caller = self.card.name
        font = self.caller.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.caller.setFont(font)
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
        self._refresh_controls()

    def _describe(self) -> None:
        """Names and descriptions for screen readers (the buttons' names are their texts)."""
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
        """How numbers and dialled services are shown on the card; set by the wiring."""
        return self._numbers

    @numbers.setter
    def numbers(self, numbers: NumberDisplay) -> None:
        self._numbers = self.card.numbers = numbers
        self._refresh_controls()

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
        layout.addWidget(self.card)
        layout.addLayout(buttons)
        layout.addWidget(self.keypad_toggle)
        layout.addWidget(self.keypad)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _connect(self) -> None:
        self._bridge.registration_changed.connect(self._on_bridge_registration_changed)
        self._bridge.desk_changed.connect(self._on_bridge_desk_changed)
        self._bridge.error_occurred.connect(self._on_bridge_error_occurred)
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.busy_button.clicked.connect(self._on_busy_clicked)
        self.hangup_button.clicked.connect(self._on_hangup_clicked)
        self.hold_button.clicked.connect(self._on_hold_clicked)
        self.mute_button.clicked.connect(self._on_mute_clicked)

    # -- what is shown -----------------------------------------------------------------------------

    def current_call(self) -> DeskCall | None:
        """The card's call: the one talked to or consulted for (never hidden behind another), else the one
        chosen, else one ringing here, else the first other call on this phone (callers waiting at the
        exchange only when chosen)."""
        desk = self._bridge.desk
        current = self._bridge.current()
        if current is not None:
            return current
        calls = {call.call_id: call for call in desk.calls}
        if self._focus is not None and self._focus in calls:
            return calls[self._focus]
        ringing = [c for c in desk.waiting() if c.call_id >= 0]
        others = [c for c in desk.in_stage(Stage.RECALL, Stage.HELD, Stage.TRANSFERRING) if c.call_id >= 0]
        return (ringing[0] if ringing else None) or (others[0] if others else None)

    def show_call(self, call_id: int) -> None:
        """Put that call on the card (the operator selected it in one of the desk's lists), unless the operator
        is talking to or consulting for another: that one stays on the card until it is held or ends."""
        self._focus = call_id
        self._refresh_controls()

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
        # Its colours are the theme's (resources/themes: #registrationIndicator[status="..."]), so the strip
        # reads right on light, dark and high contrast; the words say the state too.
        if self.indicator.property("status") != status.value:
            self.indicator.setProperty("status", status.value)
            self.indicator.style().unpolish(self.indicator)
            self.indicator.style().polish(self.indicator)

    def _refresh_controls(self) -> None:
        call = self.current_call()
        line = call.line if call is not None else None
        waiting = call is not None and call.stage is Stage.WAITING
        ours = call is not None and call.call_id >= 0  # not a caller still waiting at the exchange
        connected = line is not None and line.state is CallState.CONNECTED
        held = call is not None and call.stage in (Stage.HELD, Stage.RECALL)
        self.answer_button.setEnabled(waiting)
        self.busy_button.setEnabled(waiting and ours)
        self.hangup_button.setEnabled(ours)
        self.hangup_button.setText(self.tr("Decline") if waiting else self.tr("Hang up"))
        self.hold_button.setEnabled(connected and call is not None and call.stage in (Stage.ACTIVE, *_HELD))
        self.hold_button.setText(self.tr("Resume") if held else self.tr("Hold"))
        # Tones and the microphone reach only a call being talked to: a held caller hears neither.
        talking = connected and call is not None and (
            call.stage is Stage.CONSULTING or (call.stage is Stage.ACTIVE and line is not None and not line.on_hold))
        self.mute_button.setEnabled(talking)
        self.mute_button.setChecked(line is not None and line.muted)
        for key in self.keys.values():
            key.setEnabled(talking)
        if call is not None and not self._ticker.isActive():
            self._ticker.start()
        elif call is None:
            self._ticker.stop()
        self.card.show_call(call, self._bridge.desk.now(), muted=line is not None and line.muted)

    # -- slots ---------------------------------------------------------------------------------------

    def _on_bridge_registration_changed(self, registration: Registration) -> None:
        self._show_registration(registration)

    def _on_bridge_desk_changed(self, event: DeskChanged) -> None:
        call, previous = event.call, event.previous
        if call is not None and call.call_id >= 0 and call.stage in (Stage.ACTIVE, Stage.CONSULTING) \
                and (previous is None or previous.stage is not call.stage):
            self._focus = call.call_id  # answered, resumed or dialled: the operator is with this one now
        gone = event.previous if event.call is None else None
        if gone is not None and gone.line is not None and gone.line.end is not None:
            who = gone.label if gone.name or gone.number else self.tr("Unknown caller")
            why = self.texts.call_end(gone.line.end)
            self.message.setText(break_long_words(
                self.tr("Call with %1 ended: %2").replace("%1", who).replace("%2", why)))
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
