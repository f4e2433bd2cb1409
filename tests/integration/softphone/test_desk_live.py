"""The operator desk over the real engine through Kamailio: supervised transfer, recall, abandoned callers."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallLogged, DeskEvent, Outcome, Stage
from softphone.desk.settings import DeskSettings
from softphone.engine import Phone
from softphone.model import CallState
from tests.helpers.sip_peer import SipPeer
from tests.integration.softphone.conftest import pump_until, wait_peer
from tests.integration.softphone.test_transfer import CALLER_TONE, TARGET_TONE, _assert_talking

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _desk(phone: Phone, recall_after_s: float = 30.0) -> tuple[OperatorDesk, list[DeskEvent]]:
    settings = DeskSettings.model_construct(recall_after=recall_after_s, internal_max_digits=0)  # below the minimum
    desk = OperatorDesk(phone, settings, clock=time.monotonic)
    events: list[DeskEvent] = []
    desk.add_listener(events.append)
    return desk, events


def _caller_waiting(phone: Phone, desk: OperatorDesk, caller: SipPeer) -> int:
    wait_peer(phone, caller, "reg", code=200)
    caller.send("tone", freq=CALLER_TONE)
    caller.send("call", uri="sip:1000@127.0.0.1")
    pump_until(phone, lambda: bool(desk.waiting()))
    return desk.waiting()[0].call_id


def _pump_desk(phone: Phone, desk: OperatorDesk, predicate: Callable[[], object], timeout: float = 10.0) -> None:
    def check() -> object:
        desk.tick()
        return predicate()
    pump_until(phone, check, timeout)


def test_supervised_transfer_connects_caller_and_target(console, make_peer, tmp_path):
    phone, _ = console
    desk, events = _desk(phone)
    caller, target = make_peer("2201"), make_peer("2202")
    wait_peer(phone, target, "reg", code=200)
    target.send("tone", freq=TARGET_TONE)
    call_id = _caller_waiting(phone, desk, caller)
    assert desk.answer_next() == call_id
    _pump_desk(phone, desk, lambda: desk.call(call_id).stage is Stage.ACTIVE
               and phone.call(call_id).state is CallState.CONNECTED)
    desk.transfer(call_id, "2202", "Eva Berg")
    wait_peer(phone, target, "incoming")
    target.send("answer")
    _pump_desk(phone, desk, lambda: not desk.calls and not phone.calls)
    (record,) = [e.record for e in events if isinstance(e, CallLogged)]
    assert (record.outcome, record.transferred_to, record.number) == (Outcome.TRANSFERRED, "Eva Berg", "2201")
    _assert_talking(phone, caller, target, tmp_path)


def test_unanswered_supervised_transfer_comes_back_as_a_recall_and_the_caller_is_kept(console, make_peer):
    phone, _ = console
    desk, _ = _desk(phone, recall_after_s=1.5)
    caller, target = make_peer("2211"), make_peer("2212")
    wait_peer(phone, target, "reg", code=200)
    call_id = _caller_waiting(phone, desk, caller)
    desk.answer(call_id)
    _pump_desk(phone, desk, lambda: phone.call(call_id).state is CallState.CONNECTED)
    desk.transfer(call_id, "2212", "Eva Berg")
    wait_peer(phone, target, "incoming")
    _pump_desk(phone, desk, lambda: desk.call(call_id).stage is Stage.RECALL, timeout=5)
    assert desk.call(call_id).recall_target == "Eva Berg"
    _pump_desk(phone, desk, lambda: [c.id for c in phone.calls] == [call_id])  # ringing leg cancelled
    wait_peer(phone, target, "call_state", state="DISCONNECTED", code=487)
    desk.resume(call_id)
    _pump_desk(phone, desk, lambda: desk.call(call_id).stage is Stage.ACTIVE and not phone.call(call_id).on_hold)


def test_busy_target_recalls_at_once_and_caller_hanging_up_gives_a_callback(console, make_peer):
    phone, _ = console
    desk, _ = _desk(phone)
    caller, target = make_peer("2221"), make_peer("2222")
    wait_peer(phone, target, "reg", code=200)
    call_id = _caller_waiting(phone, desk, caller)
    desk.answer(call_id)
    _pump_desk(phone, desk, lambda: phone.call(call_id).state is CallState.CONNECTED)
    desk.transfer(call_id, "2222", "Eva Berg")
    wait_peer(phone, target, "incoming")
    target.send("answer", code=486)
    _pump_desk(phone, desk, lambda: desk.call(call_id).stage is Stage.RECALL)
    assert "486" in desk.call(call_id).note
    caller.send("hangup")
    _pump_desk(phone, desk, lambda: not desk.calls)
    assert [c.number for c in desk.callbacks] == ["2221"]


def test_caller_giving_up_while_waiting_is_logged_as_abandoned(console, make_peer):
    phone, _ = console
    desk, events = _desk(phone)
    caller = make_peer("2231")
    call_id = _caller_waiting(phone, desk, caller)
    caller.send("hangup")
    _pump_desk(phone, desk, lambda: not desk.calls)
    (record,) = [e.record for e in events if isinstance(e, CallLogged)]
    assert record.outcome is Outcome.ABANDONED
    assert record.end_reason == "the caller hung up before it was answered"  # their CANCEL, not "cancelled (487)"
    assert record.waiting_s > 0
    assert [c.number for c in desk.callbacks] == ["2231"]
    assert call_id not in {c.id for c in phone.calls}
