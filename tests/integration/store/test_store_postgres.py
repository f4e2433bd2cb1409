"""Every store test, again on a real PostgreSQL server: nothing may work on only one backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.helpers.postgres import create_database
from tests.unit.directory.store.test_store import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_changes_since,
    test_failed_import_changes_nothing,
    test_mailbox_rows_route_as_the_entries_do,
    test_migrations_from_empty_match_the_models,
    test_referrals_expire_and_replace,
    test_reimport_updates_in_place_and_keeps_local_data,
    test_round_trip_keeps_every_field,
    test_usage_counts,
)

pytestmark = pytest.mark.integration


def test_cli_on_a_postgres_store_with_the_password_from_the_environment(
        postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = create_database(postgres, "cli")
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\npassword = "env:SB_DB_PASSWORD"\n', encoding="utf-8")
    monkeypatch.setenv("SB_DB_PASSWORD", "not-checked-by-trust-auth")
    csv = tmp_path / "staff.csv"
    csv.write_text("id,name,title,unit,work\n1,Åsa Öberg,Överläkare,Region / Kardiologi,019-602 10 00\n",
                   encoding="utf-8")
    assert main(["directory", "--config", str(config), "import", str(csv)]) == 0
    assert main(["directory", "--config", str(config), "search", "öberg", "--json"]) == 0
    out = capsys.readouterr().out.splitlines()[-1]
    assert json.loads(out)["results"][0]["name"] == "Åsa Öberg"
