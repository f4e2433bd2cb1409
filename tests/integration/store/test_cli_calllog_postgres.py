"""`switchboard calllog list` against a store on a real PostgreSQL server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli.main import main
from directory.store import Store
from tests.helpers.postgres import create_database
from tests.unit.app.cli.test_calllog import fill

pytestmark = pytest.mark.integration


def test_calllog_list_reads_a_postgresql_store(postgres: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url = create_database(postgres, "calllog_cli")
    store = Store.open(url)
    try:
        fill(store, datetime.now(UTC))
    finally:
        store.dispose()
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    assert main(["calllog", "--config", str(config), "list", "--since", "1d", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [c["outcome"] for c in listing["calls"]] == ["transferred", "abandoned", "handled"]
    assert listing["calls"][0]["offered_at"].endswith("Z")
    assert listing["summary"] == {"calls": 3, "answered": 2, "gave_up": 1, "median_wait_s": 10.0,
                                  "median_connect_s": 40.0}
