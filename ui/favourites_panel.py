"""The favourites dock (busy lamp field): chosen people and units, each with a lamp and its status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget

from ui.detail_pane import plain_label
from ui.favourites_model import CONFLICT_ROLE, ENTRY_ID_ROLE, LAMP_ROLE, FavouritesModel

LAMPS = {"idle": QColor("#43a047"), "ringing": QColor("#fb8c00"), "busy": QColor("#e53935"),
         "dnd": QColor("#8e24aa"), "unknown": QColor("#bdbdbd")}


class LampDelegate(QStyledItemDelegate):
    """A round lamp before the plain text: green idle, orange ringing, red on the phone, grey unknown."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        size = option.rect.height() - 10
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(size + 12, 0, 0, 0)
        if index.data(CONFLICT_ROLE):
            shifted.font.setBold(True)
        super().paint(painter, shifted, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LAMPS.get(str(index.data(LAMP_ROLE)), LAMPS["unknown"]))
        top = option.rect.top() + 5
        painter.drawEllipse(QRect(option.rect.left() + 6, top, size, size))
        painter.restore()


class FavouritesPanel(QWidget):
    """Emits ``entry_activated(int)`` on Enter or double-click (the app dials it)."""

    entry_activated = Signal(int)

    def __init__(self, model: FavouritesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("favouritesPanel")
        self.list = QListView()
        self.list.setModel(model)
        self.list.setItemDelegate(LampDelegate(self.list))
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda index: self.entry_activated.emit(index.data(ENTRY_ID_ROLE)))
        self.list.setAccessibleName(self.tr("Favourites"))
        self.list.setAccessibleDescription(self.tr("People and units kept at hand, with their line state; Enter dials"))
        self.hint = plain_label(self.tr("Ctrl+L adds the selected person or unit."), selectable=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
