"""Columns that share a table's width, so nothing scrolls sideways at any window size.

Each column gets its share of the viewport's width, never less than a floor: its header's words (a Swedish
"Vänteläge" was cut to "Vänte…" in a narrow time column) and at least FLOOR pixels; the others share what is
left (text elides, "Christian Br…", rather than pushing the Status column out of view). An operator's drag
of a column edge holds until the table is next resized. A column named as fitted (the results' Status) also
gets the width its widest shown text asks for (lamp included), as far as the others keep their floors: its
words are the ones the operator must read whole. When that leaves a column that must stay readable (the
results' Name) less than its least share of the width, optional columns (Title, then Unit: the detail pane
shows both) are hidden, one at a time, until it has it; they come back when there is room.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle, QTableView

FLOOR = 48  # pixels: a column narrower than this shows nothing useful, not even "…"


class ColumnShares(QObject):
    def __init__(self, view: QTableView, shares: Mapping[int, float], fitted: Iterable[int] = (),
                 least: Mapping[int, float] | None = None, optional: Iterable[int] = ()) -> None:
        super().__init__(view)
        self._view, self._shares, self._fitted = view, dict(shares), frozenset(fitted)
        self._least, self._optional = dict(least or {}), tuple(optional)  # least: fractions of the width
        view.viewport().installEventFilter(self)
        if self._fitted and view.model() is not None:  # new rows, new text to fit
            view.model().modelReset.connect(self.apply)
        view.horizontalHeader().setStretchLastSection(True)  # the pixels rounding leaves over
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def _floor(self, column: int) -> int:
        header = self._view.horizontalHeader()
        text = self._view.model().headerData(column, Qt.Orientation.Horizontal) if self._view.model() else None
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        words = header.fontMetrics().horizontalAdvance(str(text)) + 4 * margin if text else 0
        return max(FLOOR, words)

    def apply(self) -> None:
        width = self._view.viewport().width()
        # Measured once: a fitted column's hint reads every shown row, at every keystroke for the results.
        floors = {column: self._floor(column) for column in self._shares}
        hints = {column: self._view.sizeHintForColumn(column) for column in self._fitted & floors.keys()}
        hidden: list[int] = []
        widths = self._widths(width, hidden, floors, hints)
        for column in self._optional:
            if all(widths[c] >= self._least[c] * width for c in self._least if c in widths):
                break
            hidden.append(column)
            widths = self._widths(width, hidden, floors, hints)
        for column in self._shares:
            self._view.setColumnHidden(column, column in hidden)
        for column, column_width in widths.items():
            self._view.setColumnWidth(column, column_width)

    def _widths(self, width: int, hidden: list[int], header_floors: dict[int, int],
                hints: dict[int, int]) -> dict[int, int]:
        shares = {column: share for column, share in self._shares.items() if column not in hidden}
        floors = {column: header_floors[column] for column in shares}
        for column in hints.keys() & floors.keys():
            others = sum(floor for other, floor in floors.items() if other != column)
            floors[column] = max(floors[column], min(hints[column], width - others))
        fixed: dict[int, int] = {}  # columns held at their floor; the rest share what is left
        while True:
            free = [column for column in shares if column not in fixed]
            total = sum(shares[column] for column in free)
            rest = width - sum(fixed.values())
            widths = {column: int(rest * shares[column] / total) for column in free} if total else {}
            short = [column for column in free if widths[column] < floors[column]]
            if not short:
                break
            fixed.update((column, floors[column]) for column in short)
        return {column: max(floors[column], share_width) for column, share_width in {**widths, **fixed}.items()}
