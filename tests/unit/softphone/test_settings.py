from __future__ import annotations

from pathlib import Path

import pytest

from softphone.settings import AccountSettings, SrtpMode, Transport, check_account, parse_enum


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


def test_unknown_transport_is_a_clear_line() -> None:
    assert parse_enum(Transport, "TCP", "transport") is Transport.TCP
    with pytest.raises(ValueError, match=r"transport: unknown value 'sctp' \(use one of: udp, tcp, tls\)"):
        parse_enum(Transport, "sctp", "transport")


def test_mandatory_srtp_without_tls_warns() -> None:
    problems = check_account(_account(srtp=SrtpMode.MANDATORY))
    assert [(p.field, p.error) for p in problems] == [("srtp", False)]


def test_password_is_not_in_repr() -> None:
    assert "hunter2" not in repr(_account(password="hunter2"))
