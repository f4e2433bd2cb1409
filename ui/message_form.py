"""The message form: an SMS, e-mail or pager message to a person, a unit's people, or typed or imported numbers.

Modeless (shown with `show()`, never `exec()`): the phone keeps being pumped and the main window keeps
taking calls while the operator writes.
The form only collects and shows; `app.messages.message_flow` checks, queues and sends. Emits
`send_requested(channel, recipients, template, subject, text)` (recipients as typed, one per line),
`template_chosen(name)`, `file_chosen(path)` and `text_edited(channel, text)`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class MessageForm(QDialog):
    send_requested = Signal(str, str, str, str, str)
    template_chosen = Signal(str)
    file_chosen = Signal(str)
    text_edited = Signal(str, str)  # channel, text: the flow answers with set_counter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Message to staff"))
        self.setModal(False)
        self.channel = QComboBox(self)
        self.channel.setAccessibleName(self.tr("Channel"))
        self.recipients = QPlainTextEdit(self)
        self.recipients.setPlaceholderText(self.tr("One recipient per line: number or address, then a comma and "
                                                   "the name"))
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.clicked.connect(self._choose_file)
        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Template"))
        self.template.activated.connect(lambda i: self.template_chosen.emit(self.template.itemData(i) or ""))
        self.subject = QLineEdit(self)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Message text"))
        self.counter = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.states = QTableWidget(0, 3, self)
        self.states.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("State"), self.tr("Reason")])
        self.states.verticalHeader().hide()
        self.states.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.states.horizontalHeader().setStretchLastSection(True)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._on_send_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        to_row = QHBoxLayout()
        to_row.addWidget(self.recipients, 1)
        to_row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("To"), to_row)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Text"), self.text)
        form.addRow("", self.counter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.states)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.text.textChanged.connect(self._update_counter)
        self.resize(560, 560)
        self._question: QMessageBox | None = None
        self._files: QFileDialog | None = None

    def set_channels(self, channels: list[tuple[str, str]], current: str = "") -> None:
        """(value, label) pairs; `current` is chosen when it is among them."""
        self.channel.clear()
        for value, label in channels:
            self.channel.addItem(label, value)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(max(0, index))

    def set_templates(self, templates: list[tuple[str, str]]) -> None:
        self.template.clear()
        self.template.addItem(self.tr("(none)"), "")
        for name, label in templates:
            self.template.addItem(label, name)

    def current_channel(self) -> str:
        return str(self.channel.currentData() or "")

    def set_counter(self, text: str) -> None:
        self.counter.setText(text)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def show_states(self, rows: list[tuple[str, str, str]]) -> None:
        self.states.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                self.states.setItem(row, column, QTableWidgetItem(cell))
        self.states.resizeColumnsToContents()

    def confirm(self, text: str, on_yes: Callable[[], None]) -> None:
        """Ask before sending to a large group; `on_yes` runs only after Yes (non-modal, no nested loop)."""
        question = QMessageBox(QMessageBox.Icon.Question, self.tr("Send to a group"), text,
                               QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        question.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                on_yes()

        question.finished.connect(answered)
        self._question = question
        question.open()

    def _on_send_clicked(self) -> None:
        self.problem.clear()
        self.send_requested.emit(self.current_channel(), self.recipients.toPlainText(),
                                 str(self.template.currentData() or ""), self.subject.text(), self.text.toPlainText())

    def _on_channel_changed(self, _index: int) -> None:
        self.subject.setEnabled(self.current_channel() == "email")
        self._update_counter()

    def _update_counter(self) -> None:
        self.text_edited.emit(self.current_channel(), self.text.toPlainText())

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Import recipients"))
        dialog.setNameFilters([self.tr("Lists (*.csv *.txt *.xlsx)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(self.file_chosen.emit)
        self._files = dialog
        dialog.open()
