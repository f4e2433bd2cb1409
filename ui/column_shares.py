"""Columns that share a table's width, so nothing scrolls sideways at any window size.

Each column gets its share of the viewport's width, never less than a floor (text elides, "Christian Br…",
rather than pushing the Status column out of view); an operator's drag of a column edge holds until the
table is next resized.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

FLOOR = 48  # pixels: a column narrower than this shows nothing useful, not even "…"


class ColumnShares(QObject):
    def __init__(self, view: QTableView, shares: Mapping[int, float]) -> None:
        super().__init__(view)
        self._view, self._shares = view, dict(shares)
        view.viewport().installEventFilter(self)
        view.horizontalHeader().setStretchLastSection(True)  # the pixels rounding leaves over
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        width = self._view.viewport().width()
        total = sum(self._shares.values())
        for column, share in self._shares.items():
            self._view.setColumnWidth(column, max(FLOOR, int(width * share / total)))
