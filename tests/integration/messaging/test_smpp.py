"""SMS over SMPP 3.4 to the SMPP server protocol fixture (tests/helpers/smpp_server.py, written from the
specification): GSM 03.38 with extension characters, UCS-2, long texts as concatenated parts, a refused
number and a refused bind failing once, the SMSC down then up (sent once), a group of 200. One transceiver
session serves a group; a session the SMSC dropped or that stopped answering is replaced before a message is
written (sent once); delivery receipts (delivered and failed, by TLV and by Appendix B text) reach the outbox,
whether they come while a message is sent or between sends; the SMSC's own enquire_link is answered; a part
the SMSC is too busy for is submitted again, and a message it stays too busy for is retried later, sent once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.smpp import SmppConfig, SmppTransport
from tests.helpers.processes import free_port, wait_until
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


@pytest.fixture
def transport() -> Iterator[Callable[..., SmppTransport]]:
    """Makes transports to a port (closed, so unbound, after the test)."""
    made: list[SmppTransport] = []

    def make(port: int, password: str = "smpp-pw", on_report: Callable[[str, str], None] | None = None,
             **config: Any) -> SmppTransport:
        settings = {"source_addr": "Vaxeln", "timeout": 5.0, **config}
        made.append(SmppTransport(SmppConfig(host="127.0.0.1", port=port, system_id="switchboard", password=password,
                                                **settings), on_report))
        return made[-1]

    yield make
    for t in made:
        t.close()


class Wired:
    """A transport whose receipts go to its dispatcher, as the window wires them (there through a Qt signal
    to the database worker; here on the thread that read them)."""

    def __init__(self, make: Callable[..., SmppTransport], port: int, outbox: OutboxRepository,
                 **config: Any) -> None:
        self.receipts: list[tuple[str, str]] = []
        self.transport = make(port, on_report=self._on_report, **config)
        self.dispatcher = Dispatcher(outbox, {"sms": self.transport})
        self.outbox = outbox

    def _on_report(self, provider_id: str, outcome: str) -> None:
        self.receipts.append((provider_id, outcome))
        self.dispatcher.record_receipt(provider_id, outcome)

    def states(self, ids: list[int]) -> list[str]:
        return [m.state for m in self.outbox.get(ids)]

    def poll_until(self, ids: list[int], expected: list[str]) -> None:
        """Polls the session for receipts (as the window's timer does) until the messages are in these states."""
        def settled() -> bool:
            self.transport.poll_reports()
            return self.states(ids) == expected

        wait_until(settled)

    def poll_until_receipts(self, count: int) -> None:
        """Polls until `count` receipts have come (some may come after the states they decide)."""
        def come() -> bool:
            self.transport.poll_reports()
            return len(self.receipts) >= count

        wait_until(come)


def queue(outbox: OutboxRepository, text: str, *numbers: str) -> list[int]:
    message = StaffMessage(Channel.SMS, tuple(Recipient(n) for n in numbers), text)
    return outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))


@pytest.mark.parametrize(("text", "coding", "parts"), [
    ("Åsa Öberg ringde, pris 100 € [akut]", 0, 1),
    ("Позвоните в коммутатор 😀", 8, 1),
    ("Ring växeln om mötet {€} " * 20, 0, 4),  # 500 septets (extension characters count twice)
    ("Срочно позвоните. " * 10, 8, 3),
])
def test_texts_arrive_whole_in_the_right_encoding(smsc: SmppServer, outbox: OutboxRepository,
                                                  transport: Callable[..., SmppTransport], text: str, coding: int,
                                                  parts: int) -> None:
    (mid,) = queue(outbox, text, "+46701000010")
    (result,) = Dispatcher(outbox, {"sms": transport(smsc.port)}).send_due()
    assert (result.id, result.state) == (mid, "sent")
    assert result.provider_id == ",".join(f"smsc-{n}" for n in range(1, parts + 1))
    assert {s.data_coding for s in smsc.submitted} == {coding}
    assert {(s.source_addr, s.registered_delivery) for s in smsc.submitted} == {("Vaxeln", 1)}
    assert len(smsc.submitted) == parts
    assert smsc.texts() == {"46701000010": [text]}


def test_a_refused_number_fails_once_with_the_smscs_words(smsc: SmppServer, outbox: OutboxRepository,
                                                          transport: Callable[..., SmppTransport]) -> None:
    smsc.refused.add("46701000011")
    queue(outbox, "Hej", "+46701000011")
    dispatcher = Dispatcher(outbox, {"sms": transport(smsc.port)})
    (result,) = dispatcher.send_due()
    assert result.state == "failed"
    assert result.reason.startswith(f"the SMSC 127.0.0.1:{smsc.port} refused the message: 0x0000000b")
    assert dispatcher.send_due() == []


