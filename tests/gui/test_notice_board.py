"""The notice board in the window: Ctrl+Shift+N opens a non-modal form, a posted notice shows in the strip
above the search (plain text, who and until when) on this console and, once it reads the store, on another
console of the same organisation; a bad one is named in the form; Clear ends it everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.notices.flow import NoticeFlow
from directory.store.notices import NoticeRepository
from tests.helpers.lookup import Running, start

pytestmark = pytest.mark.gui


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path, demo_database: Path, event_loop_qt: object) -> Iterator[Running]:
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        yield running


def test_a_notice_is_posted_from_the_window_shown_as_plain_text_and_cleared(console: Running,
                                                                           qtbot: QtBot) -> None:
    window = console.window
    flow = NoticeFlow(window, console.console, "eva")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+N"))
    qtbot.waitUntil(flow.form.isVisible, timeout=3000)
    assert not flow.form.isModal()  # the phone and the window go on behind it

    flow.form.text.setText("   ")  # nothing to say: named, nothing posted
    QTest.keyClick(flow.form.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.form.problem.text() == "a notice needs a text", timeout=3000)

    flow.form.text.setText("<b>Akuten</b>: long waits, refer to 1177")
    QTest.keyClick(flow.form.text, Qt.Key.Key_Return)
    qtbot.waitUntil(flow.bar.isVisible, timeout=3000)
    assert not flow.form.isVisible()
    assert flow.bar.text.textFormat() is Qt.TextFormat.PlainText
    assert flow.bar.text.text().startswith("eva until ")
    assert flow.bar.text.text().endswith(": <b>Akuten</b>: long waits, refer to 1177")

    services = console.console.services
    assert services is not None
    store = services.store  # another console of the organisation posts one too
    NoticeRepository(store).post("Växeln stänger 12-13", "olle", datetime.now(UTC),
                                 datetime.now(UTC) + timedelta(hours=1))
    flow.refresh()  # on SQLite the 30-second look (PostgreSQL's live updates: tests/integration/store)
    qtbot.waitUntil(lambda: flow.bar.text.text().startswith("olle until "), timeout=3000)

    QTest.mouseClick(flow.bar.clear_button, Qt.MouseButton.LeftButton)  # the newest: olle's
    qtbot.waitUntil(lambda: "olle" not in flow.bar.text.text(), timeout=3000)
    assert [n.posted_by for n in NoticeRepository(store).shown(datetime.now(UTC))] == ["eva"]
