"""Caller identity from SIP headers, with the display name treated as untrusted plain text.

Everything here is pure string handling, so it is unit-tested without pjsua2. The result is meant to
be shown as plain text (never as markup); sanitising removes what could still mislead in plain text:
control and bidi-override characters, runaway whitespace and unbounded length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import unquote

MAX_DISPLAY_NAME = 64
MAX_NUMBER = 48
_ELLIPSIS = "…"
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$")
_FROM_NAMES = ("from", "f")
_PAI_NAMES = ("p-asserted-identity",)
QUEUE_HEADER = "X-Switchboard-Queue-Id"  # the exchange's queue id of a picked caller
_QUEUE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


@dataclass(frozen=True)
class CallerIdentity:
    """Who is on the other end: the name and number as safe plain text, and the URI they came from."""

    display_name: str
    number: str
    uri: str
    asserted: bool = False  # taken from P-Asserted-Identity (set by a trusted proxy), not From
    dialled: str = ""  # the number the caller dialled (the To header's user part), to know whom to greet as
    queue_id: str = ""  # set by the exchange's queue on a caller an operator picked (X-Switchboard-Queue-Id)
    unverified: bool = False  # from outside the trust domain: only the caller's own claim (never an emergency)

    @property
    def label(self) -> str:
        """One line for the screen: the name when there is one, else the number, else the URI."""
        return self.display_name or self.number or self.uri


def sanitize_text(text: str, limit: int) -> str:
    """Plain single-line text: no control/format characters, whitespace collapsed, at most `limit` chars."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category in ("Zl", "Zp") or char in "\t\r\n":
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # controls, bidi overrides, zero-width tricks, lone surrogates, unassigned
        else:
            kept.append(char)
    clean = " ".join("".join(kept).split())
    if len(clean) > limit:
        clean = clean[: max(0, limit - 1)].rstrip() + _ELLIPSIS
    return clean


def sanitize_display_name(name: str, limit: int = MAX_DISPLAY_NAME) -> str:
    """A quoted-string's content (without its outer quotes) as safe plain text; escapes undone."""
    return sanitize_text(re.sub(r"\\(.)", r"\1", name), limit)


def split_name_addr(value: str) -> tuple[str, str]:
    """(display name, URI) from a name-addr or addr-spec header value; header parameters are dropped."""
    value = value.strip()
    name = ""
    if value.startswith('"'):
        end = _closing_quote(value)
        name, value = value[1:end], value[end + 1:]  # a quoted name may contain '<', '>' and ';'
    if "<" in value:
        token, _, rest = value.partition("<")
        return (name or token.strip()), rest.partition(">")[0].strip()
    # addr-spec: anything after ';' is a header parameter (e.g. tag), not part of the URI
    return name, value.partition(";")[0].strip()


def _closing_quote(quoted: str) -> int:
    i = 1
    while i < len(quoted):
        if quoted[i] == "\\":
            i += 2
            continue
        if quoted[i] == '"':
            return i
        i += 1
    return len(quoted)


def number_of(uri: str) -> str:
    """The user part of a sip/sips/tel URI, percent-decoded and sanitised ("" when there is none)."""
    scheme, sep, rest = uri.partition(":")
    if not sep:
        return ""
    scheme = scheme.lower()
    if scheme == "tel":
        user = rest.partition(";")[0]
    elif scheme in ("sip", "sips"):
        if "@" not in rest:
            return ""
        user = rest.rpartition("@")[0].partition(";")[0].partition(":")[0]
    else:
        return ""
    return sanitize_text(unquote(user, errors="replace"), MAX_NUMBER)


def headers_of(message: str) -> dict[str, list[str]]:
    """Header values by lower-case name from a raw SIP message (folded lines joined, body ignored)."""
    headers: dict[str, list[str]] = {}
    lines = message.replace("\r\n", "\n").split("\n")
    last: str | None = None
    for line in lines[1:]:
        if not line:
            break
        if line[0] in " \t" and last is not None:
            headers[last][-1] += " " + line.strip()
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            last = None
            continue
        last = match.group(1).lower()
        headers.setdefault(last, []).append(match.group(2))
    return headers


def identity_from_message(message: str, *, trusted: bool = True) -> CallerIdentity:
    """The caller of a raw INVITE: P-Asserted-Identity when present (sip/sips preferred), else From.

    Only a source in the trust domain (`softphone.trust`) may assert an identity (RFC 3325): from any
    other, P-Asserted-Identity and the exchange's queue id are ignored and the From identity comes back
    marked `unverified`."""
    headers = headers_of(message)
    to = headers.get("to") or headers.get("t") or [""]
    queue = (headers.get(QUEUE_HEADER.lower()) or [""])[0].strip() if trusted else ""
    return replace(_caller_of(headers, trusted), dialled=number_of(split_name_addr(to[0])[1]),
                   queue_id=queue if _QUEUE_ID.fullmatch(queue) else "", unverified=not trusted)


def _caller_of(headers: dict[str, list[str]], trusted: bool) -> CallerIdentity:
    asserted = [v for name in _PAI_NAMES for raw in headers.get(name, []) for v in _split_list(raw)] if trusted \
        else []
    asserted.sort(key=lambda v: 0 if split_name_addr(v)[1].lower().startswith("sip") else 1)
    for value in asserted:
        identity = identity_from_header(value, asserted=True)
        if identity.uri:
            # PAI often carries only the number: keep the From display name in that case
            if not identity.display_name:
                from_name = _from_display_name(headers)
                identity = CallerIdentity(from_name, identity.number, identity.uri, asserted=True)
            return identity
    for name in _FROM_NAMES:
        if headers.get(name):
            return identity_from_header(headers[name][0])
    return CallerIdentity("", "", "")


def identity_from_header(value: str, *, asserted: bool = False) -> CallerIdentity:
    name, uri = split_name_addr(value)
    uri = sanitize_text(uri, 256)
    return CallerIdentity(sanitize_display_name(name), number_of(uri), uri, asserted)


def _from_display_name(headers: dict[str, list[str]]) -> str:
    for name in _FROM_NAMES:
        if headers.get(name):
            return sanitize_display_name(split_name_addr(headers[name][0])[0])
    return ""


def _split_list(value: str) -> list[str]:
    """Split a comma-separated header list, ignoring commas inside quotes and angle brackets."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(value):
        if char == '"' and (i == 0 or value[i - 1] != "\\"):
            quoted = not quoted
        elif not quoted and char == "<":
            depth += 1
        elif not quoted and char == ">":
            depth = max(0, depth - 1)
        elif not quoted and depth == 0 and char == ",":
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]
