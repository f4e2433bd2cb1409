"""Immutable rows and events of the operator desk: calls in their stages, call-back entries, log records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum, IntEnum

from softphone.model import Call
from softphone.reasons import EndReason


class PriorityClass(IntEnum):
    """Lower answers first. EMERGENCY (alarm/emergency lines) jumps everything and is shown unmistakably."""

    EMERGENCY = 0
    PRIORITY = 1  # configured numbers (e.g. a hospital ward, management)
    INTERNAL = 2  # short internal extensions
    NORMAL = 3


class Stage(Enum):
    WAITING = "waiting"  # ringing at the console, not answered
    ACTIVE = "active"  # connected and talking (or being dialled by the operator)
    HELD = "held"  # on hold by the operator
    CONSULTING = "consulting"  # held while the operator calls someone on its behalf
    TRANSFERRING = "transferring"  # handed over (REFER sent), outcome awaited; still ours until it ends
    RECALL = "recall"  # a transfer that failed or was not answered in time: back to the operator, held


class ConsultMode(Enum):
    ANNOUNCED = "announced"  # the operator talks to the target, then completes or cancels
    SUPERVISED = "supervised"  # completed as soon as the target answers; recalled if it does not in time


class Outcome(Enum):
    HANDLED = "handled"  # answered and ended without a transfer (e.g. the caller was given a message)
    TRANSFERRED = "transferred"
    ABANDONED = "abandoned"  # the caller hung up while waiting
    ABANDONED_HELD = "abandoned_held"  # hung up while held, consulted for or recalled
    ABANDONED_TRANSFER = "abandoned_transfer"  # hung up while the transfer's outcome was awaited
    REJECTED = "rejected"  # the operator declined it unanswered
    NOT_CONNECTED = "not_connected"  # answered, but the call never came up (e.g. the answer was lost)
    UNANSWERED = "unanswered"  # rang until the console's ring limit ([sip] ring_timeout) and was refused
    REFUSED_FULL = "refused_full"  # never rang: every call slot of the console was in use (486)
    OUTGOING = "outgoing"  # the operator's own call


ABANDONED_OUTCOMES = frozenset({Outcome.ABANDONED, Outcome.ABANDONED_HELD, Outcome.ABANDONED_TRANSFER})
# Callers left without help whose number goes on the call-back list: those who gave up, and those nobody
# answered before the ring limit.
CALL_BACK_OUTCOMES = ABANDONED_OUTCOMES | {Outcome.UNANSWERED}


@dataclass(frozen=True)
class ConsultLeg:
    call_id: int
    target: str  # number or URI dialled
    name: str  # whom the operator meant, e.g. "Eva Berg"
    mode: ConsultMode
    started_at: float
    connected: bool = False
    joined: bool = False  # three-way: caller, target and operator
    line: Call | None = None  # the phone's latest snapshot of this leg


@dataclass(frozen=True)
class DeskCall:
    """One caller (or operator's own call) on the desk, keyed by the phone's call id."""

    call_id: int
    number: str
    name: str  # plain text: the directory's name for the number, else the SIP display name
    dialled: str
    priority: PriorityClass
    stage: Stage
    offered_at: float  # monotonic seconds
    offered_wall: datetime
    incoming: bool = True
    answered_at: float | None = None
    held_since: float | None = None
    held_total_s: float = 0.0
    hold_count: int = 0
    reminded: bool = False  # the held-too-long reminder fired for the current hold
    consultation: ConsultLeg | None = None
    consulted: tuple[str, ...] = ()  # names consulted so far, for the log
    transfer_target: str = ""  # name or number a transfer is under way to
    transfer_since: float | None = None
    transferred: bool = False  # the transfer succeeded; the leg is ending
    recall_target: str = ""  # set on recalls: whom the transfer went to
    note: str = ""  # why it came back, in English for logs, e.g. "busy (486)"
    why: EndReason | None = None  # `note` as a kind the window translates
    why_party: str = ""  # whose leg `why` is about, when not the transfer target's
    line: Call | None = None  # the phone's latest snapshot of the caller's leg (hold, mute, audio)
    queue_id: str = ""  # the exchange queue's id, while the caller waits there or once picked from it
    offered_to: str = ""  # the operator the exchange offers this waiting caller to (a pick under way)

    def waiting_s(self, now: float) -> float:
        return (self.answered_at if self.answered_at is not None else now) - self.offered_at

    def held_s(self, now: float) -> float:
        return now - self.held_since if self.held_since is not None else 0.0

    @property
    def label(self) -> str:
        return self.name or self.number or "?"


@dataclass(frozen=True)
class CallbackEntry:
    """A caller who hung up before being helped; the operator should call back."""

    number: str
    name: str
    dialled: str
    at: datetime
    stage: Stage  # where the caller was when they hung up
    queue_id: str = ""  # the exchange's id of a caller who gave up at its queue (every console hears of them)


@dataclass(frozen=True)
class CallRecord:
    """One finished call, for the call log."""

    number: str
    name: str
    dialled: str
    priority: PriorityClass
    incoming: bool
    offered_at: datetime
    answered_at: datetime | None
    ended_at: datetime
    waiting_s: float  # offered until answered, or until the caller gave up
    held_s: float
    hold_count: int
    consulted: tuple[str, ...]
    transferred_to: str
    outcome: Outcome
    time_to_connect_s: float | None  # answered until transferred or ended (caller informed)
    recalled: bool
    end_reason: str


@dataclass(frozen=True)
class DeskChanged:
    """A desk row changed; `call` None means it left the desk (then `previous` is its last state)."""

    call: DeskCall | None
    previous: DeskCall | None
    reason: str


@dataclass(frozen=True)
class HeldTooLong:
    call: DeskCall


@dataclass(frozen=True)
class CallbackAdded:
    entry: CallbackEntry


@dataclass(frozen=True)
class CallLogged:
    record: CallRecord


DeskEvent = DeskChanged | HeldTooLong | CallbackAdded | CallLogged
