"""SMS end to end through a real Kannel (bearerbox + smsbox sendsms) and its test SMSC fakesmsc: Nordic and
Cyrillic texts, a long text in parts, delivery reports through dlr-url, a refused login, the gateway down
then up (sent once), and a group of 500."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher, record_report
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.kannel import KannelConfig, KannelTransport
from messaging.transports.kannel_dlr import DeliveryReportServer
from tests.helpers.kannel import Kannel, decoded
from tests.helpers.processes import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def kannel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kannel]:
    gateway = Kannel(tmp_path_factory.mktemp("kannel"))
    gateway.start()
    yield gateway
    gateway.stop()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


_OPEN: list[KannelTransport] = []


@pytest.fixture(autouse=True)
def _close_transports() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


def transport(url: str, password: str = Kannel.PASSWORD, dlr_url: str = "") -> KannelTransport:
    made = KannelTransport(KannelConfig(url=url, username="switchboard", password=password, sender="Vaxeln",
                                             dlr_url=dlr_url, timeout=10))
    _OPEN.append(made)
    return made


def queue(outbox: OutboxRepository, text: str, *numbers: str) -> list[int]:
    message = StaffMessage(Channel.SMS, tuple(Recipient(n) for n in numbers), text, sender="olle")
    return outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))


def wait_for_numbers(kannel: Kannel, numbers: set[str], timeout: float = 60) -> None:
    wait_until(lambda: numbers <= {r.to for r in kannel.received()}, timeout=timeout)


def test_nordic_text_reaches_the_smsc_with_a_delivery_report(kannel: Kannel, outbox: OutboxRepository) -> None:
    reports: list[tuple[int, str]] = []
    receiver = DeliveryReportServer(lambda mid, outcome: reports.append((mid, outcome)))
    try:
        (mid,) = queue(outbox, "Åsa Öberg ringde kl. 09:12, ring tillbaka på 070-111 22 33.", "+46701000001")
        sender = transport(kannel.url, dlr_url=f"http://127.0.0.1:{receiver.port}/dlr")
        (result,) = Dispatcher(outbox, {"sms": sender}).send_due()
        assert (result.state, result.provider_id) == ("sent", f"kannel:{mid}")
        wait_for_numbers(kannel, {"+46701000001"})
        wait_until(lambda: (mid, "delivered") in reports)
    finally:
        receiver.close()
    (got,) = [r for r in kannel.received() if r.to == "+46701000001"]
    assert (got.sender, decoded(got)) == ("Vaxeln", "Åsa Öberg ringde kl. 09:12, ring tillbaka på 070-111 22 33.")
    assert record_report(outbox, mid, "delivered", datetime.now(UTC))
    assert outbox.get([mid])[0].state == "delivered"


def test_cyrillic_text_goes_as_ucs2(kannel: Kannel, outbox: OutboxRepository) -> None:
    queue(outbox, "Позвоните, пожалуйста", "+46701000002")
    (result,) = Dispatcher(outbox, {"sms": transport(kannel.url)}).send_due()
    assert result.state == "sent"
    wait_for_numbers(kannel, {"+46701000002"})
    (got,) = [r for r in kannel.received() if r.to == "+46701000002"]
    assert (got.kind, decoded(got)) == ("ucs-2", "Позвоните, пожалуйста")


def test_a_long_text_arrives_in_parts(kannel: Kannel, outbox: OutboxRepository) -> None:
    queue(outbox, "Ring växeln. " * 30, "+46701000003")  # 390 characters: three parts
    (result,) = Dispatcher(outbox, {"sms": transport(kannel.url)}).send_due()
    assert result.state == "sent"
    wait_until(lambda: len([r for r in kannel.received() if r.to == "+46701000003"]) == 3)


def test_a_refused_login_fails_once_naming_the_gateways_words(kannel: Kannel, outbox: OutboxRepository) -> None:
    queue(outbox, "Hej", "+46701000004")
    (result,) = Dispatcher(outbox, {"sms": transport(kannel.url, password="wrong")}).send_due()
    assert (result.state, result.reason) == ("failed", "the SMS gateway refused the message: 403 "
                                                       "Authorization failed for sendsms")


def test_gateway_down_then_up_sends_once(tmp_path: Path, outbox: OutboxRepository) -> None:
    (tmp_path / "later").mkdir()
    gateway = Kannel(tmp_path / "later")
    (mid,) = queue(outbox, "Ring växeln", "+46701000005")
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"sms": transport(gateway.url)}, clock=lambda: now[0])
    (first,) = dispatcher.send_due()
    assert first.state == "queued"
    assert first.reason.startswith("cannot reach the SMS gateway http://127.0.0.1:")
    gateway.start()
    try:
        now[0] += timedelta(minutes=5)
        (second,) = dispatcher.send_due()
        assert dispatcher.send_due() == []
        assert (second.id, second.state, second.attempts) == (mid, "sent", 2), second.reason
        wait_for_numbers(gateway, {"+46701000005"})
    finally:
        gateway.stop()
    assert [r.to for r in gateway.received()] == ["+46701000005"]


def test_a_group_of_500_is_sent_once_each(kannel: Kannel, outbox: OutboxRepository) -> None:
    numbers = [f"+4670200{i:04d}" for i in range(500)]
    ids = queue(outbox, "Övning: utrymning kl. 14", *numbers)
    sent = Dispatcher(outbox, {"sms": transport(kannel.url)}).send_due(limit=1000)
    assert sorted(m.id or 0 for m in sent if m.state == "sent") == sorted(ids)
    wait_for_numbers(kannel, set(numbers), timeout=120)
    received = [r.to for r in kannel.received() if r.to in set(numbers)]
    assert sorted(received) == sorted(numbers)  # each exactly once


def test_a_gateway_that_times_out_is_never_resent(outbox: OutboxRepository) -> None:
    """A listener that takes the request and never answers (a hung smsbox): the SMS may have gone out."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        queue(outbox, "Hej", "+46701000006")
        url = f"http://127.0.0.1:{port}/cgi-bin/sendsms"
        sender = KannelTransport(KannelConfig(url=url, username="switchboard", password="pw", timeout=0.5))
        _OPEN.append(sender)
        now = [datetime.now(UTC)]
        dispatcher = Dispatcher(outbox, {"sms": sender}, clock=lambda: now[0])
        (result,) = dispatcher.send_due()
        now[0] += timedelta(days=1)
        assert dispatcher.send_due() == []
    assert result.state == "failed"
    assert result.reason == (f"the SMS gateway http://127.0.0.1:{port}/cgi-bin/sendsms did not answer in 0.5 s; "
                             "not resent, it may have been sent")
