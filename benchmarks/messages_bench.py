"""Messages to staff through real gateways: SMS through Kannel and through SMPP, e-mail through SMTP.

For each: messages per second through our stack (outbox written first, then claim -> send -> record per
message, as the window and CLI do) against the same messages sent by a bare client in the same run
(Kannel: plain httpx GETs to sendsms; SMPP: one smpplib bind_transceiver for all of them, as our transport
keeps one session, each submit_sm asking for a receipt and each receipt answered; SMTP: smtplib with STARTTLS
per message), and the time from Send to "sent" for one message (SMPP: on the session already bound).
Gateways: Debian's Kannel (bearerbox + smsbox + fakesmsc), the SMPP 3.4 server protocol fixture
(tests/helpers/smpp_server.py), aiosmtpd with STARTTLS.

Run: `python -m benchmarks.messages_bench [--sms 1000] [--emails 100]` from the repository root.
Prints figures; no assertions.
"""

from __future__ import annotations

import argparse
import smtplib
import ssl
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import smpplib.client  # noqa: E402
import smpplib.smpp  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402

from directory.store import Store, sqlite_url  # noqa: E402
from directory.store.outbox import OutboxRepository  # noqa: E402
from messaging.compose import Limits, outbox_rows  # noqa: E402
from messaging.dispatch import Dispatcher  # noqa: E402
from messaging.model import Channel, Recipient, StaffMessage  # noqa: E402
from messaging.transports.base import MessageTransport  # noqa: E402
from messaging.transports.kannel import KannelConfig, KannelTransport  # noqa: E402
from messaging.transports.smpp import SmppConfig, SmppTransport  # noqa: E402
from messaging.transports.smtp import SmtpConfig, SmtpTransport  # noqa: E402
from tests.helpers.certs import make_server_tls  # noqa: E402
from tests.helpers.kannel import Kannel  # noqa: E402
from tests.helpers.processes import free_port, wait_until  # noqa: E402
from tests.helpers.smpp_server import SmppServer  # noqa: E402

TEXT = "Per Holm (070-123 45 67) ringde kl. 09:12, vänligen ring tillbaka."


def through_stack(directory: Path, channel: Channel, addresses: list[str], transport: MessageTransport) -> float:
    """Seconds to queue and send every address through the outbox and dispatcher."""
    store = Store.open(sqlite_url(directory / f"{channel.value}-{len(addresses)}.sqlite3"))
    try:
        outbox = OutboxRepository(store)
        started = time.perf_counter()
        message = StaffMessage(channel, tuple(Recipient(a) for a in addresses), TEXT, subject="Samtal")
        ids = outbox.enqueue(outbox_rows(message, Limits(), datetime.now(UTC)))
        dispatcher = Dispatcher(outbox, {channel.value: transport})
        for message_id in ids:
            dispatcher.send_one(message_id)
        elapsed = time.perf_counter() - started
        assert {m.state for m in outbox.get(ids)} == {"sent"}
        return elapsed
    finally:
        store.dispose()


def timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def report(name: str, count: int, ours: float, bare: float, one: float) -> None:
    print(f"{name}: {count} messages, ours {count / ours:.0f}/s ({ours:.2f} s), bare client {count / bare:.0f}/s "
          f"({bare:.2f} s), ratio {ours / bare:.2f}; one message Send -> sent {one * 1000:.1f} ms")


def kannel_bench(directory: Path, count: int) -> None:
    (directory / "kannel").mkdir()
    gateway = Kannel(directory / "kannel")
    gateway.start()
    try:
        config = KannelConfig(url=gateway.url, username="switchboard", password=Kannel.PASSWORD, sender="Vaxeln")
        transport = KannelTransport(config)
        numbers = [f"+4670400{i:04d}" for i in range(count)]
        ours = through_stack(directory, Channel.SMS, numbers, transport)
        one = through_stack(directory, Channel.SMS, ["+46704999999"], transport)
        with httpx.Client() as client:
            def bare() -> None:
                for n in numbers:
                    client.get(gateway.url, params={"username": "switchboard", "password": Kannel.PASSWORD,
                                                    "to": n, "from": "Vaxeln", "text": TEXT, "charset": "UTF-8"})
            bare_s = timed(bare)
        transport.close()
        wait_until(lambda: len(gateway.received()) >= 2 * count + 1, timeout=300)
        report("Kannel sendsms", count, ours, bare_s, one)
    finally:
        gateway.stop()


def answered(client: smpplib.client.Client, sent: Any) -> None:
    """Reads until the response to `sent`, answering the receipts that come first, as our transport does."""
    while (pdu := client.read_pdu()).sequence != sent.sequence or not pdu.command.endswith("_resp"):
        if pdu.command == "deliver_sm":
            answer = smpplib.smpp.make_pdu("deliver_sm_resp", client=client)
            answer.sequence = pdu.sequence
            client.send_pdu(answer)


def smpp_bench(directory: Path, count: int) -> None:
    server = SmppServer()
    try:
        transport = SmppTransport(SmppConfig(host="127.0.0.1", port=server.port, system_id="switchboard",
                                             password="smpp-pw", source_addr="Vaxeln"))
        numbers = [f"+4670500{i:04d}" for i in range(count)]
        ours = through_stack(directory, Channel.SMS, numbers, transport)
        one = through_stack(directory, Channel.SMS, ["+46705999999"], transport)

        transport.close()

        def bare() -> None:
            client = smpplib.client.Client("127.0.0.1", server.port, allow_unknown_opt_params=True)
            client.connect()
            client.bind_transceiver(system_id="switchboard", password="smpp-pw")
            for n in numbers:
                answered(client, client.send_message(source_addr="Vaxeln", destination_addr=n.lstrip("+"),
                                                     short_message=TEXT.encode("latin-1"), registered_delivery=1))
            unbind = smpplib.smpp.make_pdu("unbind", client=client)
            client.send_pdu(unbind)
            answered(client, unbind)
            client.disconnect()
        report(f"SMPP 3.4 (protocol fixture; ours bound {transport.binds}x)", count, ours, timed(bare), one)
    finally:
        server.stop()


class _Sink:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 OK"


def smtp_bench(directory: Path, count: int) -> None:
    tls = make_server_tls(directory / "tls")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls.cert, tls.key)
    controller = Controller(_Sink(), hostname="127.0.0.1", port=free_port(), tls_context=context,
                            require_starttls=True)
    controller.start()
    try:
        config = SmtpConfig(host="127.0.0.1", port=controller.port, from_address="vaxeln@example.se",
                            ca_file=str(tls.ca))
        transport = SmtpTransport(config)
        addresses = [f"person{i}@example.se" for i in range(count)]
        ours = through_stack(directory, Channel.EMAIL, addresses, transport)
        one = through_stack(directory, Channel.EMAIL, ["one@example.se"], transport)

        def bare() -> None:
            for address in addresses:
                with smtplib.SMTP("127.0.0.1", controller.port) as client:
                    client.starttls(context=ssl.create_default_context(cafile=str(tls.ca)))
                    client.sendmail("vaxeln@example.se", [address], f"Subject: Samtal\r\n\r\n{TEXT}".encode())
        report("SMTP with STARTTLS (aiosmtpd)", count, ours, timed(bare), one)
    finally:
        controller.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sms", type=int, default=1000, help="SMS per gateway")
    parser.add_argument("--emails", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        kannel_bench(directory, args.sms)
        smpp_bench(directory, args.sms)
        smtp_bench(directory, args.emails)


if __name__ == "__main__":
    main()
