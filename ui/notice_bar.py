"""The operators' notice board in the window: a strip above the search showing the organisation's notices
("Akuten: long waits, refer to 1177"), each with who posted it and until when, and a small non-modal form to
post one. Plain text only: notices are typed by people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_TEXT = 300  # as the store keeps


class NoticeBar(QFrame):
    clear_requested = Signal(int)  # the notice's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        # the label's text in the strip's colour, not the theme's (white on this yellow in high contrast)
        self.setStyleSheet("#noticeBar { background: #fff4ce; border: 1px solid #e0c060; } "
                           "#noticeBar, #noticeBar QLabel { color: #3b2f00; }")
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Notice board"))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setAccessibleDescription(self.tr("Stop showing the newest notice on every console"))
        self.clear_button.clicked.connect(self._on_clear_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.text, 1)
        row.addWidget(self.clear_button)
        self._newest: int | None = None
        self.hide()

    def show_notices(self, notices: list[tuple[int, str]]) -> None:
        """(id, the line to show), newest first; none hides the strip."""
        self._newest = notices[0][0] if notices else None
        self.text.setText("\n".join(line for _id, line in notices))
        self.setVisible(bool(notices))

    def _on_clear_clicked(self) -> None:
        if self._newest is not None:
            self.clear_requested.emit(self._newest)


class NoticeForm(QDialog):
    """Non-modal (show(), never exec()): the phone keeps running and the operator keeps answering."""

    post_requested = Signal(str, int)  # text, minutes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Post a notice to every console"))
        self.text = QLineEdit(self)
        self.text.setMaxLength(MAX_TEXT)
        self.text.setAccessibleName(self.tr("Notice"))
        self.duration = QComboBox(self)
        self.duration.setAccessibleName(self.tr("Shown for"))
        for minutes, label in ((30, self.tr("30 minutes")), (60, self.tr("1 hour")), (120, self.tr("2 hours")),
                               (240, self.tr("4 hours")), (480, self.tr("8 hours"))):
            self.duration.addItem(label, minutes)
        self.duration.setCurrentIndex(1)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        post = QPushButton(self.tr("Post"), self)
        post.setDefault(True)
        post.clicked.connect(self._on_post_clicked)
        form = QFormLayout()
        form.addRow(self.tr("Notice"), self.text)
        form.addRow(self.tr("Shown for"), self.duration)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(post, 0, Qt.AlignmentFlag.AlignRight)

    def open_form(self) -> None:
        self.text.clear()
        self.problem.clear()
        self.show()
        self.activateWindow()
        self.text.setFocus()

    def _on_post_clicked(self) -> None:
        self.post_requested.emit(self.text.text(), int(self.duration.currentData()))
