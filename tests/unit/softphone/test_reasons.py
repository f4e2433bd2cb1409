from __future__ import annotations

import pytest

from softphone.reasons import call_end, registration_failure


@pytest.mark.parametrize(("code", "reason", "detail", "words"), [
    (401, "Unauthorized", "", "wrong user name or password (401)"),
    (407, "Proxy Authentication Required", "", "wrong user name or password (407)"),
    (403, "Forbidden", "", "registration refused by the server (403 Forbidden)"),
    (408, "Request Timeout", "", "registrar did not answer (timeout)"),
    (502, "gethostbyname() has returned error (PJ_ERESOLVE)", "", "registrar host name could not be resolved (DNS)"),
    (503, "Connection refused", "", "registrar unreachable (connection refused)"),
    (503, "End of file (PJ_EEOF)", "", "connection to the registrar was lost"),
    (503, "Service Unavailable", "", "registrar error (503 Service Unavailable)"),
])
def test_registration_failure_words(code: int, reason: str, detail: str, words: str) -> None:
    assert registration_failure(code, reason, detail) == words


def test_tls_failures_name_tls() -> None:
    words = registration_failure(503, "Transport error", "SSL certificate verify failed")
    assert words.startswith("secure connection to the registrar failed (TLS)")


@pytest.mark.parametrize(("code", "by_us", "words"), [  # an outgoing call's end
    (200, True, "hung up"),
    (200, False, "the other party hung up"),
    (486, False, "busy (486)"),
    (603, False, "declined (603)"),
    (487, False, "cancelled (487)"),
    (499, False, "Odd (499)"),
])
def test_call_end_words(code: int, by_us: bool, words: str) -> None:
    assert call_end(code, "Odd", by_us=by_us) == words


@pytest.mark.parametrize(("code", "by_us", "words"), [
    (487, False, "the caller hung up before it was answered"),  # their CANCEL: no code, it is not a fault
    (487, True, "hung up"),  # we declined it while it rang
    (200, False, "the other party hung up"),
    (486, False, "busy (486)"),
])
def test_an_incoming_call_cancelled_by_its_caller_says_they_gave_up(code: int, by_us: bool, words: str) -> None:
    assert call_end(code, "Request Terminated", by_us=by_us, incoming=True) == words
