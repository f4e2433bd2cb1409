"""The exchange's waiting callers on the desk: rows in the same order as local calls, picks, picks that
arrive and are answered at once, callers taken by colleagues or giving up, the phone's 4-call limit."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from softphone.desk.records import CallbackAdded, CallLogged, DeskChanged, PriorityClass, Stage
from softphone.identity import identity_from_message
from softphone.model import CallState, PhoneError
from tests.unit.softphone.desk.conftest import START, Desk


@dataclass(frozen=True)
class Caller:
    id: str
    name: str = ""
    number: str = "+4670111000"
    dialled: str = "0196020000"
    klass: str = "normal"
    joined_at: float = START.timestamp()
    offered_to: str | None = None


@pytest.fixture
def picks(desk: Desk) -> list[str]:
    asked: list[str] = []
    desk.desk.attach_queue(asked.append)
    return asked


def _waiting(desk: Desk) -> list[tuple[str, PriorityClass]]:
    return [(c.queue_id, c.priority) for c in desk.desk.waiting()]


def test_queued_callers_wait_in_the_desks_order_with_local_calls(desk: Desk, picks: list[str]) -> None:
    desk.clock.advance(60)
    desk.desk.queue_synced((Caller("q1", joined_at=START.timestamp() + 10),
                            Caller("q2", klass="emergency", joined_at=START.timestamp() + 50),
                            Caller("q3", joined_at=START.timestamp() + 5)))
    local = desk.phone.ring("", "+4670999")
    desk.pump()
    assert [c.queue_id or c.call_id for c in desk.desk.waiting()] == ["q2", "q3", "q1", local]
    row = desk.desk.waiting()[1]
    assert row.call_id < 0
    assert row.waiting_s(desk.clock()) == pytest.approx(55)  # joined 5 s after START, now START + 60


def test_f2_picks_the_head_and_the_picked_caller_is_answered_on_arrival(desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1", name="Anna"), Caller("q2", klass="priority")))
    assert desk.desk.answer_next() is not None
    assert picks == ["q2"]
    with pytest.raises(PhoneError):  # one pick at a time
        desk.desk.answer(desk.desk.waiting()[1].call_id)
    call_id = desk.phone.ring("", "+4670111000", "0196020000", queue_id="q2")
    desk.pump()  # rings here: answered at once, the queue row gives way to the phone's
    desk.pump()
    assert desk.phone.call(call_id).state is CallState.CONNECTED
    row = desk.desk.call(call_id)
    assert (row.stage, row.queue_id, row.priority) == (Stage.ACTIVE, "q2", PriorityClass.PRIORITY)
    assert [c.queue_id for c in desk.desk.waiting()] == ["q1"]
    desk.desk.queue_left("q2", "picked")  # the exchange confirms: nothing more to remove
    assert [c.queue_id for c in desk.desk.waiting()] == ["q1"]


def test_the_exchange_telling_of_our_pick_before_its_invite_arrives_loses_nothing(
        desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1"),))
    desk.desk.answer_next()
    desk.desk.queue_left("q1", "picked")  # the event stream can overtake the INVITE
    call_id = desk.phone.ring("", "+4670111000", queue_id="q1")
    desk.pump()
    desk.pump()
    assert desk.phone.call(call_id).state is CallState.CONNECTED
    assert desk.desk.waiting() == []


def test_a_call_marked_with_a_queue_id_nobody_here_picked_rings_as_usual(desk: Desk, picks: list[str]) -> None:
    call_id = desk.phone.ring("", "+4670111000", queue_id="q9")
    desk.pump()
    assert desk.desk.call(call_id).stage is Stage.WAITING
    assert desk.phone.call(call_id).state is CallState.RINGING


def test_a_refused_pick_lets_the_operator_pick_again(desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1"), Caller("q2")))
    desk.desk.answer_next()
    desk.desk.pick_refused("q1")  # a colleague was faster (409)
    desk.desk.queue_left("q1", "picked")
    desk.desk.answer_next()
    assert picks == ["q1", "q2"]


def test_callers_taken_by_colleagues_leave_quietly_and_those_who_give_up_are_called_back(
        desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1", number="+4670001"), Caller("q2", number="+4670002")))
    desk.desk.queue_offered("q1", "1001")
    assert desk.desk.waiting()[0].offered_to == "1001"
    desk.desk.queue_left("q1", "picked")
    desk.desk.queue_left("q2", "abandoned")
    assert desk.desk.waiting() == []
    assert [(e.number, e.queue_id) for e in desk.desk.callbacks] == [("+4670002", "q2")]  # one entry, shared
    assert len(desk.of(CallbackAdded)) == 1
    assert desk.of(CallLogged) == []  # the exchange records every caller's life in the store
    assert [e.reason for e in desk.of(DeskChanged) if e.call is None] == ["picked", "abandoned"]


def test_a_resync_drops_callers_no_longer_queued_and_keeps_the_others_times(desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1"), Caller("q2")))
    before = {c.queue_id: c.offered_at for c in desk.desk.waiting()}
    desk.clock.advance(30)
    desk.desk.queue_synced((Caller("q2"),))
    assert [(c.queue_id, c.offered_at) for c in desk.desk.waiting()] == [("q2", before["q2"])]


def test_no_pick_when_the_phone_is_full_and_no_rejecting_a_queued_caller(desk: Desk, picks: list[str]) -> None:
    desk.desk.queue_synced((Caller("q1"),))
    queued = desk.desk.waiting()[0].call_id
    with pytest.raises(PhoneError):
        desk.desk.reject(queued, busy=True)
    for n in range(3):
        call_id = desk.phone.ring("", f"+467000{n}")
        desk.pump()
        desk.desk.answer(call_id)
        desk.pump()
    with pytest.raises(PhoneError) as refused:
        desk.desk.answer(queued)
    assert refused.value.detail == "full"
    assert picks == []


def test_a_desk_without_an_exchange_refuses_to_pick(desk: Desk) -> None:
    desk.desk.queue_synced((Caller("q1"),))
    with pytest.raises(PhoneError):
        desk.desk.answer_next()


def test_the_queue_id_header_is_read_and_a_forged_one_is_ignored() -> None:
    invite = ("INVITE sip:1000@127.0.0.1 SIP/2.0\r\nFrom: <sip:+4670111@x>;tag=1\r\nTo: <sip:0196020000@x>\r\n"
              "X-Switchboard-Queue-Id: {}\r\n\r\n")
    assert identity_from_message(invite.format("q-17.3")).queue_id == "q-17.3"
    assert identity_from_message(invite.format("<script>")).queue_id == ""
