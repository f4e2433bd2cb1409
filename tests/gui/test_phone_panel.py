"""The phone dock over the desk, with a fake phone: indicator, the caller card, controls as desk intents,
plain-text callers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from directory.number_display import NumberDisplay
from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallLogged, Outcome, Stage
from softphone.desk.settings import DeskSettings
from softphone.model import CallState, Registration, RegistrationStatus
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone as FakePhone
from ui.phone_panel import PhonePanel, format_duration

pytestmark = pytest.mark.gui


@pytest.fixture
def phone() -> FakePhone:
    return FakePhone()


@pytest.fixture
def desk(phone: FakePhone) -> OperatorDesk:
    return OperatorDesk(phone, DeskSettings(), clock=lambda: 0.0)


@pytest.fixture
def bridge(phone: FakePhone, desk: OperatorDesk, qtbot: QtBot) -> Iterator[DeskBridge]:
    bridge = DeskBridge(phone, desk)
    bridge.start()
    yield bridge
    bridge.stop()


@pytest.fixture
def panel(bridge: DeskBridge, qtbot: QtBot) -> PhonePanel:
    widget = PhonePanel(bridge)
    qtbot.addWidget(widget)
    return widget


def test_bridge_pumps_the_phone_on_a_timer(phone: FakePhone, bridge: DeskBridge, qtbot: QtBot) -> None:
    assert phone.started
    assert bridge.running
    qtbot.waitUntil(lambda: phone.pumps > 3, timeout=1000)
    bridge.stop()
    assert not bridge.running
    assert not phone.started


def test_registration_indicator_cannot_be_missed_when_down(phone: FakePhone, panel: PhonePanel,
                                                            qtbot: QtBot) -> None:
    phone.set_registration(Registration(RegistrationStatus.REGISTERED, "pbx", 200))
    qtbot.waitUntil(lambda: panel.indicator.text() == "Phone ready", timeout=1000)
    assert panel.indicator.property("status") == "registered"  # the theme colours it by this
    phone.set_registration(Registration(RegistrationStatus.FAILED, "pbx", 401,
                                        "wrong user name or password (401)", 4.2))
    qtbot.waitUntil(lambda: "NOT registered" in panel.indicator.text(), timeout=1000)
    assert panel.indicator.text() == ("Phone NOT registered: wrong user name or password (401) "
                                      "(retrying in 4 s)")
    assert panel.indicator.property("status") == "failed"
    assert panel.indicator.textFormat() == Qt.TextFormat.PlainText


def test_ringing_call_is_answered_held_muted_and_hung_up(phone: FakePhone, panel: PhonePanel,
                                                         qtbot: QtBot) -> None:
    assert not panel.answer_button.isEnabled()
    call_id = phone.ring("Alice", "2001")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    assert panel.caller.text() == "Alice"
    assert panel.card.doing.text().startswith("Ringing")
    assert panel.card.line.text() == "2001"
    assert panel.hangup_button.text() == "Decline"
    qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.hold_button.isEnabled, timeout=1000)
    assert phone.calls[0].state is CallState.CONNECTED
    assert panel.hangup_button.text() == "Hang up"
    assert panel.card.doing.text() == "Talking · 0:00"  # the desk's clock stands still here

    qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.hold_button.text() == "Resume", timeout=1000)
    assert panel.card.doing.text().startswith("On hold")
    assert panel.card.property("state") == "held"
    qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.hold_button.text() == "Hold", timeout=1000)

    qtbot.mouseClick(panel.mute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "muted" in panel.card.doing.text(), timeout=1000)
    assert phone.calls[0].muted

    assert not panel.keypad.isVisibleTo(panel)  # folded away until asked for
    qtbot.mouseClick(panel.keypad_toggle, Qt.MouseButton.LeftButton)
    assert panel.keypad.isVisibleTo(panel)
    qtbot.mouseClick(panel.keys["5"], Qt.MouseButton.LeftButton)
    assert phone.dtmf == [(call_id, "5")]

    qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.card.call is None, timeout=1000)
    assert panel.message.text() == "Call with Alice ended: hung up"
    assert panel.card.doing.text() == "No call"
    assert panel.caller.text() == ""


def test_a_caller_who_hangs_up_while_it_rings_is_said_to_have_given_up(phone: FakePhone, panel: PhonePanel,
                                                                         qtbot: QtBot) -> None:
    """Their CANCEL ends the call with 487: the operator reads what happened, not "cancelled (487)"."""
    call_id = phone.ring("Alice", "2001")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    phone.caller_cancel(call_id)
    qtbot.waitUntil(lambda: panel.card.call is None, timeout=1000)
    assert panel.message.text() == "Call with Alice ended: the caller hung up before it was answered"


def test_an_outgoing_call_cancelled_elsewhere_still_says_cancelled(bridge: DeskBridge, phone: FakePhone,
                                                                   panel: PhonePanel, qtbot: QtBot) -> None:
    call_id = bridge.dial("2001")
    assert call_id is not None
    qtbot.waitUntil(lambda: panel.card.call is not None, timeout=1000)
    phone.caller_cancel(call_id)  # a 487 to our own INVITE
    qtbot.waitUntil(lambda: panel.card.call is None, timeout=1000)
    assert panel.message.text().endswith("ended: cancelled (487)")


def test_keypad_and_mute_rest_while_the_call_is_held(phone: FakePhone, desk: OperatorDesk, panel: PhonePanel,
                                                      qtbot: QtBot) -> None:
    """Tones to a held caller go nowhere and muting means nothing: both are off until the call is taken back."""
    call_id = phone.ring("Alice", "2001")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    panel.answer_button.click()
    qtbot.waitUntil(panel.hold_button.isEnabled, timeout=1000)
    panel.keypad_toggle.click()
    assert panel.mute_button.isEnabled()
    assert all(key.isEnabled() for key in panel.keys.values())
    panel.hold_button.click()
    qtbot.waitUntil(lambda: desk.call(call_id).stage is Stage.HELD, timeout=1000)
    qtbot.waitUntil(lambda: panel.hold_button.text() == "Resume", timeout=1000)
    assert panel.card.call is not None  # still the card's call
    assert panel.card.call.call_id == call_id
    assert not panel.mute_button.isEnabled()
    assert not any(key.isEnabled() for key in panel.keys.values())
    qtbot.mouseClick(panel.keys["5"], Qt.MouseButton.LeftButton)
    assert phone.dtmf == []
    panel.hold_button.click()
    qtbot.waitUntil(lambda: desk.call(call_id).stage is Stage.ACTIVE, timeout=1000)
    qtbot.waitUntil(panel.mute_button.isEnabled, timeout=1000)
    assert all(key.isEnabled() for key in panel.keys.values())


def test_busy_rejects_the_ringing_call_as_the_operators_act(desk: OperatorDesk, phone: FakePhone,
                                                             panel: PhonePanel, qtbot: QtBot) -> None:
    logged: list[CallLogged] = []
    desk.add_listener(lambda event: logged.append(event) if isinstance(event, CallLogged) else None)
    phone.ring("Bob", "2002")
    qtbot.waitUntil(panel.busy_button.isEnabled, timeout=1000)
    qtbot.mouseClick(panel.busy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "rejected as busy" in panel.message.text(), timeout=1000)
    assert [e.record.outcome for e in logged] == [Outcome.REJECTED]
    assert desk.callbacks == []


def test_hanging_up_a_held_call_in_the_dock_is_the_operators_act(desk: OperatorDesk, phone: FakePhone,
                                                                 panel: PhonePanel, qtbot: QtBot) -> None:
    logged: list[CallLogged] = []
    desk.add_listener(lambda event: logged.append(event) if isinstance(event, CallLogged) else None)
    call_id = phone.ring("Bob", "+4670002")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    panel.answer_button.click()
    qtbot.waitUntil(panel.hold_button.isEnabled, timeout=1000)
    panel.hold_button.click()
    qtbot.waitUntil(lambda: desk.call(call_id).stage is Stage.HELD, timeout=1000)
    panel.hangup_button.click()
    qtbot.waitUntil(lambda: bool(logged), timeout=1000)
    assert [e.record.outcome for e in logged] == [Outcome.HANDLED]
    assert desk.callbacks == []


def test_hostile_caller_name_is_shown_as_plain_text(phone: FakePhone, panel: PhonePanel, qtbot: QtBot) -> None:
    hostile = "<b>Boss</b><img src=x>"
    phone.ring(hostile, "666")
    qtbot.waitUntil(lambda: panel.caller.text() == hostile, timeout=1000)
    assert panel.caller.textFormat() == Qt.TextFormat.PlainText
    assert panel.card.line.text() == "666"
    assert hostile in panel.card.accessibleDescription()


def test_second_ringing_call_does_not_steal_the_current_call(phone: FakePhone, panel: PhonePanel,
                                                             qtbot: QtBot) -> None:
    first = phone.ring("Alice", "2001")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    panel.answer_button.click()
    qtbot.waitUntil(panel.hold_button.isEnabled, timeout=1000)
    phone.ring("Carol", "2003")
    qtbot.waitUntil(lambda: len(panel._bridge.desk.calls) == 2, timeout=1000)
    current = panel.current_call()
    assert current is not None
    assert current.call_id == first


def test_dial_errors_are_reported_not_raised(bridge: DeskBridge, panel: PhonePanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(bridge.error_occurred, timeout=1000):
        assert bridge.dial("Anna Svensson") is None
    assert "not a number" in panel.message.text()
    call_id = bridge.dial("2001")
    assert call_id is not None
    qtbot.waitUntil(lambda: panel.card.call is not None, timeout=1000)
    assert panel.card.call is not None
    assert panel.card.call.call_id == call_id  # dialled: the operator is with this call


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (65.9, "1:05"), (3600 + 61, "1:01:01")])
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_bridge_lists_audio_devices(bridge: DeskBridge) -> None:
    assert [d.name for d in bridge.audio_devices()] == ["Headset", "Speakers"]


def test_the_card_names_the_service_dialled_and_the_consultation(phone: FakePhone, desk: OperatorDesk,
                                                                    panel: PhonePanel, qtbot: QtBot) -> None:
    panel.numbers = NumberDisplay(home_region="SE", services={"0196024000": "Växeln"})
    call_id = phone.ring("Alice", "0701234567", dialled="0196024000")
    qtbot.waitUntil(panel.answer_button.isEnabled, timeout=1000)
    assert panel.card.line.text() == "070-123 45 67 · Växeln"
    assert panel.card.accessibleDescription() == "Alice, 070-123 45 67, dialled Växeln, Ringing · 0:00"
    panel.answer_button.click()
    qtbot.waitUntil(lambda: desk.call(call_id).stage is Stage.ACTIVE, timeout=1000)
    desk.consult(call_id, "2002", "Eva Berg")
    qtbot.waitUntil(lambda: panel.card.doing.text().startswith("Consulting Eva Berg"), timeout=1000)
    assert panel.card.property("state") == "consulting"


def test_a_64_character_name_without_spaces_is_cut_to_fit_and_never_widens_the_dock(
        phone: FakePhone, panel: PhonePanel, qtbot: QtBot) -> None:
    panel.resize(panel.sizeHint())
    panel.show()
    width = panel.minimumSizeHint().width()
    name = "Anna-KarinLindqvistBergströmHälsocentralenNorraStadsdelenAkuten1"  # 64 characters, no space
    assert len(name) == 64
    phone.ring(name, "4670" + "1" * 44)  # and a number as long as a number may be
    qtbot.waitUntil(lambda: panel.caller.text() == name, timeout=1000)
    assert panel.minimumSizeHint().width() <= width
    assert panel.caller.shown_text().endswith("…")
    assert panel.caller.toolTip() == name
    assert panel.caller.accessibleName() == name
    assert panel.card.line.accessibleName() == panel.card.line.text()  # the whole number, however cut
    [call] = phone.calls
    phone.remote_hangup(call.id)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Call with"), timeout=1000)
    assert panel.minimumSizeHint().width() <= width
    assert "…" in panel.message.text()
