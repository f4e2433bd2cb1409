"""Watcher: the exchange queue's event stream (Kamailio evapi, netstrings) on a thread of its own.

After each (re)connect the listener gets ConnectionChanged(True, ...), then a fresh QueueSnapshot, then
only the events that came after that snapshot (each event carries the exchange's sequence number). When
the stream breaks it gets ConnectionChanged(False, why) and the watcher reconnects with backoff.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable
from typing import Any, Protocol

from softphone.exchange.model import ConnectionChanged, QueueSnapshot, event_from_json
from softphone.exchange.transport import UntrustedError

BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
HELLO_TIMEOUT_S = 5.0
MESSAGE_MAX = 1 << 20


class StreamSource(Protocol):
    """What the watcher needs of the client (ExchangeClient): who it is and the snapshot."""

    @property
    def host(self) -> str: ...
    @property
    def operator(self) -> str: ...

    def snapshot(self) -> QueueSnapshot: ...
    def events_port(self) -> int: ...
    def stream_token(self) -> str: ...
    def stream_socket(self, port: int, timeout: float) -> socket.socket: ...


class StreamClosedError(Exception):
    pass


class NetstringReader:
    """Splits a byte stream into netstrings ("len:data,")."""

    def __init__(self) -> None:
        self.buffer = b""

    def feed(self, data: bytes) -> list[bytes]:
        self.buffer += data
        found: list[bytes] = []
        while True:
            head, colon, rest = self.buffer.partition(b":")
            if not colon:
                if len(head) > 10:
                    raise StreamClosedError("garbled stream")
                return found
            if not head.isdigit() or int(head) > MESSAGE_MAX:
                raise StreamClosedError("garbled stream")
            size = int(head)
            if len(rest) < size + 1:
                return found
            if rest[size:size + 1] != b",":
                raise StreamClosedError("garbled stream")
            found.append(rest[:size])
            self.buffer = rest[size + 1:]


def netstring(data: bytes) -> bytes:
    return str(len(data)).encode() + b":" + data + b","


class Watcher:
    """Runs until stop(); every listener call happens on the watcher's own thread."""

    def __init__(self, source: StreamSource, listener: Callable[[object], None]) -> None:
        self._source = source
        self._listener = listener
        self._stopped = threading.Event()
        self._socket: socket.socket | None = None
        self._connected = False
        self._thread = threading.Thread(target=self._run, name="exchange-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped.set()
        sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        said_down = False
        while not self._stopped.is_set():
            self._connected = False
            try:
                self._session()
                detail = "the exchange closed the event stream"
            except UntrustedError as exc:  # its message says what to fix
                detail = str(exc)
            except Exception as exc:  # any failure means: say so once, reconnect later
                detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            if self._stopped.is_set():
                break
            if self._connected:
                failures, said_down = 0, False
            if not said_down:
                self._listener(ConnectionChanged(False, detail))
                said_down = True
            self._stopped.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
            failures += 1
        self._socket = None

    def _session(self) -> None:
        port = self._source.events_port()
        with self._source.stream_socket(port, HELLO_TIMEOUT_S) as sock:
            self._socket = sock
            hello = {"operator": self._source.operator, "token": self._source.stream_token()}
            sock.sendall(netstring(json.dumps(hello).encode()))
            reader = NetstringReader()
            early: list[dict[str, Any]] = []
            while not any(m.get("event") == "hello" for m in early):
                early.extend(self._receive(sock, reader))
            snapshot = self._source.snapshot()
            self._connected = True
            self._listener(ConnectionChanged(True, f"connected to {self._source.host}:{port}"))
            self._listener(snapshot)
            last = snapshot.seq
            sock.settimeout(None)
            pending = early
            while not self._stopped.is_set():
                for message in pending:
                    seq = int(message.get("seq", 0))
                    if seq <= last:
                        continue  # already in the snapshot
                    last = seq
                    event = event_from_json(message)
                    if event is not None:
                        self._listener(event)
                pending = self._receive(sock, reader)

    def _receive(self, sock: socket.socket, reader: NetstringReader) -> list[dict[str, Any]]:
        data = sock.recv(65536)
        if not data:
            raise StreamClosedError("the exchange closed the event stream")
        messages = []
        for raw in reader.feed(data):
            try:
                decoded = json.loads(raw)
            except ValueError:
                continue
            if isinstance(decoded, dict):
                messages.append(decoded)
        return messages
