"""The waiting dock's title says how many wait and for how long: "Waiting calls (3) · longest 1:42".

The operator sees the queue's pressure without reading the list; the title follows the model (rows in
and out, and the once-a-second clock the model already gets).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from ui.desk_model import DeskListModel
from ui.phone_panel import format_duration


class WaitingTitle(QObject):
    def __init__(self, dock: QDockWidget, model: DeskListModel, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dock, self._model, self._title = dock, model, title
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        count = self._model.rowCount()
        if count == 0:
            return self._title
        return (self.tr("%1 (%2) · longest %3").replace("%1", self._title).replace("%2", str(count))
                .replace("%3", format_duration(self._model.longest_wait())))

    def refresh(self) -> None:
        text = self.text()
        if self._dock.windowTitle() != text:
            self._dock.setWindowTitle(text)
