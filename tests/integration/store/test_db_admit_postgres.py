"""`switchboard db admit` on a real PostgreSQL: run by the owner with --execute, a new login then works as a
console of its organisation and of that one alone; the printed SQL, run as it is by an administrator, admits
an exchange's login; an unknown login and an older schema are refused plainly."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from app.cli.main import main
from directory.store import Store
from directory.store.callbacks import CallbackRepository, NewCallback
from tests.helpers.postgres import create_database

pytestmark = pytest.mark.integration
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
_counter = itertools.count()


def _as(url: str, login: str) -> str:
    return url.replace("://switchboard@", f"://{login}@")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _config(tmp_path: Path, url: str) -> str:
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    return str(config)


def test_execute_admits_a_console_login_to_its_organisation_alone(
        postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = next(_counter)
    url = create_database(postgres, f"admit{n}")
    owner = Store.open(url)
    login_a, login_b = f"reception_a{n}", f"reception_b{n}"
    with owner.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {login_a} LOGIN")
        connection.exec_driver_sql(f"CREATE ROLE {login_b} LOGIN")
    config = _config(tmp_path, url)
    assert main(["db", "--config", config, "admit", login_a, "Region A", "--execute"]) == 0
    assert f"{login_a} admitted to organisation 'Region A' (switchboard_console)" in capsys.readouterr().out
    assert main(["db", "--config", config, "admit", login_b, "Kommune B", "--execute"]) == 0
    a, b = Store.open(_as(url, login_a), "Region A"), Store.open(_as(url, login_b), "Kommune B")
    try:
        CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
        CallbackRepository(b).add(NewCallback("+4670333", "Bo", "+4631000", NOW), "bo")
        assert [c.name for c in CallbackRepository(a).open()] == ["Per"]
        assert [c.name for c in CallbackRepository(b).open()] == ["Bo"]
        with psycopg.connect(_dsn(_as(url, login_b)), autocommit=True) as crafted:
            crafted.execute("SELECT set_config('switchboard.organisation', 'Region A', false)")  # pretending
            assert crafted.execute("SELECT count(*) FROM callbacks").fetchone() == (0,)
    finally:
        a.dispose()
        b.dispose()
        owner.dispose()


def test_the_printed_sql_run_as_it_is_admits_an_exchange_login(
        postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = next(_counter)
    url = create_database(postgres, f"admit_exchange{n}")
    Store.open(url).dispose()
    login = f"admitted_kamailio{n}"  # roles are the cluster's: never one another test file makes
    assert main(["db", "--config", _config(tmp_path, url), "admit", login, "Region A", "--exchange"]) == 0
    printed = capsys.readouterr().out
    with psycopg.connect(_dsn(url), autocommit=True) as administrator:
        administrator.execute(f"CREATE ROLE {login} LOGIN")
        administrator.execute(printed.encode())  # as psql -f would run it
    with psycopg.connect(_dsn(_as(url, login)), autocommit=True) as exchange:
        assert exchange.execute("SELECT pg_has_role(current_user, 'switchboard_exchange', 'MEMBER')").fetchone() \
            == (True,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            exchange.execute("SELECT count(*) FROM callbacks")  # it writes queue records, and reads nothing


def test_an_unknown_login_and_an_older_schema_are_refused(
        postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = next(_counter)
    url = create_database(postgres, f"admit_refused{n}")
    config = _config(tmp_path, url)
    assert main(["db", "--config", config, "admit", "reception_x", "Region A", "--execute"]) == 1
    assert "has no schema yet: run `switchboard db upgrade`" in capsys.readouterr().err
    Store.open(url).dispose()
    assert main(["db", "--config", config, "admit", f"nobody{n}", "Region A", "--execute"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: nobody{n} not admitted to postgresql+psycopg://")
    assert f'role "nobody{n}" does not exist' in err
