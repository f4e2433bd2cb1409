"""`switchboard db check|upgrade` and the store refusing a schema it does not know, on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.cli.main import main
from app.config.paths import Paths
from directory.store import Store, StoreError, sqlite_url
from directory.store.database import MIGRATIONS
from directory.store.schema_check import script_directory

HEAD = script_directory(MIGRATIONS).get_current_head()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _default_url() -> str:
    return sqlite_url(Paths.current().default_database)


def _set_revision(url: str, revision: str) -> None:
    store = Store(url)
    try:
        if revision == "0004":
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            with store.engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.downgrade(cfg, revision)
        else:
            with store.engine.begin() as connection:
                connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    finally:
        store.dispose()


def test_check_then_upgrade_an_empty_store(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "db", "check")
    assert code == 1
    assert "has no schema yet: run `switchboard db upgrade`" in out
    code, out, _ = _run(capsys, "db", "upgrade")
    assert (code, out.strip().endswith(f"schema upgraded from none to {HEAD}")) == (0, True)
    code, out, _ = _run(capsys, "db", "check")
    assert (code, out.strip().endswith(f"schema {HEAD}, current")) == (0, True)
    code, out, _ = _run(capsys, "db", "upgrade")
    assert (code, "already current" in out) == (0, True)


def test_an_older_schema_is_named_and_an_embedded_store_upgrades_it(capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(_default_url()).dispose()
    _set_revision(_default_url(), "0004")
    code, out, _ = _run(capsys, "db", "check", "--json")
    report = json.loads(out)
    assert code == 1
    assert (report["status"], report["revision"], report["head"], report["ok"]) == ("older", "0004", HEAD, False)
    with pytest.raises(StoreError, match="older than this version of Switchboard needs"):
        Store.open(_default_url(), upgrade=False).dispose()
    Store.open(_default_url()).dispose()  # SQLite, this computer's own: upgraded in place
    assert json.loads(_run(capsys, "db", "check", "--json")[1])["ok"] is True


def test_a_newer_schema_is_refused_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(_default_url()).dispose()
    _set_revision(_default_url(), "9999")
    with pytest.raises(StoreError, match=r"schema revision 9999, newer than this version of Switchboard knows"):
        Store.open(_default_url())
    code, out, _ = _run(capsys, "db", "check")
    assert code == 1
    assert "newer than this version" in out
    code, _, err = _run(capsys, "db", "upgrade")
    assert code == 1
    assert "install that version here" in err
    code, _, err = _run(capsys, "callback", "list")
    assert code == 2
    assert "newer than this version" in err


def test_an_unreachable_server_is_named_without_its_password(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[store]\nurl = "postgresql+psycopg://op:secret@127.0.0.1:1/switchboard"\n', encoding="utf-8")
    code, _, err = _run(capsys, "db", "--config", str(config), "check")
    assert code == 2
    assert err.startswith("error: cannot reach the store postgresql+psycopg://op:***@127.0.0.1:1/switchboard: ")
    assert "secret" not in err
    code, _, err = _run(capsys, "callback", "--config", str(config), "list")
    assert code == 2
    assert "cannot open the store postgresql+psycopg://op:***@127.0.0.1:1/switchboard" in err
