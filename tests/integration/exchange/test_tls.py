"""The exchange's queue over TLS: the API as HTTPS (Kamailio's tls module) and the event stream through
stunnel, against the real Kamailio with the shipped configuration; the console's client verifies the
exchange's certificate against a CA file."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from softphone.exchange.client import PickRefused
from softphone.exchange.model import CallerLeft, ConnectionChanged
from softphone.exchange.transport import UntrustedError
from tests.helpers.certs import make_ca, make_server_tls
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_list_pick_and_events_over_tls(make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
                                       watch: Callable[..., QueueView], tmp_path: Path) -> None:
    exchange = make_exchange(tls=make_server_tls(tmp_path / "tls"))
    assert exchange.url.startswith("https://")
    console = make_console(exchange, "1000")
    view = watch(exchange.client("1001"))  # events over TLS, the certificate checked against the CA file
    exchange.client("1000").sign_in()
    exchange.callers(2)
    wait_for(lambda: len(view.ids()) == 2)
    listed = exchange.client("1000").snapshot().callers
    assert {c.id for c in listed} == view.ids()

    assert exchange.client("1000").pick(listed[0].id) == listed[0].id
    wait_for(lambda: CallerLeft(listed[0].id, "picked", "1000") in view.of(CallerLeft))
    wait_for(lambda: console.find("call_state", state="CONFIRMED"))

    # neither listener speaks plain text: the API is HTTPS only, the event stream TLS only
    with socket.create_connection(("127.0.0.1", exchange.api_port), timeout=5) as plain:
        plain.sendall(b"GET /queue HTTP/1.1\r\nHost: x\r\n\r\n")
        assert not plain.recv(100).startswith(b"HTTP/")


def test_a_console_with_the_wrong_ca_is_refused_with_a_clear_error(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView], tmp_path: Path) -> None:
    exchange = make_exchange(tls=make_server_tls(tmp_path / "tls"))
    other_ca, _key = make_ca(tmp_path / "other", name="Some Other CA")
    client = exchange.client("1000", ca_file=str(other_ca))

    with pytest.raises(PickRefused) as refused:
        client.snapshot()
    assert refused.value.kind == "untrusted"
    assert "the exchange's certificate is not trusted" in refused.value.detail
    assert str(other_ca) in refused.value.detail
    assert "[exchange] ca_file" in refused.value.detail

    # the system's CAs do not know a private CA either
    with pytest.raises(PickRefused) as system:
        exchange.client("1000", ca_file="").snapshot()
    assert system.value.kind == "untrusted"
    assert "the system's CAs" in system.value.detail

    # the event stream's own TLS (stunnel) is checked too
    with pytest.raises(UntrustedError, match="the exchange's certificate is not trusted"):
        client.stream_socket(exchange.events_port, 5.0)

    # a watcher with the wrong CA says why and hears nothing
    view = QueueView()
    watcher = client.watch(view)
    try:
        wait_for(lambda: view.of(ConnectionChanged))
        (down,) = view.of(ConnectionChanged)
        assert not down.up
        assert "the exchange's certificate is not trusted" in down.detail
    finally:
        watcher.stop()
    assert exchange.client("1000").snapshot().callers == ()  # the right CA still works
