"""Pagers and DECT handsets through an ESPA 4.4.4 paging interface, over a serial line or TCP.

The exchange as ESPA sees it, for one call (we are the control station that has data to send):

    -> <address> ENQ                  select the paging system      <- ACK (ready) | NAK (busy)
    -> SOH "1" STX data ETX BCC       a call record                 <- ACK (taken) | NAK (block refused)
    -> EOT                            release the link

The data is fields ``<id> US <value>`` separated by RS: 1 call address (the pager or DECT number), 2 the
display message. BCC is the XOR of every byte after SOH up to and including ETX. A NAK'd block is sent
again up to `retries` times; a busy system or no answer to the selection is "not sent" (retried later
by the dispatcher); no answer after the block may mean it was taken, so it is never sent again.
Text goes as ISO 8859-1 (characters outside it become "?"); `messaging.compose` has already removed
every control character, so nothing in the text can end a field or the block.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import Protocol

from messaging.settings import EspaSettings
from messaging.transports.base import NotSentError, Outgoing, RefusedError, UncertainError

SOH, STX, ETX, EOT, ENQ, ACK, NAK = b"\x01", b"\x02", b"\x03", b"\x04", b"\x05", b"\x06", b"\x15"
US, RS = b"\x1f", b"\x1e"
CALL_HEADER = b"1"  # the block is a call to a pager
CALL_ADDRESS, DISPLAY_MESSAGE = b"1", b"2"


class Link(Protocol):
    """A byte pipe to the paging system: a serial port or a TCP connection."""

    def write(self, data: bytes) -> None: ...

    def read_byte(self, timeout: float) -> bytes:
        """One byte, or b"" when none came within `timeout` seconds."""
        ...

    def close(self) -> None: ...


def bcc(data: bytes) -> int:
    """ESPA's block check character: XOR of `data` (everything after SOH, ETX included)."""
    check = 0
    for byte in data:
        check ^= byte
    return check


def call_block(call_number: str, text: str) -> bytes:
    """The framed call record for one pager message, BCC included."""
    data = US.join((CALL_ADDRESS, call_number.encode("ascii"))) + RS + \
        US.join((DISPLAY_MESSAGE, text.encode("iso-8859-1", errors="replace")))
    body = CALL_HEADER + STX + data + ETX
    return SOH + body + bytes([bcc(body)])




class EspaTransport:
    """Sends through links made by `connect` (one per message, so a lost line is reopened next time)."""

    def __init__(self, config: EspaSettings, connect: Callable[[], Link], where: str) -> None:
        self._config = config
        self._connect = connect
        self._where = where

    def _open(self) -> Link:
        try:
            return self._connect()
        except OSError as exc:
            raise NotSentError(f"cannot open the paging system's line {self._where}: {exc}") from None

    def send(self, message: Outgoing) -> str:
        link = self._open()
        try:
            self._select(link)
            self._deliver(link, call_block(message.recipient, message.text))
        finally:
            with contextlib.suppress(OSError):  # the outcome is known; a line gone now changes nothing
                link.write(EOT)
            link.close()
        return f"espa:{message.id}"

    def _select(self, link: Link) -> None:
        timeout = self._config.timeout
        for _ in range(self._config.retries + 1):
            try:
                link.write(self._config.address.encode("ascii") + ENQ)
                answer = link.read_byte(timeout)
            except OSError as exc:
                raise NotSentError(f"the paging system's line {self._where} failed: {exc}") from None
            if answer == ACK:
                return
        what = "is busy (NAK)" if answer == NAK else f"did not answer in {timeout:g} s"
        raise NotSentError(f"the paging system at {self._where} {what}")

    def _deliver(self, link: Link, block: bytes) -> None:
        for _ in range(self._config.retries + 1):
            try:
                link.write(block)
                answer = link.read_byte(self._config.timeout)
            except OSError as exc:
                raise UncertainError(f"the paging system's line {self._where} failed while sending ({exc}); "
                                     "not resent") from None
            if answer == ACK:
                return
            if answer != NAK:
                raise UncertainError(f"the paging system at {self._where} did not confirm the message; not "
                                     "resent, it may have been paged")
        raise RefusedError(f"the paging system at {self._where} refused the message "
                           f"{self._config.retries + 1} times (NAK)")


class TcpLink:
    def __init__(self, host: str, port: int, timeout: float) -> None:
        self._socket = socket.create_connection((host, port), timeout=timeout)

    def write(self, data: bytes) -> None:
        self._socket.sendall(data)

    def read_byte(self, timeout: float) -> bytes:
        self._socket.settimeout(timeout)
        try:
            return self._socket.recv(1)
        except TimeoutError:
            return b""

    def close(self) -> None:
        self._socket.close()


class SerialLink:
    def __init__(self, device: str, baudrate: int) -> None:
        import serial  # noqa: PLC0415 - pyserial only where a serial paging line is configured

        self._port = serial.Serial(device, baudrate=baudrate, timeout=1)

    def write(self, data: bytes) -> None:
        self._port.write(data)
        self._port.flush()

    def read_byte(self, timeout: float) -> bytes:
        self._port.timeout = timeout
        return bytes(self._port.read(1))

    def close(self) -> None:
        self._port.close()
