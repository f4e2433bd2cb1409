"""Columns that share a table's width, so nothing scrolls sideways at any window size.

Each column gets its share of the viewport's width, never less than a floor: its header's words (a Swedish
"Vänteläge" was cut to "Vänte…" in a narrow time column) and at least FLOOR pixels; the others share what is
left (text elides, "Christian Br…", rather than pushing the Status column out of view). An operator's drag
of a column edge holds until the table is next resized. A column named as fitted (the results' Status) also
gets the width its widest shown text asks for (lamp included), as far as the others keep their floors: its
words are the ones the operator must read whole. When that leaves a column that must stay readable (the
results' Name) less than its widest shown text asks for, up to its least share of the width, optional columns
(Title, then Unit: the detail pane shows both) are hidden, one at a time, until it has it; they come back
when there is room. Fitted columns
take their room in the order they are named, each as far as the ones before it and the others' floors leave,
so together they never push the table wider than its viewport. A kept column (the waiting list's Caller)
has a fraction of the width as its floor: it is what gives way first, the fitted columns' words (the service
a caller dialled) stay whole while there is room, and it is never cut to nothing for them. Fitted widths follow
new rows and changed text (not a running clock's tick in another column). A column that may be hidden while
empty (the waiting list's Priority: most callers have none) gives its room to the others until a row has
words in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QStyle, QTableView

FLOOR = 48  # pixels: a column narrower than this shows nothing useful, not even "…"


class ColumnShares(QObject):
    def __init__(self, view: QTableView, shares: Mapping[int, float], fitted: Iterable[int] = (),
                 least: Mapping[int, float] | None = None, optional: Iterable[int] = (), *,
                 kept: Mapping[int, float] | None = None, hidden_while_empty: Iterable[int] = ()) -> None:
        super().__init__(view)
        self._view, self._shares, self._fitted = view, dict(shares), tuple(fitted)
        self._least, self._optional = dict(least or {}), tuple(optional)  # least: fractions of the width
        self._kept = dict(kept or {})  # fractions of the width: floors the fitted columns leave alone
        self._empty_hidden = tuple(hidden_while_empty)
        view.viewport().installEventFilter(self)
        model = view.model()
        if (self._fitted or self._empty_hidden) and model is not None:  # new rows, new text to fit
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self.apply)
            model.dataChanged.connect(self._on_model_data_changed)
        if self._fitted or self._least:
            # Text is fitted to the rows in view, read again as others scroll in: each row's hint is some nine
            # calls into the Python model, and Qt's default reads up to 1,000 rows (the results lay out at
            # every keystroke: 7 ms for 50 rows, 4 ms for the 25 in view).
            view.horizontalHeader().setResizeContentsPrecision(0)
            view.verticalScrollBar().valueChanged.connect(self.apply)
        view.horizontalHeader().setStretchLastSection(True)  # the pixels rounding leaves over
        self.apply()

    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if any(top_left.column() <= column <= bottom_right.column() for column in (*self._fitted, *self._empty_hidden)):
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
        hints = {column: self._view.sizeHintForColumn(column) for column in (*self._fitted, *self._least)
                 if column in floors}
        # What a column that must stay readable needs: its widest shown text, up to its share of the width
        # (short names leave the unit its room; long ones read whole instead of "Anna-Karin Erik…").
        needs = {column: min(hints[column], int(least * width)) for column, least in self._least.items()
                 if column in hints}
        hidden = [column for column in self._empty_hidden if self._empty(column)]
        widths = self._widths(width, hidden, floors, hints)
        for column in self._optional:
            if all(widths[c] >= need for c, need in needs.items() if c in widths):
                break
            hidden.append(column)
            widths = self._widths(width, hidden, floors, hints)
        for column in self._shares:
            self._view.setColumnHidden(column, column in hidden)
        for column, column_width in widths.items():
            self._view.setColumnWidth(column, column_width)

    def _empty(self, column: int) -> bool:
        model = self._view.model()
        return model is None or not any(model.index(row, column).data() for row in range(model.rowCount()))

    def _widths(self, width: int, hidden: list[int], header_floors: dict[int, int],
                hints: dict[int, int]) -> dict[int, int]:
        shares = {column: share for column, share in self._shares.items() if column not in hidden}
        floors = {column: max(header_floors[column], int(self._kept.get(column, 0.0) * width)) for column in shares}
        for column in (column for column in self._fitted if column in hints and column in floors):
            others = sum(floor for other, floor in floors.items() if other != column)  # earlier fitted: their fit
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
