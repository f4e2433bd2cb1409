"""The call log in the window: a search field over the stored log, the calls, and a summary line."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from directory.store.calllog import LoggedCall
from ui.call_log_model import CallLogModel
from ui.log_panel import LogPanel


class CallLogPanel(LogPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = CallLogModel()
        super().__init__("callLog", model, parent)
        self.model = model
        model.setParent(self)
        self.describe(self.tr("Search the call log: name, number, transferred to…"), self.tr("Search the call log"),
                      self.tr("Type a name or number to find past calls"), self.tr("Call log"),
                      self.tr("Past calls, newest first: who, when, outcome and waiting time"))

    def show_calls(self, calls: list[LoggedCall]) -> None:
        self.model.set_calls(calls)
        self.summary.setText(self.model.summary())
