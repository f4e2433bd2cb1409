"""Tenants on a real PostgreSQL: the store's own filtering (the unit tests again), and row-level security
below it: a console logged in with organisation A's role, crafting its own SQL for B's rows, reads none
and can neither change nor add them, even after setting switchboard.organisation to B by hand."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import psycopg
import pytest

from directory.store import Store
from directory.store.callbacks import CallbackRepository, NewCallback
from directory.store.tenancy import admit
from tests.helpers.postgres import create_database
from tests.unit.directory.store.test_tenancy import (  # noqa: F401 - collected here with this folder's `store` fixture
    tenants,
    test_an_organisation_cannot_change_anothers_call_back_or_purge_its_log,
    test_each_organisation_sees_only_its_own_shared_rows,
    test_migration_0009_goes_down_and_up_keeping_rows_in_the_organisation_of_none,
)

pytestmark = pytest.mark.integration
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
_counter = itertools.count()


def _as(url: str, login: str) -> str:
    return url.replace("://switchboard@", f"://{login}@")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_console_role_of_one_organisation_cannot_reach_anothers_rows(postgres: str) -> None:
    n = next(_counter)
    url = create_database(postgres, f"tenants{n}")
    owner = Store.open(url)
    login_a, login_b = f"console_a{n}", f"console_b{n}"
    with owner.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {login_a} LOGIN")
        connection.exec_driver_sql(f"CREATE ROLE {login_b} LOGIN")
    admit(owner.engine, login_a, "Region A")
    admit(owner.engine, login_b, "Kommune B")
    a, b = Store(_as(url, login_a), "Region A"), Store(_as(url, login_b), "Kommune B")
    try:
        ours = CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
        CallbackRepository(b).add(NewCallback("+4670333", "Bo", "+4631000", NOW), "bo")
        assert [c.name for c in CallbackRepository(a).open()] == ["Per"]
        with psycopg.connect(_dsn(_as(url, login_b)), autocommit=True) as crafted:
            crafted.execute("SELECT set_config('switchboard.organisation', 'Region A', false)")  # pretending
            assert crafted.execute("SELECT count(*) FROM callbacks").fetchone() == (0,)
            assert crafted.execute("SELECT count(*) FROM callback_audit").fetchone() == (0,)
            assert crafted.execute("UPDATE callbacks SET state = 'done' WHERE id = %s", (ours.id,)).rowcount == 0
            assert crafted.execute("DELETE FROM callbacks").rowcount == 0
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                crafted.execute("INSERT INTO callbacks (number, name, dialled, hung_up_at, stage, console, state, "
                                "claimed_by, done_by, version, organisation) VALUES ('1', '', '', now(), '', '', "
                                "'waiting', '', '', 1, 'Region A')")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                crafted.execute("DELETE FROM callback_audit")  # the audit is only ever added to
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                crafted.execute("DROP TABLE callbacks")
            crafted.execute("SELECT set_config('switchboard.organisation', 'Kommune B', false)")
            assert crafted.execute("SELECT name FROM callbacks").fetchall() == [("Bo",)]  # its own, as ever
        current = CallbackRepository(a).get(ours.id)
        assert current is not None
        assert current.state == "waiting"
    finally:
        a.dispose()
        b.dispose()
        owner.dispose()
