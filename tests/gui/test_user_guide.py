"""The user guide (docs/guide/<language>.md) does not drift from the window: its pictures are the scenes the
window makes of itself (app/demo/scenes.py), every scene is in every guide, and every key a guide names is
one the window has. The slow test regenerates the English pictures (all three languages take ~5 minutes:
scripts/guide-screenshots) and checks they still have the committed pictures' size; not their pixels, as
clocks and waiting times differ from run to run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.cli.main import SCENE_NAMES
from app.demo.guide_shots import GUIDE, LANGUAGES, shoot_all
from app.demo.scenes import SCENES, SIZE
from app.messages.wiring import KEY as MESSAGE_KEY
from app.stats.wiring import KEY as STATISTICS_KEY
from ui.call_log_panel import CallLogPanel
from ui.desk_shortcuts import desk_shortcut_table
from ui.main_window import MainWindow
from ui.shortcuts import shortcut_table

pytestmark = pytest.mark.gui

IMAGE = re.compile(r"!\[([^\]]*)\]\((img/([a-z]{2})/([a-z]+)\.png)\)")
KEY = re.compile(r"`((?:(?:Ctrl|Shift|Alt)\+)*(?:F\d{1,2}|[A-Z]|Enter|Esc|Up|Down|Page Up|Page Down|Tab))`")
REGENERATED = ("en",)


def guide(language: str) -> str:
    return (GUIDE / f"{language}.md").read_text(encoding="utf-8")


def test_the_cli_offers_the_scenes_the_window_has() -> None:
    assert tuple(SCENES) == SCENE_NAMES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scene_is_pictured_in_the_guide_in_its_language(language: str) -> None:
    pictures = IMAGE.findall(guide(language))
    assert sorted(scene for _alt, _path, _language, scene in pictures) == sorted(SCENES)
    for alt, path, in_language, scene in pictures:
        assert in_language == language, path
        assert alt.strip(), f"{path}: a picture needs words for those who cannot see it"
        image = QImage(str(GUIDE / path))
        assert not image.isNull(), f"{path} is missing: run scripts/guide-screenshots"
        assert (image.width(), image.height()) == SIZE, f"{path} is not a {scene} scene's picture"


def test_every_committed_picture_is_in_a_guide() -> None:
    used = {path for language in LANGUAGES for _alt, path, _lang, _scene in IMAGE.findall(guide(language))}
    committed = {str(path.relative_to(GUIDE)) for path in (GUIDE / "img").rglob("*.png")}
    assert committed == used


def window_keys(qtbot: QtBot) -> set[str]:
    """The first column of the F1 table: the window's own keys, the desk's, and those the wiring adds."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.add_call_log(CallLogPanel())  # adds its key to the window's extra shortcuts
    rows = shortcut_table() + desk_shortcut_table() + window.extra_shortcuts
    keys = {MESSAGE_KEY, STATISTICS_KEY}
    for key, _description in rows:
        keys.update(part.strip() for part in re.split(r" / |, ", key))  # "Up / Down, Page Up / Page Down"
    return keys


def test_every_key_the_guides_name_is_one_the_window_has(qtbot: QtBot) -> None:
    known = window_keys(qtbot)
    named = {language: set(KEY.findall(guide(language))) for language in LANGUAGES}
    for language, keys in named.items():
        assert keys, f"{language}.md names no keys"
        assert keys <= known, f"{language}.md names keys the window does not have: {sorted(keys - known)}"
    assert named["sv"] == named["nb"] == named["en"], "the three guides name different keys"


@pytest.mark.slow
def test_regenerated_pictures_match_the_committed_ones(tmp_path: Path) -> None:
    for picture in shoot_all(REGENERATED, tmp_path):
        committed = QImage(str(GUIDE / "img" / picture.relative_to(tmp_path)))
        fresh = QImage(str(picture))
        assert (fresh.width(), fresh.height()) == (committed.width(), committed.height()), picture.name
