"""The console's X server dies under it (a remote session dropped, a display manager restarted): the console
ends at once, without a Python traceback, and takes its demo exchange (a Kamailio of its own) with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.demo.theme_shots import xvfb
from tests.helpers.processes import wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found |= {child, *_descendants(child)}
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


def test_the_console_ends_cleanly_when_its_x_server_dies(tmp_path: Path) -> None:
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is missing: run ./scripts/test (Debian xdotool)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SWITCHBOARD_"))}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="xcb")
    with xvfb((1366, 768)) as display:
        env["DISPLAY"] = display
        console = subprocess.Popen([sys.executable, "-m", "app", "--demo"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            # The demo's exchange queue is a Kamailio the console started: it must not outlive it.
            wait_until(lambda: bool(_descendants(console.pid)) or console.poll() is not None, timeout=120)
            helpers = _descendants(console.pid)
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Switchboard"], env=env,
                           check=True, capture_output=True, timeout=120)
        except BaseException:
            console.kill()
            raise AssertionError(f"the console did not come up: {console.communicate()[1][-2000:]}") from None
    # The X server is gone now (xvfb stopped it).
    try:
        _, errors = console.communicate(timeout=30)
    finally:
        console.kill()
    assert "X11 connection broke" in errors
    assert "Traceback" not in errors, errors[-2000:]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in helpers if _alive(pid)], "the demo's Kamailio outlived the console"
