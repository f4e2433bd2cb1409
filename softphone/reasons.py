"""Why a registration failed or a call ended: a kind the UI translates, plus English words for logs.

The kinds are what an operator needs to tell apart; `code` and `detail` keep the technical rest
(the SIP status and phrase, or a transport error text), which is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

_TLS_WORDS = ("ssl", "tls", "certificate", "handshake")
_DNS_WORDS = ("resolve", "dns", "gethostbyname", "host not found", "no address")
_REFUSED_WORDS = ("refused", "unreachable", "no route")
_LOST_WORDS = ("end of file", "eof", "reset by peer", "broken pipe", "connection closed")


class RegistrationFailure(Enum):
    TLS = "tls"
    DNS = "dns"
    CREDENTIALS = "credentials"
    FORBIDDEN = "forbidden"
    UNKNOWN_USER = "unknown_user"
    TIMEOUT = "timeout"
    LOST = "lost"
    REFUSED = "refused"
    SERVER_ERROR = "server_error"
    OTHER = "other"


@dataclass(frozen=True)
class FailureReason:
    """Why a REGISTER failed. `detail` is the SIP phrase or the transport's error text."""

    kind: RegistrationFailure
    code: int = 0
    detail: str = ""

    @property
    def words(self) -> str:
        """English, for logs and the CLI; the window translates `kind` instead."""
        kind, code, detail = self.kind, self.code, self.detail
        return {
            RegistrationFailure.TLS: f"secure connection to the registrar failed (TLS): {detail}",
            RegistrationFailure.DNS: "registrar host name could not be resolved (DNS)",
            RegistrationFailure.CREDENTIALS: f"wrong user name or password ({code})",
            RegistrationFailure.FORBIDDEN: "registration refused by the server (403 Forbidden)",
            RegistrationFailure.UNKNOWN_USER: "unknown user at the registrar (404)",
            RegistrationFailure.TIMEOUT: "registrar did not answer (timeout)",
            RegistrationFailure.LOST: "connection to the registrar was lost",
            RegistrationFailure.REFUSED: "registrar unreachable (connection refused)",
            RegistrationFailure.SERVER_ERROR: f"registrar error ({code} {detail})".replace(" )", ")"),
            RegistrationFailure.OTHER: f"registration failed ({code} {detail})".replace(" )", ")"),
        }[kind]


def classify_registration(code: int, reason: str, detail: str = "") -> FailureReason:
    """Why a REGISTER failed, from the SIP phrase `reason` and a transport error text `detail`."""
    text = f"{reason} {detail}".lower()
    if any(word in text for word in _TLS_WORDS):
        return FailureReason(RegistrationFailure.TLS, code, detail or reason)
    if any(word in text for word in _DNS_WORDS):
        return FailureReason(RegistrationFailure.DNS, code)
    if code in (401, 407):
        return FailureReason(RegistrationFailure.CREDENTIALS, code)
    if code == 403:
        return FailureReason(RegistrationFailure.FORBIDDEN, code)
    if code == 404:
        return FailureReason(RegistrationFailure.UNKNOWN_USER, code)
    if code == 408 or "timeout" in text or "timed out" in text:
        return FailureReason(RegistrationFailure.TIMEOUT, code)
    if any(word in text for word in _LOST_WORDS):
        return FailureReason(RegistrationFailure.LOST, code)
    if any(word in text for word in _REFUSED_WORDS) or (code == 503 and "transport" in text):
        return FailureReason(RegistrationFailure.REFUSED, code)
    kind = RegistrationFailure.SERVER_ERROR if code >= 500 else RegistrationFailure.OTHER
    return FailureReason(kind, code, reason.strip())


def registration_failure(code: int, reason: str, detail: str = "") -> str:
    return classify_registration(code, reason, detail).words


class CallEnd(Enum):
    HUNG_UP = "hung_up"  # by us
    REMOTE_HUNG_UP = "remote_hung_up"
    REJECTED_BUSY = "rejected_busy"  # by us, 486
    REJECTED = "rejected"  # by us, 603
    TRANSFERRED = "transferred"
    RTP_TIMEOUT = "rtp_timeout"
    RING_TIMEOUT = "ring_timeout"  # rang `[sip] ring_timeout` seconds unanswered; we refused it (480)
    BUSY = "busy"
    BUSY_EVERYWHERE = "busy_everywhere"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # 487: someone else ended our outgoing call before it was answered
    CALLER_GAVE_UP = "caller_gave_up"  # 487 on an incoming call: the caller hung up before it was answered
    NOT_FOUND = "not_found"
    NOT_AVAILABLE = "not_available"
    NO_ANSWER = "no_answer"
    INCOMPLETE_NUMBER = "incomplete_number"
    NO_COMMON_CODEC = "no_common_codec"
    REFUSED = "refused"
    SERVICE_UNAVAILABLE = "service_unavailable"
    FAILED = "failed"  # anything else: `detail` holds the SIP phrase


