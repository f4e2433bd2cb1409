"""An ESPA 4.4.4 receiver: a protocol fixture standing in for a paging system (none can run here).

It answers as messaging/transports/espa.py documents the protocol: ``<address> ENQ`` gets ACK (or NAK while
`busy` > 0), a call block ``SOH 1 STX data ETX BCC`` gets ACK when its BCC is right, NAK when it is wrong or
while `nak_blocks` > 0, and no answer while `mute_blocks` > 0. Calls it ACKed are in `calls`. It serves a
TCP port, or one end of a pseudo-terminal pair made by socat (`SerialPair`).
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import serial

from tests.helpers.processes import ManagedProcess, require_binary, wait_until

SOH, STX, ETX, EOT, ENQ, ACK, NAK, US, RS = 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x15, 0x1F, 0x1E


@dataclass(frozen=True, slots=True)
class PagerCall:
    number: str
    text: str


class EspaReceiver:
    def __init__(self, address: str = "1") -> None:
        self.address = address.encode("ascii")[0]
        self.calls: list[PagerCall] = []
        self.blocks_seen = 0
        self.busy = 0
        self.nak_blocks = 0
        self.mute_blocks = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def _serve(self, read: Callable[[], int | None], write: Callable[[bytes], None]) -> None:
        """One conversation: bytes in until `read` gives None (line closed or stopping)."""
        while (byte := read()) is not None:
            if byte == self.address:
                if read() != ENQ:
                    continue
                if self.busy > 0:
                    self.busy -= 1
                    write(bytes([NAK]))
                else:
                    write(bytes([ACK]))
            elif byte == SOH:
                body = bytearray()
                while (part := read()) is not None and part != ETX:
                    body.append(part)
                check = read()
                if part is None or check is None:
                    return
                self._answer_block(bytes(body) + bytes([ETX]), check, write)

    def _answer_block(self, body: bytes, check: int, write: Callable[[bytes], None]) -> None:
        self.blocks_seen += 1
        computed = 0
        for b in body:
            computed ^= b
        if self.mute_blocks > 0:
            self.mute_blocks -= 1
            return
        if computed != check or self.nak_blocks > 0:
            self.nak_blocks = max(0, self.nak_blocks - 1)
            write(bytes([NAK]))
            return
        header, _, data = body[:-1].partition(bytes([STX]))
        fields = dict(f.split(bytes([US]), 1) for f in data.split(bytes([RS])))
        assert header == b"1", header
        self.calls.append(PagerCall(fields[b"1"].decode("ascii"), fields[b"2"].decode("iso-8859-1")))
        write(bytes([ACK]))

    def serve_tcp(self) -> int:
        """Listen on a free loopback port (returned); each connection is one conversation."""
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.1)

        def accept() -> None:
            with listener:
                while not self._stop.is_set():
                    try:
                        conn, _ = listener.accept()
                    except TimeoutError:
                        continue
                    with conn:
                        conn.settimeout(0.1)
                        self._serve(functools.partial(self._read_socket, conn), conn.sendall)

        self._start(accept)
        return int(listener.getsockname()[1])

    def _read_socket(self, conn: socket.socket) -> int | None:
        while not self._stop.is_set():
            try:
                data = conn.recv(1)
            except TimeoutError:
                continue
            return data[0] if data else None
        return None

    def serve_serial(self, device: Path) -> None:
        port = serial.Serial(str(device), baudrate=9600, timeout=0.1)

        def read() -> int | None:
            while not self._stop.is_set():
                data = port.read(1)
                if data:
                    return int(data[0])
            return None

        def run() -> None:
            with port:
                self._serve(read, port.write)

        self._start(run)

    def _start(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name="espa-receiver", daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)


class SerialPair:
    """Two connected pseudo-terminals made by socat: `exchange` for the transport, `pager` for the receiver."""

    def __init__(self, directory: Path) -> None:
        self.exchange = directory / "exchange-tty"
        self.pager = directory / "pager-tty"
        self._socat = ManagedProcess([require_binary("socat"), "-d", "-d", f"pty,raw,echo=0,link={self.pager}",
                                      f"pty,raw,echo=0,link={self.exchange}"], log=directory / "socat.log")
        wait_until(lambda: self.exchange.exists() and self.pager.exists())

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._socat.stop()
