"""The queue's records in the store, written by Kamailio's own database modules (db_sqlite, db_postgres)
into the table of our Alembic migrations (0008): joined, offered, answered, abandoned after how long."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from directory.store import Store
from softphone.exchange.model import CallerLeft
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def rows(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as connection:
        result = connection.execute(sa.text("SELECT queue_id, event, operator, waited_s, caller_number "
                                            "FROM exchange_queue_events ORDER BY id"))
        return [dict(row._mapping) for row in result]


def test_every_callers_life_is_recorded_in_the_store(
        store_and_records_url: tuple[Store, str], make_exchange: Callable[..., Exchange],
        make_console: Callable[..., SipPeer], watch: Callable[..., QueueView]) -> None:
    store, records_url = store_and_records_url
    exchange = make_exchange(records_url=records_url)
    make_console(exchange, "1000")
    view = watch(exchange.client("1000"))
    exchange.client("1000").sign_in()
    exchange.callers(1)
    exchange.callers(1, scenario="hangup.xml", pause_ms=1000, log_name="leaver")
    wait_for(lambda: any(e.reason == "abandoned" for e in view.of(CallerLeft)))
    picked = exchange.client("1000").pick("next")
    wait_for(lambda: CallerLeft(picked, "picked", "1000") in view.of(CallerLeft))

    wait_for(lambda: len(rows(store)) >= 5)  # written asynchronously by Kamailio's async worker
    found = rows(store)
    events = sorted((r["event"], r["operator"]) for r in found)
    assert events == [("abandoned", None), ("answered", "1000"), ("joined", None), ("joined", None),
                      ("offered", "1000")]
    (abandoned,) = [r for r in found if r["event"] == "abandoned"]
    assert abandoned["waited_s"] >= 0.9  # the leaver waited about a second before hanging up
    assert abandoned["caller_number"].startswith("07020")
    assert {r["queue_id"] for r in found if r["event"] in ("offered", "answered")} == {picked}
