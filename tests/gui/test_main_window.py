"""The console as an operator uses it: typing finds people, the keyboard does everything, text stays plain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.services import Services
from directory.model import Entry, EntryKind, PhoneNumber
from directory.referrals import ReferralService
from directory.store.audit import Actor
from tests.helpers.lookup import Running, copy_demo, start
from ui.about_dialog import AboutDialog
from ui.main_window import MainWindow, looks_like_number
from ui.referral_conflict import ReferralConflictDialog
from ui.referral_dialog import ReferralDialog
from ui.results_model import NAME, STATUS
from ui.shortcuts import ShortcutsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(qtbot: QtBot, tmp_path: Path, demo_database: Path) -> Iterator[Running]:
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        yield running


def first_names(window: MainWindow) -> list[str]:
    return [window.model.index(r, NAME).data() for r in range(window.model.rowCount())]


def wait_for_results(qtbot: QtBot, window: MainWindow, expected_first: str) -> None:
    qtbot.waitUntil(lambda: first_names(window)[:1] == [expected_first], timeout=5000)


def test_search_field_has_focus_and_typing_finds_people(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "vaxeln")
    wait_for_results(qtbot, window, "Växeln")
    assert "Demo directory" in window.source_label.text()
    assert window.banner.isVisible()


def test_non_ascii_typing(qtbot: QtBot, demo: Running) -> None:
    demo.window.search_field.insert("Växeln")
    wait_for_results(qtbot, demo.window, "Växeln")


def test_keyboard_navigation_and_activation(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    qtbot.keyClicks(window.search_field, "anna")
    qtbot.waitUntil(lambda: window.model.rowCount() > 3, timeout=5000)
    assert window.results.currentIndex().row() == 0
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.currentIndex().row() == 2
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    assert window.results.currentIndex().row() == 1
    expected = window.model.row(1).entry
    qtbot.waitUntil(lambda: window.detail._name.text() == expected.display_name, timeout=5000)
    with qtbot.waitSignal(window.entry_activated) as activated:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert activated.args == [expected.id]
    assert window.search_field.hasFocus()


def test_typing_anywhere_reaches_the_search_field(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    window.results.setFocus()
    qtbot.keyClicks(window.results, "ortop")
    assert window.search_field.text() == "ortop"
    assert window.search_field.hasFocus()


def test_escape_clears_then_ctrl_f_selects(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    qtbot.keyClicks(window.search_field, "lab")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    qtbot.keyClicks(window.search_field, "kard")
    window.results.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    assert window.search_field.selectedText() == "kard"


def test_detail_pane_shows_all_numbers(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    qtbot.keyClicks(window.search_field, "vaxeln")
    wait_for_results(qtbot, window, "Växeln")
    entry = window.model.row(0).entry
    qtbot.waitUntil(lambda: window.detail._name.text() == "Växeln", timeout=5000)
    shown = window.detail.findChildren(type(window.detail._name))
    assert all(n.raw in [label.text() for label in shown] for n in entry.numbers)


def test_nothing_configured_offers_the_demo(qtbot: QtBot, tmp_path: Path, demo_database: Path) -> None:
    with start(qtbot, tmp_path, demo=False) as running:
        copy_demo(demo_database, running.paths)
        window = running.window
        assert window.banner.isVisible()
        assert window.banner.button.isVisible()
        assert "No directory" in window.source_label.text()
        with qtbot.waitSignal(running.console.directory_loaded, timeout=30_000):
            qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
        assert running.console.demo
        qtbot.keyClicks(window.search_field, "vaxeln")
        wait_for_results(qtbot, window, "Växeln")
        user = Services.open(load_config(running.paths), running.paths, demo=False)
        assert user.directory.load_entries() == []  # the demo never touches the user's database
        user.close()


def test_markup_in_directory_text_is_shown_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")
    services = Services.open(load_config(paths), paths, demo=False)
    hostile = "<b>Bold</b> <img src=x> &amp;"
    services.directory.replace_source("t", [Entry("t", "1", EntryKind.PERSON, hostile, title="<i>x</i>",
                                                  numbers=(PhoneNumber("<a href=x>1</a>"),))])
    services.close()
    with start(qtbot, tmp_path, demo=False) as running:
        window = running.window
        window.search_field.insert("bold")
        wait_for_results(qtbot, window, hostile)
        qtbot.waitUntil(lambda: window.detail._name.text() == hostile, timeout=5000)
        assert window.detail._name.textFormat() == Qt.TextFormat.PlainText
        window.grab()  # the highlight delegate paints it without interpreting markup


@pytest.mark.parametrize(("text", "number"), [("019-602 10 00", True), ("+47 22 11 33 44", True), ("1234", True),
                                             ("*21#", True), ("anna", False), ("019 anna", False), ("", False),
                                             ("sip:7100@pbx.example", True), ("anna@region.example", False)])
def test_what_counts_as_a_number_to_dial(text: str, number: bool) -> None:
    assert looks_like_number(text) is number


def test_enter_on_a_number_dials_it_when_a_phone_is_present(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.search_field.setText("019-602 10 00")
    with qtbot.assertNotEmitted(window.dial_requested):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    window.set_dialling_enabled(True)
    with qtbot.waitSignal(window.dial_requested) as dialled:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert dialled.args == ["019-602 10 00"]


def test_an_import_by_another_process_reaches_the_running_console(qtbot: QtBot, tmp_path: Path) -> None:
    with start(qtbot, tmp_path, demo=False) as running:
        window = running.window
        window.search_field.insert("zäta")
        other = Services.open(load_config(running.paths), running.paths, demo=False)  # as `directory import` would
        other.directory.replace_source("t", [Entry("t", "1", EntryKind.PERSON, "Zäta Öst")])
        other.close()
        running.console.refresh_now()
        wait_for_results(qtbot, window, "Zäta Öst")


def test_f4_sets_a_referral_shown_in_results_and_read_out(qtbot: QtBot, demo: Running) -> None:
    window = demo.window
    qtbot.keyClicks(window.search_field, "vaxeln")
    wait_for_results(qtbot, window, "Växeln")
    qtbot.keyClick(window.search_field, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.findChild(ReferralDialog) is not None, timeout=5000)
    dialog = window.findChild(ReferralDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.code_field, "lunch")
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0
                    and window.model.index(0, STATUS).data().startswith("Lunch until"), timeout=5000)
    qtbot.waitUntil(lambda: window.detail._read_out.text().startswith("Växeln är på lunch"), timeout=5000)
    assert "set: Lunch" in window.detail._history.text()


def _conflicting_lunch(qtbot: QtBot, demo: Running) -> ReferralConflictDialog:
    """F4 on Växeln, another operator sets a meeting while the dialog is open, this one saves lunch."""
    window, services = demo.window, demo.console.services
    assert services is not None
    qtbot.keyClicks(window.search_field, "vaxeln")
    wait_for_results(qtbot, window, "Växeln")
    entry_id = window.model.row(0).entry.id
    assert entry_id is not None
    qtbot.keyClick(window.search_field, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.findChild(ReferralDialog) is not None, timeout=5000)
    dialog = window.findChild(ReferralDialog)
    assert dialog is not None
    other = ReferralService(services.referrals.log, services.referrals.codes, services.referrals.zone,
                            Actor("Eva Lund", "pc-2"), language="en")  # another operator, acting meanwhile
    other.set(other.prepare(entry_id, "meeting", until_text="+60"))
    qtbot.keyClicks(dialog.code_field, "lunch")
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(ReferralConflictDialog) is not None, timeout=5000)
    conflict = window.findChild(ReferralConflictDialog)
    assert conflict is not None
    return conflict


def test_a_referral_changed_meanwhile_is_not_overwritten(qtbot: QtBot, demo: Running) -> None:
    conflict = _conflicting_lunch(qtbot, demo)
    assert conflict.text().startswith("Eva Lund set “Meeting until ")
    assert conflict.informativeText().startswith("Yours: Lunch until ")
    qtbot.keyClick(conflict, Qt.Key.Key_Escape)  # keep theirs
    window = demo.window
    qtbot.waitUntil(lambda: "Kept the other operator's referral" in window.statusBar().currentMessage(),
                    timeout=5000)
    qtbot.waitUntil(lambda: window.model.index(0, STATUS).data().startswith("Meeting until"), timeout=5000)
    qtbot.waitUntil(lambda: "Eva Lund (pc-2) · set: Meeting" in window.detail._history.text(), timeout=5000)
    assert window.detail._history.text().count("set: ") == 1  # theirs alone: mine was never applied


def test_overwrite_with_mine_after_a_conflict_saves_it_and_both_are_audited(qtbot: QtBot, demo: Running) -> None:
    conflict = _conflicting_lunch(qtbot, demo)
    conflict.overwrite_button.click()
    window = demo.window
    qtbot.waitUntil(lambda: window.model.index(0, STATUS).data().startswith("Lunch until"), timeout=5000)
    qtbot.waitUntil(lambda: window.detail._history.text().count("set: ") == 2, timeout=5000)
    assert "Eva Lund (pc-2) · set: Meeting" in window.detail._history.text()


def test_help_menu_opens_shortcuts_and_about(qtbot: QtBot) -> None:
    window = MainWindow(version="9.9.9")
    qtbot.addWidget(window)
    (help_menu,) = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    actions = help_menu.actions()
    actions[0].trigger()
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None, timeout=2000)
    actions[1].trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None, timeout=2000)
    shortcuts, about = window.findChild(ShortcutsDialog), window.findChild(AboutDialog)
    assert shortcuts is not None
    assert shortcuts.windowTitle() == "Keyboard shortcuts"
    assert about is not None
    assert about.title.text() == "Switchboard 9.9.9"  # the window's own version, not a default
