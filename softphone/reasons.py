"""Failure reasons in words, for registrations and ended calls."""

from __future__ import annotations

_TLS_WORDS = ("ssl", "tls", "certificate", "handshake")
_DNS_WORDS = ("resolve", "dns", "gethostbyname", "host not found", "no address")
_REFUSED_WORDS = ("refused", "unreachable", "no route")
_LOST_WORDS = ("end of file", "eof", "reset by peer", "broken pipe", "connection closed")


def registration_failure(code: int, reason: str, detail: str = "") -> str:
    """Why a REGISTER failed, for an operator: `reason` is the SIP phrase, `detail` a transport error text."""
    text = f"{reason} {detail}".lower()
    if any(word in text for word in _TLS_WORDS):
        return f"secure connection to the registrar failed (TLS): {detail or reason}"
    if any(word in text for word in _DNS_WORDS):
        return "registrar host name could not be resolved (DNS)"
    if code in (401, 407):
        return f"wrong user name or password ({code})"
    if code == 403:
        return "registration refused by the server (403 Forbidden)"
    if code == 404:
        return "unknown user at the registrar (404)"
    if code == 408 or "timeout" in text or "timed out" in text:
        return "registrar did not answer (timeout)"
    if any(word in text for word in _LOST_WORDS):
        return "connection to the registrar was lost"
    if any(word in text for word in _REFUSED_WORDS) or (code == 503 and "transport" in text):
        return "registrar unreachable (connection refused)"
    if code >= 500:
        return f"registrar error ({code} {reason})".strip()
    return f"registration failed ({code} {reason})".strip()


_CALL_END = {
    486: "busy",
    600: "busy everywhere",
    603: "declined",
    487: "cancelled",
    404: "number not found",
    480: "not available",
    408: "no answer",
    484: "incomplete number",
    488: "no common audio format",
    403: "call refused",
    503: "service unavailable",
}


def call_end(code: int, reason: str, *, by_us: bool) -> str:
    """Why a call ended, from its last status code (200 for a normal hang-up)."""
    if by_us:
        return "hung up"
    if code in (200, 0):
        return "the other party hung up"
    words = _CALL_END.get(code)
    if words is None:
        words = reason or "call failed"
    return f"{words} ({code})"
