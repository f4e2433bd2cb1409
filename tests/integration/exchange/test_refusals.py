"""Refusals at the exchange's queue against the real Kamailio: a console killed while its pick rings or
busy (486), a console that tries to pick for another operator, requests without credentials, consoles with
wrong SIP credentials. Each gets a clear error and nothing already queued is lost."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable

import pytest

from softphone.exchange.client import PickRefused
from softphone.exchange.model import CallerReturned
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_a_console_killed_while_its_pick_rings_puts_the_caller_back(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(offer_timeout=2.0)
    console = make_console(exchange, "1000", auto_answer=False)
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    exchange.callers(2)
    wait_for(lambda: len(view.ids()) == 2)
    before = [c.id for c in exchange.client("1000").snapshot().callers]

    assert exchange.client("1000").pick("next") == before[0]
    wait_for(lambda: console.find("incoming"))  # it rings at the console...
    console.vanish()  # ...which is killed before it answers
    wait_for(lambda: view.of(CallerReturned))
    assert view.of(CallerReturned) == [CallerReturned(before[0])]
    after = exchange.client("1001").snapshot().callers
    assert [c.id for c in after] == before  # back in its own place, ahead of the later caller
    assert after[0].offered_to is None


def _raw(exchange: Exchange, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", exchange.api_port, timeout=5)
    try:
        connection.request("POST", "/queue/pick", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_a_console_cannot_pick_for_another_operator_nor_without_credentials(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange()
    make_console(exchange, "1001")
    for operator in ("1000", "1001"):
        exchange.client(operator).sign_in()
    view = watch(exchange.client("1002"))
    exchange.callers(1)
    wait_for(lambda: len(view.ids()) == 1)
    (caller_id,) = view.ids()

    # 1000's token presented as 1001: refused, whoever it names
    with pytest.raises(PickRefused) as posing:
        exchange.client("1001", "token-1000").pick(caller_id)
    assert posing.value.kind == "forbidden"
    # 1000's own credentials, asking for the caller to go to 1001: the request names what is wrong
    status, body = _raw(exchange, json.dumps({"id": caller_id, "operator": "1001"}).encode(), {
        "Authorization": "Bearer token-1000", "X-Switchboard-Operator": "1000"})
    assert (status, body["error"]) == (400, "bad_request")
    assert 'unknown field "operator"' in body["message"]
    # no credentials at all, or only half of them
    assert _raw(exchange, b'{"id": "next"}', {})[0] == 403
    assert _raw(exchange, b'{"id": "next"}', {"X-Switchboard-Operator": "1000"})[0] == 403
    assert _raw(exchange, b'{"id": "next"}', {"Authorization": "Bearer token-1000"})[0] == 403
    assert _raw(exchange, b'{"id": "next"}', {"Authorization": "Basic dG9rZW4tMTAwMA==",
                                              "X-Switchboard-Operator": "1000"})[0] == 403

    assert [c.id for c in exchange.client("1002").snapshot().callers] == [caller_id]  # still waiting
    assert view.of(CallerReturned) == []


def test_consoles_with_wrong_sip_credentials_are_not_registered_and_get_no_caller(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    exchange = make_exchange()
    logs = tmp_path_factory.mktemp("consoles")
    wrong = SipPeer("1001", exchange.hostport, log=logs / "wrong.log", auto_answer=True, password="guess")
    stranger = SipPeer("2000", exchange.hostport, log=logs / "stranger.log", auto_answer=True)
    try:
        wait_for(lambda: wrong.find("reg") and stranger.find("reg"))
        assert wrong.find("reg", code=200) is None
        assert stranger.find("reg", code=403) is not None  # not an operator of this exchange
        view = watch(exchange.client("1002"))
        exchange.client("1001").sign_in()  # its API token is right; its phone is not registered
        exchange.callers(1)
        wait_for(lambda: len(view.ids()) == 1)
        with pytest.raises(PickRefused) as refused:
            exchange.client("1001").pick("next")
        assert refused.value.kind == "unreachable"
        assert "console not registered" in refused.value.detail
        assert wrong.find("incoming") is None
        assert len(exchange.client("1002").snapshot().callers) == 1  # still waiting
    finally:
        wrong.stop()
        stranger.stop()


def test_a_busy_console_puts_the_caller_back_at_once(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(offer_timeout=120.0)  # far longer than the test: the 486 alone brings it back
    console = make_console(exchange, "1000", auto_answer=False)
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    exchange.callers(1)
    wait_for(lambda: len(view.ids()) == 1)
    (caller_id,) = view.ids()
    assert exchange.client("1000").pick(caller_id) == caller_id
    wait_for(lambda: console.find("incoming"))
    console.send("answer", code=486)  # full: no room for another call
    wait_for(lambda: view.of(CallerReturned))
    assert view.of(CallerReturned) == [CallerReturned(caller_id)]
    assert exchange.client("1001").snapshot().callers[0].offered_to is None
