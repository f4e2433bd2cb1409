"""The call log in the window: searched on the database worker, newest first, with a summary line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.calls.call_log_flow import CallLogFlow
from app.tasks import TaskRunner
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository, LoggedCall
from softphone.desk.records import CallLogged
from ui.call_log_panel import CallLogPanel

pytestmark = pytest.mark.gui
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)


def _call(minutes: int, name: str, outcome: str, **kw: object) -> LoggedCall:
    fields: dict[str, object] = {
        "number": "+4670111222", "name": name, "dialled": "+4631000", "incoming": True,
        "offered_at": T0 + timedelta(minutes=minutes), "ended_at": T0 + timedelta(minutes=minutes, seconds=90),
        "outcome": outcome, "waiting_s": 10.0}
    fields.update(kw)
    return LoggedCall(**fields)  # type: ignore[arg-type]


CALLS = [
    _call(0, "Åsa Öberg", "transferred", answered_at=T0, time_to_connect_s=40.0, transferred_to="Eva Lind"),
    _call(5, "<b>Bold</b> Caller", "abandoned", waiting_s=30.0),
    _call(9, "Per Holm", "handled", answered_at=T0, time_to_connect_s=20.0, waiting_s=4.0),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _cells(panel: CallLogPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_calls_show_with_outcome_time_to_connect_and_a_summary(
        qtbot: QtBot, translated: Callable[[str], None]) -> None:
    translated("en")  # English plural forms come from a catalogue too
    panel = CallLogPanel()
    qtbot.addWidget(panel)
    panel.show_calls(list(reversed(CALLS)))
    assert _cells(panel, 1) == ["Per Holm", "<b>Bold</b> Caller", "Åsa Öberg"]  # as text, never markup
    assert _cells(panel, 4) == ["handled", "gave up waiting", "transferred"]
    assert _cells(panel, 6) == ["0:20", "", "0:40"]
    assert _cells(panel, 7) == ["", "", "Eva Lind"]
    summary = panel.findChild(QLabel, "callLogSummary")
    assert summary is not None
    assert summary.textFormat() is Qt.TextFormat.PlainText
    assert summary.text() == "3 calls · 2 answered · 1 gave up · median wait 0:10 · median time to connect 0:30"


def test_typing_searches_the_stored_log_and_logged_calls_appear(
        qtbot: QtBot, store: Store, event_loop_qt: object) -> None:
    repository = CallLogRepository(store)
    repository.add(CALLS)
    tasks = TaskRunner()
    panel = CallLogPanel()
    qtbot.addWidget(panel)
    flow = CallLogFlow(panel, tasks)
    try:
        flow.attach(repository)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=3000)
        assert _cells(panel, 1)[0] == "Per Holm"  # newest first
        qtbot.keyClicks(panel.search_field, "asa")
        qtbot.waitUntil(lambda: _cells(panel, 1) == ["Åsa Öberg"], timeout=3000)
        panel.search_field.clear()
        qtbot.keyClicks(panel.search_field, "eva lind")  # the transfer target is searchable too
        qtbot.waitUntil(lambda: _cells(panel, 1) == ["Åsa Öberg"], timeout=3000)
        panel.search_field.clear()
        qtbot.keyClicks(panel.search_field, "070-111")  # the caller's number as dialled nationally
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=3000)
        panel.search_field.clear()
        qtbot.keyClicks(panel.search_field, "Öberg")
        qtbot.waitUntil(lambda: _cells(panel, 1) == ["Åsa Öberg"], timeout=3000)
        panel.search_field.clear()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=3000)
        repository.add([_call(20, "Nils Nyman", "handled")])
        flow(CallLogged(None))  # type: ignore[arg-type]  # the desk logged one
        qtbot.waitUntil(lambda: _cells(panel, 1)[:1] == ["Nils Nyman"], timeout=3000)
    finally:
        tasks.shutdown()
