"""Registration against a real Kamailio: success, refusals in words, outage and recovery, failover."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import pytest

from softphone.engine import Phone, PhoneError, WrongThreadError
from softphone.model import RegistrationChanged, RegistrationStatus
from softphone.settings import PhoneSettings, Transport
from tests.helpers.kamailio import Kamailio
from tests.helpers.processes import free_port
from tests.integration.softphone.conftest import Recorder, console_settings, pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]


def _statuses(recorder: Recorder) -> list[RegistrationStatus]:
    return [e.registration.status for e in recorder.events if isinstance(e, RegistrationChanged)]


def test_registers_and_reports_each_step(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, recorder = make_phone(console_settings(kamailio))
    pump_until(phone, lambda: phone.registration.registered)
    assert _statuses(recorder) == [RegistrationStatus.REGISTERING, RegistrationStatus.REGISTERED]
    assert phone.registration.registrar == kamailio.hostport
    phone.set_volume(speaker=0.5, microphone=0.8, ring=0.3)  # the null device accepts levels too


def test_the_phone_refuses_calls_from_other_threads(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, _ = make_phone(console_settings(kamailio))
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            phone.dial("2001")
        except WrongThreadError as error:
            errors.append(error)

    thread = threading.Thread(target=worker, name="not-the-owner")
    thread.start()
    thread.join()
    assert len(errors) == 1
    assert "not-the-owner" in str(errors[0])
    assert phone.calls == ()


def test_a_failing_listener_does_not_stop_the_others(kamailio: Kamailio, make_phone: MakePhone,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = make_phone(console_settings(kamailio))

    def broken(_: object) -> None:
        raise ValueError("listener bug")

    phone.add_listener(broken)
    pump_until(phone, lambda: phone.registration.registered)
    assert _statuses(recorder)[-1] is RegistrationStatus.REGISTERED
    assert "listener bug" in caplog.text


def test_wrong_password_is_reported_in_words(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, _ = make_phone(console_settings(kamailio, password="not-the-password"))
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED)
    registration = phone.registration
    assert registration.code == 401
    assert registration.reason == "wrong user name or password (401)"
    assert registration.retry_in_s is not None


def test_forbidden_user_is_reported_in_words(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, _ = make_phone(console_settings(kamailio, user="blocked"))
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED)
    assert phone.registration.code == 403
    assert "refused" in phone.registration.reason
    assert "403" in phone.registration.reason


def test_unresolvable_registrar_is_a_dns_failure(make_phone: MakePhone, kamailio: Kamailio) -> None:
    phone, _ = make_phone(console_settings(kamailio, registrar="registrar.invalid"))
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED, timeout=15)
    assert "(DNS)" in phone.registration.reason


def test_server_restart_shows_not_registered_then_recovers(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, recorder = make_phone(console_settings(kamailio, transport=Transport.TCP))
    pump_until(phone, lambda: phone.registration.registered)
    kamailio.stop()
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED, timeout=10)
    assert phone.registration.reason in ("connection to the registrar was lost",
                                         "registrar unreachable (connection refused)")
    kamailio.start()
    pump_until(phone, lambda: phone.registration.registered, timeout=15)
    statuses = _statuses(recorder)
    assert statuses[-1] is RegistrationStatus.REGISTERED
    assert RegistrationStatus.FAILED in statuses


def test_fails_over_to_the_secondary_registrar(kamailio: Kamailio, make_phone: MakePhone) -> None:
    dead = f"127.0.0.1:{free_port()}"
    settings = console_settings(kamailio, registrar=dead, secondary_registrar=kamailio.hostport,
                                transport=Transport.TCP)
    phone, recorder = make_phone(settings)
    pump_until(phone, lambda: phone.registration.registered, timeout=15)
    assert phone.registration.registrar == kamailio.hostport
    failed = [e.registration for e in recorder.events
              if isinstance(e, RegistrationChanged) and e.registration.status is RegistrationStatus.FAILED]
    assert failed[0].registrar == dead


def test_a_busy_local_port_fails_start_with_a_clear_error(kamailio: Kamailio) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        phone = Phone(console_settings(kamailio, local_port=port))
        with pytest.raises(PhoneError, match="the SIP stack did not start"):
            phone.start()
        assert not phone.started
    phone.start()  # the port is free again: the same object starts cleanly
    try:
        pump_until(phone, lambda: phone.registration.registered)
    finally:
        phone.shutdown()


def test_udp_outage_is_noticed_by_keepalives_and_recovers(kamailio: Kamailio, make_phone: MakePhone) -> None:
    phone, _ = make_phone(console_settings(kamailio, transport=Transport.UDP, keepalive_interval=1))
    pump_until(phone, lambda: phone.registration.registered)
    kamailio.stop()
    pump_until(phone, lambda: phone.registration.status is RegistrationStatus.FAILED, timeout=5)
    assert phone.registration.reason in ("registrar unreachable (connection refused)",
                                         "registrar did not answer (timeout)")
    kamailio.start()
    pump_until(phone, lambda: phone.registration.registered, timeout=20)
