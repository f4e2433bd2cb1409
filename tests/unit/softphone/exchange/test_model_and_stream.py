"""The queue's events from their JSON, and the event stream's framing (no server)."""

from __future__ import annotations

import pytest

from softphone.exchange.model import (
    CallerJoined,
    CallerLeft,
    CallerOffered,
    CallerReturned,
    OperatorsChanged,
    QueuedCaller,
    event_from_json,
    event_to_json,
)
from softphone.exchange.watcher import NetstringReader, StreamClosedError, netstring

CALLER = {"id": "7", "name": "Anna", "number": "0701", "dialled": "100", "class": "priority",
          "joined_at": 12.5, "offered_to": None}


def test_events_from_json_and_back() -> None:
    joined = event_from_json({"event": "joined", "caller": CALLER, "seq": 3})
    assert joined == CallerJoined(QueuedCaller("7", "Anna", "0701", "100", "priority", 12.5, None))
    assert event_to_json(joined) == {"event": "joined", "caller": CALLER}
    assert event_from_json({"event": "left", "id": "7", "reason": "picked", "by": "1000"}) == \
        CallerLeft("7", "picked", "1000")
    assert event_from_json({"event": "offered", "id": "7", "to": "1000"}) == CallerOffered("7", "1000")
    assert event_from_json({"event": "returned", "id": "7"}) == CallerReturned("7")
    assert event_from_json({"event": "operators", "signed_in": ["1000"]}) == OperatorsChanged(("1000",))
    assert event_from_json({"event": "hello"}) is None


def test_netstrings_split_across_reads() -> None:
    reader = NetstringReader()
    data = netstring(b'{"a": 1}') + netstring(b"xyz")
    assert reader.feed(data[:5]) == []
    assert reader.feed(data[5:]) == [b'{"a": 1}', b"xyz"]
    with pytest.raises(StreamClosedError):
        NetstringReader().feed(b"abc:xyz,")
