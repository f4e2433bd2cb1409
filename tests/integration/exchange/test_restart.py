"""What a Kamailio restart costs, as the README says: calls already put through to a console go on (their
in-dialog requests need no state at the exchange), while callers still waiting get no final answer from the
stopped exchange and are unknown to the new run."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from softphone.exchange.model import CallerLeft
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_a_restart_keeps_calls_put_through_and_forgets_waiting_callers(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    exchange = make_exchange()
    console = make_console(exchange, "1000")
    view = watch(exchange.client("1001"))
    exchange.client("1000").sign_in()
    answered = exchange.callers(1, log_name="answered")  # stays on the line until the console hangs up
    wait_for(lambda: len(view.ids()) == 1)
    (picked,) = view.ids()
    assert exchange.client("1000").pick(picked) == picked
    wait_for(lambda: CallerLeft(picked, "picked", "1000") in view.of(CallerLeft))
    wait_for(lambda: console.find("call_state", state="CONFIRMED"))
    waiting = exchange.callers(1, log_name="waiting")
    wait_for(lambda: len(view.ids()) == 1)

    exchange.stop_kamailio()
    exchange.start()
    assert exchange.client("1001").snapshot().callers == ()  # the new run never saw the waiting caller
    assert waiting.poll() is None  # and the stopped one told it nothing: it still hears ringing

    mark = console.mark()
    console.send("hangup")  # the BYE goes through the new run to the caller, which answers it
    wait_for(lambda: console.find("call_state", after=mark, state="DISCONNECTED"))
    assert answered.wait(timeout=30) == 0
