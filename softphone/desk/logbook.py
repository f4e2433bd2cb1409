"""Turning a finished desk call into a call-log record and, when the caller gave up, a call-back entry."""

from __future__ import annotations

from datetime import datetime, timedelta

from softphone.desk.records import (
    CALL_BACK_OUTCOMES,
    CallbackEntry,
    CallRecord,
    DeskCall,
    Outcome,
    PriorityClass,
    Stage,
)
from softphone.identity import CallerIdentity
from softphone.reasons import CallEnd, EndReason


def outcome_of(call: DeskCall, end: EndReason | None) -> Outcome:
    """How a call ended, from the stage it was in when its leg went down and why it went down."""
    by_operator = end is not None and end.ours
    if call.transferred:
        return Outcome.TRANSFERRED
    if not call.incoming:
        return Outcome.OUTGOING
    if call.stage is Stage.WAITING:
        if end is not None and end.kind is CallEnd.RING_TIMEOUT:
            return Outcome.UNANSWERED
        return Outcome.REJECTED if by_operator else Outcome.ABANDONED
    if call.line is not None and call.line.connected_at is None:
        return Outcome.NOT_CONNECTED  # answered, but the caller never heard the operator: not "handled"
    if by_operator or call.stage is Stage.ACTIVE:
        return Outcome.HANDLED
    if call.stage is Stage.TRANSFERRING:
        return Outcome.ABANDONED_TRANSFER
    return Outcome.ABANDONED_HELD


def record_of(call: DeskCall, outcome: Outcome, *, now: float, wall: datetime, end_reason: str) -> CallRecord:
    held = call.held_total_s + call.held_s(now)

    def wall_at(moment: float) -> datetime:
        return wall - timedelta(seconds=now - moment)

    answered = wall_at(call.answered_at) if call.answered_at is not None else None
    connect = (now - call.answered_at) if call.answered_at is not None and call.incoming else None
    return CallRecord(
        number=call.number, name=call.name, dialled=call.dialled, priority=call.priority, incoming=call.incoming,
        offered_at=call.offered_wall, answered_at=answered, ended_at=wall, waiting_s=call.waiting_s(now),
        held_s=held, hold_count=call.hold_count, consulted=call.consulted,
        transferred_to=call.transfer_target if outcome is Outcome.TRANSFERRED else "",
        outcome=outcome, time_to_connect_s=connect, recalled=bool(call.recall_target), end_reason=end_reason)


def refused_record(caller: CallerIdentity, priority: PriorityClass, wall: datetime, end_reason: str) -> CallRecord:
    """A caller the phone refused before it rang (every call slot in use): logged, never a desk row."""
    return CallRecord(
        number=caller.number, name=caller.display_name, dialled=caller.dialled, priority=priority, incoming=True,
        offered_at=wall, answered_at=None, ended_at=wall, waiting_s=0.0, held_s=0.0, hold_count=0, consulted=(),
        transferred_to="", outcome=Outcome.REFUSED_FULL, time_to_connect_s=None, recalled=False,
        end_reason=end_reason)


def callback_of(call: DeskCall, outcome: Outcome, wall: datetime) -> CallbackEntry | None:
    """A call-back entry for a caller who gave up or was never answered, when their number is known."""
    if outcome not in CALL_BACK_OUTCOMES or not call.number or not any(ch.isdigit() for ch in call.number):
        return None
    return CallbackEntry(call.number, call.name, call.dialled, wall, call.stage, call.queue_id)
