"""`switchboard calllog list`: a store filled the way the desk's logger fills it, read back as table and JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.calls.desk_log import logged_call
from app.cli.calllog import SinceError, parse_since
from app.cli.main import main
from app.config.paths import Paths
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository
from softphone.desk.records import CallRecord, Outcome, PriorityClass

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # 15:30 in Stockholm


def record(offered_at: datetime, outcome: Outcome, *, name: str = "", number: str = "070-111 22 33",
           answered_after: float | None = 5.0, connect: float | None = 30.0, target: str = "",
           incoming: bool = True) -> CallRecord:
    answered = offered_at + timedelta(seconds=answered_after) if answered_after is not None else None
    return CallRecord(
        number=number, name=name, dialled="019-602 10 00", priority=PriorityClass.NORMAL, incoming=incoming,
        offered_at=offered_at, answered_at=answered, ended_at=offered_at + timedelta(seconds=120),
        waiting_s=answered_after if answered_after is not None else 40.0, held_s=0.0, hold_count=0,
        consulted=(target,) if target else (), transferred_to=target, outcome=outcome,
        time_to_connect_s=connect if answered is not None else None, recalled=False, end_reason="")


def fill(store: Store, now: datetime) -> None:
    """Three calls in the last hours and one two days back, written as CallLogWriter writes them."""
    CallLogRepository(store).add(logged_call(r, "op-1") for r in (
        record(now - timedelta(minutes=10), Outcome.TRANSFERRED, name="Åsa Öberg", target="Eva Berg",
               answered_after=4.0, connect=20.0),
        record(now - timedelta(minutes=50), Outcome.ABANDONED, number="+46 70 999", answered_after=None),
        record(now - timedelta(hours=3), Outcome.HANDLED, name="Karl Eriksson", answered_after=10.0, connect=60.0),
        record(now - timedelta(days=2), Outcome.HANDLED, name="Old Caller"),
    ))


@pytest.fixture
def filled() -> datetime:
    """The default database the CLI opens (under the test's own home), filled relative to now."""
    now = datetime.now(UTC)
    store = Store.open(sqlite_url(Paths.current().default_database))
    try:
        fill(store, now)
    finally:
        store.dispose()
    return now


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("text", "expected"), [
    ("today", datetime(2026, 11, 22, 23, 0, tzinfo=UTC)),  # local midnight in Stockholm
    ("yesterday", datetime(2026, 11, 21, 23, 0, tzinfo=UTC)),
    ("2h", NOW - timedelta(hours=2)),
    ("30m", NOW - timedelta(minutes=30)),
    ("7d", NOW - timedelta(days=7)),
    ("1h30m", NOW - timedelta(minutes=90)),
    ("2026-11-20", datetime(2026, 11, 19, 23, 0, tzinfo=UTC)),
    ("2026-11-20T08:15", datetime(2026, 11, 20, 7, 15, tzinfo=UTC)),
    ("2026-11-20T08:15Z", datetime(2026, 11, 20, 8, 15, tzinfo=UTC)),
])
def test_since_understands_what_an_operator_types(text: str, expected: datetime) -> None:
    assert parse_since(text, NOW, STOCKHOLM) == expected


@pytest.mark.parametrize("text", ["", "last week", "2x", "-2h", "2026-13-01"])
def test_since_rejects_other_text_naming_it(text: str) -> None:
    with pytest.raises(SinceError, match=f"--since {text!r}"):
        parse_since(text, NOW, STOCKHOLM)


def test_bad_since_is_a_one_line_error_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "calllog", "list", "--since", "fortnight")
    assert (code, out) == (2, "")
    assert err.startswith("error: --since 'fortnight' is not understood")
    assert err.count("\n") == 1


def test_json_lists_the_calls_since_newest_first_with_the_summary(
        capsys: pytest.CaptureFixture[str], filled: datetime) -> None:
    code, out, err = run(capsys, "calllog", "list", "--since", "1d", "--json")
    assert (code, err) == (0, "")
    listing = json.loads(out)
    assert set(listing) == {"since", "calls", "summary"}
    assert listing["since"].endswith("Z")
    assert datetime.fromisoformat(listing["since"]) == pytest.approx(filled - timedelta(days=1),
                                                                     abs=timedelta(seconds=60))
    assert [c["outcome"] for c in listing["calls"]] == ["transferred", "abandoned", "handled"]
    first = listing["calls"][0]
    assert set(first) == {"id", "offered_at", "answered_at", "ended_at", "direction", "name", "number", "dialled",
                          "outcome", "recalled", "priority", "waiting_s", "time_to_connect_s", "held_s",
                          "hold_count", "consulted", "transferred_to", "end_reason", "console", "entry_id"}
    assert first["offered_at"] == (filled - timedelta(minutes=10)).isoformat().replace("+00:00", "Z")
    assert (first["name"], first["number"], first["direction"], first["transferred_to"], first["console"]) == (
        "Åsa Öberg", "070-111 22 33", "in", "Eva Berg", "op-1")
    assert (first["waiting_s"], first["time_to_connect_s"]) == (4.0, 20.0)
    gave_up = listing["calls"][1]
    assert (gave_up["number"], gave_up["answered_at"], gave_up["time_to_connect_s"]) == ("+46 70 999", None, None)
    assert listing["summary"] == {"calls": 3, "answered": 2, "gave_up": 1, "median_wait_s": 10.0,
                                  "median_connect_s": 40.0}


def test_table_shows_the_calls_and_the_windows_summary_line(
        capsys: pytest.CaptureFixture[str], filled: datetime) -> None:
    code, out, _ = run(capsys, "calllog", "list", "--since", "2h")
    assert code == 0
    header, *rows, summary = out.splitlines()
    assert header.split() == ["Time", "Caller", "Number", "Outcome", "Waited", "To", "connect", "Transferred",
                              "to", "Console"]
    assert len(rows) == 2
    assert "Åsa Öberg" in rows[0]
    assert " transferred " in rows[0]
    assert "0:04" in rows[0]
    assert "0:20" in rows[0]
    assert "Eva Berg" in rows[0]
    assert rows[0].endswith("op-1")
    assert "+46 70 999  +46 70 999" in rows[1]  # no name: the number stands for the caller
    assert "gave up waiting" in rows[1]
    assert summary == "2 calls · 1 answered · 1 gave up · median wait 0:22 · median time to connect 0:20"


def test_default_is_today(capsys: pytest.CaptureFixture[str], filled: datetime) -> None:
    code, out, _ = run(capsys, "calllog", "list", "--json")
    assert code == 0
    since = datetime.fromisoformat(json.loads(out)["since"])
    local_midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    assert since == local_midnight


def test_no_calls_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calllog", "list", "--since", "2026-01-01T00:00Z")
    assert code == 0
    assert out.splitlines() == ["no calls since " + datetime(2026, 1, 1, tzinfo=UTC).astimezone()
                                .strftime("%Y-%m-%d %H:%M"), "0 calls · 0 answered · 0 gave up"]


def test_demo_and_config_options_come_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calllog", "--demo", "list", "--json", "--since", "1d")
    assert code == 0
    assert json.loads(out)["summary"]["calls"] == 0  # the demo database has its own (empty) log
