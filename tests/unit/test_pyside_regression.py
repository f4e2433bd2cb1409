"""PySide6 6.12.0 on CPython 3.11 corrupts None's refcount on void calls and aborts (FIELD-NOTES).

Runs ~100,000 void-returning calls in a child process: with a bad PySide6 the child dies with
`none_dealloc`; with the pinned one it exits cleanly.
"""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label, timer = QLabel(), QTimer()
for i in range(35_000):
    label.setText(str(i))
    timer.start(1000)
    app.processEvents()
print("ok")
"""


def test_void_calls_do_not_corrupt_none() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
