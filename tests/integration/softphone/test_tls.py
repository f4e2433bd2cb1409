"""SIP over TLS against Kamailio's tls module: the server certificate is verified by default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.model import RegistrationStatus
from softphone.settings import PhoneSettings, Transport, check_account
from tests.helpers.kamailio import Kamailio
from tests.integration.softphone.conftest import Recorder, console_settings, pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]


@pytest.fixture
def tls_kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path / "kamailio-tls", tls=True)
    server.start()
    yield server
    server.stop()


def _tls_settings(server: Kamailio, **overrides: object) -> PhoneSettings:
    return console_settings(server, registrar=f"127.0.0.1:{server.tls_port}", transport=Transport.TLS,
                            **overrides)


def test_registers_over_tls_with_the_servers_ca(tls_kamailio: Kamailio, make_phone: MakePhone) -> None:
    settings = _tls_settings(tls_kamailio, tls_ca_file=str(tls_kamailio.certificate))
    assert [p.field for p in check_account(settings.account)] == ["transport"]  # the OpenSSL warning only
    phone, _ = make_phone(settings)
    pump_until(phone, lambda: phone.registration.registered)


def test_an_untrusted_certificate_fails_with_a_tls_reason(tls_kamailio: Kamailio,
                                                          make_phone: MakePhone) -> None:
    phone, _ = make_phone(_tls_settings(tls_kamailio))  # system CA bundle: the self-signed cert is unknown
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED)
    assert "(TLS)" in phone.registration.reason
    assert not phone.registration.registered


def test_verification_can_be_turned_off_explicitly(tls_kamailio: Kamailio, make_phone: MakePhone) -> None:
    settings = _tls_settings(tls_kamailio, tls_verify_server=False)
    assert "tls_verify_server" in [p.field for p in check_account(settings.account)]
    phone, _ = make_phone(settings)
    pump_until(phone, lambda: phone.registration.registered)
