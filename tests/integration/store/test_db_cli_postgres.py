"""`switchboard db` on a real PostgreSQL: a shared store with an older schema is refused by consoles until
`db upgrade`, a newer one always; an unknown login is named as PostgreSQL words it."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from app.cli.main import main
from directory.store import Store, StoreError
from directory.store.database import MIGRATIONS
from tests.helpers.postgres import create_database

pytestmark = pytest.mark.integration


def _config(tmp_path: Path, url: str) -> str:
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    return str(config)


def test_an_older_shared_schema_waits_for_db_upgrade(postgres: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    url = create_database(postgres, "db_cli_older")
    Store.open(url).dispose()
    owner = Store(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with owner.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0004")
    owner.dispose()
    with pytest.raises(StoreError, match=r"older than this version .* run `switchboard db upgrade`"):
        Store.open(url)  # a console: not the one to change a shared schema
    config = _config(tmp_path, url)
    assert main(["callback", "--config", config, "list"]) == 2
    assert "run `switchboard db upgrade`" in capsys.readouterr().err
    assert main(["db", "--config", config, "check"]) == 1
    assert main(["db", "--config", config, "upgrade"]) == 0
    assert "schema upgraded from 0004 to" in capsys.readouterr().out
    assert main(["db", "--config", config, "check"]) == 0
    assert main(["callback", "--config", config, "list"]) == 0


def test_an_unknown_login_is_named(postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = create_database(postgres, "db_cli_login").replace("://switchboard@", "://nobody@")
    assert main(["db", "--config", _config(tmp_path, url), "check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach the store postgresql+psycopg://nobody@")
    assert 'role "nobody" does not exist' in err
