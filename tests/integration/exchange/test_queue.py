"""The exchange's queue against a real Kamailio with the shipped configuration: sipp callers, pjsua2
consoles, the client library (softphone.exchange) as the window uses it.

Timers are short where the behaviour is the same: a console has 3 s to answer (8 s by default); the
"longer than Kamailio's default INVITE lifetime" case lowers tm's own defaults (fr_inv_timer and
max_inv_lifetime, 180 s out of the box) to 1 s and 2 s and keeps a caller waiting past them: the queue
raises each held INVITE's own timers (t_set_fr/t_set_max_lifetime) from max_wait, whatever the defaults.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest

from softphone.exchange.client import PickRefused
from softphone.exchange.model import CallerLeft, CallerReturned, ConnectionChanged, OperatorsChanged, QueueSnapshot
from softphone.exchange.watcher import netstring
from tests.helpers.exchange import Exchange
from tests.helpers.processes import free_port
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import ApiFlood, QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]

RANK = {"emergency": 0, "priority": 1, "internal": 2, "normal": 3}


def test_fifty_callers_in_order_on_two_consoles_and_those_who_hang_up_leave(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange()
    first, second = watch(exchange.client("1000")), watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    exchange.callers(30, number="100")
    exchange.callers(3, number="200", log_name="priority")
    exchange.callers(2, number="112", log_name="emergency")
    leavers = exchange.callers(15, scenario="hangup.xml", number="100", pause_ms=6000, log_name="leavers")

    wait_for(lambda: len(first.ids()) == 50 and len(second.ids()) == 50)
    listed = exchange.client("1000").snapshot().callers
    assert len(listed) == 50
    assert [c.klass for c in listed[:5]] == ["emergency"] * 2 + ["priority"] * 3
    keys = [(RANK[c.klass], c.joined_at) for c in listed]
    assert keys == sorted(keys)
    assert first.ids() == second.ids() == {c.id for c in listed}

    assert leavers.wait(timeout=30) == 0  # every leaver got 200/487 for its CANCEL
    wait_for(lambda: len(first.ids()) == 35 and len(second.ids()) == 35)
    remaining = exchange.client("1001").snapshot().callers
    assert [c.id for c in remaining] == [c.id for c in listed if not c.name.startswith("Leaver")]
    abandoned = [e for e in first.of(CallerLeft) if e.reason == "abandoned"]
    assert len(abandoned) == 15


def _two_consoles_and_a_caller(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> tuple[Exchange, dict[str, SipPeer], QueueView, str]:
    """Consoles 1000 and 1001 signed in, 1002 watching, one caller waiting (its queue id)."""
    exchange = make_exchange()
    consoles = {op: make_console(exchange, op) for op in ("1000", "1001")}
    for op in consoles:
        exchange.client(op).sign_in()
    view = watch(exchange.client("1002"))
    exchange.callers(1)
    wait_for(lambda: len(view.ids()) == 1)
    (caller_id,) = view.ids()
    return exchange, consoles, view, caller_id


def test_two_consoles_pick_the_same_caller_one_gets_it(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange, consoles, view, caller_id = _two_consoles_and_a_caller(make_exchange, make_console, watch)

    results: dict[str, Any] = {}
    start = threading.Barrier(2)

    def pick(op: str) -> None:
        start.wait()
        try:
            results[op] = exchange.client(op).pick(caller_id)
        except PickRefused as exc:
            results[op] = exc

    threads = [threading.Thread(target=pick, args=(op,)) for op in consoles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [op for op, r in results.items() if r == caller_id]
    losers = [r for r in results.values() if isinstance(r, PickRefused)]
    assert len(winners) == 1
    assert [r.kind for r in losers] == ["taken"]
    winner = winners[0]
    wait_for(lambda: consoles[winner].find("incoming"))
    assert f"X-Switchboard-Queue-Id: {caller_id}" in consoles[winner].find("incoming")["message"]  # type: ignore[index]
    wait_for(lambda: any(e.reason == "picked" for e in view.of(CallerLeft)))
    wait_for(lambda: consoles[winner].find("call_state", state="CONFIRMED"))  # the caller's ACK got there
    assert view.of(CallerLeft) == [CallerLeft(caller_id, "picked", winner)]
    assert consoles[{"1000": "1001", "1001": "1000"}[winner]].find("incoming") is None


def test_picking_a_caller_a_colleague_already_answered_says_taken_by_whom(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    """The race's loser may ask after the winner's console answered and the caller left the queue:
    it must still hear "taken" (and by whom), not "unknown"."""
    exchange, _consoles, view, caller_id = _two_consoles_and_a_caller(make_exchange, make_console, watch)
    assert exchange.client("1000").pick(caller_id) == caller_id
    wait_for(lambda: any(e.reason == "picked" for e in view.of(CallerLeft)))
    with pytest.raises(PickRefused) as refused:
        exchange.client("1001").pick(caller_id)
    assert refused.value.kind == "taken"
    assert "answered by 1000" in str(refused.value)
    with pytest.raises(PickRefused) as never:
        exchange.client("1001").pick("999999")
    assert never.value.kind == "unknown"


def test_console_that_does_not_answer_puts_the_caller_back_in_its_place(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(offer_timeout=2.0)
    deaf = make_console(exchange, "1000", auto_answer=False)  # rings (180), never answers
    view = watch(exchange.client("1002"))
    exchange.client("1000").sign_in()
    exchange.callers(3)
    wait_for(lambda: len(view.ids()) == 3)
    before = [c.id for c in exchange.client("1000").snapshot().callers]

    assert exchange.client("1000").pick("next") == before[0]
    assert exchange.client("1000").snapshot().callers[0].offered_to == "1000"
    wait_for(lambda: deaf.find("incoming"))
    wait_for(lambda: view.of(CallerReturned))
    assert view.of(CallerReturned) == [CallerReturned(before[0])]
    after = exchange.client("1000").snapshot().callers
    assert [c.id for c in after] == before
    assert after[0].offered_to is None

    # the same caller, suspended again, can still be put through to a console that answers
    make_console(exchange, "1001")
    exchange.client("1001").sign_in()
    assert exchange.client("1001").pick("next") == before[0]
    wait_for(lambda: CallerLeft(before[0], "picked", "1001") in view.of(CallerLeft))


def test_vanished_console_puts_the_caller_back(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(offer_timeout=2.0)
    console = make_console(exchange, "1000", auto_answer=False)
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    exchange.callers(1)
    wait_for(lambda: len(view.ids()) == 1)
    console.vanish()  # killed: its registration stays, nothing answers there
    (caller_id,) = view.ids()
    assert exchange.client("1000").pick(caller_id) == caller_id
    wait_for(lambda: view.of(CallerReturned))
    assert [c.id for c in exchange.client("1000").snapshot().callers] == [caller_id]


def test_caller_waiting_longer_than_kamailios_invite_lifetime_is_still_answered(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange(tm_defaults_ms=(1000, 2000), max_wait=60.0)
    view = watch(exchange.client("1000"))
    caller = exchange.callers(1)
    wait_for(lambda: len(view.ids()) == 1)
    (caller_id,) = view.ids()
    # wait until the default lifetime is over twice (the view sees nothing leave meanwhile)
    threading.Event().wait(4.5)
    assert view.ids() == {caller_id}
    make_console(exchange, "1000")
    exchange.client("1000").sign_in()
    assert exchange.client("1000").pick("next") == caller_id
    wait_for(lambda: CallerLeft(caller_id, "picked", "1000") in view.of(CallerLeft))
    assert caller.poll() is None or caller.returncode == 0


def test_overflow_after_the_longest_wait_and_when_nobody_is_signed_in(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView]) -> None:
    overflow_port = free_port()
    target = f"sip:overflow@127.0.0.1:{overflow_port}"
    exchange = make_exchange(max_wait=2.0, overflow_to=target)
    exchange.answerer(overflow_port)
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    waited = exchange.callers(1, scenario="answered.xml", log_name="waited")
    wait_for(lambda: len(view.of(CallerLeft)) == 1)
    (left,) = view.of(CallerLeft)
    assert left.reason == "overflowed"
    assert waited.wait(timeout=30) == 0  # the answerer took it

    exchange.client("1000").sign_out()
    wait_for(lambda: OperatorsChanged(()) in view.of(OperatorsChanged))
    nobody = exchange.callers(1, scenario="answered.xml", log_name="nobody")
    assert nobody.wait(timeout=30) == 0  # put through to the overflow at once, never queued
    assert view.ids() == set()


def test_bad_input_gets_clear_errors_and_the_queue_keeps_serving(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange()
    client = exchange.client("1000")
    client.sign_in()
    view = watch(client)

    def refused(call: Callable[[], object]) -> PickRefused:
        with pytest.raises(PickRefused) as info:
            call()
        return info.value

    assert refused(lambda: exchange.client("1000", "wrong").snapshot()).kind == "forbidden"
    assert refused(lambda: exchange.client("1001", "token-1000").pick("next")).kind == "forbidden"
    assert refused(lambda: exchange.client("1001").pick("next")).kind == "not_signed_in"
    assert refused(lambda: client.pick("4242")).kind == "unknown"
    assert refused(lambda: client.pick("next")).kind == "unknown"  # nobody waiting
    bad = refused(lambda: client.request("POST", "/queue/pick", {"id": 7}))
    assert (bad.kind, bad.detail) == ("bad_request", '"id" must be a string: a caller id or "next"')
    assert refused(lambda: client.request("GET", "/nothing")).kind == "unknown"
    big = refused(lambda: client.request("POST", "/queue/pick", {"id": "next", "pad": "x" * 5000}))
    assert big.kind == "bad_request"

    connection = http.client.HTTPConnection("127.0.0.1", exchange.api_port, timeout=5)
    connection.request("POST", "/queue/pick", body=b"{not json", headers={
        "Authorization": "Bearer token-1000", "X-Switchboard-Operator": "1000"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 400
    assert b"body is not JSON" in body

    # a flood of requests with a wrong token from 16 connections of another host: each refused (403, or 429
    # past the rate limit), the queue keeps serving this console
    flood = ApiFlood(exchange.api_port, source="127.0.0.2", operator="1000", token="wrong", threads=16,
                     per_thread=25).start()
    flood.join()
    assert set(flood.statuses) <= {403, 429}
    assert sum(flood.statuses.values()) == 400
    assert client.snapshot().operators == ("1000",)

    # an event-stream client with a wrong token is disconnected and hears nothing
    with socket.create_connection(("127.0.0.1", exchange.events_port), timeout=5) as sock:
        sock.sendall(netstring(json.dumps({"operator": "1000", "token": "wrong"}).encode()))
        assert sock.recv(100) == b""

    # hostile display names: plain text, capped
    exchange.callers(1, scenario="hostile.xml")
    wait_for(lambda: len(view.ids()) == 1)
    (caller,) = exchange.client("1000").snapshot().callers
    assert len(caller.name) == 40
    assert caller.name.startswith("<b>Bell")  # shown as plain text by the console, never as markup
    assert caller.number == "0701012345"

    # 1000 is signed in but no console of 1000 is registered: refused at once, the caller stays queued
    unreachable = refused(lambda: client.pick(caller.id))
    assert unreachable.kind == "unreachable"
    assert exchange.client("1000").snapshot().callers == (caller,)


def test_consoles_say_when_the_exchange_restarts_and_reconnect_with_a_fresh_snapshot(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange()
    view = watch(exchange.client("1000"))
    exchange.client("1000").sign_in()
    wait_for(lambda: OperatorsChanged(("1000",)) in view.of(OperatorsChanged))
    assert view.of(ConnectionChanged)[0].up

    exchange.stop()  # waiting callers and sign-ins lived in its memory (documented in the README)
    wait_for(lambda: not view.of(ConnectionChanged)[-1].up)
    exchange.start()
    wait_for(lambda: view.of(ConnectionChanged)[-1].up)
    wait_for(lambda: len(view.of(QueueSnapshot)) == 2)
    assert view.of(QueueSnapshot)[-1].operators == ()  # a fresh exchange: nobody signed in yet
    exchange.client("1000").sign_in()
    wait_for(lambda: view.of(OperatorsChanged)[-1] == OperatorsChanged(("1000",)))
