"""Pager messages through ESPA 4.4.4, over TCP and over a serial line (a socat pseudo-terminal pair), to the
ESPA receiver protocol fixture: the handshake, BCC, a NAK'd block sent again, a busy system retried later,
a system that keeps NAKing refused once, no confirmation never resent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher
from messaging.model import Channel, Recipient, StaffMessage
from messaging.settings import EspaSettings
from messaging.transports.espa import EspaTransport, SerialLink, TcpLink, bcc, call_block
from tests.helpers.espa_receiver import EspaReceiver, PagerCall, SerialPair

pytestmark = pytest.mark.integration


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


@pytest.fixture
def receiver() -> Iterator[EspaReceiver]:
    fixture = EspaReceiver()
    yield fixture
    fixture.stop()


def tcp_transport(port: int, timeout: float = 2.0) -> EspaTransport:
    return EspaTransport(EspaSettings(timeout=timeout), lambda: TcpLink("127.0.0.1", port, timeout),
                         f"127.0.0.1:{port}")


def queue(outbox: OutboxRepository, text: str, number: str = "4711") -> int:
    (mid,) = outbox.enqueue(outbox_rows(StaffMessage(Channel.PAGER, (Recipient(number),), text), Limits(),
                                        datetime.now(UTC)))
    return mid


def test_the_block_is_framed_with_its_bcc() -> None:
    block = call_block("4711", "Ring växeln")
    assert block == b"\x011\x021\x1f4711\x1e2\x1fRing v\xe4xeln\x03" + bytes([bcc(block[1:-1])])


def test_a_page_over_tcp_arrives_once(outbox: OutboxRepository, receiver: EspaReceiver) -> None:
    port = receiver.serve_tcp()
    mid = queue(outbox, "Åsa Öberg ringde 09:12,\nring 070-111 22 33")
    (result,) = Dispatcher(outbox, {"pager": tcp_transport(port)}).send_due()
    assert (result.id, result.state, result.provider_id) == (mid, "sent", f"espa:{mid}")
    assert receiver.calls == [PagerCall("4711", "Åsa Öberg ringde 09:12, ring 070-111 22 33")]


def test_a_page_over_a_serial_line_arrives_once(tmp_path: Path, outbox: OutboxRepository,
                                               receiver: EspaReceiver) -> None:
    pair = SerialPair(tmp_path)
    try:
        receiver.serve_serial(pair.pager)
        queue(outbox, "Larm: ring 2233", "12")
        transport = EspaTransport(EspaSettings(timeout=2.0), lambda: SerialLink(str(pair.exchange), 9600),
                                  str(pair.exchange))
        (result,) = Dispatcher(outbox, {"pager": transport}).send_due()
    finally:
        receiver.stop()
        pair.stop()
    assert result.state == "sent"
    assert receiver.calls == [PagerCall("12", "Larm: ring 2233")]


def test_a_nakd_block_is_sent_again(outbox: OutboxRepository, receiver: EspaReceiver) -> None:
    receiver.nak_blocks = 2
    port = receiver.serve_tcp()
    queue(outbox, "Ring växeln")
    (result,) = Dispatcher(outbox, {"pager": tcp_transport(port)}).send_due()
    assert (result.state, receiver.blocks_seen, len(receiver.calls)) == ("sent", 3, 1)


def test_a_system_that_keeps_naking_refuses_once_and_the_message_stays(outbox: OutboxRepository,
                                                                      receiver: EspaReceiver) -> None:
    receiver.nak_blocks = 100
    port = receiver.serve_tcp()
    mid = queue(outbox, "Ring växeln")
    dispatcher = Dispatcher(outbox, {"pager": tcp_transport(port)})
    (result,) = dispatcher.send_due()
    assert (result.state, result.reason) == ("failed", f"the paging system at 127.0.0.1:{port} refused the "
                                                       "message 4 times (NAK)")
    assert dispatcher.send_due() == []
    assert receiver.calls == []
    assert outbox.get([mid])[0].text == "Ring växeln"


def test_a_busy_system_is_tried_again_later_and_paged_once(outbox: OutboxRepository,
                                                          receiver: EspaReceiver) -> None:
    receiver.busy = 4  # every selection of the first attempt
    port = receiver.serve_tcp()
    queue(outbox, "Ring växeln")
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"pager": tcp_transport(port)}, clock=lambda: now[0])
    (first,) = dispatcher.send_due()
    assert (first.state, first.reason) == ("queued", f"the paging system at 127.0.0.1:{port} is busy (NAK)")
    now[0] += timedelta(minutes=5)
    (second,) = dispatcher.send_due()
    assert (second.state, second.attempts, len(receiver.calls)) == ("sent", 2, 1)


def test_no_confirmation_is_never_resent(outbox: OutboxRepository, receiver: EspaReceiver) -> None:
    receiver.mute_blocks = 1
    port = receiver.serve_tcp()
    queue(outbox, "Ring växeln")
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"pager": tcp_transport(port, timeout=0.5)}, clock=lambda: now[0])
    (result,) = dispatcher.send_due()
    assert result.state == "failed"
    assert "did not confirm the message; not resent" in result.reason
    now[0] += timedelta(days=1)
    assert dispatcher.send_due() == []
    assert receiver.blocks_seen == 1


def test_a_line_that_cannot_be_opened_is_retried_later(outbox: OutboxRepository, tmp_path: Path) -> None:
    queue(outbox, "Ring växeln")
    missing = tmp_path / "no-such-tty"
    transport = EspaTransport(EspaSettings(), lambda: SerialLink(str(missing), 9600), str(missing))
    (result,) = Dispatcher(outbox, {"pager": transport}).send_due()
    assert result.state == "queued"
    assert result.reason.startswith(f"cannot open the paging system's line {missing}")
