"""E-mail end to end through a real SMTP server (aiosmtpd) on loopback: STARTTLS and TLS with a verified
certificate, an untrusted certificate refused, a refused recipient, a server that is down then up."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any, Literal

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.base import Outgoing, RefusedError
from messaging.transports.smtp import SmtpConfig, SmtpTransport
from tests.helpers.certs import make_server_tls
from tests.helpers.processes import free_port
from tests.helpers.slapd import TlsFiles

pytestmark = pytest.mark.integration


class Mailbox:
    """aiosmtpd handler keeping what it received; refuses recipients at refused.example.se."""

    def __init__(self) -> None:
        self.mails: list[tuple[list[str], Message]] = []

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          options: list[str]) -> str:
        if address.endswith("@refused.example.se"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.mails.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_server_tls(tmp_path_factory.mktemp("smtp-tls"))


def server_context(tls: TlsFiles) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls.cert, tls.key)
    return context


def start(mailbox: Mailbox, tls: TlsFiles, *, implicit: bool, port: int | None = None) -> Controller:
    kwargs: dict[str, Any] = ({"ssl_context": server_context(tls)} if implicit else
                              {"tls_context": server_context(tls), "require_starttls": True})
    controller = Controller(mailbox, hostname="127.0.0.1", port=port or free_port(), **kwargs)
    controller.start()
    return controller


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


def config(port: int, tls: TlsFiles, security: Literal["starttls", "tls"] = "starttls",
           ca: str | None = None) -> SmtpConfig:
    return SmtpConfig(host="127.0.0.1", port=port, from_address="vaxeln@example.se", security=security,
                      ca_file=str(tls.ca) if ca is None else ca, timeout=5)


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_an_email_arrives_once_with_its_headers(outbox: OutboxRepository, tls: TlsFiles,
                                                security: Literal["starttls", "tls"]) -> None:
    mailbox = Mailbox()
    server = start(mailbox, tls, implicit=security == "tls")
    try:
        message = StaffMessage(Channel.EMAIL, (Recipient("asa.oberg@example.se", "Åsa Öberg"),),
                               "Per Holm (070-123 45 67) ringde kl. 09:12, vänligen ring tillbaka.",
                               subject="Samtal från Per Holm", sender="olle")
        ids = outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))
        dispatcher = Dispatcher(outbox, {"email": SmtpTransport(config(server.port, tls, security))})
        (result,) = dispatcher.send_due()
        assert dispatcher.send_due() == []
    finally:
        server.stop()
    assert (result.id, result.state) == (ids[0], "sent")
    ((rcpt, mail),) = mailbox.mails
    assert rcpt == ["asa.oberg@example.se"]
    assert mail["To"] == "=?utf-8?q?=C3=85sa_=C3=96berg?= <asa.oberg@example.se>"
    assert mail["Message-ID"] == result.provider_id
    assert f"outbox-{ids[0]}" in result.provider_id
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert "vänligen ring tillbaka" in payload.decode("utf-8")


def test_an_untrusted_certificate_is_refused_and_nothing_sent(outbox: OutboxRepository, tls: TlsFiles) -> None:
    mailbox = Mailbox()
    server = start(mailbox, tls, implicit=False)
    try:
        outbox.enqueue(outbox_rows(StaffMessage(Channel.EMAIL, (Recipient("a@example.se"),), "Hej"), Limits(),
                                   datetime.now(UTC)))
        (result,) = Dispatcher(outbox, {"email": SmtpTransport(config(server.port, tls, ca=""))}).send_due()
    finally:
        server.stop()
    assert result.state == "failed"
    assert "certificate of the mail server 127.0.0.1" in result.reason
    assert mailbox.mails == []


def test_a_refused_recipient_fails_with_the_servers_words(tls: TlsFiles) -> None:
    mailbox = Mailbox()
    server = start(mailbox, tls, implicit=False)
    try:
        with pytest.raises(RefusedError, match=r"refused nobody@refused\.example\.se: 550 5\.1\.1 No such user"):
            SmtpTransport(config(server.port, tls)).send(Outgoing(1, "nobody@refused.example.se", "Hej"))
    finally:
        server.stop()


def test_a_header_with_a_line_break_never_reaches_the_server(tls: TlsFiles) -> None:
    mailbox = Mailbox()
    server = start(mailbox, tls, implicit=False)
    try:
        with pytest.raises(RefusedError, match="cannot be built"):
            SmtpTransport(config(server.port, tls)).send(
                Outgoing(1, "a@example.se", "Hej", subject="Hi\r\nBcc: all@example.se"))
    finally:
        server.stop()
    assert mailbox.mails == []


def test_server_down_then_up_sends_once(outbox: OutboxRepository, tls: TlsFiles) -> None:
    port = free_port()
    now = [datetime.now(UTC)]
    outbox.enqueue(outbox_rows(StaffMessage(Channel.EMAIL, (Recipient("a@example.se"),), "Hej"), Limits(), now[0]))
    dispatcher = Dispatcher(outbox, {"email": SmtpTransport(config(port, tls))}, clock=lambda: now[0])
    (first,) = dispatcher.send_due()
    assert (first.state, first.attempts) == ("queued", 1)
    assert f"cannot reach the mail server 127.0.0.1:{port}" in first.reason
    mailbox = Mailbox()
    server = start(mailbox, tls, implicit=False, port=port)
    try:
        now[0] += timedelta(minutes=5)
        (second,) = dispatcher.send_due()
        assert dispatcher.send_due() == []
    finally:
        server.stop()
    assert (second.state, second.attempts, len(mailbox.mails)) == ("sent", 2, 1)
