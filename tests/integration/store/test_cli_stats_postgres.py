"""`switchboard stats` against a store on a real PostgreSQL server: the same figures as on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.calls.desk_log import logged_call
from app.cli.main import main
from directory.store import Store
from directory.store.calllog import CallLogRepository
from softphone.desk.records import Outcome
from tests.helpers.postgres import create_database
from tests.unit.app.cli.test_stats import PERIOD, record

pytestmark = pytest.mark.integration


def test_stats_reads_a_postgresql_store(postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = create_database(postgres, "stats_cli")
    store = Store.open(url)
    try:
        CallLogRepository(store).add(logged_call(r, "desk-1") for r in (
            record(5, Outcome.HANDLED, 8), record(15, Outcome.TRANSFERRED, 30), record(25, Outcome.ABANDONED, 3),
            record(70, Outcome.HANDLED, 12, dialled="019-602 20 00"), record(80, Outcome.ABANDONED, 50)))
    finally:
        store.dispose()
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\n[referrals]\ntime_zone = "Europe/Stockholm"\n', encoding="utf-8")
    assert main(["stats", "--config", str(config), *PERIOD, "--by", "hour", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    eight, nine = report["rows"]
    assert (eight["offered"], eight["answered"], eight["short_abandons"], eight["service_level_20s"]) == (3, 2, 1, 0.5)
    assert (nine["offered"], nine["abandoned_after_mean_s"]) == (2, 50.0)
    workbook = tmp_path / "stats.xlsx"
    assert main(["stats", "--config", str(config), *PERIOD, "--by", "service", "--xlsx", str(workbook)]) == 0
    sheet = load_workbook(workbook)["Figures"]
    assert [row[0].value for row in sheet.iter_rows(min_row=3)] == ["019-602 10 00", "019-602 20 00", "Total"]
