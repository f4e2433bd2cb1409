"""The desk's Qt facade: events become signals, refused intents become error_occurred, the timer ticks."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from softphone.desk.desk import OperatorDesk
from softphone.desk.records import DeskChanged, Stage
from softphone.desk.settings import DeskSettings
from softphone.model import PhoneError, Refusal
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone
from tests.unit.softphone.desk.conftest import Clock

pytestmark = pytest.mark.gui


def test_bridge_signals_intents_and_errors(qtbot: QtBot) -> None:
    phone, clock = FakeSwitchboardPhone(), Clock()
    settings = DeskSettings.model_construct(held_reminder=1)  # sooner than the settings allow
    desk = OperatorDesk(phone, settings, clock=clock, wall_clock=clock.wall)
    bridge = DeskBridge(phone, desk, tick_ms=10)
    changes: list[DeskChanged] = []
    errors: list[PhoneError] = []
    held: list[object] = []
    bridge.desk_changed.connect(changes.append)
    bridge.error_occurred.connect(errors.append)
    bridge.held_too_long.connect(held.append)
    call_id = phone.ring("Anna", "+4670001")
    phone.pump()
    assert changes[-1].call is not None
    assert changes[-1].call.stage is Stage.WAITING
    assert bridge.answer_next() == call_id
    phone.pump()
    bridge.complete(call_id)  # no consultation: refused, not raised
    assert [(str(e), e.kind) for e in errors] == [(f"call {call_id} has no consultation", Refusal.NOT_CONSULTING)]
    bridge.hold(call_id)
    phone.pump()
    clock.advance(2)
    bridge.start()
    with qtbot.waitSignal(bridge.ticked, timeout=2000):
        pass
    bridge.stop()
    assert len(held) == 1
    assert bridge.current() is None
