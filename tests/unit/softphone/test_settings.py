from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from softphone.settings import (
    AccountSettings,
    AudioSettings,
    PhoneSettings,
    SipSettings,
    SrtpMode,
    Transport,
    check_account,
)


def _account(**fields: object) -> AccountSettings:
    return AccountSettings(**{"user": "1000", "domain": "example.com", "registrar": "pbx", **fields})  # type: ignore[arg-type]


def test_a_plain_account_has_no_problems() -> None:
    assert check_account(_account()) == []


def test_tls_warns_about_the_bundled_openssl() -> None:
    problems = check_account(_account(transport=Transport.TLS))
    assert [(p.field, p.error) for p in problems] == [("transport", False)]
    assert "OpenSSL 1.0.2" in problems[0].message


def test_missing_certificate_is_an_error(tmp_path: Path) -> None:
    problems = check_account(_account(transport=Transport.TLS, tls_ca_file=str(tmp_path / "nope.pem")))
    errors = [p for p in problems if p.error]
    assert [p.field for p in errors] == ["tls_ca_file"]
    assert "certificate file not found" in errors[0].message


def test_mandatory_srtp_without_tls_warns() -> None:
    problems = check_account(_account(srtp=SrtpMode.MANDATORY))
    assert [(p.field, p.error) for p in problems] == [("srtp", False)]


def test_the_sip_table_reads_choices_by_value_and_arrays_as_tuples() -> None:
    sip = SipSettings.model_validate({"user": "1000", "registrar": "pbx", "transport": "tls", "srtp": "optional",
                                      "audio": {"codecs": ["PCMA/8000", "PCMU/8000"]}})
    assert (sip.transport, sip.srtp) == (Transport.TLS, SrtpMode.OPTIONAL)
    assert sip.audio.codecs == ("PCMA/8000", "PCMU/8000")
    for bad in ({"transport": "sctp"}, {"transport": "TLS"}, {"local_port": 70000}, {"audio": {"codecs": [8]}},
                {"register_expiry_s": 60}):
        with pytest.raises(ValidationError):
            SipSettings.model_validate(bad)


def test_the_phone_gets_the_resolved_password_and_the_registrars_host_as_domain() -> None:
    sip = SipSettings.model_validate({"user": "1000", "registrar": "pbx.example:5070", "password": "env:SIP_PW",
                                      "audio": {"null_device": True}})
    settings = PhoneSettings.from_sip(sip, password="hunter2")
    assert settings.account.aor == "sip:1000@pbx.example"
    assert settings.password == "hunter2"
    assert settings.account.password == "env:SIP_PW"  # the reference stays what the file said
    assert settings.audio == AudioSettings(null_device=True)
    assert "hunter2" not in repr(settings)


def test_a_secret_is_not_accepted_as_the_password_reference() -> None:
    with pytest.raises(ValidationError, match="never the secret itself"):
        _account(password="hunter2")
