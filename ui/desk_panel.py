"""The desk's lists as panels (one model and one view each) and its keyboard operations as actions.

`DeskPanels` takes the app's `DeskBridge` and a target provider (the directory entry and number the
operator has selected) and builds: `waiting`, `held`, `consultations`, `recalls`, `callbacks` (each a
`DeskListPanel` to put in a dock) and `actions` (QActions with the keys from `ui.desk_shortcuts`, to add
to the main window). The call being talked to is on the phone dock's caller card, not in a list. `notice`
carries messages for the status bar; `call_selected(call_id)` tells that the operator moved to a call in
one of the call lists (the caller card shows it).
The call-back list is the desk's own until `share_callbacks`: then the app keeps it in the store, and
Ctrl+D and Enter (or a double click) on a row become `callback_done_requested` and
`callback_dial_requested` (claim, then dial) for the app to carry out.
Every operation is a desk intent through the bridge. Choosing between a person and their referral's
alternative opens a window-modal dialog that answers through a callback (no nested event loop: the
phone keeps being pumped behind it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from directory.store.callbacks import StoredCallback
from softphone.desk.records import CallbackEntry, DeskCall, DeskChanged, Stage
from ui.callback_model import CallbackModel, local_callback
from ui.caller_card import format_duration
from ui.column_shares import ColumnShares
from ui.desk_model import CALL_ID_ROLE, DeskList, DeskListModel
from ui.desk_shortcuts import descriptions, keys
from ui.phone_text import PhoneText
from ui.referral_target_dialog import ReferralOffer, Target, choose_referral_target

if TYPE_CHECKING:
    from app.calls.desk_bridge import DeskBridge

Chooser = Callable[[ReferralOffer, QWidget | None, Callable[[Target], object]], object]


# Relative widths of the call lists' columns: names and numbers get the room, times and classes little.
_SHARES = {"priority": 0.8, "caller": 2.2, "number": 1.7, "dialled": 1.9, "note": 2.2, "waiting": 0.8,
           "held": 0.8, "since": 0.8}
# Read whole while there is room, in this order ("EMERGENCY", the number, the service dialled: "Vårdcentralen
# Norr"); the caller's name gives way first ("Christian Br…"), keeping at least this much of the width. The
# Priority column shows only while a caller has a class (most have none; "EMERGENCY" is before the name too).
_FITTED = ("priority", "number", "dialled")
_CALLER_KEPT = 0.26  # about "Christian Brækhus" in the call column at 1366x768


def list_table(model: QAbstractItemModel) -> QTableView:
    """A read-only table of whole rows, one selected at a time: the call panels' and the call log's."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class DeskListPanel(QWidget):
    """A title and a single-selection table over one model."""

    def __init__(self, title: str, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.view = list_table(model)
        keys = getattr(model, "columns", ())  # the call lists' column keys; others keep Qt's widths
        if keys:
            ColumnShares(self.view, {i: _SHARES.get(key, 1.6) for i, key in enumerate(keys)},
                         fitted=[keys.index(key) for key in _FITTED if key in keys],
                         kept={keys.index("caller"): _CALLER_KEPT} if "caller" in keys else None,
                         hidden_while_empty=[keys.index("priority")] if "priority" in keys else ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_call_id(self) -> int | None:
        row = self.selected_row()
        if row < 0:
            return None
        value = self.view.model().index(row, 0).data(CALL_ID_ROLE)
        return int(value) if value is not None else None


class DeskPanels(QObject):
    notice = Signal(str)
    call_selected = Signal(int)  # the call id of the row the operator moved to in a call list
    callback_done_requested = Signal(object)  # StoredCallback, once shared
    callback_dial_requested = Signal(object)  # StoredCallback, once shared

    def __init__(self, bridge: DeskBridge, target: Callable[[], Target | ReferralOffer | None] = lambda: None,
                 key_overrides: Mapping[str, str] | None = None, parent: QObject | None = None,
                 choose: Chooser = choose_referral_target) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._target = target
        self._choose = choose
        self.models = {kind: DeskListModel(kind, self) for kind in DeskList}
        calls = list(bridge.desk.calls)
        for model in self.models.values():
            model.reset(calls)
            model.set_now(bridge.desk.now())
        self.callback_model = CallbackModel(self)
        self.shared_callbacks = False
        self._local: dict[int, CallbackEntry] = {}  # the desk's own entries by their (negative) row id
        for entry in bridge.desk.callbacks:
            self._on_bridge_callback_added(entry)
        self.waiting = DeskListPanel(self.tr("Waiting calls"), self.models[DeskList.WAITING])
        self.held = DeskListPanel(self.tr("On hold"), self.models[DeskList.HELD])
        self.consultations = DeskListPanel(self.tr("Consultations"), self.models[DeskList.CONSULTATIONS])
        self.recalls = DeskListPanel(self.tr("Recalls"), self.models[DeskList.RECALLS])
        self.callbacks = DeskListPanel(self.tr("Call back"), self.callback_model)
        # Names that do not change with the language: the window's saved dock layout finds its docks by them.
        for panel, name in ((self.waiting, "waitingPanel"), (self.held, "heldPanel"),
                            (self.consultations, "consultationsPanel"), (self.recalls, "recallsPanel"),
                            (self.callbacks, "callbackPanel")):
            panel.setObjectName(name)
        self.callbacks.view.activated.connect(self._on_callbacks_activated)
        for panel in (self.waiting, self.held, self.consultations, self.recalls):
            panel.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self.actions: dict[str, QAction] = {}
        self._make_actions(keys(key_overrides))
        bridge.desk_changed.connect(self._on_bridge_desk_changed)
        bridge.ticked.connect(self._on_bridge_ticked)
        bridge.held_too_long.connect(self._on_bridge_held_too_long)
        bridge.callback_added.connect(self._on_bridge_callback_added)
        texts = PhoneText(self)
        bridge.error_occurred.connect(lambda error: self.notice.emit(texts.refusal(error)))

    def panels(self) -> list[DeskListPanel]:
        return [self.waiting, self.held, self.consultations, self.recalls, self.callbacks]

    # -- actions ----------------------------------------------------------------------------------

    def _make_actions(self, key_of: dict[str, str]) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "answer_next": self.answer_next, "answer_selected": self.answer_selected,
            "hold_resume": self.hold_resume, "consult": self.consult, "complete": self.complete,
            "cancel": self.cancel, "toggle": self.toggle, "join": self.join, "transfer": self.transfer,
            "blind_transfer": self.blind_transfer, "hang_up": self.hang_up, "reject_busy": self.reject_busy,
            "called_back": self.called_back,
        }
        text = descriptions()
        for op, handler in handlers.items():
            action = QAction(text[op], self)
            action.setShortcut(QKeySequence(key_of[op]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handler)
            self.actions[op] = action

    def answer_next(self) -> None:
        if self._bridge.answer_next() is None and not self._bridge.desk.waiting():
            self.notice.emit(self.tr("No calls waiting"))

    def answer_selected(self) -> None:
        call_id = self.waiting.selected_call_id()
        if call_id is None:
            self.notice.emit(self.tr("Select a waiting call first"))
            return
        self._bridge.answer(call_id)

    def _waiting_choice(self) -> int | None:
        """The selected waiting call, else the next one F2 would answer."""
        call_id = self.waiting.selected_call_id()
        if call_id is None:
            waiting = self._bridge.desk.waiting()
            call_id = waiting[0].call_id if waiting else None
        return call_id

    def reject_busy(self) -> None:
        """The selected waiting call, else the next one F2 would answer, back to the exchange as busy (486)."""
        call_id = self._waiting_choice()
        if call_id is None:
            self.notice.emit(self.tr("No calls waiting"))
            return
        self._bridge.reject(call_id, busy=True)

    def hold_resume(self) -> None:
        current = self._bridge.current()
        if current is not None and current.stage is Stage.ACTIVE:
            self._bridge.hold(current.call_id)
            return
        chosen = self.recalls.selected_call_id() or self.held.selected_call_id()
        if chosen is None:
            rows = self._bridge.desk.in_stage(Stage.RECALL) or self._bridge.desk.in_stage(Stage.HELD)
            chosen = rows[0].call_id if rows else None
        if chosen is None:
            self.notice.emit(self.tr("No call to hold or take back"))
            return
        self._bridge.resume(chosen)

    def _current(self, *stages: Stage) -> DeskCall | None:
        current = self._bridge.current()
        if current is None or current.stage not in stages:
            self.notice.emit(self.tr("No call for that"))
            return None
        return current

    def _with_target(self, then: Callable[[Target], object]) -> None:
        """The typed number or selected entry, handed to `then`; for someone with a referral the operator
        first picks theirs or its alternative (Esc: nothing happens)."""
        target = self._target()
        if target is None:
            self.notice.emit(self.tr("Select a person or number in the directory first"))
        elif isinstance(target, ReferralOffer):
            window = self.parent()
            self._choose(target, window if isinstance(window, QWidget) else None, then)
        else:
            then(target)

    def consult(self) -> None:
        call = self._current(Stage.ACTIVE)
        if call is not None:
            self._with_target(lambda target: self._bridge.consult(call.call_id, *target))

    def transfer(self) -> None:
        call = self._current(Stage.ACTIVE, Stage.CONSULTING)
        if call is None:
            return
        if call.stage is Stage.CONSULTING:
            self._bridge.complete(call.call_id)
        else:
            self._with_target(lambda target: self._bridge.transfer(call.call_id, *target))

    def blind_transfer(self) -> None:
        call = self._current(Stage.ACTIVE)
        if call is not None:
            self._with_target(lambda target: self._bridge.blind_transfer(call.call_id, *target))

    def complete(self) -> None:
        call = self._current(Stage.CONSULTING)
        if call is not None:
            self._bridge.complete(call.call_id)

    def cancel(self) -> None:
        """Back to the caller: from a consultation, or after one that failed (busy, declined, no answer)."""
        call = self._bridge.cancellable()
        if call is None:
            self.notice.emit(self.tr("No call for that"))
            return
        self._bridge.cancel(call.call_id)

    def toggle(self) -> None:
        call = self._current(Stage.CONSULTING)
        if call is not None:
            self._bridge.toggle(call.call_id)

    def join(self) -> None:
        call = self._current(Stage.CONSULTING)
        if call is not None:
            self._bridge.join(call.call_id)

    def hang_up(self) -> None:
        """F12: hang up the current call (during a consultation: end it); with none, decline the selected
        (else the next) waiting call, as operators expect."""
        current = self._bridge.current()
        if current is None:
            # With a caller on hold, F12 is likelier meant for them than for "the next" waiting caller, who
            # would be turned away unseen: then only a waiting call the operator selected is declined.
            held = self._bridge.desk.in_stage(Stage.HELD, Stage.RECALL)
            waiting = self.waiting.selected_call_id() if held else self._waiting_choice()
            if waiting is not None:
                self._bridge.reject(waiting)
                return
            if held:
                self.notice.emit(self.tr("A caller is on hold: select a waiting call to decline it"))
                return
        call = self._current(Stage.ACTIVE, Stage.CONSULTING)
        if call is None:
            return
        if call.stage is Stage.CONSULTING:
            self._bridge.cancel(call.call_id)
        else:
            self._bridge.hangup(call.call_id)

    def called_back(self) -> None:
        """Ctrl+D: the selected caller has been called back."""
        if self.shared_callbacks:
            entry = self.callback_model.entry(self.callbacks.selected_row())
            if entry is not None:
                self.callback_done_requested.emit(entry)
            return
        removed = self.callback_model.remove(self.callbacks.selected_row())
        if removed is not None and (local := self._local.pop(removed.id, None)) is not None:
            self._bridge.desk.remove_callback(local)

    def share_callbacks(self, operator: str) -> None:
        """From now on the app keeps the list (in the store) and carries out call-back steps."""
        self.shared_callbacks = True
        self.callback_model.operator = operator
        self._local.clear()

    def _on_callbacks_activated(self) -> None:
        """Enter or a double click on a call-back: call them (shared: claimed first, so no one else does)."""
        entry = self.callback_model.entry(self.callbacks.selected_row())
        if entry is None:
            return
        if self.shared_callbacks:
            self.callback_dial_requested.emit(entry)
        else:
            self._bridge.dial(entry.number)

    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        call_id = current.data(CALL_ID_ROLE) if current.isValid() else None
        if call_id is not None:
            self.call_selected.emit(int(call_id))

    def _on_bridge_callback_added(self, entry: CallbackEntry) -> None:
        if self.shared_callbacks:
            return  # the app stores it, then shows the stored row
        local_id = min((0, *self._local)) - 1
        self._local[local_id] = entry
        self.callback_model.add(local_callback(entry, local_id))

    # -- updates ----------------------------------------------------------------------------------

    def _on_bridge_desk_changed(self, event: DeskChanged) -> None:
        for model in self.models.values():
            model.apply(event)

    def _on_bridge_ticked(self, now: float) -> None:
        for model in self.models.values():
            model.set_now(now)

    def _on_bridge_held_too_long(self, call: DeskCall) -> None:
        held = format_duration(call.held_s(self._bridge.desk.now()))
        self.notice.emit(self.tr("%1 has been on hold for %2").replace("%1", call.label).replace("%2", held))

    def callback_entries(self) -> tuple[StoredCallback, ...]:
        return self.callback_model.entries()
