"""Busy lamps against real Kamailio presence: pjsua2 peers call each other, the BLF client follows the callee."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from softphone.blf import BlfAccount, BlfClient, LineActivity, LineChanged, SubscriptionFailed
from tests.helpers.kamailio_presence import PresenceKamailio
from tests.helpers.processes import wait_until
from tests.helpers.sip_peer import SipPeer

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[PresenceKamailio]:  # replaces conftest's plain one for make_peer
    server = PresenceKamailio(tmp_path / "kamailio")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def blf(kamailio: PresenceKamailio) -> Iterator[Callable[..., BlfClient]]:
    clients: list[BlfClient] = []

    def make(password: str = "pw1000", expires_s: int = 600, bind_address: str = "127.0.0.1") -> BlfClient:
        client = BlfClient(BlfAccount("1000", "127.0.0.1", kamailio.hostport, password=password,
                                      expires_s=expires_s, bind_address=bind_address))
        client.start()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.stop()


def wait_line(client: BlfClient, seen: list[LineChanged], activity: LineActivity, timeout: float = 5.0) -> float:
    """Collect events until a new one reports ``activity``; returns the seconds it took. The deadline is
    generous on purpose: NOTIFYs arrive within ~10 ms on a quiet machine, but CI runs two test workers on
    two cores, and a timing target belongs in a benchmark, not in an assertion."""
    start, after = time.monotonic(), len(seen)

    def arrived() -> bool:
        seen.extend(e for e in client.drain() if isinstance(e, LineChanged))
        return any(e.activity is activity for e in seen[after:])

    try:
        wait_until(arrived, timeout=timeout, interval=0.005)
    except TimeoutError:
        raise TimeoutError(f"never saw {activity}; saw {[e.activity for e in seen]}") from None
    return time.monotonic() - start


def test_blf_follows_a_call_ringing_confirmed_terminated(kamailio: PresenceKamailio,
                                                         make_peer: Callable[..., SipPeer],
                                                         blf: Callable[..., BlfClient]) -> None:
    caller, callee = make_peer("1001"), make_peer("1002")
    for peer in (caller, callee):
        wait_until(lambda peer=peer: peer.find("reg", code=200) is not None)  # type: ignore[misc]
    client = blf()
    client.watch("1002")
    seen: list[LineChanged] = []
    wait_line(client, seen, LineActivity.IDLE, timeout=5)  # the first NOTIFY: nothing going on

    caller.send("call", uri="sip:1002@127.0.0.1")
    wait_until(lambda: callee.find("incoming") is not None)
    wait_line(client, seen, LineActivity.RINGING)
    ringing = next(e for e in seen if e.activity is LineActivity.RINGING)
    assert all(d.incoming for d in ringing.dialogs)
    callee.send("answer")
    wait_until(lambda: callee.find("call_state", state="CONFIRMED") is not None, timeout=10)
    wait_line(client, seen, LineActivity.BUSY, timeout=10)
    caller.send("hangup")
    wait_line(client, seen, LineActivity.IDLE, timeout=10)
    assert [e.activity for e in seen] == [LineActivity.IDLE, LineActivity.RINGING, LineActivity.BUSY,
                                          LineActivity.IDLE]
    assert all(e.target == "1002" for e in seen)


def test_wrong_password_is_reported(kamailio: PresenceKamailio, blf: Callable[..., BlfClient]) -> None:
    client = blf(password="wrong")
    client.watch("1002")
    failures: list[SubscriptionFailed] = []

    def refused() -> bool:
        failures.extend(e for e in client.drain() if isinstance(e, SubscriptionFailed))
        return bool(failures)

    wait_until(refused, timeout=5)
    assert failures[0].status in (403, 407)


def test_short_subscriptions_are_refreshed_before_they_lapse(kamailio: PresenceKamailio,
                                                            make_peer: Callable[..., SipPeer],
                                                            blf: Callable[..., BlfClient]) -> None:
    caller, callee = make_peer("1001"), make_peer("1002")
    client = blf(expires_s=2)
    client.watch("1002")
    seen: list[LineChanged] = []
    wait_line(client, seen, LineActivity.IDLE, timeout=5)
    time.sleep(3.5)  # past the 2 s lifetime: without a refresh Kamailio ends the subscription
    for peer in (caller, callee):
        wait_until(lambda peer=peer: peer.find("reg", code=200) is not None)  # type: ignore[misc]
    caller.send("call", uri="sip:1002@127.0.0.1")
    wait_until(lambda: callee.find("incoming") is not None, timeout=10)
    wait_line(client, seen, LineActivity.RINGING, timeout=10)
    assert LineActivity.UNKNOWN not in [e.activity for e in seen]
    caller.send("hangup")
    # The lamp follows the call's end, which on a loaded CI machine can take seconds (CANCEL waits for the
    # callee's provisional answer): wait for the end itself, then for the lamp, each with room to spare.
    wait_until(lambda: caller.find("call_state", state="DISCONNECTED") is not None, timeout=15)
    wait_line(client, seen, LineActivity.IDLE, timeout=10)


HOSTILE = [
    b"", b"\x00" * 100, b"garbage\r\n\r\n", b"SIP/2.0 200 OK\r\nCSeq: x\r\n\r\n",
    b"NOTIFY sip:1000@127.0.0.1 SIP/2.0\r\nCall-ID: nobody\r\nEvent: dialog\r\nCSeq: 1 NOTIFY\r\n\r\n",
    b"NOTIFY sip:1000@127.0.0.1 SIP/2.0\r\nCall-ID: x\r\nEvent: dialog\r\nContent-Length: 99999\r\n\r\n"
    + b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><dialog-info>' + b"&a;" * 15000 + b"</dialog-info>",
    b"OPTIONS sip:1000@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1\r\nCSeq: 1 OPTIONS\r\n\r\n",
]


def test_hostile_datagrams_do_not_stop_the_client(kamailio: PresenceKamailio, make_peer: Callable[..., SipPeer],
                                                  blf: Callable[..., BlfClient]) -> None:
    caller, callee = make_peer("1001"), make_peer("1002")
    client = blf(bind_address="")  # all interfaces: Via and Contact still name the address the proxy sees
    client.watch("1002")
    seen: list[LineChanged] = []
    wait_line(client, seen, LineActivity.IDLE, timeout=5)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as attacker:
        for data in HOSTILE:
            attacker.sendto(data, ("127.0.0.1", client.port))
    for peer in (caller, callee):
        wait_until(lambda peer=peer: peer.find("reg", code=200) is not None)  # type: ignore[misc]
    caller.send("call", uri="sip:1002@127.0.0.1")
    wait_line(client, seen, LineActivity.RINGING)
    caller.send("hangup")
    wait_line(client, seen, LineActivity.IDLE)
