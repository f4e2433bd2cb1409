"""SMS over SMPP 3.4 to the SMPP server protocol fixture (tests/helpers/smpp_server.py, written from the
specification): GSM 03.38 with extension characters, UCS-2, long texts as concatenated parts, a refused
number and a refused bind failing once, the SMSC down then up (sent once), a group of 200."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import OutboxRepository, Store, sqlite_url
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.smpp import SmppConfig, SmppTransport
from tests.helpers.processes import free_port
from tests.helpers.smpp_server import SmppServer

pytestmark = pytest.mark.integration


@pytest.fixture
def smsc() -> Iterator[SmppServer]:
    server = SmppServer()
    yield server
    server.stop()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


def transport(port: int, password: str = "smpp-pw") -> SmppTransport:
    return SmppTransport(SmppConfig("127.0.0.1", port, "switchboard", password, source_addr="Vaxeln", timeout=5))


def queue(outbox: OutboxRepository, text: str, *numbers: str) -> list[int]:
    message = StaffMessage(Channel.SMS, tuple(Recipient(n) for n in numbers), text)
    return outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))


@pytest.mark.parametrize(("text", "coding", "parts"), [
    ("Åsa Öberg ringde, pris 100 € [akut]", 0, 1),
    ("Позвоните в коммутатор 😀", 8, 1),
    ("Ring växeln om mötet {€} " * 20, 0, 4),  # 500 septets (extension characters count twice)
    ("Срочно позвоните. " * 10, 8, 3),
])
def test_texts_arrive_whole_in_the_right_encoding(smsc: SmppServer, outbox: OutboxRepository, text: str,
                                                  coding: int, parts: int) -> None:
    (mid,) = queue(outbox, text, "+46701000010")
    (result,) = Dispatcher(outbox, {"sms": transport(smsc.port)}).send_due()
    assert (result.id, result.state) == (mid, "sent")
    assert result.provider_id == ",".join(f"smsc-{n}" for n in range(1, parts + 1))
    assert {s.data_coding for s in smsc.submitted} == {coding}
    assert {(s.source_addr, s.registered_delivery) for s in smsc.submitted} == {("Vaxeln", 1)}
    assert len(smsc.submitted) == parts
    assert smsc.texts() == {"46701000010": [text]}


def test_a_refused_number_fails_once_with_the_smscs_words(smsc: SmppServer, outbox: OutboxRepository) -> None:
    smsc.refused.add("46701000011")
    queue(outbox, "Hej", "+46701000011")
    dispatcher = Dispatcher(outbox, {"sms": transport(smsc.port)})
    (result,) = dispatcher.send_due()
    assert result.state == "failed"
    assert result.reason.startswith(f"the SMSC 127.0.0.1:{smsc.port} refused the message: 0x0000000b")
    assert dispatcher.send_due() == []


def test_a_refused_bind_fails_naming_it(smsc: SmppServer, outbox: OutboxRepository) -> None:
    queue(outbox, "Hej", "+46701000012")
    (result,) = Dispatcher(outbox, {"sms": transport(smsc.port, password="wrong")}).send_due()
    assert result.state == "failed"
    assert result.reason.startswith(f"the SMSC 127.0.0.1:{smsc.port} refused the bind")
    assert smsc.submitted == []


def test_smsc_down_then_up_sends_once(outbox: OutboxRepository) -> None:
    port = free_port()
    queue(outbox, "Ring växeln", "+46701000013")
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"sms": transport(port)}, clock=lambda: now[0])
    (first,) = dispatcher.send_due()
    assert (first.state, first.reason) == ("queued", f"cannot reach the SMSC 127.0.0.1:{port}: Connection refused")
    smsc = SmppServer()
    try:
        dispatcher = Dispatcher(outbox, {"sms": transport(smsc.port)}, clock=lambda: now[0])
        now[0] += timedelta(minutes=5)
        (second,) = dispatcher.send_due()
        assert dispatcher.send_due() == []
    finally:
        smsc.stop()
    assert (second.state, second.attempts, len(smsc.submitted)) == ("sent", 2, 1)


def test_a_group_of_200(smsc: SmppServer, outbox: OutboxRepository) -> None:
    numbers = [f"+4670300{i:04d}" for i in range(200)]
    queue(outbox, "Övning kl. 14", *numbers)
    sent = Dispatcher(outbox, {"sms": transport(smsc.port)}).send_due(limit=1000)
    assert [m.state for m in sent] == ["sent"] * 200
    assert sorted(smsc.texts()) == sorted(n.lstrip("+") for n in numbers)
