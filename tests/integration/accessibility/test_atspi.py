"""The console read through AT-SPI under Xvfb, as Orca would: no unnamed control, a new caller announced.

The demo's own exchange calls the console; the reader (atspi_reader.py, Debian's python3 with pyatspi) walks
the window's accessibility tree and listens for the announcement of the caller.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
READER = Path(__file__).with_name("atspi_reader.py")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

SCRIPT = """
set -u
{launcher} --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 1
setsid xvfb-run -a -s "-screen 0 1366x768x24" {python} -m app --demo >{log} 2>&1 &
console=$!
{system_python} {reader} 120
status=$?
kill -- -$console 2>/dev/null
kill $bus 2>/dev/null
wait
exit $status
"""

def test_named_controls_and_an_announced_caller(tmp_path: Path) -> None:
    for tool in ("dbus-run-session", "xvfb-run"):
        assert shutil.which(tool), f"{tool} is missing: ./scripts/setup --dev installs it"
    assert BUS_LAUNCHER.exists(), "at-spi2-core is missing: ./scripts/setup --dev installs it"
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False)
    assert probe.returncode == 0, "python3-pyatspi is missing: ./scripts/setup --dev installs it"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
           "QT_ACCESSIBILITY": "1", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "LANGUAGE": "en", "LC_ALL": "C.UTF-8"}
    script = SCRIPT.format(launcher=BUS_LAUNCHER, python=sys.executable, system_python=SYSTEM_PYTHON, reader=READER,
                           log=tmp_path / "console.log")
    result = subprocess.run(["dbus-run-session", "--", "bash", "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=240, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stdout[-2000:] + (tmp_path / "console.log").read_text(errors="replace")[-3000:]
    report = json.loads(lines[-1])
    assert "error" not in report, report
    assert report["controls"] >= 20  # the directory, the phone dock, the desk's lists, tabs, buttons
    assert report["unnamed"] == []
    assert any(h["text"].startswith("Caller waiting: ") for h in report["heard"]), report["heard"]
