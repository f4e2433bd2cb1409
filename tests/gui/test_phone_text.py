"""The phone's reasons reach the operator in their language, with the technical detail kept as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from softphone.model import PhoneError, Refusal
from softphone.reasons import CallEnd, EndReason, FailureReason, RegistrationFailure, classify_registration
from ui.phone_text import PhoneText

pytestmark = pytest.mark.gui


def test_every_kind_has_english_words(qapp: QApplication) -> None:
    texts = PhoneText()
    for failure in RegistrationFailure:
        reason = FailureReason(failure, 503, "detail")
        assert texts.registration_failure(reason) == reason.words
    for kind in CallEnd:
        assert texts.call_end(EndReason(kind, 486, "5")) == EndReason(kind, 486, "5").words


def test_reasons_are_translated_and_keep_their_detail(translated: Callable[[str], None]) -> None:
    translated("sv")
    texts = PhoneText()
    assert texts.call_end(EndReason(CallEnd.BUSY, 486)) == "upptaget (486)"
    assert texts.call_end(EndReason(CallEnd.REMOTE_HUNG_UP, 200)) == "den andra parten lade på"
    assert texts.call_end(EndReason(CallEnd.CALLER_GAVE_UP, 487)) == "den som ringde lade på innan samtalet besvarades"
    tls = classify_registration(503, "Transport error", "SSL certificate verify failed")
    assert texts.registration_failure(tls).endswith(": SSL certificate verify failed")
    assert "TLS" in texts.registration_failure(tls)
    assert texts.registration_failure(classify_registration(401, "Unauthorized")) == \
        "fel användarnamn eller lösenord (401)"


def test_refused_intents_are_worded_by_kind(translated: Callable[[str], None]) -> None:
    texts = PhoneText()
    assert texts.refusal(PhoneError("odd", Refusal.OTHER)) == "odd"  # nothing better to say than the engine
    translated("sv")
    assert texts.refusal(PhoneError("call 1 is not connected", Refusal.NOT_CONNECTED)) == \
        "Samtalet är inte uppkopplat än."
    assert texts.refusal(PhoneError("x", Refusal.NOT_A_NUMBER, "Anna <b>")) == \
        "”Anna <b>” är inte ett nummer eller en SIP-adress."
