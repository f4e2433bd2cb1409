"""Fixtures for softphone integration tests: Kamailio on loopback, the console phone, peer processes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.model import PhoneEvent
from softphone.settings import AccountSettings, AudioSettings, PhoneSettings, Transport
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp
from tests.helpers.sip_peer import SipPeer

CONSOLE_USER = "1000"


class Recorder:
    """Collects a phone's events."""

    def __init__(self) -> None:
        self.events: list[PhoneEvent] = []

    def __call__(self, event: PhoneEvent) -> None:
        self.events.append(event)


def pump_until(phone: Phone, predicate: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        phone.pump()
        if predicate():
            return
        time.sleep(0.005)
    raise TimeoutError(f"condition not met within {timeout} s")


def pump_for(phone: Phone, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        phone.pump()
        time.sleep(0.005)


def console_settings(kamailio: Kamailio, **overrides: object) -> PhoneSettings:
    """The console's phone at the test Kamailio. ``overrides`` are `[sip]` keys or, like ``password``
    (the secret itself here), `PhoneSettings` fields."""
    account: dict[str, object] = {
        "user": CONSOLE_USER, "domain": "127.0.0.1", "registrar": kamailio.hostport,
        "bind_address": "127.0.0.1", "register_expiry": 60, "rtp_timeout": 3.0, "transport": Transport.UDP,
    }
    runtime: dict[str, object] = {"password": f"pw{CONSOLE_USER}", "retry_initial_s": 0.5, "retry_max_s": 2.0}
    for key, value in overrides.items():
        (runtime if key == "password" or key not in AccountSettings.model_fields else account)[key] = value
    return PhoneSettings(AccountSettings.model_validate(account),
                         AudioSettings(null_device=True, codecs=("PCMU/8000",)), **runtime)  # type: ignore[arg-type]


@pytest.fixture
def kamailio(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Kamailio]:
    """Kamailio on loopback; a test may pass its options indirectly, e.g. {"tcp_switch": True}."""
    server = Kamailio(tmp_path / "kamailio", **getattr(request, "param", {}))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def make_phone() -> Iterator[Callable[[PhoneSettings], tuple[Phone, Recorder]]]:
    phones: list[Phone] = []

    def make(settings: PhoneSettings) -> tuple[Phone, Recorder]:
        phone = Phone(settings)
        recorder = Recorder()
        phone.add_listener(recorder)
        phone.start()
        phones.append(phone)
        return phone, recorder

    yield make
    for phone in phones:
        phone.shutdown()


@pytest.fixture
def console(kamailio: Kamailio, make_phone: Callable[[PhoneSettings], tuple[Phone, Recorder]]
            ) -> tuple[Phone, Recorder]:
    phone, recorder = make_phone(console_settings(kamailio))
    pump_until(phone, lambda: phone.registration.registered)
    return phone, recorder


@pytest.fixture
def make_peer(kamailio: Kamailio, tmp_path: Path) -> Iterator[Callable[..., SipPeer]]:
    peers: list[SipPeer] = []

    def make(user: str, *, auto_answer: bool = False, srtp: str = "off") -> SipPeer:
        peer = SipPeer(user, kamailio.hostport, log=tmp_path / f"peer-{user}.log", auto_answer=auto_answer,
                       srtp=srtp)
        peers.append(peer)
        return peer

    yield make
    for peer in peers:
        peer.stop()


def wait_peer(phone: Phone, peer: SipPeer, event: str, timeout: float = 10.0, after: int = 0,
              **fields: object) -> dict[str, object]:
    """Pump the console while waiting for a peer event (the console must keep answering SIP)."""
    found: list[dict[str, object]] = []

    def seen() -> bool:
        item = peer.find(event, after, **fields)
        if item is not None:
            found.append(item)
        return item is not None

    try:
        pump_until(phone, seen, timeout)
    except TimeoutError:
        raise TimeoutError(f"peer {peer.user} never sent {event} {fields}; it sent {peer.drain()[after:]}") from None
    return found[0]


@pytest.fixture
def raw() -> Iterator[Callable[[str], RawUdp]]:
    """Raw UDP sockets bound to a loopback host of the test's choice (127.0.0.2: a host the console does not
    trust), for hand-made datagrams; closed after the test."""
    sockets: list[RawUdp] = []

    def make(host: str = "127.0.0.1") -> RawUdp:
        sockets.append(RawUdp(host))
        return sockets[-1]

    yield make
    for sock in sockets:
        sock.close()
