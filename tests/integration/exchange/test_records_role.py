"""The exchange's Kamailio writing queue records into a shared PostgreSQL store with its own least-privilege
login (migration 0017's switchboard_exchange role, admitted for one organisation): the records arrive, and
the login can read nothing, not even them."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
import sqlalchemy as sa

from directory.store import Store
from directory.store.tenancy import admit
from softphone.exchange.model import CallerLeft
from tests.helpers.exchange import Exchange
from tests.helpers.postgres import create_database
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_kamailio_records_with_an_insert_only_login_of_its_organisation(
        postgres: str, make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView]) -> None:
    owner = Store.open(create_database(postgres, "xq_role"))
    try:
        with owner.engine.begin() as connection:
            connection.exec_driver_sql("CREATE ROLE kamailio_records LOGIN")
        admit(owner.engine, "kamailio_records", "Region A", exchange=True)
        records_url = postgres.replace("postgresql+psycopg://switchboard@", "postgres://kamailio_records@") + "/xq_role"
        exchange = make_exchange(records_url=records_url, organisation="Region A")
        make_console(exchange, "1000")
        view = watch(exchange.client("1000"))
        exchange.client("1000").sign_in()
        exchange.callers(1, scenario="hangup.xml", pause_ms=1000, log_name="leaver")
        wait_for(lambda: any(e.reason == "abandoned" for e in view.of(CallerLeft)))

        def recorded() -> list[tuple[str, str]]:
            with owner.engine.connect() as connection:
                return [tuple(row) for row in connection.execute(sa.text(
                    "SELECT event, organisation FROM exchange_queue_events ORDER BY id"))]
        wait_for(lambda: len(recorded()) >= 2)  # written asynchronously by Kamailio's async worker
        assert recorded() == [("joined", "Region A"), ("abandoned", "Region A")]
        dsn = records_url.replace("postgres://", "postgresql://")
        with psycopg.connect(dsn, autocommit=True) as kamailio_login:
            for table in ("exchange_queue_events", "call_log", "referrals"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    kamailio_login.execute(f"SELECT count(*) FROM {table}")
    finally:
        owner.dispose()
