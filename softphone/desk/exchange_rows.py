"""The desk's side of the exchange queue: waiting callers as rows, picks, and picked callers arriving.

A mixin of `OperatorDesk` (it works on the desk's rows, clock and listeners, declared below), kept in its
own module so the desk's call state machine stays readable. See `softphone.desk.queue` for the idea.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from softphone.desk.phone import DeskPhone
from softphone.desk.queue import MAX_LIVE_CALLS_TO_PICK, Queued, QueueIds, priority_of
from softphone.desk.records import CallbackEntry, DeskCall, DeskChanged, DeskEvent, Outcome, Stage
from softphone.model import Call, CallState, PhoneError, Refusal

log = logging.getLogger(__name__)

# The reason of the DeskChanged that puts a picked caller's phone row on the desk: the same caller as the
# queue row it replaces, already announced when it joined the queue.
PICKED_ARRIVED = "picked from the queue"


class ExchangeRows:
    _phone: DeskPhone
    _calls: dict[int, DeskCall]
    _queue: QueueIds
    _picker: Callable[[str], None] | None
    _clock: Callable[[], float]
    _wall: Callable[[], datetime]
    _name_of: Callable[[str], str | None]
    callbacks: list[CallbackEntry]

    if TYPE_CHECKING:  # the desk's own, declared for the type checker
        def _put(self, call: DeskCall, reason: str) -> DeskCall: ...
        def _emit(self, event: DeskEvent) -> None: ...
        def _new_row(self, snap: Call) -> DeskCall: ...
        def _call_back(self, call: DeskCall, outcome: Outcome, wall: datetime) -> None: ...

    def attach_queue(self, pick: Callable[[str], None]) -> None:
        """Callers wait at the exchange: `pick(queue_id)` asks for one (the app runs it off this thread and
        reports a refusal back through `pick_refused`)."""
        self._picker = pick

    def queue_synced(self, callers: tuple[Queued, ...]) -> None:
        """The whole queue, after (re)connecting: rows for these callers, none for the others."""
        current = {c.id for c in callers}
        for queue_id, row_id in self._queue.all().items():
            if queue_id not in current:
                self._queue.pop(queue_id)
                self._drop(row_id, "left the queue")
        for caller in callers:
            self.queue_joined(caller)

    def queue_joined(self, caller: Queued) -> None:
        row_id = self._queue.row_for(caller.id)
        previous = self._calls.get(row_id)
        waited = max(0.0, self._wall().timestamp() - caller.joined_at)
        number = caller.number
        row = DeskCall(row_id, number, self._name_of(number) or caller.name, caller.dialled,
                       priority_of(caller.klass), Stage.WAITING, self._clock() - waited,
                       datetime.fromtimestamp(caller.joined_at, UTC), queue_id=caller.id,
                       offered_to=caller.offered_to or "")
        if previous is not None:
            row = replace(row, offered_at=previous.offered_at)
        self._put(row, "waiting at the exchange")

    def queue_offered(self, queue_id: str, to: str) -> None:
        row_id = self._queue.get(queue_id)
        if row_id is not None and row_id in self._calls:
            self._put(replace(self._calls[row_id], offered_to=to), f"offered to {to}" if to else "back in the queue")

    def queue_returned(self, queue_id: str) -> None:
        """A pick that did not end in an answer: the caller is back in its place."""
        self._queue.picking.discard(queue_id)
        self.queue_offered(queue_id, "")

    def queue_left(self, queue_id: str, reason: str) -> None:
        """Picked (here or elsewhere), answered, overflowed or abandoned: the row goes. A caller who gave up
        goes on the call-back list; the exchange records every caller's life, so nothing is logged here."""
        if reason == "picked" and queue_id in self._queue.picking:
            return  # our own pick, told before its INVITE arrived: the row gives way when it rings here
        row_id = self._queue.pop(queue_id)
        if row_id is None or row_id not in self._calls:
            return
        call = self._drop(row_id, reason)
        if reason == "abandoned" and call is not None:
            self._call_back(call, Outcome.ABANDONED, self._wall())

    def pick_refused(self, queue_id: str) -> None:
        """The exchange refused our pick (taken by someone else, gone, not signed in)."""
        self._queue.picking.discard(queue_id)

    def _pick(self, call: DeskCall) -> None:
        if self._picker is None:
            raise PhoneError(f"call {call.call_id} waits at an exchange this desk is not connected to",
                             Refusal.NOT_STARTED)
        if len(self._phone.calls) >= MAX_LIVE_CALLS_TO_PICK:
            raise PhoneError("the phone has no room for another call", Refusal.OTHER, "full")
        if self._queue.picking:
            raise PhoneError("a pick is already under way", Refusal.OTHER, "picking")
        self._queue.picking.add(call.queue_id)
        self._picker(call.queue_id)

    def _picked_arrived(self, snap: Call) -> bool:
        """A caller we picked rings: answer at once; its phone row takes the queue row's place."""
        queue_id = snap.remote.queue_id
        if snap.state is not CallState.RINGING or not queue_id or queue_id not in self._queue.picking:
            return False
        row_id = self._queue.pop(queue_id)
        queued = self._calls.pop(row_id, None) if row_id is not None else None
        row = self._new_row(snap)
        if queued is not None:
            self._emit(DeskChanged(None, queued, "picked"))
            row = replace(row, offered_at=queued.offered_at, offered_wall=queued.offered_wall,
                          priority=queued.priority, name=queued.name or row.name)
        self._put(replace(row, queue_id=queue_id), PICKED_ARRIVED)
        try:
            self._phone.answer(snap.id)
        except PhoneError as error:
            log.warning("could not answer picked caller %s: %s", queue_id, error)
        return True

    def _drop(self, row_id: int, reason: str) -> DeskCall | None:
        call = self._calls.pop(row_id, None)
        if call is not None:
            self._emit(DeskChanged(None, call, reason))
        return call

