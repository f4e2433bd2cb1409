"""The caller card: the one place the window shows the call the operator is dealing with.

Who is calling (the directory's name, else the caller's own), their number and the service they dialled
(by its name), what the operator is doing with them (talking, on hold, consulting someone, transferring)
with a shape as well as words, and for how long by the desk's clock. Waiting, held and consulted-for
calls are listed in the desk's panels; the card shows the one the operator works with or has selected
there. Caller names are untrusted: every line is plain text, cut to the card's width (never widening it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, PriorityClass, Stage
from softphone.model import CallState
from ui.elided_label import ElidedLabel


def format_duration(seconds: float) -> str:
    """"m:ss" (or "h:mm:ss") for a call's running time."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# What the card's "state" property is set to (the themes style the lamp by it) and the lamp's shape, so
# the state is told by shape and words as well as colour.
_LAMPS = {"talking": "●", "ringing": "◆", "held": "‖", "consulting": "⇄", "transferring": "→", "recall": "↺",
          "emergency": "▲", "none": "○"}


class CallerCard(QFrame):
    """`show_call(call, now)` shows a desk row (None: no call); `numbers` says how numbers and services read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.numbers = NumberDisplay()
        self.call: DeskCall | None = None
        self.lamp = QLabel()
        self.lamp.setObjectName("callerLamp")
        self.doing = ElidedLabel()  # "Talking · 1:23", "Consulting Emil Näslund · 0:03"
        self.doing.setObjectName("callerDoing")
        self.name = ElidedLabel()
        self.name.setObjectName("callerLabel")
        self.line = ElidedLabel()  # "070-123 45 67 · Växeln"
        self.line.setObjectName("callerLine")
        state = QHBoxLayout()
        state.setContentsMargins(0, 0, 0, 0)
        state.addWidget(self.lamp)
        state.addWidget(self.doing, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(state)
        layout.addWidget(self.name)
        layout.addWidget(self.line)
        self.setAccessibleName(self.tr("Current call"))
        self.show_call(None, 0.0)

    def state_text(self, call: DeskCall) -> str:
        """What the operator is doing with the caller, in words."""
        if call.stage is Stage.CONSULTING and call.consultation is not None:
            leg = call.consultation
            if leg.joined:
                return self.tr("Three-way call with %1").replace("%1", leg.name)
            return self.tr("Consulting %1").replace("%1", leg.name)
        if call.stage is Stage.TRANSFERRING:
            return self.tr("Transferring to %1").replace("%1", call.transfer_target)
        if call.stage is Stage.RECALL:
            return self.tr("Back from %1").replace("%1", call.recall_target) if call.recall_target \
                else self.tr("Recall")
        if call.stage is Stage.WAITING and call.call_id < 0:
            return self.tr("Waiting in the queue")  # at the exchange, not yet ringing here
        line = call.line
        if call.stage is Stage.HELD or (line is not None and line.on_hold):
            return self.tr("On hold")
        if line is None:
            return self.tr("Ringing") if call.stage is Stage.WAITING else self.tr("Talking")
        if line.state is CallState.CONNECTED and line.remote_hold:
            return self.tr("Held by caller")
        return {
            CallState.RINGING: self.tr("Ringing"),
            CallState.DIALING: self.tr("Calling"),
            CallState.ALERTING: self.tr("Ringing at the other end"),
            CallState.CONNECTING: self.tr("Connecting"),
            CallState.CONNECTED: self.tr("Talking"),
            CallState.ENDED: self.tr("Ended"),
        }[line.state]

    @staticmethod
    def state_key(call: DeskCall | None) -> str:
        if call is None:
            return "none"
        return {Stage.WAITING: "ringing", Stage.ACTIVE: "talking", Stage.HELD: "held", Stage.CONSULTING: "consulting",
                Stage.TRANSFERRING: "transferring", Stage.RECALL: "recall"}[call.stage]

    @staticmethod
    def seconds(call: DeskCall, now: float) -> float | None:
        """How long the card's state has lasted: waiting, talking, on hold, consulting or transferring."""
        if call.stage is Stage.WAITING:
            return call.waiting_s(now)
        if call.stage in (Stage.HELD, Stage.RECALL) and call.held_since is not None:
            return now - call.held_since
        if call.stage is Stage.CONSULTING and call.consultation is not None:
            return now - call.consultation.started_at
        if call.stage is Stage.TRANSFERRING and call.transfer_since is not None:
            return now - call.transfer_since
        return now - call.answered_at if call.answered_at is not None else None

    def show_call(self, call: DeskCall | None, now: float, *, muted: bool = False) -> None:
        self.call = call
        key = self.state_key(call)
        if call is not None and call.priority is PriorityClass.EMERGENCY:
            key = "emergency"
        self.lamp.setText(_LAMPS[key])
        if self.property("state") != key:
            self.setProperty("state", key)
            for widget in (self, self.lamp, self.doing):  # the theme's colours for the new state
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        if call is None:
            self.doing.setText(self.tr("No call"))
            self.name.setText("")
            self.line.setText("")
            self.setAccessibleDescription(self.tr("No call"))
            return
        doing = self.state_text(call)
        seconds = self.seconds(call, now)
        priority = {PriorityClass.EMERGENCY: self.tr("EMERGENCY"), PriorityClass.PRIORITY: self.tr("Priority")
                    }.get(call.priority)  # the caller's class first, as the waiting list shows it
        shown = [*([priority] if priority else []), doing, *([format_duration(seconds)] if seconds is not None else []),
                 *([self.tr("muted")] if muted else [])]
        self.doing.setText(" · ".join(shown))
        number = self.numbers.number(call.number)
        self.name.setText(call.name or number or self.tr("Unknown caller"))
        service = self.numbers.dialled(call.dialled) if call.dialled else ""
        self.line.setText(" · ".join(part for part in (number if call.name else "", service) if part))
        # One sentence for screen readers: who, what they dialled, what the operator is doing, how long.
        parts = [self.name.text(), *([number] if call.name and number else []),
                 *([self.tr("dialled %1").replace("%1", service)] if service else []), " · ".join(shown)]
        self.setAccessibleDescription(", ".join(parts))
