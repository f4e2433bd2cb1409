"""The operator desk's state machine: queue order, hold timers, consultations, transfers, recalls, hang-ups."""

from __future__ import annotations

import random

import pytest

from softphone.desk.priority import PriorityRules, normalise
from softphone.desk.records import (
    CallbackAdded,
    CallLogged,
    DeskChanged,
    HeldTooLong,
    Outcome,
    PriorityClass,
    Stage,
)
from softphone.model import PhoneError
from tests.unit.softphone.desk.conftest import START, Desk
from tests.unit.softphone.desk.conftest import answered as _answered
from tests.unit.softphone.desk.conftest import ring as _ring


def _logged(d: Desk) -> list:  # type: ignore[type-arg]
    return [e.record for e in d.of(CallLogged)]


def test_priority_rules_normalise_numbers_and_check_the_dialled_line() -> None:
    rules = PriorityRules(emergency_numbers=frozenset({"+46 8-555 000"}), priority_numbers=frozenset({"0311"}),
                          internal_max_digits=4)
    assert normalise("+46 8-555 000") == "+468555000"
    assert rules.classify("+468555000") is PriorityClass.EMERGENCY
    assert rules.classify("+4670000", dialled="+46 8 555 000") is PriorityClass.EMERGENCY
    assert rules.classify("0311") is PriorityClass.PRIORITY
    assert rules.classify("2001") is PriorityClass.INTERNAL
    assert rules.classify("+4670000") is PriorityClass.NORMAL
    assert rules.classify("") is PriorityClass.NORMAL


def test_twenty_waiting_calls_are_answered_emergency_first_then_priority_then_longest_waiting(desk: Desk) -> None:
    rng = random.Random(5)
    numbers = [f"+46701{i:05d}" for i in range(16)] + ["2002", "+4631999", "112", "+46701"]
    rng.shuffle(numbers)
    ids = {}
    for number in numbers:
        ids[number] = _ring(desk, number, dialled="+4631000")
        desk.clock.advance(0.5)
    expected = ["112", "+4631999", "2002"] + [n for n in numbers if n not in ("112", "+4631999", "2002")]
    assert [c.number for c in desk.desk.waiting()] == expected
    assert desk.desk.call(ids["112"]).priority is PriorityClass.EMERGENCY
    first = desk.desk.waiting()[0]
    assert first.waiting_s(desk.clock()) == pytest.approx(10.0 - 0.5 * numbers.index("112"))
    answered = []
    while (call_id := desk.desk.answer_next()) is not None:
        desk.pump()
        answered.append(desk.desk.call(call_id).number)
        desk.desk.hangup(call_id)
        desk.pump()
    assert answered == expected
    assert [r.outcome for r in _logged(desk)] == [Outcome.HANDLED] * 20
    assert desk.desk.calls == ()


def test_incoming_row_has_directory_name_dialled_line_and_waiting_time(desk: Desk) -> None:
    call_id = _ring(desk, "+4670111222", name="<b>sip name</b>", dialled="+4631000")
    row = desk.desk.call(call_id)
    assert (row.name, row.dialled, row.stage) == ("Anna Lind (directory)", "+4631000", Stage.WAITING)
    other = desk.desk.call(_ring(desk, "+4670999", name="Bo Ek"))
    assert other.name == "Bo Ek"
    desk.clock.advance(12)
    assert row.waiting_s(desk.clock()) == 12


def test_answering_a_second_call_holds_the_first_with_its_own_timer_and_one_reminder(desk: Desk) -> None:
    first = _answered(desk)
    second = _ring(desk, "+4670999")
    desk.desk.answer(second)
    desk.pump()
    assert desk.desk.call(first).stage is Stage.HELD
    assert desk.desk.call(second).stage is Stage.ACTIVE
    desk.clock.advance(59)
    desk.desk.tick()
    assert desk.of(HeldTooLong) == []
    desk.clock.advance(1)
    desk.desk.tick()
    desk.desk.tick()
    assert [e.call.call_id for e in desk.of(HeldTooLong)] == [first]
    assert desk.desk.call(first).held_s(desk.clock()) == 60
    desk.desk.resume(first)
    desk.pump()
    assert desk.desk.call(first).stage is Stage.ACTIVE
    assert desk.desk.call(second).stage is Stage.HELD
    desk.desk.hangup(first)
    desk.pump()
    record = _logged(desk)[0]
    assert (record.hold_count, record.held_s, record.waiting_s) == (1, 60, 5)
    assert record.outcome is Outcome.HANDLED


