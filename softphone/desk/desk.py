"""`OperatorDesk`: the operator's calls as a state machine over phone events, intents and a clock.

Every call the phone reports gets a row and keeps it until its leg ends; then it is logged (and, if
the caller gave up, put on the call-back list): nothing leaves silently. Stages: see `Stage`.

Transfers. `consult` (announced): the caller is held while the operator talks to the target, then
`complete` (REFER with Replaces), `cancel` or `toggle`. `transfer` (supervised): the desk consults
for the operator and completes by itself as soon as the target answers; if the target is busy, or
does not answer within `recall_after_s`, the consultation is dropped and the caller, still held on
the console, becomes a RECALL marked with the target's name. `blind_transfer` sends a plain REFER;
the console keeps its leg until the transferee reports the target answered, so a failed or
unanswered REFER comes back as a recall too.

The desk is the only place that issues call commands and the only call model the window reads: every
button and key of the window goes through its intents, and each row carries the phone's latest
snapshot of its leg (`DeskCall.line`). Who ended a call is read from the phone's `Call.end` alone, so
a rejection or hang-up by the operator is logged as the operator's act wherever it came from, and a
caller who gives up lands on the call-back list.

Runs on the phone's owner thread; `tick()` (about once a second) drives reminders and recalls.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from softphone.desk.exchange_rows import ExchangeRows
from softphone.desk.logbook import callback_of, outcome_of, record_of, refused_record
from softphone.desk.phone import DeskPhone
from softphone.desk.queue import QueueIds
from softphone.desk.records import (
    CallbackAdded,
    CallbackEntry,
    CallLogged,
    ConsultLeg,
    ConsultMode,
    DeskCall,
    DeskChanged,
    DeskEvent,
    HeldTooLong,
    Outcome,
    PriorityClass,
    Stage,
)
from softphone.desk.settings import DeskSettings
from softphone.identity import CallerIdentity
from softphone.model import (
    Call,
    CallChanged,
    CallRefused,
    CallState,
    PhoneError,
    PhoneEvent,
    Refusal,
    TransferProgress,
)
from softphone.reasons import CallEnd, EndReason, end_reason

log = logging.getLogger(__name__)

_HELD_STAGES = (Stage.HELD, Stage.RECALL, Stage.CONSULTING)
_NO_ANSWER = EndReason(CallEnd.NO_ANSWER)  # the recall timer ran out


def _utc_now() -> datetime:
    return datetime.now(UTC)


class OperatorDesk(ExchangeRows):
    def __init__(self, phone: DeskPhone, settings: DeskSettings | None = None, *,
                 clock: Callable[[], float], wall_clock: Callable[[], datetime] = _utc_now,
                 name_of: Callable[[str], str | None] = lambda number: None) -> None:
        self._phone = phone
        self.settings = settings or DeskSettings()
        self._clock = clock
        self._wall = wall_clock
        self._name_of = name_of
        self._calls: dict[int, DeskCall] = {}
        self._legs: dict[int, int] = {}  # consultation call id -> caller's call id
        self._queue = QueueIds()  # the exchange's waiting callers shown as rows (negative ids)
        self._picker: Callable[[str], None] | None = None
        self._listeners: list[Callable[[DeskEvent], None]] = []
        self.callbacks: list[CallbackEntry] = []
        phone.add_listener(self.on_phone_event)

    def add_listener(self, listener: Callable[[DeskEvent], None]) -> None:
        self._listeners.append(listener)

    def now(self) -> float:
        return self._clock()

    # -- lists --------------------------------------------------------------------------------------

    def call(self, call_id: int) -> DeskCall:
        try:
            return self._calls[call_id]
        except KeyError:
            raise PhoneError(f"no call {call_id} on the desk", Refusal.NO_CALL) from None

    @property
    def calls(self) -> tuple[DeskCall, ...]:
        return tuple(self._calls.values())

    def waiting(self) -> list[DeskCall]:
        """Waiting calls in answering order: priority class, then longest waiting."""
        rows = [c for c in self._calls.values() if c.stage is Stage.WAITING]
        return sorted(rows, key=lambda c: (c.priority, c.offered_at, abs(c.call_id)))  # queue rows: -1, -2...

    def in_stage(self, *stages: Stage) -> list[DeskCall]:
        return sorted((c for c in self._calls.values() if c.stage in stages), key=lambda c: c.offered_at)

    def current(self) -> DeskCall | None:
        """The call the operator is dealing with: the one talking, else the one being consulted for."""
        for stage in (Stage.ACTIVE, Stage.CONSULTING):
            rows = self.in_stage(stage)
            if rows:
                return rows[-1]
        return None

    def cancellable(self) -> DeskCall | None:
        """The caller F8 ("cancel and go back to the caller") takes back: the one being consulted for,
        else the latest caller whose consultation or transfer failed (held or recalled, with the reason)."""
        consulting = self.in_stage(Stage.CONSULTING)
        if consulting:
            return consulting[-1]
        returned = [c for c in self.in_stage(Stage.HELD, Stage.RECALL) if c.why is not None]
        return max(returned, key=lambda c: c.held_since or 0.0) if returned else None

    def talking_leg(self, call_id: int) -> int:
        """The phone call the operator hears for this row: its consultation while the caller is held."""
        call = self.call(call_id)
        leg = call.consultation
        if call.stage is Stage.CONSULTING and leg is not None and (leg.line is None or not leg.line.on_hold):
            return leg.call_id
        return call_id

    def remove_callback(self, entry: CallbackEntry) -> None:
        with contextlib.suppress(ValueError):
            self.callbacks.remove(entry)

    # -- intents ------------------------------------------------------------------------------------

    def answer_next(self) -> int | None:
        waiting = self.waiting()
        if not waiting:
            return None
        self.answer(waiting[0].call_id)
        return waiting[0].call_id

    def answer(self, call_id: int) -> None:
        call = self.call(call_id)
        if call.stage is not Stage.WAITING:
            raise PhoneError(f"call {call_id} is not waiting", Refusal.NOT_RINGING)
        if call_id < 0:  # waiting at the exchange: ask for it; it rings here and is answered on arrival
            self._pick(call)
            return
        self._phone.answer(call_id)

    def reject(self, call_id: int, *, busy: bool = False) -> None:
        """Refuse a waiting call: busy (486, the exchange offers it on) or declined (603)."""
        if self.call(call_id).stage is not Stage.WAITING or call_id < 0:  # the queue's callers are not ours
            raise PhoneError(f"call {call_id} is not waiting", Refusal.NOT_RINGING)
        self._phone.reject(call_id, busy=busy)

    def hangup(self, call_id: int) -> None:
        self.call(call_id)
        self._phone.hangup(call_id)

    def dial(self, target: str) -> int:
        """The operator's own call; it gets its row when the phone reports it."""
        return self._phone.dial(target)

    def set_muted(self, call_id: int, muted: bool) -> None:
        """The operator's microphone off (or on) for this row: the caller and any consultation leg."""
        call = self.call(call_id)
        self._phone.set_muted(call_id, muted)
        if call.consultation is not None:
            with contextlib.suppress(PhoneError):  # the leg may not be answered yet
                self._phone.set_muted(call.consultation.call_id, muted)

    def send_dtmf(self, call_id: int, digits: str) -> None:
        """Tones to whoever the operator is talking to for this row (the consulted party's menu, say)."""
        self._phone.send_dtmf(self.talking_leg(call_id), digits)

    def hold(self, call_id: int) -> None:
        self._phone.hold(call_id)

    def resume(self, call_id: int) -> None:
        """Take a held call or a recall back (any other connected call goes on hold)."""
        self._phone.resume(call_id)

    def consult(self, call_id: int, target: str, name: str = "") -> int:
        return self._consult(call_id, target, name, ConsultMode.ANNOUNCED)

    def transfer(self, call_id: int, target: str, name: str = "") -> int:
        """Supervised transfer: consult, complete when the target answers, recall if it does not."""
        return self._consult(call_id, target, name, ConsultMode.SUPERVISED)

    def blind_transfer(self, call_id: int, target: str, name: str = "") -> None:
        call = self.call(call_id)
        self._phone.transfer(call_id, target)
        now = self._clock()
        self._put(replace(call, stage=Stage.TRANSFERRING, transfer_target=name or target, transfer_since=now,
                          recall_target="", note=""), "blind transfer")

    def complete(self, call_id: int) -> None:
        call = self.call(call_id)
        leg = self._leg_of(call)
        self._phone.complete_transfer(call_id, leg.call_id)
        self._put(replace(call, stage=Stage.TRANSFERRING, transfer_since=self._clock(), transfer_target=leg.name),
                  "transfer completed")

    def cancel(self, call_id: int) -> None:
        """Go back to the caller: end the consultation, or take back a caller whose consultation or
        transfer already failed (busy, declined, not answered)."""
        call = self.call(call_id)
        if call.stage in (Stage.HELD, Stage.RECALL) and call.why is not None:
            self._phone.resume(call_id)
            return
        leg = self._leg_of(call)
        del self._legs[leg.call_id]
        with contextlib.suppress(PhoneError):  # it may have ended meanwhile
            self._phone.hangup(leg.call_id)
        self._phone.resume(call_id)
        self._put(self._resumed(replace(call, consultation=None, transfer_target="")), "consultation cancelled")

    def toggle(self, call_id: int) -> int:
        """Talk to whichever of caller and consulted party is held; returns that call's id."""
        call = self.call(call_id)
        leg = self._leg_of(call)
        caller_held = call.line is None or call.line.on_hold
        other = call_id if caller_held else leg.call_id
        self._phone.resume(other)  # resuming one holds the other
        if leg.joined:  # toggling holds one side: the three-way call is over
            self._put(replace(call, consultation=replace(leg, joined=False)), "three-way call ended")
        return other

    def join(self, call_id: int) -> None:
        """Three-way call with the consulted party; `complete` or `cancel` ends it either way."""
        call = self.call(call_id)
        leg = self._leg_of(call)
        self._phone.join(call_id, leg.call_id)
        self._put(replace(call, consultation=replace(leg, joined=True)), "three-way call")

    # -- closing the console with calls up ------------------------------------------------------------

    def hand_back(self, target: str, name: str = "") -> list[int]:
        """Before closing: waiting calls are refused as busy (the PBX offers them to the next operator),
        connected ones are transferred blind to `target` (a colleague's console or the PBX queue).
        Returns the calls still being handed over: keep pumping until `calls` is empty or the
        refused ones end, then `end_all()` what is left. Errors are collected, never raised midway."""
        in_flight: list[int] = []
        for call in list(self._calls.values()):
            try:
                if call.stage is Stage.WAITING:
                    self._phone.reject(call.call_id, busy=True)
                    continue
                if call.stage is Stage.CONSULTING:
                    self.cancel(call.call_id)
                if call.stage is not Stage.TRANSFERRING:
                    self.blind_transfer(call.call_id, target, name)
                in_flight.append(call.call_id)
            except PhoneError as error:
                log.warning("could not hand back call %s: %s", call.call_id, error)
        return in_flight

    def end_all(self) -> None:
        """Hang up every call on the desk (and any consultation leg); each is logged as it ends."""
        for call in list(self._calls.values()):
            with contextlib.suppress(PhoneError):
                self.hangup(call.call_id)
        for leg in list(self._legs):
            with contextlib.suppress(PhoneError):
                self._phone.hangup(leg)

    def _consult(self, call_id: int, target: str, name: str, mode: ConsultMode) -> int:
        call = self.call(call_id)
        if call.stage not in (Stage.ACTIVE, Stage.HELD, Stage.RECALL):
            raise PhoneError(f"call {call_id} is {call.stage.value}: nothing to consult for", Refusal.NOT_CONNECTED)
        if call.consultation is not None:
            raise PhoneError(f"call {call_id} already has a consultation", Refusal.CONSULTING)
        consult_id = self._phone.dial(target)  # dialling holds the caller
        now = self._clock()
        self._legs[consult_id] = call_id
        leg = ConsultLeg(consult_id, target, name or target, mode, now)
        held = self._held(call) if call.held_since is None else call
        self._put(replace(held, stage=Stage.CONSULTING, consultation=leg, consulted=(*call.consulted, leg.name),
                          transfer_target=leg.name if mode is ConsultMode.SUPERVISED else "", note=""),
                  "consulting" if mode is ConsultMode.ANNOUNCED else "transferring (supervised)")
        return consult_id

    def _leg_of(self, call: DeskCall) -> ConsultLeg:
        if call.consultation is None or call.stage is not Stage.CONSULTING:
            raise PhoneError(f"call {call.call_id} has no consultation", Refusal.NOT_CONSULTING)
        return call.consultation

    # -- timers -------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Held-too-long reminders and recalls of transfers nobody answered."""
        now = self._clock()
        for row in list(self._calls.values()):
            call = row
            if call.stage in _HELD_STAGES and call.held_since is not None and not call.reminded \
                    and now - call.held_since >= self.settings.held_reminder_s:
                call = self._put(replace(call, reminded=True), "held too long")
                self._emit(HeldTooLong(call))
            leg = call.consultation
            overdue = self.settings.recall_after_s
            if call.stage is Stage.CONSULTING and leg is not None and leg.mode is ConsultMode.SUPERVISED \
                    and not leg.connected and now - leg.started_at >= overdue:
                with contextlib.suppress(PhoneError):
                    self._phone.hangup(leg.call_id)
                self._recall(call, "no answer", _NO_ANSWER)
            elif call.stage is Stage.TRANSFERRING and not call.transferred and call.transfer_since is not None \
                    and now - call.transfer_since >= overdue:
                self._recall(call, "no answer", _NO_ANSWER)

    # -- phone events -------------------------------------------------------------------------------

    def on_phone_event(self, event: PhoneEvent) -> None:
        if isinstance(event, CallChanged):
            if event.call.id in self._legs:
                self._leg_changed(event.call)
            else:
                self._call_changed(event.call, event.previous)
        elif isinstance(event, TransferProgress):
            self._transfer_progress(event)
        elif isinstance(event, CallRefused):
            self._refused(event)

    def _call_changed(self, snap: Call, previous: Call | None) -> None:
        call = self._calls.get(snap.id)
        if call is None:
            if snap.state.live and not self._picked_arrived(snap):
                self._put(self._new_row(snap), "incoming call" if snap.state is CallState.RINGING else "dialling")
            return
        if snap.state is CallState.ENDED:
            self._ended(call, snap)
            return
        row, reason = replace(call, line=snap), "line changed"  # mute, audio, the other side's hold
        if row.answered_at is None and snap.state in (CallState.CONNECTING, CallState.CONNECTED):
            stage = Stage.ACTIVE if row.stage is Stage.WAITING else row.stage
            row, reason = replace(row, stage=stage, answered_at=self._clock()), "answered"
        if snap.on_hold and row.stage is Stage.ACTIVE:
            row, reason = self._held(row), "put on hold"
        elif not snap.on_hold and row.stage in (Stage.HELD, Stage.RECALL) \
                and previous is not None and previous.on_hold:
            row, reason = self._resumed(row), "resumed"
        self._put(row, reason)

    def _priority(self, caller: CallerIdentity) -> PriorityClass:
        priority = self.settings.rules.classify(caller.number, caller.dialled)
        if caller.unverified and priority is PriorityClass.EMERGENCY:
            priority = PriorityClass.NORMAL  # anyone can claim to be 112: only the trust domain may say so
        return priority

    def _refused(self, event: CallRefused) -> None:
        """A caller the phone could not take (every call slot in use): in the call log, counted, never a row."""
        caller = replace(event.remote, display_name=self._name_of(event.remote.number) or event.remote.display_name)
        reason = f"refused: every line of the console was in use ({event.code})"
        self._emit(CallLogged(refused_record(caller, self._priority(event.remote), self._wall(), reason)))

    def _new_row(self, snap: Call) -> DeskCall:
        incoming = snap.state is CallState.RINGING
        number, dialled = snap.remote.number, snap.remote.dialled
        name = self._name_of(number) or snap.remote.display_name
        priority = self._priority(snap.remote)
        return DeskCall(snap.id, number, name, dialled, priority, Stage.WAITING if incoming else Stage.ACTIVE,
                        self._clock(), self._wall(), incoming=incoming, line=snap)

    def _leg_changed(self, snap: Call) -> None:
        caller_id = self._legs[snap.id]
        call = self._calls.get(caller_id)
        leg = call.consultation if call is not None else None
        if call is None or leg is None or leg.call_id != snap.id:
            if snap.state is CallState.ENDED:
                del self._legs[snap.id]  # a consultation already cancelled, transferred or recalled
            return
        if snap.state is CallState.ENDED:
            del self._legs[snap.id]
            if call.stage is not Stage.CONSULTING:
                return  # ended by the transfer itself (Replaces) or after a recall
            if leg.mode is ConsultMode.SUPERVISED:
                self._recall(call, snap.end_reason, snap.end)
            else:
                self._put(replace(call, stage=Stage.HELD, consultation=None, note=f"{leg.name}: {snap.end_reason}",
                                  why=snap.end, why_party=leg.name), "consultation ended")
            return
        answered = snap.state is CallState.CONNECTED and not leg.connected
        leg = replace(leg, line=snap, connected=leg.connected or answered)
        call = self._put(replace(call, consultation=leg), "target answered" if answered else "consultation changed")
        if answered and leg.mode is ConsultMode.SUPERVISED and call.stage is Stage.CONSULTING:
            try:
                self._phone.complete_transfer(call.call_id, leg.call_id)
            except PhoneError as error:
                log.warning("supervised transfer of call %s failed: %s", call.call_id, error)
                return
            self._put(replace(call, stage=Stage.TRANSFERRING, transfer_since=self._clock()), "transferring")

    def _transfer_progress(self, event: TransferProgress) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            return
        if event.succeeded:
            self._put(replace(call, transferred=True), "transferred")
        elif event.failed:
            why = end_reason(event.code, event.reason, by_us=False)
            self._recall(call, why.words, why)

    # -- transitions ---------------------------------------------------------------------------------

    def _held(self, call: DeskCall) -> DeskCall:
        return replace(call, stage=Stage.HELD, held_since=self._clock(), hold_count=call.hold_count + 1,
                       reminded=False)

    def _resumed(self, call: DeskCall) -> DeskCall:
        total = call.held_total_s + call.held_s(self._clock())
        return replace(call, stage=Stage.ACTIVE, held_since=None, held_total_s=total, reminded=False, note="",
                       why=None, why_party="")

    def _recall(self, call: DeskCall, note: str, why: EndReason | None) -> None:
        target = call.transfer_target or (call.consultation.name if call.consultation else "")
        held = call if call.held_since is not None else self._held(call)
        self._put(replace(held, stage=Stage.RECALL, consultation=None, recall_target=target, note=note, why=why,
                          transfer_since=None, reminded=False), "recall")

    def _ended(self, call: DeskCall, snap: Call) -> None:
        end_reason = snap.end_reason
        leg = call.consultation
        if leg is not None and leg.call_id in self._legs:  # consulting, or a transfer awaiting its outcome
            del self._legs[leg.call_id]
            if leg.connected or leg.mode is ConsultMode.ANNOUNCED:
                self._adopt_leg(leg)  # the operator is talking to (or calling) the target: that call stays
            else:
                with contextlib.suppress(PhoneError):
                    self._phone.hangup(leg.call_id)
        now, wall = self._clock(), self._wall()
        outcome = outcome_of(call, snap.end)
        del self._calls[call.call_id]
        self._emit(DeskChanged(None, replace(call, line=snap), end_reason or "ended"))  # its last line: why it ended
        self._emit(CallLogged(record_of(call, outcome, now=now, wall=wall, end_reason=end_reason)))
        self._call_back(call, outcome, wall)

    def _call_back(self, call: DeskCall, outcome: Outcome, wall: datetime) -> None:
        """A caller who gave up (and whose number is known) goes on the call-back list."""
        entry = callback_of(call, outcome, wall)
        if entry is not None:
            self.callbacks.append(entry)
            self._emit(CallbackAdded(entry))

    def _adopt_leg(self, leg: ConsultLeg) -> None:
        snap = next((c for c in self._phone.calls if c.id == leg.call_id), None)
        if snap is None:
            return
        row = replace(self._new_row(snap), name=leg.name, incoming=False, stage=Stage.ACTIVE,
                      answered_at=self._clock() if leg.connected else None)
        self._put(row, "consultation goes on without the caller")

    def _put(self, call: DeskCall, reason: str) -> DeskCall:
        previous = self._calls.get(call.call_id)
        self._calls[call.call_id] = call
        if call != previous:
            self._emit(DeskChanged(call, previous, reason))
        return call

    def _emit(self, event: DeskEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("desk listener %r failed on %r", listener, event)
