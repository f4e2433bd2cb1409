"""`switchboard stats` counts the exchange queue's callers from its real records (Kamailio writing into the
store, SQLite and PostgreSQL): sipp callers who give up while waiting, one picked and answered by a console,
one overflowed; each counted once, figures computed by hand from the records."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.calls.desk_log import logged_call
from app.cli.main import main
from directory.store import Store
from directory.store.calllog import CallLogRepository
from softphone.desk.records import CallRecord, Outcome, PriorityClass
from softphone.exchange.model import CallerLeft
from tests.helpers.exchange import Exchange
from tests.helpers.processes import free_port
from tests.helpers.sip_peer import SipPeer
from tests.integration.exchange.conftest import QueueView, wait_for
from tests.integration.exchange.test_records import rows

pytestmark = [pytest.mark.integration, pytest.mark.slow]
ZONE = ZoneInfo("Europe/Stockholm")


def answered_as_the_desk_logs_it(store: Store, answered: dict[str, float | str]) -> None:
    """The console's call-log row of the caller it picked: offered when the caller joined the queue (the
    desk keeps the queue row's offered time), answered when the exchange saw the console's 200."""
    at = datetime.fromtimestamp(float(answered["at"]), UTC)
    waited = float(answered["waited_s"])
    call = CallRecord(number=str(answered["caller_number"]), name="", dialled=str(answered["dialled"]),
                      priority=PriorityClass.NORMAL, incoming=True, offered_at=at - timedelta(seconds=waited),
                      answered_at=at, ended_at=at + timedelta(seconds=5), waiting_s=waited, held_s=0.0,
                      hold_count=0, consulted=(), transferred_to="", outcome=Outcome.HANDLED, time_to_connect_s=5.0,
                      recalled=False, end_reason="")
    CallLogRepository(store).add([logged_call(call, "1000")])


def stats(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], by: str) -> dict[str, dict[str, object]]:
    url = store.engine.url.render_as_string(hide_password=False)
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\n[referrals]\ntime_zone = "{ZONE.key}"\n', encoding="utf-8")
    now = datetime.now(ZONE)
    period = ("--from", f"{now - timedelta(hours=2):%Y-%m-%dT%H:%M}",
              "--to", f"{now + timedelta(hours=2):%Y-%m-%dT%H:%M}")
    capsys.readouterr()
    assert main(["stats", "--config", str(config), *period, "--by", by, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    return {"total": report["total"], **{row["label"]: row for row in report["rows"]}}


def test_stats_count_the_exchange_queues_callers_once(
        store_and_records_url: tuple[Store, str], make_exchange: Callable[..., Exchange],
        make_console: Callable[..., SipPeer], watch: Callable[..., QueueView], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    store, records_url = store_and_records_url
    overflow_port = free_port()
    exchange = make_exchange(records_url=records_url, overflow_to=f"sip:overflow@127.0.0.1:{overflow_port}")
    exchange.answerer(overflow_port)
    make_console(exchange, "1000")
    view = watch(exchange.client("1000"))
    exchange.client("1000").sign_in()
    exchange.callers(1, log_name="stays")
    exchange.callers(2, scenario="hangup.xml", pause_ms=1000, log_name="short")
    exchange.callers(1, scenario="hangup.xml", pause_ms=7000, log_name="patient")
    wait_for(lambda: sum(e.reason == "abandoned" for e in view.of(CallerLeft)) == 3)
    picked = exchange.client("1000").pick("next")
    wait_for(lambda: CallerLeft(picked, "picked", "1000") in view.of(CallerLeft))
    exchange.client("1000").sign_out()
    exchange.callers(1, scenario="answered.xml", log_name="nobody")  # nobody signed in: overflowed at once
    wait_for(lambda: sum(r["event"] == "overflowed" for r in rows(store)) == 1)
    wait_for(lambda: len(rows(store)) == 11)  # 5 joined, 3 abandoned, offered, answered, overflowed

    with store.engine.connect() as connection:
        records = [dict(r._mapping) for r in connection.exec_driver_sql(
            "SELECT event, at, waited_s, caller_number, dialled FROM exchange_queue_events ORDER BY id")]
    (answered,) = [r for r in records if r["event"] == "answered"]
    answered_as_the_desk_logs_it(store, answered)
    abandoned = sorted(r["waited_s"] for r in records if r["event"] == "abandoned")
    assert abandoned[1] <= 5 < abandoned[2]  # two short abandons, one patient caller
    dialled = str(answered["dialled"])

    by_operator = stats(store, tmp_path, capsys, "operator")
    total = by_operator["total"]
    assert (total["offered"], total["answered"], total["abandoned"], total["short_abandons"],
            total["overflowed"]) == (5, 1, 3, 2, 1)
    assert total["service_level_60s"] == round(1 / 3, 3)  # answered within 60 s over 5 offered less 2 short
    assert total["abandoned_after_mean_s"] == round(sum(abandoned) / 3, 1)
    assert total["wait_mean_s"] == round(float(answered["waited_s"]), 1)
    assert (by_operator["(none)"]["offered"], by_operator["(none)"]["answered"]) == (4, 0)
    assert (by_operator["1000"]["offered"], by_operator["1000"]["answered"]) == (1, 1)
    by_service = stats(store, tmp_path, capsys, "service")
    assert set(by_service) == {"total", dialled}
    assert by_service[dialled]["offered"] == 5