_BY_CODE = {
    486: CallEnd.BUSY, 600: CallEnd.BUSY_EVERYWHERE, 603: CallEnd.DECLINED, 487: CallEnd.CANCELLED,
    404: CallEnd.NOT_FOUND, 480: CallEnd.NOT_AVAILABLE, 408: CallEnd.NO_ANSWER, 484: CallEnd.INCOMPLETE_NUMBER,
    488: CallEnd.NO_COMMON_CODEC, 403: CallEnd.REFUSED, 503: CallEnd.SERVICE_UNAVAILABLE,
}
_END_WORDS = {
    CallEnd.HUNG_UP: "hung up", CallEnd.REMOTE_HUNG_UP: "the other party hung up",
    CallEnd.REJECTED_BUSY: "rejected as busy", CallEnd.REJECTED: "declined", CallEnd.TRANSFERRED: "transferred",
    CallEnd.BUSY: "busy", CallEnd.BUSY_EVERYWHERE: "busy everywhere", CallEnd.DECLINED: "declined",
    CallEnd.CANCELLED: "cancelled", CallEnd.NOT_FOUND: "number not found", CallEnd.NOT_AVAILABLE: "not available",
    CallEnd.NO_ANSWER: "no answer", CallEnd.INCOMPLETE_NUMBER: "incomplete number",
    CallEnd.NO_COMMON_CODEC: "no common audio format", CallEnd.REFUSED: "call refused",
    CallEnd.SERVICE_UNAVAILABLE: "service unavailable",
    CallEnd.CALLER_GAVE_UP: "the caller hung up before it was answered",
}
# Ends the phone's owner chose: the operator hung up or refused the call.
_OURS = frozenset({CallEnd.HUNG_UP, CallEnd.REJECTED_BUSY, CallEnd.REJECTED})
# Ends that carry the SIP status in their words: those the other side or the network chose.
_WITH_CODE = frozenset(_BY_CODE.values()) | {CallEnd.FAILED}


@dataclass(frozen=True)
class EndReason:
    """Why a call ended. `code` is the last SIP status; `detail` the phrase (FAILED) or seconds (RTP_TIMEOUT,
    RING_TIMEOUT)."""

    kind: CallEnd
    code: int = 0
    detail: str = ""

    @property
    def ours(self) -> bool:
        """We ended it on purpose (hung up, rejected busy or declined), not the other side or the network."""
        return self.kind in _OURS

    @property
    def status_suffix(self) -> str:
        """" (486)" after the words of an end the other side or the network chose; "" otherwise."""
        return f" ({self.code})" if self.code and self.kind in _WITH_CODE else ""

    @property
    def words(self) -> str:
        """English, for logs and the call log; the window translates `kind` instead."""
        if self.kind is CallEnd.RTP_TIMEOUT:
            return f"no audio from the other party for {self.detail} s (RTP timeout)"
        if self.kind is CallEnd.RING_TIMEOUT:
            return f"unanswered for {self.detail} s (ring limit)"
        return (_END_WORDS.get(self.kind) or self.detail or "call failed") + self.status_suffix


def end_reason(code: int, phrase: str, *, by_us: bool, incoming: bool = False) -> EndReason:
    """Why a call ended, from its last status code (200 or 0 for a normal hang-up). An `incoming` call that
    ends in 487 was cancelled by its caller before it was answered: that is said in words, not as a code."""
    if by_us:
        return EndReason(CallEnd.HUNG_UP, code)
    if code in (200, 0):
        return EndReason(CallEnd.REMOTE_HUNG_UP, code)
    if code == 487 and incoming:
        return EndReason(CallEnd.CALLER_GAVE_UP, code)
    return EndReason(_BY_CODE.get(code, CallEnd.FAILED), code, phrase)


def call_end(code: int, reason: str, *, by_us: bool, incoming: bool = False) -> str:
    return end_reason(code, reason, by_us=by_us, incoming=incoming).words