def test_a_refused_bind_fails_naming_it(smsc: SmppServer, outbox: OutboxRepository,
                                        transport: Callable[..., SmppTransport]) -> None:
    queue(outbox, "Hej", "+46701000012")
    (result,) = Dispatcher(outbox, {"sms": transport(smsc.port, password="wrong")}).send_due()
    assert result.state == "failed"
    assert result.reason.startswith(f"the SMSC 127.0.0.1:{smsc.port} refused the bind")
    assert smsc.submitted == []


def test_smsc_down_then_up_sends_once(outbox: OutboxRepository, transport: Callable[..., SmppTransport]) -> None:
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


def test_a_group_of_200(smsc: SmppServer, outbox: OutboxRepository,
                        transport: Callable[..., SmppTransport]) -> None:
    numbers = [f"+4670300{i:04d}" for i in range(200)]
    queue(outbox, "Övning kl. 14", *numbers)
    sent = Dispatcher(outbox, {"sms": transport(smsc.port)}).send_due(limit=1000)
    assert [m.state for m in sent] == ["sent"] * 200
    assert sorted(smsc.texts()) == sorted(n.lstrip("+") for n in numbers)


@pytest.mark.parametrize("tlvs", [True, False], ids=["tlvs", "text-only"])
def test_receipts_delivered_and_failed_reach_the_outbox(smsc: SmppServer, outbox: OutboxRepository,
                                                        transport: Callable[..., SmppTransport], tlvs: bool) -> None:
    smsc.receipt_tlvs = tlvs  # without them the Appendix B text is all there is
    smsc.receipt_stat.update({"46701000021": "UNDELIV", "46701000022": "EXPIRED"})
    ids = queue(outbox, "Ring växeln", "+46701000020", "+46701000021", "+46701000022")
    wired = Wired(transport, smsc.port, outbox)
    assert [m.state for m in wired.dispatcher.send_due()] == ["sent"] * 3
    wired.poll_until(ids, ["delivered", "failed", "failed"])
    assert wired.receipts == [("smsc-1", "delivered"), ("smsc-2", "failed"), ("smsc-3", "failed")]
    delivered, undelivered, expired = outbox.get(ids)
    assert delivered.delivered_at is not None
    assert undelivered.reason == expired.reason == "the gateway reports the message was not delivered"
    wait_until(lambda: len(smsc.acknowledged) == 3)  # every receipt answered with deliver_sm_resp


def test_a_long_text_is_delivered_when_its_first_part_is(smsc: SmppServer, outbox: OutboxRepository,
                                                         transport: Callable[..., SmppTransport]) -> None:
    # Part 1's receipt comes while part 2 is sent, before the outbox has the ids: it is kept until they are.
    (mid,) = queue(outbox, "Ring växeln om mötet i morgon. " * 12, "+46701000023")
    wired = Wired(transport, smsc.port, outbox)
    (sent,) = wired.dispatcher.send_due()
    assert sent.provider_id == "smsc-1,smsc-2,smsc-3"
    wired.poll_until([mid], ["delivered"])
    wired.poll_until_receipts(3)
    assert wired.receipts == [("smsc-1", "delivered"), ("smsc-2", "delivered"), ("smsc-3", "delivered")]


def test_one_session_carries_a_group_and_reads_receipts_while_sending(
        smsc: SmppServer, outbox: OutboxRepository, transport: Callable[..., SmppTransport]) -> None:
    ids = queue(outbox, "Övning kl. 14", *(f"+4670310{i:04d}" for i in range(50)))
    wired = Wired(transport, smsc.port, outbox)
    wired.dispatcher.send_due(limit=100)
    assert smsc.binds == ["bind_transceiver"]
    assert len(smsc.submitted) == 50
    # Each receipt came right after its submit_sm_resp, so it was read while the next message waited for its
    # own: all but the last are recorded without a poll.
    assert wired.states(ids) == ["delivered"] * 49 + ["sent"]
    wired.poll_until(ids, ["delivered"] * 50)
    wired.transport.close()
    wait_until(lambda: smsc.sessions == [])  # unbound
    assert smsc.binds == ["bind_transceiver"]


@pytest.mark.parametrize("check_after", [0.0, 30.0], ids=["checked-with-enquire-link", "recently-used"])
def test_a_session_the_smsc_dropped_is_replaced_and_the_message_sent_once(
        smsc: SmppServer, outbox: OutboxRepository, transport: Callable[..., SmppTransport],
        check_after: float) -> None:
    wired = Wired(transport, smsc.port, outbox, check_after=check_after)
    (first,) = queue(outbox, "Första", "+46701000024")
    wired.dispatcher.send_due()
    smsc.drop_sessions()
    (second,) = queue(outbox, "Andra", "+46701000025")
    (result,) = wired.dispatcher.send_due()
    assert (result.id, result.state, result.attempts) == (second, "sent", 1)
    assert smsc.binds == ["bind_transceiver"] * 2
    assert smsc.texts() == {"46701000024": ["Första"], "46701000025": ["Andra"]}
    wired.poll_until([first, second], ["delivered", "delivered"])


