"""Turning what the operator typed into a SIP URI to call."""

from __future__ import annotations

import re

_NUMBER_JUNK = re.compile(r"[\s\-().]")
_NUMBER = re.compile(r"\+?[0-9*#]{1,32}")
_URI_FORBIDDEN = re.compile(r"[\s<>\"\x00-\x1f\x7f]")


def dial_uri(target: str, domain: str) -> str:
    """A SIP URI for a number or address typed by the operator; PhoneError-worthy input raises ValueError."""
    text = target.strip()
    if text.lower().startswith(("sip:", "sips:", "tel:")):
        uri = text
    elif "@" in text:
        uri = f"sip:{text}"
    else:
        number = _NUMBER_JUNK.sub("", text)
        if not _NUMBER.fullmatch(number):
            raise ValueError(f"not a number or SIP address: {target!r}")
        uri = f"sip:{number}@{domain}"
    if _URI_FORBIDDEN.search(uri) or len(uri) > 256:
        raise ValueError(f"not a valid SIP address: {target!r}")
    return uri


def looks_dialable(text: str) -> bool:
    """True when `text` is a phone number or SIP address rather than a name (for a search field that dials)."""
    try:
        dial_uri(text, "example.invalid")
    except ValueError:
        return False
    return True


def host_port(server: str, default_port: int = 5060) -> tuple[str, int]:
    """(host, port) of a configured server: "host", "host:port", "[v6]:port" or a sip: URI."""
    text = server.strip()
    for scheme in ("sip:", "sips:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme):]
    text = text.partition(";")[0].rpartition("@")[2]
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":")
    else:
        host, _, port = text.partition(":")
    return host, int(port) if port.isdigit() else default_port
