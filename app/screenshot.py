"""`--screenshot FILE.png [--scene NAME [--size WxH]]`: once the directory is loaded and the window has
settled, put the window into the scene (app/demo/scenes.py) at that size, save its picture and quit.

`exit_code`: 0 saved, 3 the file could not be written, 4 never taken (timed out), 5 the scene failed.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.calls.desk_bridge import DeskBridge
from app.cli.main import DEFAULT_SIZE
from app.lookup.console import Console
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
SETTLE_S = 0.4  # after the directory loaded: let layouts and the first search paint
TIMEOUT_MS = 60_000  # never hang a packaging smoke test
END_S = 1.0  # for the scene's calls to end
SCENE_TIMEOUT_MS = 120_000  # a scene waits for callers and colleagues to answer


class Screenshot(QObject):
    """Takes one picture of `window` and then calls `leave`."""

    def __init__(self, window: MainWindow, console: Console, phone: DeskBridge | None, path: Path,
                 leave: Callable[[], None], *, scene: str = "", size: tuple[int, int] = DEFAULT_SIZE) -> None:
        super().__init__(window)
        self.exit_code = 4
        self._window, self._console, self._phone = window, console, phone
        self._path, self._leave, self._scene, self._size = path, leave, scene, size
        self._started = False
        console.load_finished.connect(self._on_console_load_finished)
        QTimer.singleShot(SCENE_TIMEOUT_MS if scene else TIMEOUT_MS, leave)

    def _on_console_load_finished(self) -> None:
        if not self._started:  # a later reload (the demo switch) takes no second picture
            self._started = True
            self._console.tasks.spawn(self._take(), "screenshot", self._on_take_failed)

    async def _take(self) -> None:
        await asyncio.sleep(SETTLE_S)
        if self._scene:
            from app.demo.scenes import play  # noqa: PLC0415 - the scenes' code only for a scene (issue 19)

            picture = await play(self._scene, self._window, self._phone, self._size)
        else:
            QApplication.processEvents()
            picture = self._window.grab()
        self.exit_code = 0 if picture.save(str(self._path)) else 3
        if self._phone is not None and self._phone.desk.calls:  # end the scene's calls while the loop runs, so
            self._phone.end_all()  # the call log and statistics take their ends before the window goes
            await asyncio.sleep(END_S)
        self._leave()

    def _on_take_failed(self, error: BaseException) -> None:
        print(f"switchboard: screenshot not taken: {error}", file=sys.stderr)
        self.exit_code = 5
        self._leave()
