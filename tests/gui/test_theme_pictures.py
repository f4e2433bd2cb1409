"""The theme pictures (docs/themes.md) do not drift from the window: every theme in both layouts at both sizes
is pictured and shown on the page, each at its size. The slow test regenerates two of the twelve under Xvfb
(~30 s each; all twelve take ~6 minutes: scripts/theme-screenshots), high contrast in the receptionist
layout on a desktop screen and dark in the operator layout on a laptop's, and checks each has its committed
picture's size and main colour (the theme's background); not their pixels, as clocks and callers differ
from run to run."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.demo.theme_shots import ALL, PICTURES, ThemeShot, shoot_all
from ui.layouts import OPERATOR, RECEPTIONIST

pytestmark = pytest.mark.gui

PAGE = PICTURES.parent / "themes.md"
IMAGE = re.compile(r"!\[([^\]]*)\]\(themes/([a-z_]+-[a-z_]+-\d+x\d+)\.png\)")
REGENERATED = (ThemeShot(RECEPTIONIST, "high_contrast", (1920, 1080)), ThemeShot(OPERATOR, "dark", (1366, 768)))
SAMPLES = 100  # a grid of pixels across and down: enough to find the colour most of the window has


def main_colour(image: QImage) -> int:
    pixels = Counter(image.pixel(x * image.width() // SAMPLES, y * image.height() // SAMPLES)
                     for x in range(SAMPLES) for y in range(SAMPLES))
    return pixels.most_common(1)[0][0]


def test_every_theme_layout_and_size_is_pictured_on_the_page() -> None:
    shown = IMAGE.findall(PAGE.read_text(encoding="utf-8"))
    assert sorted(name for _alt, name in shown) == sorted(shot.name for shot in ALL)
    for alt, name in shown:
        assert alt.strip(), f"{name}: a picture needs words for those who cannot see it"
    committed = sorted(path.stem for path in PICTURES.glob("*.png"))
    assert committed == sorted(shot.name for shot in ALL), "run scripts/theme-screenshots"
    for shot in ALL:
        image = QImage(str(PICTURES / f"{shot.name}.png"))
        assert (image.width(), image.height()) == shot.size, shot.name


@pytest.mark.slow
def test_regenerated_theme_pictures_match_the_committed_ones(tmp_path: Path) -> None:
    for picture in shoot_all(tmp_path, REGENERATED):
        committed, fresh = QImage(str(PICTURES / picture.name)), QImage(str(picture))
        assert (fresh.width(), fresh.height()) == (committed.width(), committed.height()), picture.name
        assert f"{main_colour(fresh):08x}" == f"{main_colour(committed):08x}", f"{picture.name}: another theme"
