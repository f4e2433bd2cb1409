"""Labels for caller-supplied text that never widen their dock: a name of 64 characters without a space
(all a caller's display name may be) made the phone dock grow from about 470 to 800 pixels, because a
label asks for room for its longest word.

`ElidedLabel` is one line of plain text cut to the width it is given ("Anna-Karin Lindqvist-Ber…"),
the whole text in its tooltip and for screen readers (its accessible name, and its description while cut);
`text()` is the whole text. A `selectable` one (the detail pane's values) copies the whole text while it is
cut, with Ctrl+C or its menu, not the shown "…". `break_long_words` shortens words too long for a wrapped
label, for sentences that quote a name.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget

LONG_WORD = 28  # characters a word in a wrapped label may have before it is shortened
_ELLIPSIS = "…"


def break_long_words(text: str, longest: int = LONG_WORD) -> str:
    """`text` with every word longer than `longest` characters cut to that length with an ellipsis."""
    return " ".join(word if len(word) <= longest else word[: longest - 1] + _ELLIPSIS for word in text.split(" "))


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, *, selectable: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)  # caller-supplied text is never markup
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(False)
        # As wide as the layout makes it, never wider for its text; as tall as one line.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self._elide()

    def text(self) -> str:
        """The whole text, whatever is shown."""
        return self._text

    def shown_text(self) -> str:
        """What fits and is drawn."""
        return super().text()

    def is_cut(self) -> bool:
        return self.shown_text() != self._text

    def copy(self) -> None:
        """The whole text to the clipboard."""
        QGuiApplication.clipboard().setText(self._text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_cut() and event.matches(QKeySequence.StandardKey.Copy):
            self.copy()  # a selection of the shown text would end in "…"
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not (self.is_cut() and self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse):
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), self.copy)
        menu.exec(event.globalPos())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M" * 4)), hint.height())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._text, self._mode, width) if width > 0 else self._text
        super().setText(shown)
        whole = self._text if shown != self._text else ""
        self.setToolTip(whole)
        self.setAccessibleDescription(whole)  # as Qt's own fallback to the tooltip, but said
