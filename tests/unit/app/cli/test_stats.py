"""`switchboard stats`: a store filled the way the desk's logger fills it, read back as text, JSON, CSV and
Excel (opened with openpyxl), and the bad inputs the issue names answered with a clear message."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from app.calls.desk_log import logged_call
from app.cli.main import main
from app.config.paths import Paths
from directory.stats.definitions import DEFINITIONS
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository
from softphone.desk.records import CallRecord, Outcome, PriorityClass

ZONE = ZoneInfo("Europe/Stockholm")
EIGHT = datetime(2026, 11, 23, 8, 0, tzinfo=ZONE)
PERIOD = ("--from", "2026-11-23T08:00", "--to", "2026-11-23T10:00")


def record(minutes: int, outcome: Outcome, wait: float, *, dialled: str = "019-602 10 00") -> CallRecord:
    offered = EIGHT + timedelta(minutes=minutes)
    answered = outcome in (Outcome.HANDLED, Outcome.TRANSFERRED)
    return CallRecord(
        number="070-111 22 33", name="Åsa Öberg", dialled=dialled, priority=PriorityClass.NORMAL, incoming=True,
        offered_at=offered, answered_at=offered + timedelta(seconds=wait) if answered else None,
        ended_at=offered + timedelta(minutes=3), waiting_s=wait, held_s=0.0, hold_count=0, consulted=(),
        transferred_to="Eva Berg" if outcome is Outcome.TRANSFERRED else "", outcome=outcome,
        time_to_connect_s=30.0 if answered else None, recalled=False, end_reason="")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """The default database (under the test's own home) with five calls 08-10, and a config in Stockholm."""
    store = Store.open(sqlite_url(Paths.current().default_database))
    try:
        CallLogRepository(store).add(logged_call(r, "desk-1") for r in (
            record(5, Outcome.HANDLED, 8), record(15, Outcome.TRANSFERRED, 30), record(25, Outcome.ABANDONED, 3),
            record(70, Outcome.HANDLED, 12, dialled="019-602 20 00"), record(80, Outcome.ABANDONED, 50)))
    finally:
        store.dispose()
    path = tmp_path / "config.toml"
    path.write_text('[referrals]\ntime_zone = "Europe/Stockholm"\n', encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], config: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["stats", "--config", str(config), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_by_hour_has_the_hand_computed_figures(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, config, *PERIOD, "--by", "hour", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["from"] == "2026-11-23T07:00:00Z"
    assert report["time_zone"] == "Europe/Stockholm"
    assert [r["label"] for r in report["rows"]] == ["2026-11-23 08:00", "2026-11-23 09:00"]
    eight, nine = report["rows"]
    assert (eight["offered"], eight["answered"], eight["abandoned"], eight["short_abandons"]) == (3, 2, 1, 1)
    assert eight["service_level_20s"] == 0.5  # 1 within 20 s of 3 offered less 1 short abandon
    assert eight["wait_median_s"] == 19.0
    assert (nine["offered"], nine["abandoned"], nine["abandoned_after_mean_s"]) == (2, 1, 50.0)
    assert report["total"]["label"] == "Total"
    assert report["total"]["offered"] == 5


def test_text_table_and_per_service(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, config, *PERIOD, "--by", "service")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Calls 2026-11-23 08:00 to 2026-11-23 10:00 (CET), by service"
    assert lines[2].split()[:5] == ["019-602", "10", "00", "4", "2"]
    assert lines[-1].split()[:4] == ["Total", "5", "3", "2"]


def test_csv_file(config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stats.csv"
    code, out, _ = run(capsys, config, *PERIOD, "--by", "day", "--csv", str(target), "--service-level", "10")
    assert code == 0
    assert out.startswith(f"{target}: 1 rows and a total")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:3] == ["Day", "Offered", "Answered"]
    assert "Answered within 10 s" in table[0]
    assert table[1][:2] == ["2026-11-23", "5"]
    assert table[1][table[0].index("Answered within 10 s")] == "1"  # waits 8, 12 and 30 s


def test_excel_workbook_opens_with_figures_and_definitions(config: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stats.xlsx"
    code, _, _ = run(capsys, config, *PERIOD, "--by", "hour", "--xlsx", str(target))
    assert code == 0
    book = load_workbook(target)
    figures, definitions = book["Figures"], book["Definitions"]
    assert figures["A1"].value == "Calls 2026-11-23 08:00 to 2026-11-23 10:00 (CET), by hour"
    header = [cell.value for cell in figures[2]]
    assert header[:4] == ["Hour", "Offered", "Answered", "Abandoned"]
    level = figures.cell(row=3, column=header.index("Service level 20 s") + 1)
    assert level.value == 0.5
    assert level.number_format == "0.0%"
    assert [row[0].value for row in figures.iter_rows(min_row=3)] == ["2026-11-23 08:00", "2026-11-23 09:00", "Total"]
    assert figures.cell(row=5, column=2).value == 5
    assert [(a.value, b.value) for a, b in definitions.iter_rows()] == list(DEFINITIONS)


@pytest.mark.parametrize(("argv", "message"), [
    (("--from", "2026-11-23T10:00", "--to", "2026-11-23T08:00"), "is not before"),
    (("--from", "monday"), "--from/--to 'monday' is not understood"),
    ((*PERIOD, "--service", "08-999"), "no calls to 08-999 were ever counted; known services: 019-602 10 00"),
    ((*PERIOD, "--service-level", "0"), "service-level thresholds > 0"),
])
def test_bad_input_gets_a_clear_message(config: Path, capsys: pytest.CaptureFixture[str],
                                        argv: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, config, *argv)
    assert code == 2
    assert out == ""
    assert message in err


def test_an_empty_period_and_days_without_calls_are_noted(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, config, "--from", "2026-11-01", "--to", "2026-11-02", "--by", "day")
    assert code == 0
    assert "note: no incoming calls were logged in this period" in err
    code, _, err = run(capsys, config, "--from", "2026-11-22", "--to", "2026-11-25", "--by", "day")
    assert "note: 2 day(s) without any call logged: 2026-11-22, 2026-11-24" in err
