"""The softphone's domain model: immutable snapshots of registration and calls, and the events that carry them.

Listeners receive `RegistrationChanged` and `CallChanged` events; each holds the new snapshot, the
previous one and a reason in words. Nothing here touches pjsua2 or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from softphone.identity import CallerIdentity
from softphone.reasons import EndReason, FailureReason


class Refusal(Enum):
    """Why an intent was refused, as a kind the window translates; `PhoneError.detail` holds the rest."""

    NOT_STARTED = "not_started"
    NO_CALL = "no_call"  # the call ended meanwhile
    NOT_RINGING = "not_ringing"
    NOT_CONNECTED = "not_connected"  # not answered yet, or its ACK has not arrived
    CONSULTING = "consulting"  # already has a consultation
    NOT_CONSULTING = "not_consulting"
    NOT_A_NUMBER = "not_a_number"  # detail: what was typed
    SIP = "sip"  # the SIP stack refused; detail: its words
    OTHER = "other"


class PhoneError(RuntimeError):
    """An intent that cannot be carried out (unknown call, wrong state, the SIP stack refused it).

    str() is English, for logs; `kind` and `detail` are for the window's words."""

    def __init__(self, message: str, kind: Refusal = Refusal.OTHER, detail: str = "") -> None:
        super().__init__(message)
        self.kind, self.detail = kind, detail


class RegistrationStatus(Enum):
    OFFLINE = "offline"  # not started or shut down
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"  # not registered; `reason` says why, a retry is scheduled


@dataclass(frozen=True)
class Registration:
    status: RegistrationStatus = RegistrationStatus.OFFLINE
    registrar: str = ""
    code: int = 0  # last SIP status code, 0 when none
    reason: str = ""  # in words, e.g. "wrong user name or password (401)"
    retry_in_s: float | None = None  # seconds until the next attempt after a failure
    failure: FailureReason | None = None  # `reason` as a kind the window translates

    @property
    def registered(self) -> bool:
        return self.status is RegistrationStatus.REGISTERED


class CallDirection(Enum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class CallState(Enum):
    RINGING = "ringing"  # incoming, waiting for us to answer
    DIALING = "dialing"  # outgoing, no answer yet
    ALERTING = "alerting"  # outgoing, the other side is ringing (180/183)
    CONNECTING = "connecting"  # answered, waiting for the ACK
    CONNECTED = "connected"
    ENDED = "ended"

    @property
    def live(self) -> bool:
        return self is not CallState.ENDED


@dataclass(frozen=True)
class Call:
    """A snapshot of one call. `id` is ours and never reused within a `Phone`'s lifetime."""

    id: int
    direction: CallDirection
    state: CallState
    remote: CallerIdentity
    on_hold: bool = False  # we put it on hold
    remote_hold: bool = False  # the other side put us on hold
    muted: bool = False
    audio_connected: bool = False  # an audio stream is up (both ways, or one way while held)
    recording: bool = False
    started_at: float = 0.0  # monotonic seconds
    connected_at: float | None = None
    status_code: int = 0  # last SIP status seen for the call
    end_reason: str = ""  # in words, set when state is ENDED
    end: EndReason | None = None  # `end_reason` as a kind the window translates


@dataclass(frozen=True)
class RegistrationChanged:
    registration: Registration
    previous: Registration


@dataclass(frozen=True)
class CallChanged:
    call: Call
    previous: Call | None  # None for a new call
    reason: str = ""


@dataclass(frozen=True)
class DtmfReceived:
    call_id: int
    digit: str
    method: str  # "rfc4733" or "sip_info"


@dataclass(frozen=True)
class TransferProgress:
    """How a transfer of `call_id` (the leg we sent REFER on) is going, from the REFER's NOTIFYs.

    `code` is the status the transferee reports for its call to the target (100, 180, 200, 486...);
    a final 2xx means the target answered, and the phone then hangs up its own legs.
    """

    call_id: int
    code: int
    reason: str
    final: bool
    target: str = ""  # the URI the call was transferred to

    @property
    def succeeded(self) -> bool:
        return self.final and 200 <= self.code < 300

    @property
    def failed(self) -> bool:
        return self.final and not self.succeeded


@dataclass(frozen=True)
class CallRefused:
    """pjsua refused an incoming call before it became one: `code` 486 when every call slot was in use.
    From a trusted source and well formed: a caller the console could not take, never a spoofed one."""

    remote: CallerIdentity
    code: int
    reason: str


@dataclass(frozen=True)
class AudioDevice:
    """A sound device as the audio layer lists it; `name` is what AudioSettings refers to."""

    index: int
    name: str
    driver: str
    inputs: int  # capture channels, 0 for an output-only device
    outputs: int  # playback channels, 0 for an input-only device


PhoneEvent = RegistrationChanged | CallChanged | DtmfReceived | TransferProgress | CallRefused
