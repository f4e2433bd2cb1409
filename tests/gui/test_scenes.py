"""The steps the guide's scenes are made of (app/demo/scenes.py), on a bare window: a key press triggers the
window's own action or shortcut, a key nothing answers to and a scene without a phone are clear errors, the
picture of a window with a dialog open is the window's size with the dialog on it, and the scene's dialog is
its window's own, whatever other windows left open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.demo.scenes import Scene, SceneError
from ui.main_window import MainWindow
from ui.shortcuts import ShortcutsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def scene(qtbot: QtBot) -> Scene:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return Scene(window, None)


def test_a_key_triggers_the_window_action_bound_to_it(scene: Scene, qtbot: QtBot) -> None:
    plain = scene.grab().toImage()
    scene.press("F1")
    qtbot.waitUntil(lambda: scene.dialog() is not None)
    dialog = scene.dialog()
    assert isinstance(dialog, ShortcutsDialog)
    picture = scene.grab()
    assert picture.size() == scene.window.grab().size()
    assert picture.toImage() != plain  # the dialog is drawn on the window
    dialog.close()


def test_a_dialog_another_window_left_open_is_not_the_scenes(scene: Scene, qtbot: QtBot) -> None:
    """Earlier tests' windows may leave their dialogs up until Qt deletes them: the scene's is its window's."""
    other = MainWindow()
    qtbot.addWidget(other)
    stray = QDialog(other)
    qtbot.addWidget(stray)
    stray.show()
    assert scene.dialog() is None
    scene.press("F1")
    qtbot.waitUntil(lambda: scene.dialog() is not None)
    dialog = scene.dialog()
    assert isinstance(dialog, ShortcutsDialog)
    assert dialog.parentWidget() is scene.window
    dialog.close()


def test_a_key_nothing_answers_to_is_an_error(scene: Scene) -> None:
    with pytest.raises(SceneError, match=r"no action or shortcut of the window has the key Ctrl\+Alt\+F11"):
        scene.press("Ctrl+Alt+F11")


def test_a_scene_that_needs_the_phone_says_so(scene: Scene) -> None:
    with pytest.raises(SceneError, match="needs the demo's phone"):
        scene.desk()