def test_announced_consultation_toggles_and_completes_as_a_transfer(desk: Desk) -> None:
    caller = _answered(desk)
    desk.clock.advance(10)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    row = desk.desk.call(caller)
    assert row.stage is Stage.CONSULTING
    assert row.consultation is not None
    assert row.consultation.call_id == consult
    assert desk.phone.call_on_hold(caller)
    desk.phone.remote_answer(consult)
    desk.pump()
    assert desk.desk.toggle(caller) == caller
    desk.pump()
    assert desk.desk.toggle(caller) == consult
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.CONSULTING
    desk.clock.advance(20)
    desk.desk.complete(caller)
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.TRANSFERRING
    desk.clock.advance(1)
    desk.phone.transfer_result(caller, 200)
    desk.pump()
    assert desk.desk.calls == ()
    (record,) = _logged(desk)
    assert record.outcome is Outcome.TRANSFERRED
    assert record.consulted == ("Eva Berg",)
    assert record.transferred_to == "Eva Berg"
    assert record.time_to_connect_s == 31
    assert record.offered_at == START
    assert desk.desk.callbacks == []


def test_announced_transfer_names_the_target_in_the_log(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_answer(consult)
    desk.pump()
    desk.desk.complete(caller)
    desk.phone.transfer_result(caller, 200)
    desk.pump()
    assert _logged(desk)[0].transferred_to == "Eva Berg"


def test_three_way_join_then_complete(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    with pytest.raises(PhoneError):
        desk.desk.join(caller)  # the target has not answered yet
    desk.phone.remote_answer(consult)
    desk.pump()
    desk.desk.join(caller)
    desk.pump()
    leg = desk.desk.call(caller).consultation
    assert leg is not None
    assert leg.joined
    assert desk.phone.joined == (caller, consult)
    assert not desk.phone.call_on_hold(caller)
    assert not desk.phone.call_on_hold(consult)
    desk.desk.complete(caller)
    desk.phone.transfer_result(caller, 200)
    desk.pump()
    assert _logged(desk)[0].outcome is Outcome.TRANSFERRED


def test_cancel_consultation_goes_back_to_the_caller(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_answer(consult)
    desk.pump()
    desk.desk.cancel(caller)
    desk.pump()
    row = desk.desk.call(caller)
    assert (row.stage, row.consultation) == (Stage.ACTIVE, None)
    assert [c.id for c in desk.phone.calls] == [caller]
    assert not desk.phone.call_on_hold(caller)
    assert [c.call_id for c in desk.desk.calls] == [caller]


def test_announced_consultation_to_a_busy_target_leaves_the_caller_held_with_a_note(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_busy(consult)
    desk.pump()
    row = desk.desk.call(caller)
    assert (row.stage, row.note) == (Stage.HELD, "Eva Berg: busy (486)")
    with pytest.raises(PhoneError):
        desk.desk.complete(caller)


def test_supervised_transfer_completes_by_itself_when_the_target_answers(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.transfer(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.alert(consult)
    desk.pump()
    desk.clock.advance(8)
    desk.phone.remote_answer(consult)
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.TRANSFERRING
    assert desk.phone.transfers[caller] == "sip:2002@example.com"
    desk.phone.transfer_result(caller, 200)
    desk.pump()
    assert desk.desk.calls == ()
    assert _logged(desk)[0].transferred_to == "Eva Berg"


def test_supervised_transfer_nobody_answers_comes_back_as_a_recall_with_the_targets_name(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.transfer(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.alert(consult)
    desk.pump()
    desk.clock.advance(29)
    desk.desk.tick()
    assert desk.desk.call(caller).stage is Stage.CONSULTING
    desk.clock.advance(1)
    desk.desk.tick()
    desk.pump()
    row = desk.desk.call(caller)
    assert (row.stage, row.recall_target, row.note) == (Stage.RECALL, "Eva Berg", "no answer")
    assert [c.id for c in desk.phone.calls] == [caller]  # the ringing leg was dropped, the caller kept
    assert desk.desk.in_stage(Stage.RECALL) == [row]
    desk.desk.resume(caller)
    desk.pump()
    assert desk.desk.call(caller).stage is Stage.ACTIVE
    desk.desk.hangup(caller)
    desk.pump()
    record = _logged(desk)[0]
    assert record.recalled
    assert record.outcome is Outcome.HANDLED


def test_supervised_transfer_to_a_busy_target_recalls_at_once(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.transfer(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_busy(consult)
    desk.pump()
    row = desk.desk.call(caller)
    assert (row.stage, row.recall_target, row.note) == (Stage.RECALL, "Eva Berg", "busy (486)")


def test_blind_transfer_success_failure_and_no_answer(desk: Desk) -> None:
    ok, failed, silent = _answered(desk, "+4670001"), _answered(desk, "+4670002"), _answered(desk, "+4670003")
    for call_id in (ok, failed, silent):
        desk.desk.blind_transfer(call_id, "2002", "Eva Berg")
    desk.phone.transfer_result(ok, 200)
    desk.phone.transfer_result(failed, 486, "Busy Here")
    desk.pump()
    assert ok not in {c.call_id for c in desk.desk.calls}
    assert (desk.desk.call(failed).stage, desk.desk.call(failed).note) == (Stage.RECALL, "busy (486)")
    desk.clock.advance(30)
    desk.desk.tick()
    row = desk.desk.call(silent)
    assert (row.stage, row.recall_target, row.note) == (Stage.RECALL, "Eva Berg", "no answer")
    assert _logged(desk)[0].outcome is Outcome.TRANSFERRED


@pytest.mark.parametrize("stage", ["waiting", "held", "consulting", "transferring", "recall", "active"])
def test_caller_hanging_up_in_any_stage_is_removed_logged_and_called_back(desk: Desk, stage: str) -> None:
    if stage == "waiting":
        caller = _ring(desk, "+4670111222")
    else:
        caller = _answered(desk)
        if stage == "held":
            desk.desk.hold(caller)
        elif stage in ("consulting", "recall"):
            consult = desk.desk.transfer(caller, "2002", "Eva Berg")
            desk.pump()
            if stage == "recall":
                desk.phone.remote_busy(consult)
        elif stage == "transferring":
            desk.desk.blind_transfer(caller, "2002", "Eva Berg")
        desk.pump()
    assert desk.desk.call(caller).stage.value == stage
    desk.clock.advance(3)
    desk.phone.remote_hangup(caller)
    desk.pump()
    assert desk.desk.calls == ()
    assert desk.phone.calls == ()  # a supervised consultation is dropped with its caller
    (gone,) = [e for e in desk.of(DeskChanged) if e.call is None]
    assert gone.previous is not None
    assert gone.previous.call_id == caller
    (record,) = _logged(desk)
    expected = {"waiting": Outcome.ABANDONED, "active": Outcome.HANDLED,
                "transferring": Outcome.ABANDONED_TRANSFER}.get(stage, Outcome.ABANDONED_HELD)
    assert record.outcome is expected
    callbacks = [e.entry for e in desk.of(CallbackAdded)]
    if stage == "active":
        assert callbacks == []
    else:
        assert [(c.number, c.name) for c in callbacks] == [("+4670111222", "Anna Lind (directory)")]
        assert desk.desk.callbacks == callbacks


def test_withheld_number_that_gives_up_is_logged_without_a_callback(desk: Desk) -> None:
    caller = _ring(desk, "", name="Anonymous")
    desk.phone.remote_hangup(caller)
    desk.pump()
    assert _logged(desk)[0].outcome is Outcome.ABANDONED
    assert desk.desk.callbacks == []


def test_caller_hanging_up_during_an_announced_consultation_leaves_the_operator_with_the_target(desk: Desk) -> None:
    caller = _answered(desk)
    consult = desk.desk.consult(caller, "2002", "Eva Berg")
    desk.pump()
    desk.phone.remote_answer(consult)
    desk.pump()
    desk.phone.remote_hangup(caller)
    desk.pump()
    (row,) = desk.desk.calls
    assert (row.call_id, row.name, row.incoming, row.stage) == (consult, "Eva Berg", False, Stage.ACTIVE)
    desk.desk.hangup(consult)
    desk.pump()
    assert [r.outcome for r in _logged(desk)] == [Outcome.ABANDONED_HELD, Outcome.OUTGOING]


def test_operator_rejecting_a_waiting_call_is_logged_as_rejected_without_callback(desk: Desk) -> None:
    caller = _ring(desk, "+4670111222")
    desk.desk.reject(caller)
    desk.pump()
    assert _logged(desk)[0].outcome is Outcome.REJECTED
    assert desk.desk.callbacks == []


def test_random_operations_never_lose_a_call(desk: Desk) -> None:
    """Whatever happens, every phone call has a desk row and every ended call is logged exactly once."""
    rng = random.Random(11)
    phone, d = desk.phone, desk.desk
    for _ in range(600):
        live = [c.id for c in phone.calls]
        action = rng.choice(["ring", "ring", "answer", "hold", "resume", "consult", "transfer", "blind",
                             "complete", "cancel", "join", "remote_answer", "busy", "hangup", "remote_hangup",
                             "result", "tick"])
        target = rng.choice(live) if live else None
        try:
            if action == "ring":
                phone.ring("", f"+4670{rng.randrange(1000):04d}")
            elif action == "answer":
                d.answer_next()
            elif action == "tick":
                desk.clock.advance(rng.choice([1, 10, 40]))
                d.tick()
            elif target is None:
                continue
            elif action == "hold":
                d.hold(target)
            elif action == "resume":
                d.resume(target)
            elif action == "consult":
                d.consult(target, "2002", "Eva")
            elif action == "transfer":
                d.transfer(target, "2003", "Bo")
            elif action == "blind":
                d.blind_transfer(target, "2004", "Cy")
            elif action == "complete":
                d.complete(target)
            elif action == "cancel":
                d.cancel(target)
            elif action == "join":
                d.join(target)
            elif action == "remote_answer":
                phone.remote_answer(target)
            elif action == "busy":
                phone.remote_busy(target)
            elif action == "hangup":
                d.hangup(target)
            elif action == "remote_hangup":
                phone.remote_hangup(target)
            elif action == "result" and phone.transfers:
                phone.transfer_result(rng.choice(list(phone.transfers)), rng.choice([200, 486]))
        except PhoneError:
            pass
        desk.pump()
        legs = {c.consultation.call_id for c in d.calls if c.consultation is not None}
        assert {c.id for c in phone.calls} <= {c.call_id for c in d.calls} | legs
        assert {c.call_id for c in d.calls} <= {c.id for c in phone.calls}
    logged = len(_logged(desk))
    gone = [e for e in desk.of(DeskChanged) if e.call is None]
    assert logged == len(gone) > 20


def test_closing_the_console_hands_calls_back_or_ends_them(desk: Desk) -> None:
    waiting = _ring(desk, "+4670001")
    held = _answered(desk, "+4670002")
    consulting = _answered(desk, "+4670003")
    desk.desk.consult(consulting, "2002", "Eva Berg")
    desk.pump()
    in_flight = desk.desk.hand_back("1001", "Operator 2")
    desk.pump()
    assert sorted(in_flight) == sorted([held, consulting])
    assert set(desk.phone.transfers) == {held, consulting}
    assert waiting not in {c.call_id for c in desk.desk.calls}
    assert all(c.consultation is None for c in desk.desk.calls)
    assert {c.id for c in desk.phone.calls} == {held, consulting}  # the consultation leg was hung up
    desk.phone.transfer_result(held, 200)
    desk.pump()
    desk.desk.end_all()  # the other transfer did not finish in time
    desk.pump()
    assert desk.desk.calls == ()
    assert desk.phone.calls == ()
    outcomes = {r.number: r.outcome for r in _logged(desk)}
    assert outcomes == {"+4670001": Outcome.REJECTED, "+4670002": Outcome.TRANSFERRED,
                        "+4670003": Outcome.HANDLED}
    assert desk.desk.callbacks == []


def test_a_caller_from_outside_the_trust_domain_is_never_an_emergency(desk: Desk) -> None:
    spoofed = desk.phone.ring("Spoofed", "112", "+4631000", unverified=True)
    dialled = desk.phone.ring("Spoofed", "+4670999", "112", unverified=True)
    real = desk.phone.ring("", "112", "+4631000")
    desk.pump()
    assert desk.desk.call(spoofed).priority is PriorityClass.NORMAL
    assert desk.desk.call(dialled).priority is PriorityClass.NORMAL
    assert desk.desk.call(real).priority is PriorityClass.EMERGENCY
    assert desk.desk.waiting()[0].call_id == real
