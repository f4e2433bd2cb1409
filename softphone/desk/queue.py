"""The exchange's waiting callers as desk rows.

With the exchange queue (issue 14) callers wait at the server, not on the operator's phone. Each waiting
caller the queue reports becomes a WAITING row of the desk with a synthetic negative call id (phone call
ids are positive), so the waiting panel, F2 and Shift+F2 work on them as on local calls. Picking one asks
the exchange (the app runs the request off the GUI thread); the picked caller then arrives on the phone
marked with its queue id, the desk answers it at once and the phone's row takes the queue row's place,
keeping the time the caller joined the queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from softphone.desk.records import PriorityClass

MAX_LIVE_CALLS_TO_PICK = 3  # the phone takes 4 calls at once: leave room to consult for a picked caller


class Queued(Protocol):
    """A waiting caller as the exchange client reports it (`softphone.exchange.model.QueuedCaller`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def dialled(self) -> str: ...
    @property
    def klass(self) -> str: ...
    @property
    def joined_at(self) -> float: ...  # wall clock, seconds since the epoch
    @property
    def offered_to(self) -> str | None: ...


def priority_of(klass: str) -> PriorityClass:
    """The exchange's class name ("emergency", "priority", "internal", "normal") as the desk's class."""
    try:
        return PriorityClass[klass.strip().upper()]
    except KeyError:
        return PriorityClass.NORMAL


@dataclass
class QueueIds:
    """Which synthetic row id stands for which queue id, and which picks are under way."""

    _rows: dict[str, int] = field(default_factory=dict)
    _next: int = -1
    picking: set[str] = field(default_factory=set)

    def row_for(self, queue_id: str) -> int:
        if queue_id not in self._rows:
            self._rows[queue_id], self._next = self._next, self._next - 1
        return self._rows[queue_id]

    def get(self, queue_id: str) -> int | None:
        return self._rows.get(queue_id)

    def pop(self, queue_id: str) -> int | None:
        self.picking.discard(queue_id)
        return self._rows.pop(queue_id, None)

    def queue_id_of(self, row_id: int) -> str | None:
        return next((q for q, r in self._rows.items() if r == row_id), None)

    def all(self) -> dict[str, int]:
        return dict(self._rows)
