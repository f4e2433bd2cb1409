"""The phone's reasons in the operator's language: why registration failed, why a call ended.

The softphone gives a kind plus technical detail (SIP status, phrase, transport error); only the
kind is translated, the detail is shown as it is. Unknown kinds fall back to the English words.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from softphone.model import PhoneError, Refusal
from softphone.reasons import CallEnd, EndReason, FailureReason, RegistrationFailure


class PhoneText(QObject):
    """A QObject only so that tr() and lupdate work; holds no state."""

    def registration_failure(self, failure: FailureReason) -> str:
        kind, code, detail = failure.kind, str(failure.code), failure.detail
        texts = {
            RegistrationFailure.TLS: self.tr("secure connection to the registrar failed (TLS): %1").replace(
                "%1", detail),
            RegistrationFailure.DNS: self.tr("registrar host name could not be resolved (DNS)"),
            RegistrationFailure.CREDENTIALS: self.tr("wrong user name or password (%1)").replace("%1", code),
            RegistrationFailure.FORBIDDEN: self.tr("registration refused by the server (403 Forbidden)"),
            RegistrationFailure.UNKNOWN_USER: self.tr("unknown user at the registrar (404)"),
            RegistrationFailure.TIMEOUT: self.tr("registrar did not answer (timeout)"),
            RegistrationFailure.LOST: self.tr("connection to the registrar was lost"),
            RegistrationFailure.REFUSED: self.tr("registrar unreachable (connection refused)"),
            RegistrationFailure.SERVER_ERROR: self.tr("registrar error (%1)").replace(
                "%1", f"{code} {detail}".strip()),
            RegistrationFailure.OTHER: self.tr("registration failed (%1)").replace("%1", f"{code} {detail}".strip()),
        }
        return texts.get(kind, failure.words)

    def refusal(self, error: PhoneError) -> str:
        """Why a key or button did nothing."""
        texts = {
            Refusal.NOT_STARTED: self.tr("The phone is not started."),
            Refusal.NO_CALL: self.tr("That call has ended."),
            Refusal.NOT_RINGING: self.tr("That call is not ringing."),
            Refusal.NOT_CONNECTED: self.tr("The call is not connected yet."),
            Refusal.CONSULTING: self.tr("The caller already has a consultation."),
            Refusal.NOT_CONSULTING: self.tr("There is no consultation to complete or cancel."),
            Refusal.NOT_A_NUMBER: self.tr("“%1” is not a number or SIP address.").replace("%1", error.detail),
            Refusal.SIP: self.tr("The phone refused: %1").replace("%1", error.detail),
        }
        if error.kind is Refusal.OTHER and error.detail in ("full", "picking"):  # the desk's own pick limits
            return self.pick_refused(error.detail, "")
        return texts.get(error.kind, str(error))

    def pick_refused(self, kind: str, detail: str) -> str:
        """Why the exchange did not put a waiting caller through to this console."""
        texts = {
            "taken": self.tr("A colleague took that caller first."),
            "unknown": self.tr("That caller is no longer waiting."),
            "not_signed_in": self.tr("Sign in to the queue to take callers."),
            "forbidden": self.tr("The exchange refused this console: check its queue token."),
            "unreachable": self.tr("The exchange's queue cannot be reached."),
            "untrusted": self.tr("The exchange's certificate is not trusted: check its CA file."),
            "rate_limited": self.tr("The exchange is busy: try again in a moment."),
            "full": self.tr("Your phone has no room for another call."),
            "picking": self.tr("A caller is already on the way to you."),
        }
        return texts.get(kind, self.tr("The exchange refused: %1").replace("%1", detail))

    def call_end(self, end: EndReason) -> str:
        if end.kind is CallEnd.RTP_TIMEOUT:
            return self.tr("no audio from the other party for %1 s (RTP timeout)").replace("%1", end.detail)
        if end.kind is CallEnd.RING_TIMEOUT:
            return self.tr("unanswered for %1 s (ring limit)").replace("%1", end.detail)
        words = {
            CallEnd.HUNG_UP: self.tr("hung up"),
            CallEnd.REMOTE_HUNG_UP: self.tr("the other party hung up"),
            CallEnd.REJECTED_BUSY: self.tr("rejected as busy"),
            CallEnd.REJECTED: self.tr("declined"),
            CallEnd.TRANSFERRED: self.tr("transferred"),
            CallEnd.BUSY: self.tr("busy"),
            CallEnd.BUSY_EVERYWHERE: self.tr("busy everywhere"),
            CallEnd.DECLINED: self.tr("declined"),
            CallEnd.CANCELLED: self.tr("cancelled"),
            CallEnd.CALLER_GAVE_UP: self.tr("the caller hung up before it was answered"),
            CallEnd.NOT_FOUND: self.tr("number not found"),
            CallEnd.NOT_AVAILABLE: self.tr("not available"),
            CallEnd.NO_ANSWER: self.tr("no answer"),
            CallEnd.INCOMPLETE_NUMBER: self.tr("incomplete number"),
            CallEnd.NO_COMMON_CODEC: self.tr("no common audio format"),
            CallEnd.REFUSED: self.tr("call refused"),
            CallEnd.SERVICE_UNAVAILABLE: self.tr("service unavailable"),
            CallEnd.FAILED: end.detail or self.tr("call failed"),
        }
        return words[end.kind] + end.status_suffix if end.kind in words else end.words
