"""Ctrl+E in the console: a note written and edited on the selected person, and when another operator
changed it meanwhile, the box says who changed it to what and when; keep theirs or overwrite with mine,
nothing saved before the choice and every saved step in the note's history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.lookup.note_flow import NoteFlow
from directory.store.annotations import AnnotationRepository
from tests.helpers.lookup import Running, start
from ui.note_dialog import NoteDialog
from ui.referral_conflict import NoteConflictDialog
from ui.results_model import NAME

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path, demo_database: Path) -> Iterator[tuple[Running, NoteFlow]]:
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        yield running, NoteFlow(running.window, running.console)


def _open(qtbot: QtBot, running: Running, flow: NoteFlow) -> NoteDialog:
    window = running.window
    if window.model.rowCount() == 0:  # the first time through the key, as the operator does
        qtbot.keyClicks(window.search_field, "vaxeln")
        qtbot.waitUntil(lambda: window.model.rowCount() > 0 and window.model.index(0, NAME).data() == "Växeln",
                        timeout=5000)
        qtbot.keyClick(window.search_field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:  # the key's slot (the offscreen platform does not give the window back its activation)
        flow.open_for_selected()
    qtbot.waitUntil(flow.dialog.isVisible, timeout=5000)
    return flow.dialog


def test_a_note_written_then_changed_meanwhile_asks_keep_theirs_or_overwrite(
        qtbot: QtBot, demo: tuple[Running, NoteFlow]) -> None:
    running, flow = demo
    window, services = running.window, running.console.services
    assert services is not None
    dialog = _open(qtbot, running, flow)
    assert dialog.windowTitle() == "Note on Växeln"
    dialog.text.setPlainText("")
    dialog.save_button.click()
    assert dialog.problem.text() == "Type a note."  # said in the dialog, nothing stored
    dialog.text.setPlainText("Ask for the lab, not the ward")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "Ask for the lab, not the ward" in window.detail._notes.text(), timeout=5000)

    entry_id = dialog.entry_id
    other = AnnotationRepository(services.store, console="pc-2")  # another operator, meanwhile
    for choice in ("keep", "overwrite"):
        dialog = _open(qtbot, running, flow)
        note = other.stored_notes(entry_id)[-1]
        assert (dialog.note_id, dialog.version) == (note.id, note.version)
        other.edit(note.id, f"Eva's words ({choice})", "Eva Lund", version=note.version)
        dialog.text.setPlainText(f"Mine ({choice})")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: window.findChild(NoteConflictDialog) is not None, timeout=5000)
        conflict = window.findChild(NoteConflictDialog)
        assert conflict is not None
        assert conflict.text().startswith(f"Eva Lund changed the note to “Eva's words ({choice})” at ")
        assert conflict.informativeText() == f"Yours: Mine ({choice})"
        if choice == "keep":
            qtbot.keyClick(conflict, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: "Kept the other operator's note on Växeln" in window.statusBar().currentMessage(),
                            timeout=5000)
            assert other.stored_notes(entry_id)[-1].text == "Eva's words (keep)"
        else:
            conflict.overwrite_button.click()
            qtbot.waitUntil(lambda: other.stored_notes(entry_id)[-1].text == "Mine (overwrite)", timeout=5000)
        qtbot.waitUntil(lambda: window.findChild(NoteConflictDialog) is None, timeout=5000)
    history = other.history(other.stored_notes(entry_id)[-1].id)
    assert [(c.action, c.new_text) for c in history] == [
        ("added", "Ask for the lab, not the ward"), ("edited", "Eva's words (keep)"),
        ("edited", "Eva's words (overwrite)"), ("edited", "Mine (overwrite)")]
    qtbot.waitUntil(lambda: "Mine (overwrite)" in window.detail._notes.text(), timeout=5000)
    assert ("Ctrl+E", "Write or edit the selected person's note") in window.extra_shortcuts
