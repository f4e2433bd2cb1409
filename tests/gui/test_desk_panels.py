"""The desk panels with the fake switchboard phone: models, keyboard operations, plain-text callers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallLogged, Outcome, Stage
from softphone.desk.settings import DeskSettings
from softphone.model import CallChanged
from softphone.reasons import CallEnd, EndReason
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone
from tests.unit.softphone.desk.conftest import Clock
from ui.desk_model import CALL_ID_ROLE, DeskList
from ui.desk_panel import DeskPanels
from ui.desk_shortcuts import DEFAULT_KEYS, desk_shortcut_table, keys
from ui.phone_panel import PhonePanel

pytestmark = pytest.mark.gui


class Rig:
    def __init__(self, qtbot: QtBot) -> None:
        self.phone = FakeSwitchboardPhone()
        self.clock = Clock()
        settings = DeskSettings(emergency_numbers=["112"], priority_numbers=["+4631999"], internal_max_digits=0,
                                recall_after=30, held_reminder=60)
        self.desk = OperatorDesk(self.phone, settings,
                                 clock=self.clock, wall_clock=self.clock.wall)
        self.bridge = DeskBridge(self.phone, self.desk, tick_ms=3_600_000)  # ticks are driven by hand
        self.target: tuple[str, str] | None = ("2002", "Eva Berg")
        self.panels = DeskPanels(self.bridge, lambda: self.target)
        self.card = PhonePanel(self.bridge)  # the call being talked to is on its caller card, as in the window
        self.panels.call_selected.connect(self.card.show_call)
        self.notices: list[str] = []
        self.panels.notice.connect(self.notices.append)
        self.host = QWidget()
        self.host.addActions(list(self.panels.actions.values()))
        qtbot.addWidget(self.host)
        qtbot.addWidget(self.card)
        self.host.show()
        qtbot.waitExposed(self.host)
        self.qtbot = qtbot

    def key(self, sequence: str) -> None:
        action = next(a for a in self.panels.actions.values() if a.shortcut().toString() == sequence)
        self.qtbot.keySequence(self.host, action.shortcut())
        self.phone.pump()

    def ring(self, name: str, number: str) -> int:
        call_id = self.phone.ring(name, number)
        self.phone.pump()
        return call_id

    def rows(self, kind: DeskList, column: int = 0) -> list[str]:
        model = self.panels.models[kind]
        return [model.index(r, column).data() for r in range(model.rowCount())]

    def talking(self) -> list[str]:
        """The caller card's name while it shows a call being talked to (there is one at most)."""
        call = self.card.card.call
        return [self.card.card.name.text()] if call is not None and call.stage is Stage.ACTIVE else []

    def tick(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.bridge._on_tick_timeout()  # the QTimer's slot, driven by hand
        self.phone.pump()


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    rig = Rig(qtbot)
    yield rig
    rig.bridge.stop()


def test_models_pass_the_model_tester_with_rows_in_every_list(rig: Rig, qtmodeltester) -> None:
    for number in ("+4670001", "+4670002", "112", "+4670003", "+4670004", "+4670005"):
        rig.ring("", number)
        rig.clock.advance(1)
    rig.key("F2")  # 112
    rig.key("Ctrl+T")  # supervised transfer of 112 ...
    rig.key("F2")  # A answered
    rig.key("F2")  # A held, B answered
    rig.tick(31)  # ... comes back as a recall
    rig.key("F6")  # B consulting
    rig.key("F2")  # C answered: active
    rig.phone.remote_hangup(rig.desk.waiting()[0].call_id)
    rig.phone.pump()
    for kind in DeskList:
        assert rig.panels.models[kind].rowCount() > 0, kind
        qtmodeltester.check(rig.panels.models[kind])
    qtmodeltester.check(rig.panels.callback_model)


def test_emergency_jumps_the_queue_and_is_shown_unmistakably(rig: Rig) -> None:
    rig.ring("Bo Ek", "+4670001")
    rig.clock.advance(2)
    rig.ring("Ward 3", "+4631999")
    rig.ring("Larm", "112")
    assert rig.rows(DeskList.WAITING, 1) == ["EMERGENCY: Larm", "Ward 3", "Bo Ek"]
    model = rig.panels.models[DeskList.WAITING]
    assert model.index(0, 0).data() == "EMERGENCY"
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#b71c1c"
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    rig.tick(5)
    assert model.index(2, 4).data() == "0:07"
    rig.key("F2")
    assert rig.talking() == ["Larm"]
    assert rig.card.card.doing.text().startswith("EMERGENCY · Talking")
    assert rig.card.card.property("state") == "emergency"
    assert rig.rows(DeskList.WAITING, 1) == ["Ward 3", "Bo Ek"]


def test_caller_names_stay_plain_text(rig: Rig) -> None:
    rig.ring("<b>Mallory</b><img src=x>", "+4670001")
    model = rig.panels.models[DeskList.WAITING]
    assert model.index(0, 1).data() == "<b>Mallory</b><img src=x>"
    assert rig.panels.waiting.title.textFormat() is Qt.TextFormat.PlainText


def test_consult_toggle_and_complete_by_keyboard(rig: Rig) -> None:
    caller = rig.ring("Anna", "+4670001")
    rig.key("F2")
    rig.key("F6")
    consult = rig.desk.call(caller).consultation
    assert consult is not None
    assert rig.rows(DeskList.CONSULTATIONS, 1) == ["Eva Berg"]
    assert rig.rows(DeskList.CONSULTATIONS, 2) == ["Ringing"]
    rig.phone.remote_answer(consult.call_id)
    rig.phone.pump()
    assert rig.rows(DeskList.CONSULTATIONS, 2) == ["Talking to target"]
    rig.key("F9")
    assert not rig.phone.call_on_hold(caller)
    rig.key("F9")
    assert rig.phone.call_on_hold(caller)
    rig.key("Ctrl+J")
    assert rig.rows(DeskList.CONSULTATIONS, 2) == ["Three-way call"]
    assert not rig.phone.call_on_hold(caller)
    rig.key("F7")
    assert rig.rows(DeskList.CONSULTATIONS, 2) == ["Transferring"]
    rig.phone.transfer_result(caller, 200)
    rig.phone.pump()
    assert all(m.rowCount() == 0 for m in rig.panels.models.values())


def test_cancel_with_f8_and_hang_up_with_f12(rig: Rig) -> None:
    caller = rig.ring("Anna", "+4670001")
    rig.key("F2")
    rig.key("F6")
    rig.key("F8")
    assert rig.talking() == ["Anna"]
    assert rig.desk.call(caller).stage is Stage.ACTIVE
    rig.key("F12")
    assert rig.desk.calls == ()
    assert rig.notices == []


def test_unanswered_transfer_comes_back_to_the_recalls_panel_and_f3_takes_it(rig: Rig) -> None:
    caller = rig.ring("Anna", "+4670001")
    rig.key("F2")
    rig.key("Ctrl+T")
    assert rig.rows(DeskList.CONSULTATIONS, 2) == ["Transfer (recall if unanswered)"]
    rig.tick(30)
    assert rig.rows(DeskList.RECALLS, 1) == ["Eva Berg"]
    assert rig.rows(DeskList.RECALLS, 2) == ["no answer"]
    rig.key("F3")
    assert rig.talking() == ["Anna"]
    assert rig.desk.call(caller).stage is Stage.ACTIVE


def test_held_calls_tick_and_remind_and_f3_holds_then_takes_back(rig: Rig) -> None:
    caller = rig.ring("Anna", "+4670001")
    rig.key("F2")
    rig.key("F3")
    assert rig.rows(DeskList.HELD) == ["Anna"]
    rig.tick(61)
    model = rig.panels.models[DeskList.HELD]
    assert model.index(0, 2).data() == "1:01"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert rig.notices == ["Anna has been on hold for 1:01"]
    rig.panels.held.view.selectRow(0)
    rig.key("F3")
    assert rig.desk.call(caller).stage is Stage.ACTIVE


def test_abandoned_caller_lands_on_the_callback_list_and_ctrl_d_clears_it(rig: Rig) -> None:
    caller = rig.ring("Anna", "+4670001")
    rig.phone.remote_hangup(caller)
    rig.phone.pump()
    assert rig.rows(DeskList.WAITING) == []
    model = rig.panels.callback_model
    assert [model.index(0, c).data() for c in (0, 1, 4)] == ["Anna", "+4670001", "waiting"]
    rig.panels.callbacks.view.selectRow(0)
    rig.key("Ctrl+D")
    assert model.rowCount() == 0
    assert rig.desk.callbacks == []


def test_operations_without_a_call_or_target_explain_themselves(rig: Rig) -> None:
    rig.key("F2")
    rig.key("F7")
    rig.ring("Anna", "+4670001")
    rig.key("Shift+F2")
    rig.key("F2")
    rig.target = None
    rig.key("F6")
    assert rig.notices == ["No calls waiting", "No call for that", "Select a waiting call first",
                           "Select a person or number in the directory first"]


def test_answer_selected_takes_the_selected_row(rig: Rig) -> None:
    rig.ring("Anna", "+4670001")
    second = rig.ring("Bo", "+4670002")
    rig.panels.waiting.view.selectRow(1)
    assert rig.panels.waiting.selected_call_id() == second
    rig.key("Shift+F2")
    assert rig.desk.call(second).stage is Stage.ACTIVE
    assert rig.panels.models[DeskList.WAITING].index(0, 0, QModelIndex()).data(CALL_ID_ROLE) != second


def test_keys_are_declared_once_and_can_be_overridden() -> None:
    assert keys({"answer_next": "F10", "unknown": "F11"})["answer_next"] == "F10"
    rows = desk_shortcut_table()
    assert [key for key, _ in rows] == list(DEFAULT_KEYS.values())
    assert len(set(DEFAULT_KEYS.values())) == len(DEFAULT_KEYS)
    assert not {"F1", "F4", "F5", "Ctrl+F", "Esc", "Return"} & set(DEFAULT_KEYS.values())


def test_f12_declines_a_waiting_call_and_shift_f12_rejects_one_as_busy(rig: Rig) -> None:
    ends: dict[int, object] = {}
    rig.phone.add_listener(lambda e: ends.__setitem__(e.call.id, e.call.end)
                           if isinstance(e, CallChanged) and not e.call.state.live else None)
    logged: list[CallLogged] = []
    rig.desk.add_listener(lambda e: logged.append(e) if isinstance(e, CallLogged) else None)
    first = rig.ring("", "+4670001")
    second = rig.ring("", "+4670002")
    rig.key("F12")  # no call up: declines the next waiting one (603)
    rig.key("Shift+F12")  # the other, as busy (486): the exchange offers it on
    assert ends == {first: EndReason(CallEnd.REJECTED, 603), second: EndReason(CallEnd.REJECTED_BUSY, 486)}
    assert [e.record.outcome for e in logged] == [Outcome.REJECTED, Outcome.REJECTED]
    assert rig.desk.calls == ()
    assert rig.desk.callbacks == []


def test_the_call_talked_to_is_on_the_caller_card_alone_and_held_ones_are_chosen_by_keyboard(
        rig: Rig, qtbot: QtBot) -> None:
    """One representation per call: the card shows the call the operator is with, the lists the others; a
    held call selected with the arrow keys in the On hold list goes on the card, and the card's Resume acts
    on it."""
    first = rig.ring("Anna", "2001")
    rig.key("F2")
    rig.phone.pump()
    assert rig.talking() == ["Anna"]
    assert all(rig.panels.models[kind].row_of(first) < 0 for kind in DeskList)  # in no list while talked to
    assert rig.card.card.line.text() == "2001"
    assert "Anna" in rig.card.card.accessibleDescription()
    assert rig.card.card.accessibleName() == "Current call"
    rig.key("F3")
    assert rig.rows(DeskList.HELD) == ["Anna"]
    assert rig.card.card.doing.text().startswith("On hold")  # still the card's call, now on hold
    second = rig.ring("Bo", "2002")
    rig.key("F2")
    assert rig.talking() == ["Bo"]  # answered: the card follows the operator
    rig.key("F3")
    assert rig.rows(DeskList.HELD) == ["Anna", "Bo"]
    held = rig.panels.held.view
    held.setFocus()
    rig.panels.held.view.setCurrentIndex(rig.panels.models[DeskList.HELD].index(1, 0))
    qtbot.keyClick(held, Qt.Key.Key_Up)  # the arrow keys move between the held callers
    current = rig.card.current_call()
    assert current is not None
    assert current.call_id == first
    assert rig.card.card.name.text() == "Anna"
    assert rig.card.hold_button.text() == "Resume"
    qtbot.keyClick(held, Qt.Key.Key_Down)
    assert rig.card.card.name.text() == "Bo"
    assert rig.desk.call(second).stage is Stage.HELD
    rig.key("F3")  # takes back the held caller selected
    assert rig.talking() == ["Bo"]
    held.setCurrentIndex(rig.panels.models[DeskList.HELD].index(0, 0))
    assert rig.card.card.name.text() == "Bo"  # the call talked to is never hidden behind a selected one
    assert rig.rows(DeskList.HELD) == ["Anna"]


def test_f12_with_a_caller_on_hold_declines_only_a_waiting_call_that_is_selected(rig: Rig) -> None:
    """The operator holds Anna and another caller rings: F12 turns no one away unseen; with the waiting
    call selected it declines that one, and Anna stays on hold."""
    anna = rig.ring("Anna", "2001")
    rig.key("F2")
    rig.key("F3")  # Anna on hold
    waiting = rig.ring("", "+4670002")
    rig.key("F12")
    assert {c.call_id: c.stage for c in rig.desk.calls} == {anna: Stage.HELD, waiting: Stage.WAITING}
    assert rig.notices[-1] == "A caller is on hold: select a waiting call to decline it"
    rig.panels.waiting.view.selectRow(0)
    rig.key("F12")
    assert {c.call_id: c.stage for c in rig.desk.calls} == {anna: Stage.HELD}
