"""Named states of the demo window for `--screenshot --scene NAME`: the user guide's pictures, made by the
window itself. Each scene presses the keys the guide names (the window's own actions and shortcuts, found
by their key) and waits for the desk or the dialog they bring up; nothing is drawn or filled in by hand.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.calls.desk_bridge import DeskBridge
from app.cli.main import DEFAULT_SIZE
from app.messages.wiring import KEY as MESSAGE_KEY
from app.stats.wiring import KEY as STATISTICS_KEY
from softphone.desk.records import Stage
from ui.desk_shortcuts import DEFAULT_KEYS
from ui.main_window import MainWindow

SIZE = DEFAULT_SIZE  # the guide's pictures: the smallest common laptop screen, the same on every platform
WAIT_S = 45.0  # a caller joins the demo queue every few seconds; a consultation answers within seconds
KEYS_DIALOG = (1000, 700)  # the F1 table with every row and its words in view
TALK_S = 2.0  # a call a few seconds old, as the operator sees one
REFERRAL_PERSON = "Kristina Eriksson"  # on vacation in the demo, her colleague named as the alternative
COLLEAGUE = "Emil Näslund"  # no referral: F6 calls him straight away
BUSY = 5  # callers waiting before the overview's call is answered (the demo queue holds up to six)
ASKED_FOR = "kard"  # what the overview's caller asks for: the cardiology unit and its people


class SceneError(Exception):
    """A scene could not reach its state (no phone, no caller in time, a key nothing answers to)."""


@dataclass
class Scene:
    """The demo window and what acts on it, with the steps scenes are made of."""

    window: MainWindow
    phone: DeskBridge | None

    def press(self, key: str) -> None:
        """What the key does: the window's action or shortcut bound to it, triggered."""
        sequence = QKeySequence(key)
        for action in self.window.findChildren(QAction):
            if action.shortcut() == sequence and action.isEnabled():
                action.trigger()
                return
        for shortcut in self.window.findChildren(QShortcut):
            if shortcut.key() == sequence and shortcut.isEnabled():
                shortcut.activated.emit()
                return
        raise SceneError(f"no action or shortcut of the window has the key {key}")

    async def until(self, done: Callable[[], object], what: str, timeout_s: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > deadline:
                raise SceneError(f"{what}: not within {timeout_s:.0f} s")
            await asyncio.sleep(0.1)

    async def search(self, text: str) -> None:
        """Types `text` into the search field and waits until the first result is the one named."""
        self.window.search_field.setText(text)
        await self.until(lambda: self.window.model.rowCount() and
                         self.window.model.row(0).entry.display_name == text, f"search for {text!r}", 15.0)

    def desk(self) -> DeskBridge:
        if self.phone is None:
            raise SceneError("the scene needs the demo's phone, which did not start (see the log)")
        return self.phone

    async def answer(self) -> None:
        """F2 on the first caller to wait, then waits until the call is up."""
        desk = self.desk()
        await self.until(desk.desk.waiting, "a caller waiting")
        self.press(DEFAULT_KEYS["answer_next"])
        await self.until(lambda: (call := desk.current()) is not None and call.stage is Stage.ACTIVE,
                         "the answered call up")

    def dialog(self) -> QDialog | None:
        """The window's open dialog: one of its own (a dialog another window left open is not this scene's)."""
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.isVisible() and self._owns(w)]
        return shown[-1] if shown else None

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            parent = parent.parentWidget()
        return parent is self.window

    def widen_tabs(self) -> None:
        """The tabbed panels (call log, statistics, ...) get most of the column, as an operator drags them."""
        dock = self.window.tab_group
        if dock is not None:
            self.window.resizeDocks([dock], [self.window.height() * 2 // 3], Qt.Orientation.Vertical)
            self.window.resizeDocks([dock], [self.window.width() // 2], Qt.Orientation.Horizontal)

    def grab(self) -> QPixmap:
        """The window, with an open dialog drawn over its middle as the operator sees it."""
        picture = self.window.grab()
        dialog = self.dialog()
        if dialog is not None:
            top = dialog.grab()
            at = QPoint((picture.width() - top.width()) // 2, (picture.height() - top.height()) // 3)
            painter = QPainter(picture)
            painter.drawPixmap(at, top)
            painter.setPen(QColor("#5a5a5a"))
            painter.drawRect(at.x() - 1, at.y() - 1, top.width() + 1, top.height() + 1)
            painter.end()
        return picture


async def _search(scene: Scene) -> None:
    await scene.search(REFERRAL_PERSON)


async def _call(scene: Scene) -> None:
    await scene.answer()
    await asyncio.sleep(TALK_S)


async def _overview(scene: Scene) -> None:
    """The window at work: several callers waiting, one answered, the person they ask for being searched."""
    desk = scene.desk()
    await scene.until(lambda: len(desk.desk.waiting()) >= BUSY, f"{BUSY} callers waiting", 90.0)
    await scene.answer()
    scene.window.search_field.setText(ASKED_FOR)
    await scene.until(lambda: scene.window.model.rowCount() > 0, f"results for {ASKED_FOR!r}", 15.0)
    await asyncio.sleep(TALK_S)


async def _consult(scene: Scene) -> None:
    await scene.answer()
    await scene.search(COLLEAGUE)
    scene.press(DEFAULT_KEYS["consult"])
    desk = scene.desk()
    await scene.until(lambda: any(c.consultation is not None and c.consultation.connected
                                  for c in desk.desk.in_stage(Stage.CONSULTING)), "the colleague answering")


async def _referral(scene: Scene) -> None:
    await scene.search(REFERRAL_PERSON)
    scene.press("F4")
    await scene.until(scene.dialog, "the referral dialog", 15.0)


async def _message(scene: Scene) -> None:
    await scene.answer()
    await scene.search(COLLEAGUE)
    scene.press(MESSAGE_KEY)
    await scene.until(scene.dialog, "the message form", 15.0)


async def _statistics(scene: Scene) -> None:
    scene.widen_tabs()
    scene.press(STATISTICS_KEY)
    await asyncio.sleep(1.5)  # the report is read on the database worker


async def _keys(scene: Scene) -> None:
    scene.press("F1")
    await scene.until(scene.dialog, "the keyboard shortcuts", 15.0)
    dialog = scene.dialog()
    if dialog is not None:  # every row in view, as the operator would pull it open
        dialog.resize(KEYS_DIALOG[0], KEYS_DIALOG[1])


SCENES: dict[str, Callable[[Scene], Awaitable[None]]] = {
    "overview": _overview, "search": _search, "call": _call, "consult": _consult, "referral": _referral,
    "message": _message, "statistics": _statistics, "keys": _keys,
}


async def play(name: str, window: MainWindow, phone: DeskBridge | None, size: tuple[int, int] = SIZE) -> QPixmap:
    """Puts the window into scene `name` at `size` (the guide's unless told) and returns its picture."""
    if name not in SCENES:
        raise SceneError(f"unknown scene {name!r}; known: {', '.join(SCENES)}")
    window.resize(*size)
    scene = Scene(window, phone)
    await SCENES[name](scene)
    await asyncio.sleep(0.5)  # let the last change paint
    QApplication.processEvents()
    return scene.grab()
