"""Floods from one address against the real Kamailio: the API answers 429 past api_rate_limit and the
queue keeps serving every other console; calls to the switchboard numbers past invite_rate_limit from one
address are refused with 503 before they are held, while callers from elsewhere still join."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from softphone.exchange.model import CallerJoined, CallerLeft
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import ApiFlood, QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]

FLOODER = "127.0.0.2"  # another host as far as the exchange is concerned; the consoles are on 127.0.0.1


def test_an_api_flood_from_one_address_is_refused_and_other_consoles_list_and_pick(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(api_rate_limit=20)
    console = make_console(exchange, "1000")
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    exchange.callers(3)
    wait_for(lambda: len(view.ids()) == 3)

    # a console with a valid token gone wild (the worst case: every request passes the token check)
    flood = ApiFlood(exchange.api_port, source=FLOODER, operator="1002", token="token-1002").start()
    try:
        wait_for(lambda: flood.statuses[429] >= 50)
        listed = exchange.client("1000").snapshot().callers  # from 127.0.0.1: served meanwhile
        assert len(listed) == 3
        assert exchange.client("1000").pick(listed[0].id) == listed[0].id
        wait_for(lambda: CallerLeft(listed[0].id, "picked", "1000") in view.of(CallerLeft))
        wait_for(lambda: console.find("call_state", state="CONFIRMED"))
        assert flood.running()  # all of that while the flood went on
    finally:
        flood.stop()
    assert set(flood.statuses) <= {200, 429}
    assert flood.statuses[200] >= 1
    refusal = json.loads(flood.bodies[0])
    assert refusal["error"] == "rate_limited"
    assert f"more than 20 requests a second from {FLOODER}" in refusal["message"]
    assert len(exchange.client("1001").snapshot().callers) == 2  # nothing queued was lost


def test_a_call_flood_from_one_address_is_refused_and_other_callers_still_join(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(invite_rate_limit=5)
    view = watch(exchange.client("1000"))
    # 60 callers within a fraction of a second, each giving up after 3 s if it was held at all
    flood = exchange.callers(60, scenario="hangup.xml", number="100", rate=300, pause_ms=3000, source=FLOODER,
                             log_name="flood")
    assert flood.wait(timeout=60) != 0  # the refused ones count as failed calls
    joined = [e.caller.id for e in view.of(CallerJoined)]
    assert 1 <= len(joined) < 60
    refused = (exchange.workdir / "flood.err").read_text(errors="replace")
    assert "SIP/2.0 503 Too many calls from your address" in refused
    assert "Retry-After: 1" in refused
    wait_for(lambda: {e.id for e in view.of(CallerLeft) if e.reason == "abandoned"} == set(joined))

    exchange.callers(1, number="200", log_name="other")  # another address (127.0.0.1): joins as ever
    wait_for(lambda: any(c.dialled == "200" for c in exchange.client("1000").snapshot().callers))
