"""Exchange Online free/busy through Microsoft Graph getSchedule and msal, against the Graph and Azure AD
protocol fixture over HTTPS (neither can run here): batching, per-schedule errors, 429 + Retry-After, tokens."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from directory.calendars import (
    BusyStatus,
    CalendarAuthError,
    CalendarError,
    CalendarThrottledError,
    GraphSettings,
    MailboxProblem,
)
from directory.calendars.graph import GraphProvider
from tests.helpers.certs import make_server_tls
from tests.helpers.graph_fixture import TENANT, GraphEvent, GraphFixture, start_graph_fixture

pytestmark = pytest.mark.integration
OSLO = ZoneInfo("Europe/Oslo")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=OSLO)


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[tuple[str, str, GraphFixture]]:
    tls = make_server_tls(tmp_path)
    state = GraphFixture()
    state.calendars = {
        "kari@kommune.no": [GraphEvent(at(23, 13), at(23, 14, 30), "busy", "MØT: Budsjett", "Rom 4"),
                            GraphEvent(at(24, 0), at(25, 0), "oof", "SEM: Hytta", private=True),
                            GraphEvent(at(23, 15), at(23, 16), "workingElsewhere", "Hjemmekontor")],
        "ola@kommune.no": [],
    }
    server, _ = start_graph_fixture(tls.cert, tls.key, state)
    try:
        yield server.url, str(tls.ca), state
    finally:
        server.stop()


def provider(graph: tuple[str, str, GraphFixture], *, secret: str = "app-secret", batch_size: int = 20,
             sleeps: list[float] | None = None, **kwargs: Any) -> GraphProvider:
    url, ca, _ = graph
    settings = GraphSettings(name="m365", batch_size=batch_size, tenant_id=TENANT, client_id="app-id",
                             schedule_user="svc-switchboard@kommune.no", client_secret=secret, authority_host=url,
                             graph_url=f"{url}/v1.0", validate_authority=False, **kwargs)
    record = sleeps if sleeps is not None else []
    return GraphProvider(settings, "Europe/Oslo", ca_file=ca, sleep=record.append)


def test_get_schedule_per_mailbox_with_private_and_unknown(graph: tuple[str, str, GraphFixture]) -> None:
    client = provider(graph)
    try:
        results = client.free_busy(["Kari@kommune.no", "ola@kommune.no", "nobody@kommune.no"], at(23, 0), at(25, 0))
    finally:
        client.close()
    kari = results["Kari@kommune.no"]
    assert kari.ok
    by_start = {b.start: b for b in kari.blocks}
    meeting = by_start[at(23, 13)]
    assert (meeting.end, meeting.status, meeting.subject, meeting.location) == \
        (at(23, 14, 30), BusyStatus.BUSY, "MØT: Budsjett", "Rom 4")
    assert meeting.start.tzinfo == OSLO
    vacation = by_start[at(24, 0)]
    assert (vacation.status, vacation.private, vacation.all_day, vacation.subject) == \
        (BusyStatus.OUT_OF_OFFICE, True, True, None)
    assert by_start[at(23, 15)].status is BusyStatus.WORKING_ELSEWHERE
    assert results["ola@kommune.no"].ok
    assert results["nobody@kommune.no"].problem is MailboxProblem.UNKNOWN_MAILBOX


def test_batches_of_twenty_and_one_token_for_all(graph: tuple[str, str, GraphFixture]) -> None:
    _, _, state = graph
    addresses = [f"user{i}@kommune.no" for i in range(45)]
    state.calendars.update({a: [] for a in addresses})
    client = provider(graph, batch_size=100)
    try:
        assert client.max_batch == 20
        for start in range(0, 45, client.max_batch):
            batch = addresses[start:start + client.max_batch]
            assert all(r.ok for r in client.free_busy(batch, at(23, 0), at(24, 0)).values())
    finally:
        client.close()
    assert state.schedule_counts == [20, 20, 5]
    assert state.token_requests == 1  # msal caches the app token


def test_429_with_a_short_retry_after_is_waited_out(graph: tuple[str, str, GraphFixture]) -> None:
    _, _, state = graph
    state.throttle_replies, state.retry_after = 2, 2
    sleeps: list[float] = []
    client = provider(graph, sleeps=sleeps)
    try:
        assert client.free_busy(["kari@kommune.no"], at(23, 0), at(24, 0))["kari@kommune.no"].ok
    finally:
        client.close()
    assert sleeps == [2.0, 2.0]


def test_429_with_a_long_retry_after_goes_back_to_the_refresher(graph: tuple[str, str, GraphFixture]) -> None:
    _, _, state = graph
    state.throttle_replies, state.retry_after = 1, 120
    sleeps: list[float] = []
    client = provider(graph, sleeps=sleeps)
    try:
        with pytest.raises(CalendarThrottledError) as caught:
            client.free_busy(["kari@kommune.no"], at(23, 0), at(24, 0))
    finally:
        client.close()
    assert caught.value.retry_after == 120.0
    assert sleeps == []


def test_wrong_secret_and_malformed_json(graph: tuple[str, str, GraphFixture]) -> None:
    client = provider(graph, secret="wrong")
    try:
        with pytest.raises(CalendarAuthError, match="invalid_client"):
            client.free_busy(["kari@kommune.no"], at(23, 0), at(24, 0))
    finally:
        client.close()
    _, _, state = graph
    state.malformed_replies = 1
    client = provider(graph)
    try:
        with pytest.raises(CalendarError, match="malformed"):
            client.free_busy(["kari@kommune.no"], at(23, 0), at(24, 0))
    finally:
        client.close()


def test_certificate_credentials_send_a_signed_client_assertion(graph: tuple[str, str, GraphFixture],
                                                                 tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "switchboard-app")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1)).sign(key, hashes.SHA256()))
    pem = (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()) + cert.public_bytes(serialization.Encoding.PEM)).decode()
    _, _, state = graph
    state.assertion_key = key.public_key()
    client = provider(graph, secret="", certificate_pem=pem, certificate_thumbprint=cert.fingerprint(
        hashes.SHA1()).hex())
    try:
        assert client.free_busy(["kari@kommune.no"], at(23, 0), at(24, 0))["kari@kommune.no"].ok
    finally:
        client.close()
    assert state.assertions_verified == 1
