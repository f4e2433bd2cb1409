"""Who ended a call, read from the phone's `Call.end` alone; F8 after a failed consultation; the intents
the phone dock and the keypad use (reject busy, mute, DTMF) go through the desk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from softphone.desk.records import CallLogged, Outcome, PriorityClass, Stage
from softphone.model import CallState, PhoneError
from softphone.reasons import CallEnd, EndReason
from tests.unit.softphone.desk.conftest import Desk
from tests.unit.softphone.desk.conftest import answered as _answered
from tests.unit.softphone.desk.conftest import ring as _ring


def _outcomes(d: Desk) -> list[Outcome]:
    return [e.record.outcome for e in d.of(CallLogged)]


@pytest.mark.parametrize("busy", [True, False])
def test_a_rejection_through_the_desk_is_the_operators_act(desk: Desk, busy: bool) -> None:
    caller = _ring(desk)
    desk.desk.reject(caller, busy=busy)
    desk.pump()
    assert _outcomes(desk) == [Outcome.REJECTED]
    assert desk.desk.callbacks == []


def test_a_rejection_sent_past_the_desk_is_still_the_operators_act(desk: Desk) -> None:
    """The old phone dock went straight to the phone: the desk now reads who ended it from `Call.end`."""
    caller = _ring(desk)
    desk.phone.reject(caller, busy=True)
    desk.pump()
    assert _outcomes(desk) == [Outcome.REJECTED]
    assert desk.desk.callbacks == []


def test_a_caller_who_hangs_up_while_waiting_lands_on_the_call_back_list(desk: Desk) -> None:
    caller = _ring(desk, "+4670999888")
    desk.phone.remote_hangup(caller)
    desk.pump()
    assert _outcomes(desk) == [Outcome.ABANDONED]
    assert [e.number for e in desk.desk.callbacks] == ["+4670999888"]


def test_the_operator_hanging_up_a_held_call_is_handled_not_abandoned(desk: Desk) -> None:
    caller = _answered(desk)
    desk.desk.hold(caller)
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.HELD
    desk.desk.hangup(caller)
    desk.pump()
    assert _outcomes(desk) == [Outcome.HANDLED]
    assert desk.desk.callbacks == []


def test_reject_refuses_a_call_that_is_not_waiting(desk: Desk) -> None:
    caller = _answered(desk)
    with pytest.raises(PhoneError):
        desk.desk.reject(caller, busy=True)
    assert desk.desk.call(caller).stage is Stage.ACTIVE


@pytest.mark.parametrize("failure", ["busy", "declined", "unanswered"])
def test_cancel_after_a_failed_consultation_takes_the_caller_back(desk: Desk, failure: str) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    if failure == "busy":
        desk.phone.remote_busy(consult)
    elif failure == "declined":
        desk.phone.remote_decline(consult)
    else:
        desk.phone.alert(consult)
        desk.pump()
        desk.phone.remote_no_answer(consult)
    desk.pump()
    row = desk.desk.call(caller)
    assert row.stage is Stage.HELD
    assert row.why is not None
    assert desk.phone.call_on_hold(caller)
    assert desk.desk.cancellable() == row
    desk.desk.cancel(caller)
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.ACTIVE
    assert not desk.phone.call_on_hold(caller)
    assert desk.desk.cancellable() is None


def test_cancel_while_consulting_hangs_up_the_leg_and_resumes_the_caller(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_answer(consult)
    desk.pump()
    assert desk.desk.cancellable() == desk.desk.call(caller)
    desk.desk.cancel(caller)
    desk.pump()
    assert [c.id for c in desk.phone.calls] == [caller]
    assert not desk.phone.call_on_hold(caller)
    assert desk.desk.call(caller).stage is Stage.ACTIVE


def test_cancel_on_a_plain_held_call_is_refused(desk: Desk) -> None:
    caller = _answered(desk)
    desk.desk.hold(caller)
    desk.pump()
    with pytest.raises(PhoneError):
        desk.desk.cancel(caller)
    assert desk.desk.cancellable() is None


def test_tones_go_to_whom_the_operator_hears_and_mute_covers_both_legs(desk: Desk) -> None:
    caller = _answered(desk)
    desk.desk.send_dtmf(caller, "1")
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_answer(consult)
    desk.pump()
    desk.desk.send_dtmf(caller, "2")  # the consulted party's menu
    desk.desk.toggle(caller)
    desk.pump()
    desk.desk.send_dtmf(caller, "3")  # back with the caller
    assert desk.phone.dtmf == [(caller, "1"), (consult, "2"), (caller, "3")]
    desk.desk.set_muted(caller, True)
    desk.pump()
    assert desk.phone.call(caller).muted
    assert desk.phone.call(consult).muted
    row = desk.desk.call(caller)
    assert row.line is not None  # the row carries the phone's snapshot
    assert row.line.muted


def test_the_operators_own_call_goes_through_the_desk(desk: Desk) -> None:
    call_id = desk.desk.dial("2001")
    desk.pump()
    row = desk.desk.call(call_id)
    assert (row.incoming, row.stage) == (False, Stage.ACTIVE)
    assert row.line is not None
    assert row.line.state is CallState.DIALING


def test_a_call_answered_that_never_connected_is_not_logged_as_handled(desk: Desk) -> None:
    """An answer lost on the way (a 200 OK too large for UDP): the call ends before it came up."""
    caller = _ring(desk)
    desk.phone._change(replace(desk.phone.call(caller), state=CallState.CONNECTING), "answered")
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.ACTIVE
    desk.phone.remote_hangup(caller)
    desk.pump()
    assert _outcomes(desk) == [Outcome.NOT_CONNECTED]


def test_a_caller_refused_at_the_ring_limit_is_logged_unanswered_and_kept_for_a_call_back(desk: Desk) -> None:
    """Nobody answered before `[sip] ring_timeout`: the phone refused it, neither the caller nor the operator."""
    caller = _ring(desk, "+4670999777")
    desk.phone._end(caller, EndReason(CallEnd.RING_TIMEOUT, 480, "300"))
    desk.pump()
    assert _outcomes(desk) == [Outcome.UNANSWERED]
    assert [e.number for e in desk.desk.callbacks] == ["+4670999777"]
    [logged] = desk.of(CallLogged)
    assert logged.record.end_reason == "unanswered for 300 s (ring limit)"


def test_a_caller_refused_because_every_line_was_in_use_is_logged_and_never_a_row(desk: Desk) -> None:
    desk.phone.refuse_full("", "112", "+4631000")
    desk.phone.refuse_full("", "+4670111222", "+4631000")
    desk.pump()
    records = [e.record for e in desk.of(CallLogged)]
    assert [(r.number, r.name, r.outcome, r.incoming, r.answered_at) for r in records] == [
        ("112", "", Outcome.REFUSED_FULL, True, None),
        ("+4670111222", "Anna Lind (directory)", Outcome.REFUSED_FULL, True, None)]
    assert records[0].priority is PriorityClass.EMERGENCY
    assert records[0].end_reason == "refused: every line of the console was in use (486)"
    assert desk.desk.calls == ()
    assert desk.desk.callbacks == []
