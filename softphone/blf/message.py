"""Just enough SIP message handling for a subscriber: parse a datagram, read headers, build requests."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DATAGRAM = 65535
_COMPACT = {"i": "call-id", "f": "from", "t": "to", "v": "via", "m": "contact", "l": "content-length",
            "c": "content-type", "o": "event", "k": "supported"}


@dataclass(frozen=True, slots=True)
class Message:
    """A parsed request (``method`` set) or response (``status`` set); header names lower-case."""

    first_line: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    method: str = ""
    uri: str = ""
    status: int = 0
    reason: str = ""

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k == name), "")

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name]

    @property
    def cseq(self) -> tuple[int, str]:
        number, _, method = self.header("cseq").partition(" ")
        try:
            return int(number), method.strip()
        except ValueError:
            return -1, ""


def parse(data: bytes) -> Message | None:
    """The message in one datagram; None for anything that is not a well-formed SIP message."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = data.partition(b"\n\n")
    try:
        lines = head.decode("utf-8").replace("\r\n", "\n").split("\n")
    except UnicodeDecodeError:
        return None
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:  # folded continuation
            headers[-1] = (headers[-1][0], headers[-1][1] + " " + line.strip())
            continue
        name, colon, value = line.partition(":")
        if not colon:
            return None
        key = name.strip().lower()
        headers.append((_COMPACT.get(key, key), value.strip()))
    parts = lines[0].split(" ", 2)
    if len(parts) < 3:
        return None
    length = next((v for k, v in headers if k == "content-length"), "")
    if length.isdigit():
        body = body[:int(length)]
    if parts[0] == "SIP/2.0":
        if not parts[1].isdigit():
            return None
        return Message(lines[0], tuple(headers), body, status=int(parts[1]), reason=parts[2])
    if parts[2] != "SIP/2.0" or not parts[0].isalpha():
        return None
    return Message(lines[0], tuple(headers), body, method=parts[0].upper(), uri=parts[1])


def tag_of(value: str) -> str:
    match = re.search(r";\s*tag=([^;>\s]+)", value.rsplit(">", 1)[-1] if ">" in value else value)
    return match[1] if match else ""


def uri_of(value: str) -> str:
    """The URI in a name-addr (``"A" <sip:a@b>;tag=x``) or addr-spec."""
    if "<" in value:
        return value.split("<", 1)[1].split(">", 1)[0]
    return value.split(";", 1)[0].strip()


def build(first_line: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    lines = [first_line, *(f"{k}: {v}" for k, v in headers), f"Content-Length: {len(body)}", "", ""]
    return "\r\n".join(lines).encode() + body


def response_to(request: Message, status: int, reason: str, extra: list[tuple[str, str]] | None = None) -> bytes:
    """A response copying Via, From, To, Call-ID and CSeq from ``request``."""
    copied = [(name.title() if name != "call-id" else "Call-ID", value) for name, value in request.headers
              if name in ("via", "from", "to", "call-id", "cseq")]
    copied = [("CSeq", v) if k == "Cseq" else (k, v) for k, v in copied]
    return build(f"SIP/2.0 {status} {reason}", copied + (extra or []))