def test_a_session_that_stopped_answering_is_replaced_and_the_message_sent_once(
        smsc: SmppServer, outbox: OutboxRepository, transport: Callable[..., SmppTransport]) -> None:
    # Quiet for check_after (0 here): it must answer an enquire_link within the timeout before it is used.
    wired = Wired(transport, smsc.port, outbox, check_after=0.0, timeout=1.0)
    queue(outbox, "Första", "+46701000026")
    wired.dispatcher.send_due()
    smsc.hang_sessions()
    (second,) = queue(outbox, "Andra", "+46701000027")
    (result,) = wired.dispatcher.send_due()
    assert (result.id, result.state, result.attempts) == (second, "sent", 1)
    assert smsc.binds == ["bind_transceiver"] * 2
    assert smsc.texts() == {"46701000026": ["Första"], "46701000027": ["Andra"]}


def test_receipts_between_sends_are_read_by_polling(smsc: SmppServer, outbox: OutboxRepository,
                                                    transport: Callable[..., SmppTransport]) -> None:
    smsc.hold_receipts = True
    ids = queue(outbox, "Ring växeln", "+46701000028", "+46701000029")
    wired = Wired(transport, smsc.port, outbox)
    wired.dispatcher.send_due()
    assert wired.transport.poll_reports() == []
    assert wired.states(ids) == ["sent", "sent"]
    assert smsc.release_receipts() == 2
    wired.poll_until(ids, ["delivered", "delivered"])
    wait_until(lambda: len(smsc.acknowledged) == 2)
    assert smsc.binds == ["bind_transceiver"]


def test_the_smscs_enquire_link_is_answered_and_the_session_kept(
        smsc: SmppServer, outbox: OutboxRepository, transport: Callable[..., SmppTransport]) -> None:
    wired = Wired(transport, smsc.port, outbox)
    queue(outbox, "Första", "+46701000030")
    wired.dispatcher.send_due()
    assert smsc.enquire_sessions() == 1

    def answered() -> bool:
        wired.transport.poll_reports()
        return smsc.enquire_link_resps == 1

    wait_until(answered)
    queue(outbox, "Andra", "+46701000031")
    assert [m.state for m in wired.dispatcher.send_due()] == ["sent"]
    assert smsc.binds == ["bind_transceiver"]


def test_a_part_the_smsc_is_too_busy_for_is_submitted_again(smsc: SmppServer, outbox: OutboxRepository,
                                                            transport: Callable[..., SmppTransport]) -> None:
    (mid,) = queue(outbox, "Ring växeln om mötet i morgon. " * 6, "+46701000032")
    dispatcher = Dispatcher(outbox, {"sms": transport(smsc.port)})
    dispatcher.send_due()
    smsc.throttled = 2  # the second message's first part, twice
    (second,) = queue(outbox, "Ring växeln om mötet i morgon. " * 6, "+46701000033")
    (result,) = dispatcher.send_due()
    assert (result.id, result.state, result.provider_id) == (second, "sent", "smsc-3,smsc-4")
    assert smsc.texts() == {"46701000032": ["Ring växeln om mötet i morgon. " * 6],
                            "46701000033": ["Ring växeln om mötet i morgon. " * 6]}
    assert outbox.get([mid])[0].state == "sent"


def test_a_message_the_smsc_stays_too_busy_for_is_retried_later_and_sent_once(
        smsc: SmppServer, outbox: OutboxRepository, transport: Callable[..., SmppTransport]) -> None:
    (mid,) = queue(outbox, "Ring växeln", "+46701000034")
    now = [datetime.now(UTC)]
    dispatcher = Dispatcher(outbox, {"sms": transport(smsc.port)}, clock=lambda: now[0])
    smsc.throttled = len(SmppTransport.BUSY_PAUSES) + 1
    (first,) = dispatcher.send_due()
    assert (first.state, first.reason) == ("queued", f"the SMSC 127.0.0.1:{smsc.port} is too busy to take the "
                                                     "message (0x00000058 Throttling error (ESME has exceeded allowed "
                                                     "message limits)); it is tried again later")
    assert smsc.submitted == []
    now[0] += timedelta(minutes=5)
    (second,) = dispatcher.send_due()
    assert (second.id, second.state, second.attempts, len(smsc.submitted)) == (mid, "sent", 2, 1)
