"""`switchboard --demo --screenshot` as reviewers and packaging run it: offscreen and on a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    step = max(1, image.width() // 200)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_demo_screenshot_is_a_real_window(platform: str, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    command = [sys.executable, "-m", "app", "--demo", "--search", "kard", "--screenshot", str(shot)]
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    if platform == "xcb":
        xvfb_run = shutil.which("xvfb-run")
        assert xvfb_run, "xvfb-run is missing: ./scripts/test installs xvfb"
        command = [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", *command]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(shot))
    assert image.width() >= 800
    assert image.height() >= 500
    assert distinct_colours(shot) > 20  # text, highlights, banner: not a blank window


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["operator", "receptionist"])
def test_the_demo_window_fits_a_1366x768_laptop_screen(layout: str, tmp_path: Path) -> None:
    """Every dock of the demo (phone, call panels, call log, favourites, statistics, messages) within the
    screen, in both layouts: the window is no larger than it, so the status bar and the tabs are in view."""
    config = tmp_path / ".config" / "switchboard" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[general]\nlayout = "{layout}"\n', encoding="utf-8")
    shot = tmp_path / "shot.png"
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: ./scripts/test installs xvfb"
    command = [xvfb_run, "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "app", "--demo",
               "--search", "kard", "--screenshot", str(shot)]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(shot))
    assert image.width() <= 1366
    assert image.height() <= 768
