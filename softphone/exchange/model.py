"""Immutable rows and events of the exchange's queue, as consoles see it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class QueuedCaller:
    """One waiting caller. `name` comes from the caller and is never trusted: plain text, capped by the
    exchange. `klass`: "emergency", "priority", "internal" or "normal". `offered_to`: the operator whose
    console it is ringing at after a pick, else None."""

    id: str
    name: str
    number: str
    dialled: str
    klass: str
    joined_at: float  # epoch seconds
    offered_to: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueuedCaller:
        offered = data.get("offered_to")
        return cls(id=str(data["id"]), name=str(data.get("name", "")), number=str(data.get("number", "")),
                   dialled=str(data.get("dialled", "")), klass=str(data.get("class", "normal")),
                   joined_at=float(data.get("joined_at", 0.0)), offered_to=str(offered) if offered else None)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "number": self.number, "dialled": self.dialled,
                "class": self.klass, "joined_at": self.joined_at, "offered_to": self.offered_to}


@dataclass(frozen=True)
class QueueSnapshot:
    """The whole queue in queue order (emergency, priority, internal, then longest waiting)."""

    callers: tuple[QueuedCaller, ...]
    operators: tuple[str, ...]  # signed in
    seq: int = 0  # the last event the snapshot includes (events with a higher seq come after it)


@dataclass(frozen=True)
class CallerJoined:
    caller: QueuedCaller


@dataclass(frozen=True)
class CallerLeft:
    """reason: "picked" (a console answered it), "abandoned" (hung up while waiting or ringing at a
    console), "overflowed" (sent to the overflow number or refused after the longest wait), "answered"
    (reserved: answered elsewhere; this exchange does not send it yet). `by`: the operator for "picked"."""

    id: str
    reason: str
    by: str | None


@dataclass(frozen=True)
class CallerOffered:
    id: str
    to: str


@dataclass(frozen=True)
class CallerReturned:
    """The console it was offered to did not answer, was busy or vanished: back in its old place."""

    id: str


@dataclass(frozen=True)
class OperatorsChanged:
    signed_in: tuple[str, ...]


@dataclass(frozen=True)
class ConnectionChanged:
    up: bool
    detail: str


QueueEvent = QueueSnapshot | CallerJoined | CallerLeft | CallerOffered | CallerReturned | OperatorsChanged \
    | ConnectionChanged


def event_from_json(data: dict[str, Any]) -> QueueEvent | None:
    """The event a stream message stands for; None for messages consoles need not see (hello, unknown)."""
    kind = data.get("event")
    if kind == "joined":
        return CallerJoined(QueuedCaller.from_json(data["caller"]))
    if kind == "left":
        by = data.get("by")
        return CallerLeft(str(data["id"]), str(data.get("reason", "")), str(by) if by else None)
    if kind == "offered":
        return CallerOffered(str(data["id"]), str(data["to"]))
    if kind == "returned":
        return CallerReturned(str(data["id"]))
    if kind == "operators":
        return OperatorsChanged(tuple(str(o) for o in data.get("signed_in", [])))
    return None


def event_to_json(event: QueueEvent) -> dict[str, Any]:
    """One JSON object per event, as `switchboard queue watch --json` prints them."""
    if isinstance(event, QueueSnapshot):
        return {"event": "snapshot", "callers": [c.to_json() for c in event.callers],
                "operators": list(event.operators)}
    if isinstance(event, CallerJoined):
        return {"event": "joined", "caller": event.caller.to_json()}
    if isinstance(event, CallerLeft):
        return {"event": "left", "id": event.id, "reason": event.reason, "by": event.by}
    if isinstance(event, CallerOffered):
        return {"event": "offered", "id": event.id, "to": event.to}
    if isinstance(event, CallerReturned):
        return {"event": "returned", "id": event.id}
    if isinstance(event, OperatorsChanged):
        return {"event": "operators", "signed_in": list(event.signed_in)}
    return {"event": "connection", "up": event.up, "detail": event.detail}
