"""Row-level security on the statistics aggregates and the exchange's queue records (migration 0017): a
console role of one organisation reads none of another's figures or records, even with SQL of its own and
the setting changed by hand; the exchange's role may add queue records of its own organisation and do
nothing else."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
import sqlalchemy as sa

from directory.store import Store
from directory.store.calllog import CallLogRepository
from directory.store.schema import CallStatsHourRow, ExchangeQueueEventRow
from directory.store.stats_tables import ServiceHourRow
from directory.store.tenancy import admit
from tests.helpers.postgres import create_database
from tests.unit.directory.stats.test_report import MONDAY, hand_set, measured

pytestmark = pytest.mark.integration
HOUR = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
STATS_TABLES = ("call_stats_hourly", "call_stats_waits", "call_stats_service_hourly", "call_stats_service_daily",
                "exchange_queue_events")
_counter = itertools.count()


@dataclass
class Shared:
    url: str
    owner: Store
    n: int

    def login(self, name: str) -> str:
        with self.owner.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE ROLE {name}{self.n} LOGIN")
        return f"{name}{self.n}"  # roles are the cluster's: each file's names its own (stats_...)

    def dsn(self, login: str) -> str:
        return self.url.replace("postgresql+psycopg://switchboard@", f"postgresql://{login}@")


@pytest.fixture
def shared(postgres: str) -> Iterator[Shared]:
    n = next(_counter)
    url = create_database(postgres, f"stats_tenants{n}")
    owner = Store.open(url)
    _figures(owner, "Region A", 7)
    _figures(owner, "Kommune B", 11)
    yield Shared(url, owner, n)
    owner.dispose()


def _figures(owner: Store, organisation: str, offered: int) -> None:
    """One row in each statistics table, as the owner (who is not bound by the policies) writes them."""
    zero_waits = {"kind": "answer", "seconds": 5, "calls": offered, "total_s": 5.0 * offered}
    with owner.engine.begin() as connection:
        key = {"organisation": organisation, "hour_start": HOUR, "service": "+4631000"}
        connection.execute(sa.insert(CallStatsHourRow), [{**key, "console": "pc-1", "offered": offered,
                                                         "answered": 0, "abandoned": 0, "rejected": 0,
                                                         "transferred": 0, "recalled": 0, "callbacks_done": 0}])
        connection.execute(sa.text("INSERT INTO call_stats_waits (organisation, hour_start, service, console, kind, "
                                   "seconds, calls, total_s) VALUES (:organisation, :hour_start, :service, 'pc-1', "
                                   ":kind, :seconds, :calls, :total_s)"), [{**key, **zero_waits}])
        figures = {column.name: 0 for column in ServiceHourRow.__table__.columns
                   if column.name not in ("organisation", "hour_start", "service")}
        connection.execute(sa.insert(ServiceHourRow), [{**key, **figures, "offered": offered}])
        day = {"organisation": organisation, "day_start": HOUR.replace(hour=0), "service": "+4631000"}
        connection.execute(sa.text("INSERT INTO call_stats_service_daily SELECT * FROM call_stats_service_hourly "
                                   "WHERE organisation = :organisation"), day)
        connection.execute(sa.insert(ExchangeQueueEventRow), [{
            "queue_id": f"q{offered}", "event": "abandoned", "at": HOUR.timestamp(), "caller_number": "0702",
            "caller_name": "", "dialled": "+4631000", "class": "normal", "operator": None, "waited_s": 3.0,
            "detail": None, "organisation": organisation}])


def test_a_console_role_reads_only_its_own_organisations_statistics_and_queue_records(shared: Shared) -> None:
    login_a, login_b = shared.login("stats_a"), shared.login("stats_b")
    admit(shared.owner.engine, login_a, "Region A")
    admit(shared.owner.engine, login_b, "Kommune B")
    with psycopg.connect(shared.dsn(login_a), autocommit=True) as crafted:
        crafted.execute("SELECT set_config('switchboard.organisation', 'Region A', false)")
        for table in STATS_TABLES:
            assert crafted.execute(f"SELECT DISTINCT organisation FROM {table}").fetchall() == [("Region A",)], table
        crafted.execute("SELECT set_config('switchboard.organisation', 'Kommune B', false)")  # pretending
        for table in STATS_TABLES:
            assert crafted.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        assert crafted.execute("UPDATE call_stats_hourly SET offered = 0").rowcount == 0
        assert crafted.execute("DELETE FROM call_stats_service_daily").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            crafted.execute("INSERT INTO call_stats_waits (organisation, hour_start, service, console, kind, seconds, "
                            "calls, total_s) VALUES ('Kommune B', now(), 's', 'c', 'answer', 1, 1, 1)")
    # and through the console's own store, which sets its organisation when it connects
    b = Store(shared.dsn(login_b).replace("postgresql://", "postgresql+psycopg://"), "Kommune B")
    try:
        with b.sessions() as session:
            assert session.execute(sa.select(CallStatsHourRow.offered)).scalars().all() == [11]
            assert session.execute(sa.select(ExchangeQueueEventRow.queue_id)).scalars().all() == ["q11"]
            assert session.execute(sa.select(ServiceHourRow.__table__.c.offered)).scalars().all() == [11]
    finally:
        b.dispose()
    with shared.owner.engine.connect() as connection:  # nothing of A's touched by B's attempts
        assert connection.execute(sa.text("SELECT sum(offered) FROM call_stats_hourly")).scalar() == 18


def test_the_exchange_role_adds_its_organisations_queue_records_and_can_do_nothing_else(shared: Shared) -> None:
    kamailio = shared.login("stats_kamailio")
    admit(shared.owner.engine, kamailio, "Region A", exchange=True)
    insert = ("INSERT INTO exchange_queue_events (queue_id, event, at, caller_number, caller_name, dialled, class, "
              "operator, waited_s, detail, organisation) VALUES ('77', 'joined', 1.5, '0702', 'Per', '+4631000', "
              "'normal', NULL, 0, NULL, %s)")
    with psycopg.connect(shared.dsn(kamailio), autocommit=True) as writer:
        writer.execute(insert, ("Region A",))  # as Kamailio's db_postgres does: no setting, no RETURNING
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            writer.execute(insert, ("Kommune B",))  # another organisation's records are not its to add
        for statement in ("SELECT count(*) FROM exchange_queue_events", "SELECT count(*) FROM referrals",
                          "SELECT count(*) FROM callbacks", "SELECT count(*) FROM call_stats_hourly",
                          "SELECT count(*) FROM directory_entries", "UPDATE exchange_queue_events SET event = 'x'",
                          "DELETE FROM exchange_queue_events", "INSERT INTO call_log (direction) VALUES ('in')",
                          "CREATE TABLE mine (id int)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                writer.execute(statement)
    with shared.owner.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT organisation, caller_name FROM exchange_queue_events "
                                          "WHERE queue_id = '77'")).all() == [("Region A", "Per")]


def test_a_console_role_rolls_up_and_reports_its_own_figures_under_the_policies(postgres: str) -> None:
    """The console's statistics work as before with its own login: written, read again and reported."""
    n = next(_counter)
    url = create_database(postgres, f"stats_rollup{n}")
    owner = Store.open(url)
    shared = Shared(url, owner, n)
    console = None
    try:
        login = shared.login("stats_roll")
        admit(owner.engine, login, "Region A")
        console = Store(shared.dsn(login).replace("postgresql://", "postgresql+psycopg://"), "Region A")
        CallLogRepository(console).add(hand_set())
        end = MONDAY + timedelta(days=1)
        assert measured(console, MONDAY, end, "day", now=end).total.offered == 6
        assert measured(console, MONDAY, end, "day", now=end + timedelta(hours=1)).total.offered == 6
        with owner.engine.connect() as connection:  # rolled up by the console, as its organisation's
            assert connection.execute(sa.text("SELECT DISTINCT organisation FROM call_stats_service_hourly")) \
                .scalars().all() == ["Region A"]
    finally:
        if console is not None:
            console.dispose()
        owner.dispose()
