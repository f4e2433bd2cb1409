"""The message log in the window: the outbox searched like the call log on the database worker, newest first,
states in words (a failure with its reason), typed texts shown as plain text, and a summary line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.messages.log_flow import MessageLogFlow
from app.tasks import TaskRunner
from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxMessage, OutboxRepository
from ui.message_log_model import COLUMNS, MESSAGE_ROLE
from ui.message_log_panel import MessageLogPanel

pytestmark = pytest.mark.gui
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)


def _message(minutes: int, recipient: str, name: str, channel: str, text: str) -> OutboxMessage:
    return OutboxMessage(batch=f"b{minutes}", channel=channel, recipient=recipient, recipient_name=name, text=text,
                         created_at=T0 + timedelta(minutes=minutes), sender="olle", console="pc-7")


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    repository = OutboxRepository(store)
    ids = repository.enqueue([
        _message(0, "+46701112233", "Åsa Öberg", "sms", "Per Holm ringde, ring tillbaka"),
        _message(5, "eva.lind@example.se", "<b>Eva</b> Lind", "email", "Möte flyttat"),
        _message(9, "4711", "", "pager", "Ring växeln " + "x" * 200)])
    now = datetime.now(UTC)
    for message_id in ids:
        repository.claim(message_id, now)
    repository.mark_sent(ids[0], now, "kannel:1")
    repository.mark_delivered(ids[0], now)
    repository.mark_failed(ids[1], "the server refused the address", now)
    repository.mark_sent(ids[2], now)
    yield repository
    store.dispose()


def _cells(panel: MessageLogPanel, column: str) -> list[str]:
    model = panel.model
    return [model.index(r, COLUMNS.index(column)).data() for r in range(model.rowCount())]


def test_the_log_shows_every_message_newest_first_and_typing_searches_it(
        qtbot: QtBot, outbox: OutboxRepository, translated: Callable[[str], None], event_loop_qt: object) -> None:
    translated("en")
    tasks = TaskRunner()
    panel = MessageLogPanel()
    qtbot.addWidget(panel)
    flow = MessageLogFlow(panel, tasks)
    try:
        flow.attach(outbox)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=3000)
        assert _cells(panel, "channel") == ["Pager / DECT", "E-mail", "SMS"]
        assert _cells(panel, "recipient") == ["4711", "<b>Eva</b> Lind (eva.lind@example.se)",
                                              "Åsa Öberg (070-111 22 33)"]  # as text, never markup
        assert _cells(panel, "state") == ["sent", "failed: the server refused the address", "delivered"]
        assert len(_cells(panel, "text")[0]) == 80  # a long text elided; the tooltip has it whole
        assert panel.model.index(0, COLUMNS.index("text")).data(Qt.ItemDataRole.ToolTipRole).endswith("x" * 200)
        assert panel.model.index(2, 0).data(MESSAGE_ROLE).recipient == "+46701112233"
        summary = panel.findChild(QLabel, "messageLogSummary")
        assert summary is not None
        assert summary.textFormat() is Qt.TextFormat.PlainText
        assert summary.text() == "3 messages · 1 delivered · 1 failed"

        qtbot.keyClicks(panel.search_field, "asa")  # Nordic-folded, as the call log
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
        assert _cells(panel, "channel") == ["SMS"]
    finally:
        tasks.shutdown()
